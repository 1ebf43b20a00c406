import type { CategoryView, ContactEntity, ListView } from '@sanad/contracts';
import { request } from './client';

export const contactCategoriesApi = {
  list: (entity: ContactEntity) =>
    request<ListView<CategoryView>>('GET', `/contact-categories?entity=${entity}`),
};
