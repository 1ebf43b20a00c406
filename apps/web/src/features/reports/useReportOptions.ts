import { onMounted, ref } from 'vue';
import type { CategoryView, MailboxView, TagView, TeamView, UserView } from '@sanad/contracts';
import { contactCategoriesApi } from '@/api/contact-categories';
import { mailboxesApi } from '@/api/mailboxes';
import { membersApi } from '@/api/members';
import { tagsApi } from '@/api/tags';
import { teamsApi } from '@/api/teams';

/**
 * The choices of the filters bar, from the endpoints the inbox and settings already use. A list
 * the caller may not read (or that fails) is empty, and its filter is hidden.
 */
export function useReportOptions() {
  const mailboxes = ref<MailboxView[]>([]);
  const teams = ref<TeamView[]>([]);
  const members = ref<UserView[]>([]);
  const tags = ref<TagView[]>([]);
  const categories = ref<CategoryView[]>([]);
  const empty = { items: [] as never[] };

  onMounted(async () => {
    const [m, t, u, g, c] = await Promise.all([
      mailboxesApi.list().catch(() => empty),
      teamsApi.list().catch(() => empty),
      membersApi.list().catch(() => empty),
      tagsApi.list().catch(() => empty),
      contactCategoriesApi.list('person').catch(() => empty),
    ]);
    mailboxes.value = m.items.filter((mailbox) => !mailbox.archived);
    teams.value = t.items;
    members.value = u.items.filter((user) => user.active);
    tags.value = g.items;
    categories.value = c.items;
  });

  const tagName = (id: string | undefined) =>
    id ? (tags.value.find((tag) => tag.id === id)?.name ?? null) : null;

  return { mailboxes, teams, members, tags, categories, tagName };
}
