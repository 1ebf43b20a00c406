import type { CategoryView, ContactEntity, ListView } from '@sanad/contracts';
import { request } from './client';
import { queryString } from './query-string';

export interface CategoryInput {
  entity: ContactEntity;
  name: string;
  /** `#rrggbb`. */
  color?: string;
}

export const contactCategoriesApi = {
  list: (entity: ContactEntity) =>
    request<ListView<CategoryView>>('GET', `/contact-categories?entity=${entity}`),
  create: (input: CategoryInput) => request<CategoryView>('POST', '/contact-categories', input),
  update: (id: string, changes: { name?: string; color?: string }) =>
    request<CategoryView>('PATCH', `/contact-categories/${id}`, changes),
  /** `ids`: every category of the entity, in the new order. */
  reorder: (entity: ContactEntity, ids: string[]) =>
    request<ListView<CategoryView>>('POST', '/contact-categories/reorder', { entity, ids }),
  /** Its people (or companies) move to `moveTo`, or become uncategorised. */
  remove: (id: string, moveTo?: string) =>
    request<void>('DELETE', `/contact-categories/${id}${queryString({ moveTo })}`),
};
