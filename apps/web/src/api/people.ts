import type {
  ContactActivityView,
  ConversationView,
  DuplicatePairView,
  Language,
  ListView,
  MergeSide,
  PageView,
  PeopleSort,
  PersonMergePreviewView,
  PersonView,
} from '@sanad/contracts';
import { request } from './client';
import { queryString } from './query-string';

/** Query of GET /people (see ListPeopleDto); dates as ISO strings. */
export interface PeopleQuery {
  q?: string;
  categoryId?: string;
  companyId?: string;
  registered?: boolean;
  sort?: PeopleSort;
  order?: 'asc' | 'desc';
  createdFrom?: string;
  createdTo?: string;
  lastSeenFrom?: string;
  lastSeenTo?: string;
  /** `<key>:<op>:<value>` custom-field filters. */
  field?: string[];
  cursor?: string;
  limit?: number;
}

/** Body of POST /people and PATCH /people/:id (a patch replaces only what it sends). */
export interface PersonInput {
  name?: string;
  emails?: string[];
  phones?: string[];
  companyId?: string | null;
  categoryId?: string | null;
  /** Values by field key; an empty value removes the key. */
  customFields?: Record<string, unknown>;
  notes?: string | null;
  language?: Language | null;
  externalId?: string | null;
}

export type MergePicks = Record<string, MergeSide>;

export const peopleApi = {
  list: (query: PeopleQuery = {}) =>
    request<PageView<PersonView>>('GET', `/people${queryString({ ...query })}`),
  get: (id: string) => request<PersonView>('GET', `/people/${id}`),
  create: (input: PersonInput) => request<PersonView>('POST', '/people', input),
  update: (id: string, input: PersonInput) => request<PersonView>('PATCH', `/people/${id}`, input),
  /** Links the person to a company by hand; null unlinks. */
  setCompany: (id: string, companyId: string | null) =>
    request<PersonView>('POST', `/people/${id}/company`, { companyId }),
  remove: (id: string) => request<void>('DELETE', `/people/${id}`),
  activities: (id: string) =>
    request<ListView<ContactActivityView>>('GET', `/people/${id}/activities`),
  conversations: (id: string) =>
    request<PageView<ConversationView>>('GET', `/people/${id}/conversations`),
  /** Suggested duplicates across the workspace, pair by pair. */
  duplicates: (cursor?: string, limit?: number) =>
    request<PageView<DuplicatePairView>>(
      'GET',
      `/people/duplicates${queryString({ cursor, limit })}`,
    ),
  duplicatesOf: (id: string) =>
    request<ListView<DuplicatePairView>>('GET', `/people/${id}/duplicates`),
  /** What merging `sourceId` into `id` would do; `id` survives. */
  mergePreview: (id: string, sourceId: string) =>
    request<PersonMergePreviewView>(
      'GET',
      `/people/${id}/merge-preview${queryString({ sourceId })}`,
    ),
  merge: (id: string, sourceId: string, pick: MergePicks = {}) =>
    request<PersonView>('POST', `/people/${id}/merge`, { sourceId, pick }),
};
