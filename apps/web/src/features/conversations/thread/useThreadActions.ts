import { computed, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import type { MessageView } from '@sanad/contracts';
import { errorMessage } from '@/api/client';
import { conversationsApi, type ConversationChanges } from '@/api/conversations';
import { emailApi } from '@/api/email';
import { useConversationsStore } from '@/stores/conversations';
import { useSessionStore } from '@/stores/session';
import { useThreadStore } from '@/stores/thread';

/**
 * What an agent does to the open conversation. Our own answer updates the thread and the lists
 * at once; the timeline entry a change writes has no event of its own, so the thread is read
 * again quietly after a change.
 */
export function useThreadActions(id: string) {
  const { t } = useI18n();
  const thread = useThreadStore();
  const conversations = useConversationsStore();
  const session = useSessionStore();
  const failure = ref<string | null>(null);
  const notice = ref<string | null>(null);
  const retrying = ref<string | null>(null);

  const conversation = computed(() => thread.detail?.conversation ?? null);
  const isSpam = computed(
    () => !!conversation.value && conversations.spamMailboxIds.has(conversation.value.mailboxId),
  );
  const following = computed(
    () => !!conversation.value?.followers.includes(session.me?.user.id ?? ''),
  );

  async function change(changes: ConversationChanges): Promise<void> {
    failure.value = null;
    try {
      thread.setConversation(await conversationsApi.update(id, changes), true);
    } catch (e) {
      failure.value = errorMessage(e);
    }
    void thread.refresh();
  }

  async function toggleFollow(): Promise<void> {
    failure.value = null;
    try {
      thread.setConversation(await conversationsApi.follow(id, !following.value), true);
      void thread.refresh();
    } catch (e) {
      failure.value = errorMessage(e);
    }
  }

  function addTag(tag: string): void {
    if (tag && conversation.value) void change({ tags: [...conversation.value.tags, tag] });
  }

  function removeTag(tag: string): void {
    if (conversation.value) void change({ tags: conversation.value.tags.filter((x) => x !== tag) });
  }

  async function retryDelivery(message: MessageView): Promise<void> {
    retrying.value = message.id;
    failure.value = null;
    try {
      thread.upsertMessage(await conversationsApi.retryDelivery(id, message.id));
    } catch (e) {
      failure.value = errorMessage(e);
    } finally {
      retrying.value = null;
    }
  }

  /** Blocks the sender (their next mail goes to المزعج) and moves this conversation there too. */
  async function blockSender(address: string): Promise<void> {
    failure.value = null;
    notice.value = null;
    try {
      await emailApi.block(address).catch((e: unknown) => {
        // Already blocked is fine: the point is that it is.
        if ((e as { code?: string }).code !== 'email/blocked_sender_exists') throw e;
      });
      notice.value = t('inbox.email.blocked', { address });
      if (!isSpam.value) await change({ spam: true });
    } catch (e) {
      failure.value = errorMessage(e);
    }
  }

  return {
    failure,
    notice,
    retrying,
    isSpam,
    following,
    change,
    toggleFollow,
    addTag,
    removeTag,
    retryDelivery,
    blockSender,
  };
}
