import type { CompanyView, PersonView } from '@sanad/contracts';
import { companiesApi } from '@/api/companies';
import { peopleApi } from '@/api/people';

/** One row of a SearchPicker. */
export interface PickerChoice {
  id: string;
  label: string;
  detail?: string;
}

export function companyChoice(company: Pick<CompanyView, 'id' | 'name'>): PickerChoice {
  return { id: company.id, label: company.name };
}

/** A person by name, else by their first email or phone (a visitor may have none). */
export function personChoice(person: PersonView, unnamed: string): PickerChoice {
  const contact = person.emails[0] ?? person.phones[0];
  return {
    id: person.id,
    label: person.name ?? contact ?? unnamed,
    detail: person.name ? contact : undefined,
  };
}

export async function searchCompanies(q: string): Promise<PickerChoice[]> {
  const page = await companiesApi.list({ q: q || undefined, limit: 20 });
  return page.items.map(companyChoice);
}

export async function searchPeople(q: string, unnamed: string): Promise<PickerChoice[]> {
  const page = await peopleApi.list({ q: q || undefined, limit: 20 });
  return page.items.map((p) => personChoice(p, unnamed));
}
