import { computed, nextTick, ref, type Ref } from 'vue';
import type { UserView } from '@sanad/contracts';
import { mentionChoices } from './mention-choices';

/** In a note, "@" followed by letters offers the members who can see this mailbox. */
export function useMentions(options: {
  text: Ref<string>;
  textarea: Ref<HTMLTextAreaElement | null>;
  active: () => boolean;
  members: () => UserView[];
  mailboxId: () => string;
}) {
  const { text, textarea } = options;
  const query = ref<string | null>(null);
  const index = ref(0);
  const mentioned = ref(new Map<string, string>());
  const mentionable = computed(() =>
    options
      .members()
      .filter(
        (m) =>
          m.role !== 'agent' || m.mailboxIds === null || m.mailboxIds.includes(options.mailboxId()),
      ),
  );
  const choices = computed(() =>
    query.value === null ? [] : mentionChoices(mentionable.value, query.value),
  );

  function track(): void {
    const el = textarea.value;
    if (!options.active() || !el) {
      query.value = null;
      return;
    }
    const before = el.value.slice(0, el.selectionStart);
    const match = /(^|\s)@([^\s@]{0,30})$/u.exec(before);
    query.value = match ? match[2] : null;
    index.value = 0;
  }

  async function pick(member: UserView): Promise<void> {
    const el = textarea.value;
    if (!el) return;
    const caret = el.selectionStart;
    const before = text.value.slice(0, caret).replace(/@([^\s@]{0,30})$/u, `@${member.name} `);
    text.value = before + text.value.slice(caret);
    mentioned.value = new Map(mentioned.value).set(member.id, member.name);
    query.value = null;
    await nextTick();
    el.focus();
    el.setSelectionRange(before.length, before.length);
  }

  /** Only mentions whose "@Name" is still in the text count. */
  function current(): string[] {
    return [...mentioned.value]
      .filter(([, name]) => text.value.includes(`@${name}`))
      .map(([id]) => id);
  }

  /** Arrow keys, Enter/Tab and Escape while choices are open; true when the key was used. */
  function onKeydown(event: KeyboardEvent): boolean {
    if (choices.value.length === 0) return false;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const n = choices.value.length;
      index.value = (index.value + (event.key === 'ArrowDown' ? 1 : n - 1)) % n;
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      void pick(choices.value[index.value]);
    } else if (event.key === 'Escape') {
      query.value = null;
    } else return false;
    event.preventDefault();
    return true;
  }

  function reset(): void {
    mentioned.value = new Map();
    query.value = null;
  }

  return { choices, index, track, pick, current, onKeydown, reset };
}
