import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type {
  ConversationView,
  FeedEvent,
  MailboxView,
  MemberAction,
  ViewCountsView,
} from '@sanad/contracts';
import { errorMessage } from '@/api/client';
import { conversationsApi, type ConversationFilters } from '@/api/conversations';
import {
  insertSorted,
  matchesQuery,
  normaliseQuery,
  queryKey,
  sortKey,
  withinLoaded,
  type ConversationQuery,
  type MatchContext,
  type SortKey,
} from './conversation-query';
import { useEventStreamStore } from './event-stream';
import { useSessionStore } from './session';

/** One list shown somewhere (the inbox, the customer sidebar), kept live by events. */
export interface ConversationList {
  key: string;
  query: ConversationQuery;
  items: ConversationView[];
  nextCursor: string | null;
  /** The last item of the last page fetched (where the next page starts); null without one. */
  boundary: SortKey | null;
  loaded: boolean;
  loading: boolean;
  loadingMore: boolean;
  error: string | null;
  moreError: string | null;
}

interface ListBookkeeping {
  users: number;
  /** Only the newest request may fill the list. */
  ticket: number;
  /** Events that came while a page was being read: applied on top of it when it arrives. */
  buffer: FeedEvent[] | null;
}

const COUNTS_DELAY_MS = 300;
/** After these, our own access changed: what we may see is different, read it again. */
const ACCESS_ACTIONS = new Set<MemberAction>(['member.mailboxes_changed', 'member.role_changed']);

function filtersOf(query: ConversationQuery, cursor?: string): ConversationFilters {
  const { view, ...rest } = query;
  return { view, ...rest, cursor };
}

/**
 * The conversation lists shown, keyed by their query, the view counts and the mailboxes. Events
 * patch the lists in place (the client decides membership and order as the server does); the
 * counts are read again after conversation events. A list is never read again for an event.
 */
