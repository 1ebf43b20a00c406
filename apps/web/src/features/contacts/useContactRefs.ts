import { ref, shallowRef } from 'vue';
import type { CategoryView, CustomFieldView } from '@sanad/contracts';
import { errorMessage } from '@/api/client';
import { contactCategoriesApi } from '@/api/contact-categories';
import { contactFieldsApi } from '@/api/contact-fields';

/** The people's categories and custom-field definitions, which every people screen needs. */
export function usePersonRefs() {
  const categories = shallowRef<CategoryView[]>([]);
  const fields = shallowRef<CustomFieldView[]>([]);
  const error = ref<string | null>(null);

  async function load(): Promise<void> {
    error.value = null;
    try {
      const [c, f] = await Promise.all([
        contactCategoriesApi.list('person'),
        contactFieldsApi.list('person'),
      ]);
      categories.value = c.items;
      fields.value = [...f.items].sort((a, b) => a.position - b.position);
    } catch (e) {
      error.value = errorMessage(e);
    }
  }

  return { categories, fields, error, load };
}
