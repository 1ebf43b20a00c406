import type {
  ContactEntity,
  CustomFieldOptionView,
  CustomFieldType,
  CustomFieldView,
  FieldTypeChangeView,
  ListView,
} from '@sanad/contracts';
import { request } from './client';
import { queryString } from './query-string';

export interface ContactFieldInput {
  entity: ContactEntity;
  key: string;
  labelAr: string;
  labelEn: string;
  type: CustomFieldType;
  required?: boolean;
  options?: CustomFieldOptionView[];
}

/** The key and entity never change; a type change converts values (preview it first). */
export type ContactFieldChanges = Partial<
  Omit<ContactFieldInput, 'entity' | 'key'> & { position: number }
>;

export const contactFieldsApi = {
  list: (entity: ContactEntity) =>
    request<ListView<CustomFieldView>>('GET', `/contact-fields${queryString({ entity })}`),
  create: (input: ContactFieldInput) => request<CustomFieldView>('POST', '/contact-fields', input),
  update: (id: string, changes: ContactFieldChanges) =>
    request<CustomFieldView>('PATCH', `/contact-fields/${id}`, changes),
  remove: (id: string) => request<void>('DELETE', `/contact-fields/${id}`),
  /** How many people (or companies) hold a value: the delete dialog says what is lost. */
  usage: (id: string) => request<{ values: number }>('GET', `/contact-fields/${id}/usage`),
  /** What changing the type to `to` would convert and keep aside. */
  typeChange: (id: string, to: CustomFieldType) =>
    request<FieldTypeChangeView>('GET', `/contact-fields/${id}/type-change${queryString({ to })}`),
};
