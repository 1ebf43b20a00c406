import type { CustomFieldView } from '@sanad/contracts';

/** The custom fields that hold a value: the sidebar lists only those, to stay short. */
export function filledFields(
  fields: readonly CustomFieldView[],
  values: Record<string, unknown>,
): CustomFieldView[] {
  return fields.filter((f) => {
    const value = values[f.key];
    if (value === undefined || value === null || value === '') return false;
    return !(Array.isArray(value) && value.length === 0);
  });
}

/** The customer's name, else their first email or phone; null for an anonymous visitor. */
export function customerName(contact: {
  name: string | null;
  emails: readonly string[];
  phones: readonly string[];
}): string | null {
  return contact.name || contact.emails[0] || contact.phones[0] || null;
}
