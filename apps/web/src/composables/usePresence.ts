import { computed, onBeforeUnmount, onMounted, ref } from 'vue';
import type { PresenceState, PresenceView } from '@sanad/contracts';
import { onPresence, sendPresence } from '@/modules/realtime';

const HEARTBEAT_MS = 10_000;
const VIEWING_TTL_MS = 25_000;
const TYPING_TTL_MS = 6_000;
const TYPING_EVERY_MS = 2_000;

/**
 * Who else is viewing or typing in a conversation, and announcing our own presence: a heartbeat
 * while the conversation is open, typing hints while the composer changes, "left" when closed.
 */
export function usePresence(conversationId: string, myUserId: () => string | undefined) {
  const others = ref(new Map<string, PresenceView & { seenAt: number }>());
  const now = ref(Date.now());
  let lastTyping = 0;
  let typingMode: PresenceState = 'viewing';

  const present = computed(() =>
    [...others.value.values()].filter((p) => {
      const ttl = p.state.startsWith('typing') ? TYPING_TTL_MS : VIEWING_TTL_MS;
      return p.state !== 'left' && now.value - p.seenAt < ttl;
    }),
  );

  const stop = onPresence((view) => {
    if (view.conversationId !== conversationId || view.userId === myUserId()) return;
    const next = new Map(others.value);
    next.set(view.userId, { ...view, seenAt: Date.now() });
    others.value = next;
  });

  function typing(mode: 'reply' | 'note'): void {
    const state: PresenceState = mode === 'reply' ? 'typing-reply' : 'typing-note';
    if (Date.now() - lastTyping < TYPING_EVERY_MS && typingMode === state) return;
    lastTyping = Date.now();
    typingMode = state;
    sendPresence({ conversationId, state });
  }

  let timer: ReturnType<typeof setInterval> | null = null;
  let lastBeat = 0;
  onMounted(() => {
    sendPresence({ conversationId, state: 'viewing' });
    lastBeat = Date.now();
    timer = setInterval(() => {
      now.value = Date.now();
      if (now.value - lastBeat >= HEARTBEAT_MS && now.value - lastTyping > TYPING_TTL_MS) {
        lastBeat = now.value;
        sendPresence({ conversationId, state: 'viewing' });
      }
    }, 1000);
  });
  onBeforeUnmount(() => {
    if (timer) clearInterval(timer);
    stop();
    sendPresence({ conversationId, state: 'left' });
  });

  return { present, typing };
}
