/** Values a saved reply can use, e.g. `{{contact.name}}`. */
export type PlaceholderValues = Record<string, string>;

export const PLACEHOLDERS = [
  'contact.name',
  'contact.email',
  'agent.name',
  'conversation.number',
  'workspace.name',
] as const;

/** Fills `{{ name }}` placeholders; unknown ones are left as written so the agent sees them. */
export function fillPlaceholders(body: string, values: PlaceholderValues): string {
  return body.replace(/\{\{\s*([a-z]+\.[a-z]+)\s*\}\}/gi, (whole, key: string) => {
    const value = values[key.toLowerCase()];
    return value === undefined ? whole : value;
  });
}
