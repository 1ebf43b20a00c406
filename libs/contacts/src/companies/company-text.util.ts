import { contactSearchText, foldedSortName } from '@sanad/search';

/** A company's search text and sort name: its folded name, and its domains (searched like emails). */
export function companySearchText(company: { name: string; domains: readonly string[] }): string {
  return contactSearchText({ name: company.name, emails: [...company.domains], phones: [] });
}

export function companySortName(name: string): string {
  return foldedSortName(name, []);
}
