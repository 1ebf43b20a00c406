/**
 * tsquery text built from our own lexemes only, never from user syntax: each lexeme quoted
 * (quotes doubled, backslashes escaped), joined with | and &. PostgreSQL reads it with a plain
 * `::tsquery` cast, so no configuration re-parses it.
 */
export function lexeme(value: string, prefix = false): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "''")}'${prefix ? ':*' : ''}`;
}

export function anyOf(parts: string[]): string {
  return parts.length === 1 ? parts[0] : `(${parts.join(' | ')})`;
}

export function allOf(parts: string[]): string {
  return parts.length === 1 ? parts[0] : `(${parts.join(' & ')})`;
}
