import { computed } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { VIEWS, type ViewName } from '@sanad/contracts';
import type { ConversationQuery } from '@/stores/conversation-query';

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** An instant the server will take (anything else is left out rather than refused). */
function isoInstant(value: unknown): string {
  const raw = text(value);
  return raw && !Number.isNaN(Date.parse(raw)) && /^\d{4}-\d{2}-\d{2}T/.test(raw) ? raw : '';
}

/** The inbox's state lives in the address: view or mailbox, filters, search and the open id. */
export function useInboxRoute() {
  const route = useRoute();
  const router = useRouter();

  const view = computed<ViewName>(() =>
    (VIEWS as readonly string[]).includes(text(route.query.view))
      ? (route.query.view as ViewName)
      : 'all',
  );
  const mailboxId = computed(() => text(route.query.mailbox) || undefined);
  const status = computed(() => text(route.query.status));
  const priority = computed(() => text(route.query.priority));
  const team = computed(() => text(route.query.team));
  const category = computed(() => text(route.query.category));
  const company = computed(() => text(route.query.company));
  const q = computed(() => text(route.query.q));
  /** From a report's drill-down: the agent, tag, channel and created range behind a number. */
  const assignee = computed(() => text(route.query.assignee));
  const tag = computed(() => text(route.query.tag));
  const channel = computed(() => text(route.query.channel));
  const from = computed(() => isoInstant(route.query.from));
  const to = computed(() => isoInstant(route.query.to));
  const selectedId = computed(() => (typeof route.params.id === 'string' ? route.params.id : null));

  /** A mailbox shows all its conversations; otherwise the view decides. */
  const query = computed<ConversationQuery>(() => ({
    view: mailboxId.value ? 'all' : view.value,
    mailboxId: mailboxId.value,
    status: status.value,
    priority: priority.value,
    teamId: team.value,
    contactCategoryId: category.value,
    companyId: company.value,
    assigneeId: assignee.value,
    tag: tag.value,
    channel: channel.value,
    from: from.value,
    to: to.value,
    q: q.value,
  }));

  /** `replace` for changes while typing: one history entry per search, not per letter. */
  function setQuery(
    patch: Record<string, string | undefined>,
    options: { replace?: boolean } = {},
  ): void {
    const next = { ...route.query, ...patch };
    for (const key of Object.keys(next)) if (!next[key]) delete next[key];
    const to = { path: '/conversations', query: next };
    void (options.replace ? router.replace(to) : router.push(to));
  }

  function open(id: string): void {
    void router.push({ path: `/conversations/${id}`, query: route.query });
  }

  /** Back to the list (on a phone the thread takes the whole screen). */
  function close(): void {
    void router.push({ path: '/conversations', query: route.query });
  }

  return {
    view,
    mailboxId,
    status,
    priority,
    team,
    category,
    company,
    q,
    assignee,
    tag,
    channel,
    from,
    to,
    selectedId,
    query,
    setQuery,
    open,
    close,
  };
}
