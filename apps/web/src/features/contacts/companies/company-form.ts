/**
 * A domain as people type or paste it (`https://www.Example.com/about`, `@example.com`) in the
 * form the server stores and matches emails against: `example.com`.
 */
export function normalizeDomain(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/^[^@/]*@/, '')
    .replace(/[/?#].*$/, '')
    .replace(/:\d+$/, '')
    .replace(/\.$/, '')
    .replace(/^www\./, '');
}

/** The domains to send: normalised, blanks dropped, each once, in the order typed. */
export function domainsForApi(list: readonly string[]): string[] {
  return [...new Set(list.map(normalizeDomain).filter(Boolean))];
}
