import { ref, shallowRef } from 'vue';
import type { CategoryView, ContactEntity, CustomFieldView } from '@sanad/contracts';
import { errorMessage } from '@/api/client';
import { contactCategoriesApi } from '@/api/contact-categories';
import { contactFieldsApi } from '@/api/contact-fields';

/** The categories and custom-field definitions of people or of companies, which their screens need. */
export function useContactRefs(entity: ContactEntity) {
  const categories = shallowRef<CategoryView[]>([]);
  const fields = shallowRef<CustomFieldView[]>([]);
  const error = ref<string | null>(null);

  async function load(): Promise<void> {
    error.value = null;
    try {
      const [c, f] = await Promise.all([
        contactCategoriesApi.list(entity),
        contactFieldsApi.list(entity),
      ]);
      categories.value = c.items;
      fields.value = [...f.items].sort((a, b) => a.position - b.position);
    } catch (e) {
      error.value = errorMessage(e);
    }
  }

  return { categories, fields, error, load };
}

export const usePersonRefs = () => useContactRefs('person');
export const useCompanyRefs = () => useContactRefs('company');
