/** Shapes of merging people or companies and of the suggested duplicates. */
import type { CompanyView, PersonView } from './contacts.contract';

/** Which side's value a merge keeps for a field. */
export const MERGE_SIDES = ['target', 'source'] as const;
export type MergeSide = (typeof MERGE_SIDES)[number];

/**
 * Fields a person merge may have to choose between; custom fields as `customFields.<key>`.
 * Companies choose among `name`, `category`, `notes` and their custom fields.
 */
export const PERSON_MERGE_FIELDS = [
  'name',
  'category',
  'company',
  'language',
  'notes',
  'externalId',
] as const;
export const COMPANY_MERGE_FIELDS = ['name', 'category', 'notes'] as const;

/** Both sides hold a different value: the merge keeps the picked one (else the target's). */
export interface MergeConflictView {
  field: string;
  target: unknown;
  source: unknown;
}

export interface PersonMergePreviewView {
  target: PersonView;
  source: PersonView;
  conflicts: MergeConflictView[];
  /** What the survivor gains: the source's conversations and the identities it lacks. */
  moves: { conversations: number; emails: string[]; phones: string[] };
}

export interface CompanyMergePreviewView {
  target: CompanyView;
  source: CompanyView;
  conflicts: MergeConflictView[];
  moves: { people: number; domains: string[] };
}

export const DUPLICATE_REASONS = ['email', 'phone', 'name_company'] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

/** Two people who look like one: a shared email or phone, or the same name at one company. */
export interface DuplicatePairView {
  reason: DuplicateReason;
  people: [PersonView, PersonView];
}
