import { Injectable } from '@nestjs/common';
import type { Principal } from '@sanad/accounts';
import { ContactFieldsService } from '@sanad/contacts';
import type { CustomFieldType, FormDefinition, FormFieldType } from '@sanad/contracts';
import { MailboxesService, TagsService, TeamsService } from '@sanad/conversations';
import type { FieldError } from '@sanad/core';

/** Which contact custom-field types a form field of each type may fill. */
const CUSTOM_TYPES: Partial<Record<FormFieldType, CustomFieldType[]>> = {
  short_text: ['text', 'long_text'],
  long_text: ['long_text'],
  hidden: ['text', 'long_text'],
  number: ['number', 'decimal'],
  decimal: ['decimal'],
  date: ['date'],
  select: ['select'],
  radio: ['select'],
  multi_select: ['multi_select'],
  checkbox: ['checkbox'],
  email: ['email'],
  phone: ['phone'],
  url: ['url'],
};

/**
 * What a definition names in the workspace: its mailbox, tags, team and the contact custom
 * fields it maps to must exist (another workspace's ids are unknown here).
 */
@Injectable()
export class FormReferences {
  constructor(
    private readonly mailboxes: MailboxesService,
    private readonly tags: TagsService,
    private readonly teams: TeamsService,
    private readonly fields: ContactFieldsService,
  ) {}

  async check(principal: Principal, definition: FormDefinition): Promise<FieldError[]> {
    const errors: FieldError[] = [];
    const { settings } = definition;
    const [mailboxes, tags, teams, custom] = await Promise.all([
      this.mailboxes.list(principal),
      settings.tagIds.length ? this.tags.list(principal) : [],
      settings.teamId ? this.teams.list(principal) : [],
      this.fields.list(principal.workspaceId, 'person'),
    ]);
    const mailbox = mailboxes.find((m) => m.id === settings.mailboxId);
    if (settings.mailboxId && (!mailbox || mailbox.archived || mailbox.kind === 'spam'))
      errors.push({ field: 'draft.settings.mailboxId', code: 'unknownMailbox' });
    const tagIds = new Set(tags.map((t) => t.id));
    settings.tagIds.forEach((id, i) => {
      if (!tagIds.has(id)) errors.push({ field: `draft.settings.tagIds.${i}`, code: 'unknownTag' });
    });
    if (settings.teamId && !teams.some((t) => t.id === settings.teamId))
      errors.push({ field: 'draft.settings.teamId', code: 'unknownTeam' });
    const byKey = new Map(custom.map((f) => [f.key, f]));
    definition.fields.forEach((field, i) => {
      if (field.mapTo?.kind !== 'custom_field') return;
      const target = byKey.get(field.mapTo.key);
      const path = `draft.fields.${i}.mapTo`;
      if (!target)
        errors.push({ field: path, code: 'unknownCustomField', params: { key: field.mapTo.key } });
      else if (!(CUSTOM_TYPES[field.type] ?? []).includes(target.type))
        errors.push({
          field: path,
          code: 'mappingType',
          params: { property: target.key, type: field.type },
        });
    });
    return errors;
  }
}