export const useConversationsStore = defineStore('conversations', () => {
  const session = useSessionStore();
  const stream = useEventStreamStore();

  const lists = ref<Record<string, ConversationList>>({});
  const books = new Map<string, ListBookkeeping>();
  const counts = ref<ViewCountsView | null>(null);
  const mailboxes = ref<MailboxView[]>([]);
  const spamMailboxIds = computed(
    () => new Set(mailboxes.value.filter((m) => m.kind === 'spam').map((m) => m.id)),
  );

  let mailboxesRead: Promise<void> | null = null;

  /** The mailboxes (spam ones decide list membership); `fresh` reads them again. */
  function loadMailboxes(fresh = false): Promise<void> {
    if (!mailboxesRead || fresh) {
      mailboxesRead = conversationsApi
        .mailboxes()
        .then((page) => void (mailboxes.value = page.items))
        .catch(() => undefined);
    }
    return mailboxesRead;
  }

  function context(): MatchContext | null {
    const me = session.me;
    if (!me) return null;
    return {
      viewer: { userId: me.user.id, role: me.user.role, mailboxIds: me.user.mailboxIds },
      spamMailboxIds: spamMailboxIds.value,
    };
  }

  // Lists

  function acquire(query: ConversationQuery): string {
    const clean = normaliseQuery(query);
    const key = queryKey(clean);
    let book = books.get(key);
    if (!book) {
      book = { users: 0, ticket: 0, buffer: null };
      books.set(key, book);
      lists.value[key] = {
        key,
        query: clean,
        items: [],
        nextCursor: null,
        boundary: null,
        loaded: false,
        loading: false,
        loadingMore: false,
        error: null,
        moreError: null,
      };
    }
    book.users += 1;
    const list = lists.value[key];
    if (!list.loaded && !list.loading) void load(key);
    return key;
  }

  function release(key: string): void {
    const book = books.get(key);
    if (!book) return;
    book.users -= 1;
    if (book.users > 0) return;
    books.delete(key);
    delete lists.value[key];
  }

  function boundaryOf(items: ConversationView[], nextCursor: string | null): SortKey | null {
    const last = items[items.length - 1];
    return nextCursor && last ? sortKey(last) : null;
  }

  /** Reads the first page (again). `quiet` keeps the current items on screen meanwhile. */
  async function load(key: string, quiet = false): Promise<void> {
    const list = lists.value[key];
    const book = books.get(key);
    if (!list || !book) return;
    const ticket = ++book.ticket;
    const current = () => books.get(key) === book && book.ticket === ticket;
    list.loading = !quiet || !list.loaded;
    list.error = null;
    list.moreError = null;
    // A page still being read keeps its events: they are older than this read, so harmless.
    book.buffer ??= [];
    try {
      await stream.ready();
      const [page] = await Promise.all([
        conversationsApi.list(filtersOf(list.query)),
        loadMailboxes(),
      ]);
      if (!current()) return;
      list.items = page.items;
      list.nextCursor = page.nextCursor;
      list.boundary = boundaryOf(page.items, page.nextCursor);
      list.loaded = true;
      replay(list, book);
    } catch (e) {
      if (!current()) return;
      book.buffer = null;
      if (!quiet || !list.loaded) list.error = errorMessage(e);
    } finally {
      if (current()) list.loading = false;
    }
  }

  async function loadMore(key: string): Promise<void> {
    const list = lists.value[key];
    const book = books.get(key);
    if (!list || !book || !list.nextCursor || list.loading || book.buffer) return;
    const ticket = book.ticket;
    const current = () => books.get(key) === book && book.ticket === ticket;
    list.loadingMore = true;
    list.moreError = null;
    book.buffer = [];
    try {
      const page = await conversationsApi.list(filtersOf(list.query, list.nextCursor));
      if (!current()) return;
      // A conversation that moved up meanwhile is already in the list.
      const known = new Set(list.items.map((item) => item.id));
      list.items = [...list.items, ...page.items.filter((item) => !known.has(item.id))];
      list.nextCursor = page.nextCursor;
      list.boundary = boundaryOf(page.items, page.nextCursor);
    } catch (e) {
      if (current()) list.moreError = errorMessage(e);
    } finally {
      if (books.get(key) === book) list.loadingMore = false;
      if (current()) replay(list, book);
    }
  }

  function replay(list: ConversationList, book: ListBookkeeping): void {
    const pending = book.buffer ?? [];
    book.buffer = null;
    pending.forEach((event) => applyToList(list, book, event));
  }

  function applyToList(list: ConversationList, book: ListBookkeeping, event: FeedEvent): void {
    if (book.buffer) {
      book.buffer.push(event);
      return;
    }
    if (!list.loaded) return;
    if (event.type === 'conversation.created' || event.type === 'conversation.updated')
      placeInList(list, event.data.conversation);
    else if (event.type === 'conversation.merged') removeFromList(list, event.data.sourceId);
  }

  function removeFromList(list: ConversationList, id: string): void {
    if (list.items.some((item) => item.id === id))
      list.items = list.items.filter((item) => item.id !== id);
  }

  /** In place, moved, inserted or removed: wherever the conversation now belongs in this list. */
  function placeInList(list: ConversationList, incoming: ConversationView): void {
    const ctx = context();
    if (!ctx) return;
    const index = list.items.findIndex((item) => item.id === incoming.id);
    // A conversation keeps its contact; an event built before a new contact was visible to the
    // server says null (see the report), so the one already shown wins.
    const known = index === -1 ? null : list.items[index].contact;
    const conversation = incoming.contact || !known ? incoming : { ...incoming, contact: known };
    const belongs = matchesQuery(list.query, conversation, ctx);
    if (list.query.q) {
      // Search results are the server's to decide: update or drop, never add.
      if (index === -1) return;
      if (!belongs) removeFromList(list, conversation.id);
      else {
        const items = [...list.items];
        items[index] = { ...conversation, snippet: list.items[index].snippet };
        list.items = items;
      }
      return;
    }
    let items = index === -1 ? list.items : list.items.filter((_, i) => i !== index);
    // Past the loaded pages, it comes with the page it sorts into.
    if (belongs && withinLoaded(conversation, list.nextCursor ? list.boundary : null))
      items = insertSorted(items, conversation);
    if (items !== list.items) list.items = items;
  }

  /** A conversation as our own request returned it: shown at once, before its event arrives. */
  function applyLocal(conversation: ConversationView): void {
    for (const [key, book] of books) {
      const list = lists.value[key];
      if (list && !book.buffer && list.loaded) placeInList(list, conversation);
    }
  }

  // Counts

  let countsWanted = false;
  let countsTimer: ReturnType<typeof setTimeout> | null = null;
  let countsReading = false;
  let countsStale = false;

  async function loadCounts(): Promise<void> {
    countsWanted = true;
    if (countsReading) {
      countsStale = true;
      return;
    }
    countsReading = true;
    try {
      await stream.ready();
      counts.value = await conversationsApi.counts();
    } catch {
      // The last counts stay; the next event reads them again.
    } finally {
      countsReading = false;
      if (countsStale) {
        countsStale = false;
        scheduleCounts();
      }
    }
  }

  /** The inbox is gone: events no longer read the counts. */
  function releaseCounts(): void {
    countsWanted = false;
    if (countsTimer) clearTimeout(countsTimer);
    countsTimer = null;
  }

  /** One cheap indexed read, at most every COUNTS_DELAY_MS while events come in. */
  function scheduleCounts(): void {
    if (!countsWanted || countsTimer) return;
    countsTimer = setTimeout(() => {
      countsTimer = null;
      void loadCounts();
    }, COUNTS_DELAY_MS);
  }

  // Events

  function apply(event: FeedEvent): void {
    switch (event.type) {
      case 'conversation.created':
      case 'conversation.updated':
      case 'conversation.merged':
        for (const [key, book] of books) {
          const list = lists.value[key];
          if (list) applyToList(list, book, event);
        }
        scheduleCounts();
        break;
      case 'member.updated':
        if (event.data.user.id !== session.me?.user.id) break;
        session.applyUser(event.data.user);
        if (event.data.action && ACCESS_ACTIONS.has(event.data.action)) void stream.resync();
        break;
      default:
        break;
    }
  }

  function resync(): Promise<unknown> {
    const reads: Array<Promise<unknown>> = [...books.keys()].map((key) => load(key, true));
    reads.push(loadMailboxes(true));
    if (countsWanted) reads.push(loadCounts());
    return Promise.all(reads);
  }

  function reset(): void {
    releaseCounts();
    counts.value = null;
    mailboxes.value = [];
    mailboxesRead = null;
  }

  stream.register({ apply, resync, reset });

  return {
    lists,
    counts,
    mailboxes,
    spamMailboxIds,
    loadMailboxes,
    acquire,
    release,
    load,
    loadMore,
    applyLocal,
    loadCounts,
    releaseCounts,
  };
});
