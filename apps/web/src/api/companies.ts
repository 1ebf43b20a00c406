import type {
  CompanyMergePreviewView,
  CompanyView,
  ContactActivityView,
  ListView,
  PageView,
  PersonView,
} from '@sanad/contracts';
import { request } from './client';
import type { MergePicks, PeopleQuery } from './people';
import { queryString } from './query-string';

export interface CompaniesQuery {
  q?: string;
  categoryId?: string;
  cursor?: string;
  limit?: number;
}

/** Body of POST /companies and PATCH /companies/:id. */
export interface CompanyInput {
  name?: string;
  /** e.g. example.com; people with an email there are linked automatically. */
  domains?: string[];
  categoryId?: string | null;
  customFields?: Record<string, unknown>;
  notes?: string | null;
}

export const companiesApi = {
  list: (query: CompaniesQuery = {}) =>
    request<PageView<CompanyView>>('GET', `/companies${queryString({ ...query })}`),
  get: (id: string) => request<CompanyView>('GET', `/companies/${id}`),
  create: (input: CompanyInput) => request<CompanyView>('POST', '/companies', input),
  update: (id: string, input: CompanyInput) =>
    request<CompanyView>('PATCH', `/companies/${id}`, input),
  remove: (id: string) => request<void>('DELETE', `/companies/${id}`),
  /** The company's people, with the people list's filters and paging. */
  people: (id: string, query: Omit<PeopleQuery, 'companyId'> = {}) =>
    request<PageView<PersonView>>('GET', `/companies/${id}/people${queryString({ ...query })}`),
  activities: (id: string) =>
    request<ListView<ContactActivityView>>('GET', `/companies/${id}/activities`),
  mergePreview: (id: string, sourceId: string) =>
    request<CompanyMergePreviewView>(
      'GET',
      `/companies/${id}/merge-preview${queryString({ sourceId })}`,
    ),
  merge: (id: string, sourceId: string, pick: MergePicks = {}) =>
    request<CompanyView>('POST', `/companies/${id}/merge`, { sourceId, pick }),
};
