/** CSV import of people (the import wizard): upload, map columns, check (dry run), import. */

/** What a column can fill. `field:<key>` is a person custom field. */
export const IMPORT_TARGETS = [
  'name',
  'firstName',
  'lastName',
  'email',
  'phone',
  'externalId',
  'company',
  'category',
  'language',
  'notes',
] as const;
export type ImportBuiltInTarget = (typeof IMPORT_TARGETS)[number];
export type ImportTarget = ImportBuiltInTarget | `field:${string}`;

export const IMPORT_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1256'] as const;
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];

export const IMPORT_DELIMITERS = [',', ';', '\t'] as const;
export type ImportDelimiter = (typeof IMPORT_DELIMITERS)[number];

/** Identities a row is matched with an existing person by. */
export const IMPORT_MATCH_KEYS = ['email', 'phone', 'externalId'] as const;
export type ImportMatchKey = (typeof IMPORT_MATCH_KEYS)[number];

/** A row matching an existing person updates it (empty cells change nothing) or is skipped. */
export const IMPORT_ON_MATCH = ['update', 'skip'] as const;
export type ImportOnMatch = (typeof IMPORT_ON_MATCH)[number];

/**
 * uploaded → (checking → checked) → queued → running → completed; cancelling → cancelled
 * (whatever the import wrote is undone); failed (the file could not be read on: `error` says
 * where). Mapping can change while uploaded or checked (a change asks for a new check).
 */
export const IMPORT_STATUSES = [
  'uploaded',
  'checking',
  'checked',
  'queued',
  'running',
  'cancelling',
  'cancelled',
  'completed',
  'failed',
] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export interface ImportCounts {
  /** Rows read so far (the header excluded). */
  rows: number;
  created: number;
  updated: number;
  skipped: number;
  rejected: number;
}

export interface ImportColumnView {
  index: number;
  header: string;
  /** Chosen (or auto-matched from the header, Arabic or English); null = ignored. */
  target: ImportTarget | null;
  /** The first few values of the column, for the mapping screen. */
  samples: string[];
}

export interface ContactImportView {
  id: string;
  status: ImportStatus;
  fileName: string;
  sizeBytes: number;
  encoding: ImportEncoding;
  delimiter: ImportDelimiter;
  columns: ImportColumnView[];
  matchBy: ImportMatchKey[];
  onMatch: ImportOnMatch;
  /** What the check found would happen; null until checked (and again after a mapping change). */
  check: ImportCounts | null;
  /** What the import did so far. */
  progress: ImportCounts;
  /** Why it failed: a problem code and its parameters, with the row it stopped at. */
  error: { code: string; message: string; row: number | null } | null;
  createdBy: { id: string; name: string } | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

/** GET /contact-imports: the recent imports, and the largest file an upload may be. */
export interface ContactImportListView {
  items: ContactImportView[];
  maxFileMb: number;
}

/** One row refused by the check or the import, with its reason in the reader's language. */
export interface ImportRejectView {
  /** 1-based data row (the header is row 0); spreadsheets show it as `row + 1`. */
  row: number;
  phase: 'check' | 'import';
  code: string;
  /** The column the reason is about, as the file names it. */
  column: string | null;
  reason: string;
  cells: string[];
}

/** The event agents' screens follow an import's progress with (at most every batch). */
export interface ContactImportEventData {
  import: ContactImportView;
}
