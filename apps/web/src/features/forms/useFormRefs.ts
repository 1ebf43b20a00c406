import { ref } from 'vue';
import type { CustomFieldView, MailboxView, TagView, TeamView } from '@sanad/contracts';
import { contactFieldsApi } from '@/api/contact-fields';
import { mailboxesApi } from '@/api/mailboxes';
import { tagsApi } from '@/api/tags';
import { teamsApi } from '@/api/teams';

/**
 * What a form's settings and mappings choose from: the mailboxes a conversation may open in,
 * the tags and teams, and the people's custom fields. A list that fails to load stays empty
 * (the choice then offers what the form already has).
 */
export function useFormRefs() {
  const mailboxes = ref<MailboxView[]>([]);
  const tags = ref<TagView[]>([]);
  const teams = ref<TeamView[]>([]);
  const customFields = ref<CustomFieldView[]>([]);
  const empty = { items: [] };

  async function load(): Promise<void> {
    const [m, t, g, c] = await Promise.all([
      mailboxesApi.list().catch(() => empty),
      tagsApi.list().catch(() => empty),
      teamsApi.list().catch(() => empty),
      contactFieldsApi.list('person').catch(() => empty),
    ]);
    mailboxes.value = (m.items as MailboxView[]).filter((x) => !x.archived && x.kind !== 'spam');
    tags.value = t.items as TagView[];
    teams.value = g.items as TeamView[];
    customFields.value = c.items as CustomFieldView[];
  }

  return { mailboxes, tags, teams, customFields, load };
}

export type FormRefs = ReturnType<typeof useFormRefs>;
