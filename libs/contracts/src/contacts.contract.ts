/** Shapes of the contacts API: people, companies, categories and custom fields. */

/** What a category or a custom field belongs to. */
export const CONTACT_ENTITIES = ['person', 'company'] as const;
export type ContactEntity = (typeof CONTACT_ENTITIES)[number];

export const CUSTOM_FIELD_TYPES = [
  'text',
  'long_text',
  'number',
  'decimal',
  'date',
  'select',
  'multi_select',
  'checkbox',
  'url',
  'email',
  'phone',
] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

/**
 * A stored custom-field value: text types, date (`YYYY-MM-DD`), url, email, phone (E.164) and
 * select (the option's value) are strings; number and decimal numbers; checkbox a boolean;
 * multi-select an array of option values.
 */
export type CustomFieldValue = string | number | boolean | string[];
export type CustomFieldValues = Record<string, CustomFieldValue>;

export interface CustomFieldOptionView {
  value: string;
  ar: string;
  en: string;
}

export interface CustomFieldView {
  id: string;
  entity: ContactEntity;
  /** Stable: what the API, imports and exports use. Letters, digits, `_`; starts with a letter. */
  key: string;
  labelAr: string;
  labelEn: string;
  type: CustomFieldType;
  required: boolean;
  options: CustomFieldOptionView[];
  position: number;
}

/** What changing a field's type would do to the values already stored. */
export interface FieldTypeChangeView {
  from: CustomFieldType;
  to: CustomFieldType;
  /** Values that convert (kept, in the new type). */
  converted: number;
  /** Values that cannot convert: kept under `<key>__previous` text, shown on the profile. */
  kept: number;
}

export interface CategoryView {
  id: string;
  entity: ContactEntity;
  name: string;
  /** `#rrggbb`. */
  color: string;
  position: number;
  /** `prospects` / `customers` for the defaults every workspace starts with. */
  systemKey: string | null;
  /** People (or companies) in it. */
  count: number;
}

export interface CompanyRefView {
  id: string;
  name: string;
}

export interface CategoryRefView {
  id: string;
  name: string;
  color: string;
}

export interface PersonView {
  id: string;
  name: string | null;
  /** Two letters for the avatar, from the name or else the email. */
  initials: string;
  /** The first is the primary. */
  emails: string[];
  /** E.164. */
  phones: string[];
  externalId: string | null;
  /** Known by email, phone, external id or a verified identity (not an anonymous visitor). */
  registered: boolean;
  company: CompanyRefView | null;
  /** `domain`: linked because an email matches one of the company's domains. */
  companyLink: 'domain' | 'manual' | null;
  category: CategoryRefView | null;
  customFields: CustomFieldValues;
  notes: string | null;
  language: 'ar' | 'en' | null;
  createdAt: string;
  updatedAt: string;
  lastSeenAt: string | null;
  lastConversationAt: string | null;
}

export interface CompanyView {
  id: string;
  name: string;
  domains: string[];
  category: CategoryRefView | null;
  customFields: CustomFieldValues;
  notes: string | null;
  peopleCount: number;
  createdAt: string;
  updatedAt: string;
}

export const PEOPLE_SORTS = ['name', 'created', 'last_seen'] as const;
export type PeopleSort = (typeof PEOPLE_SORTS)[number];

export const FIELD_FILTER_OPS = [
  'eq',
  'contains',
  'before',
  'after',
  'empty',
  'not_empty',
] as const;
export type FieldFilterOp = (typeof FIELD_FILTER_OPS)[number];

/** One entry on a person's or company's timeline. */
export interface ContactActivityView {
  id: string;
  kind: string;
  data: Record<string, unknown>;
  actor: { id: string; name: string } | null;
  createdAt: string;
}

/** Events about people and companies: the full view after the change (null once deleted). */
export interface ContactEventData {
  contact: PersonView;
  /** Top-level fields that changed (`contact.updated`). */
  changed?: string[];
}
export interface ContactDeletedData {
  contactId: string;
}

/** `delete`: the person and their conversations go; `redact`: conversations stay, emptied. */
export const ERASURE_MODES = ['delete', 'redact'] as const;
export type ErasureMode = (typeof ERASURE_MODES)[number];
export interface ContactErasureFacts {
  contactId: string;
  mode: ErasureMode;
  actorId: string | null;
}
/** The answer to POST /people/:id/erase: the background job that does it. */
export interface ContactErasureView {
  jobId: string;
  contactId: string;
  mode: ErasureMode;
}
export interface ContactMergedData {
  /** Gone: its conversations, identities and fields now belong to `targetId`. */
  sourceId: string;
  targetId: string;
  contact: PersonView;
}
export interface CompanyEventData {
  company: CompanyView;
  changed?: string[];
}
export interface CompanyDeletedData {
  companyId: string;
}
export interface CompanyMergedData {
  sourceId: string;
  targetId: string;
  company: CompanyView;
}
