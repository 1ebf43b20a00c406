import { defineStore } from 'pinia';
import { ref } from 'vue';
import type {
  ConversationDetailView,
  ConversationView,
  FeedEvent,
  MessageView,
} from '@sanad/contracts';
import { errorMessage } from '@/api/client';
import { conversationsApi } from '@/api/conversations';
import { useConversationsStore } from './conversations';
import { useEventStreamStore } from './event-stream';

/** Where a message sorts in a thread: by time, then id (as the server lists them). */
function before(a: MessageView, b: MessageView): boolean {
  const at = Date.parse(a.createdAt);
  const bt = Date.parse(b.createdAt);
  return at !== bt ? at < bt : a.id < b.id;
}

/**
 * The open conversation and its messages, kept live: new messages are added (once, whether they
 * come from our own request or the socket), delivery changes replace their message, and the
 * header follows conversation.updated. A merge away from it says where the conversation went.
 */
export const useThreadStore = defineStore('thread', () => {
  const stream = useEventStreamStore();
  const conversations = useConversationsStore();

  const id = ref<string | null>(null);
  const detail = ref<ConversationDetailView | null>(null);
  const loading = ref(false);
  const error = ref<string | null>(null);
  /** Set when the open conversation was merged into another: the page moves there. */
  const mergedInto = ref<string | null>(null);

  let ticket = 0;
  /** Events that came while the thread was being read: applied on top of it. */
  let buffer: FeedEvent[] | null = null;

  async function open(next: string): Promise<void> {
    id.value = next;
    detail.value = null;
    mergedInto.value = null;
    await read(false);
  }

  function close(which: string): void {
    if (id.value !== which) return;
    ticket += 1;
    id.value = null;
    detail.value = null;
    buffer = null;
    loading.value = false;
    error.value = null;
  }

  /**
   * Reads the thread (again). Quiet reads keep what is shown: after our own changes (their
   * timeline entries have no event of their own), a merge into it, or a resync.
   */
  async function read(quiet: boolean): Promise<void> {
    const current = id.value;
    if (!current) return;
    const mine = ++ticket;
    if (!quiet) loading.value = true;
    buffer ??= [];
    try {
      await stream.ready();
      const view = await conversationsApi.get(current);
      if (mine !== ticket) return;
      detail.value = view;
      error.value = null;
      const pending = buffer ?? [];
      buffer = null;
      pending.forEach(apply);
    } catch (e) {
      if (mine !== ticket) return;
      buffer = null;
      if (!quiet || !detail.value) error.value = errorMessage(e);
    } finally {
      if (mine === ticket) loading.value = false;
    }
  }

  /** Adds a message or replaces it by id, in time order. */
  function upsertMessage(incoming: MessageView): void {
    const view = detail.value;
    if (!view || incoming.conversationId !== view.conversation.id) return;
    const contact = view.conversation.contact;
    // The customer's name, when the event was built before their new contact was visible.
    const message =
      incoming.author.type === 'contact' &&
      !incoming.author.name &&
      contact?.id === incoming.author.id
        ? { ...incoming, author: { ...incoming.author, name: contact.name } }
        : incoming;
    const messages = [...view.messages];
    const index = messages.findIndex((m) => m.id === message.id);
    if (index !== -1) messages[index] = message;
    else {
      let at = messages.length;
      while (at > 0 && before(message, messages[at - 1])) at -= 1;
      messages.splice(at, 0, message);
    }
    detail.value = { ...view, messages };
  }

  /** The header as our own request (or an event) returned it; the lists follow too. */
  function setConversation(conversation: ConversationView, local = false): void {
    const view = detail.value;
    if (view && view.conversation.id === conversation.id)
      detail.value = {
        ...view,
        conversation: {
          ...conversation,
          contact: conversation.contact ?? view.conversation.contact,
        },
      };
    if (local) conversations.applyLocal(conversation);
  }

  function apply(event: FeedEvent): void {
    if (!id.value) return;
    if (buffer) {
      buffer.push(event);
      return;
    }
    switch (event.type) {
      case 'conversation.created':
      case 'conversation.updated':
        setConversation(event.data.conversation);
        break;
      case 'message.created':
      case 'message.updated':
        // Updated carries the whole message (its delivery changed): replace, or add if unseen.
        upsertMessage(event.data.message);
        break;
      case 'conversation.merged':
        if (event.data.sourceId === id.value) mergedInto.value = event.data.targetId;
        // The source's messages moved here and no event carries them: read the thread again.
        else if (event.data.targetId === id.value) void read(true);
        break;
      default:
        break;
    }
  }

  stream.register({ apply, resync: () => read(true) });

  return {
    id,
    detail,
    loading,
    error,
    mergedInto,
    open,
    close,
    refresh: () => read(true),
    upsertMessage,
    setConversation,
  };
});
