/**
 * A cell as written into a CSV for spreadsheets: one starting with `=`, `+`, `-`, `@`, a tab or
 * a carriage return would run as a formula in Excel or LibreOffice (CSV injection), so it gets a
 * leading apostrophe, which spreadsheets show as text and hide.
 */
export function spreadsheetSafe(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}
