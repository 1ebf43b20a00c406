import {
  IMPORT_TARGETS,
  type ContactImportView,
  type CustomFieldView,
  type ImportBuiltInTarget,
  type ImportColumnView,
  type ImportDelimiter,
  type ImportEncoding,
  type ImportStatus,
  type ImportTarget,
  type Language,
} from '@sanad/contracts';

/** The file picker's filter: what spreadsheets save as CSV or "Unicode Text". */
export const IMPORT_ACCEPT = '.csv,.txt,.tsv,text/csv,text/plain,text/tab-separated-values';
const EXTENSIONS = ['.csv', '.txt', '.tsv'];

/**
 * The largest file the server takes until it says its own (`maxFileMb` of the imports list; its
 * 413 is the authority): spares a long upload that would be refused.
 */
export const IMPORT_MAX_MB = 50;
export const IMPORT_MAX_BYTES = IMPORT_MAX_MB * 1024 * 1024;

export type FileProblem = 'type' | 'empty' | 'size';

/** Why a chosen file cannot be sent, or null. */
export function fileProblem(
  file: { name: string; size: number },
  maxBytes = IMPORT_MAX_BYTES,
): FileProblem | null {
  const name = file.name.toLowerCase();
  if (!EXTENSIONS.some((extension) => name.endsWith(extension))) return 'type';
  if (file.size === 0) return 'empty';
  if (file.size > maxBytes) return 'size';
  return null;
}

export const WIZARD_STEPS = ['upload', 'mapping', 'check', 'import'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

/** Where an import (or no import yet) opens: reloading the page lands on the same step. */
export function stepForStatus(status: ImportStatus | null): WizardStep {
  switch (status) {
    case null:
      return 'upload';
    case 'uploaded':
      return 'mapping';
    case 'checking':
    case 'checked':
      return 'check';
    default:
      return 'import';
  }
}

/** The steps one may open: the file and mapping only while they can still change. */
export function reachableSteps(status: ImportStatus | null): WizardStep[] {
  switch (status) {
    case null:
      return ['upload'];
    case 'uploaded':
      return ['upload', 'mapping', 'check'];
    case 'checked':
      return ['upload', 'mapping', 'check', 'import'];
    case 'checking':
      return ['check'];
    default:
      return ['import'];
  }
}

/** Mapping, matching, encoding and delimiter can change (a change asks for a new check). */
export function isEditable(status: ImportStatus): boolean {
  return status === 'uploaded' || status === 'checked';
}

/** Work runs in the background: the screen follows it (socket, and polling as a fallback). */
export function isLive(status: ImportStatus): boolean {
  return (
    status === 'checking' || status === 'queued' || status === 'running' || status === 'cancelling'
  );
}

export function canCancel(status: ImportStatus): boolean {
  return status === 'queued' || status === 'running';
}

export function isFinished(status: ImportStatus): boolean {
  return status === 'completed' || status === 'cancelled' || status === 'failed';
}

/**
 * How far the import is, 0–100, from the rows done against the rows the check counted; null
 * when the total is unknown (no check) and the bar shows as indeterminate.
 */
export function importPercent(
  view: Pick<ContactImportView, 'status' | 'check' | 'progress'>,
): number | null {
  if (view.status === 'completed') return 100;
  if (view.status === 'queued') return 0;
  const total = view.check?.rows ?? 0;
  if (total <= 0) return null;
  return Math.min(100, Math.max(0, Math.floor((view.progress.rows / total) * 100)));
}

const STATUS_ORDER: Record<ImportStatus, number> = {
  uploaded: 0,
  checking: 1,
  checked: 2,
  queued: 3,
  running: 4,
  cancelling: 5,
  cancelled: 6,
  completed: 6,
  failed: 6,
};

/**
 * Whether a view from the socket or a poll should replace the one shown. While work runs, views
 * only move forward: a poll answered before the last event (or a delayed event) is older and
 * would make the bar jump back. Outside running work any view wins (another admin's edit moves
 * `checked` back to `uploaded`).
 */
export function isNewer(current: ContactImportView, incoming: ContactImportView): boolean {
  if (current.id !== incoming.id) return false;
  if (!isLive(current.status)) return true;
  const from = STATUS_ORDER[current.status];
  const to = STATUS_ORDER[incoming.status];
  if (to !== from) return to > from;
  return incoming.progress.rows >= current.progress.rows;
}

/** Puts a fresher view of an import into a list (recent imports), keeping its place. */
export function upsertImport(
  list: ContactImportView[],
  view: ContactImportView,
): ContactImportView[] {
  const at = list.findIndex((item) => item.id === view.id);
  if (at === -1) return [view, ...list];
  if (!isNewer(list[at], view)) return list;
  return list.map((item, index) => (index === at ? view : item));
}

export interface TargetOption {
  /** The select's value: '' is "ignore this column". */
  value: string;
  label: string;
}

export interface TargetOptionGroup {
  group: 'ignore' | 'builtIn' | 'custom';
  options: TargetOption[];
}

export function customTarget(key: string): ImportTarget {
  return `field:${key}`;
}

export function targetToValue(target: ImportTarget | null): string {
  return target ?? '';
}

export function valueToTarget(value: string): ImportTarget | null {
  if (value === '') return null;
  if ((IMPORT_TARGETS as readonly string[]).includes(value)) return value as ImportBuiltInTarget;
  if (value.startsWith('field:') && value.length > 'field:'.length) return value as ImportTarget;
  return null;
}

/**
 * The choices of every column's select: ignore, the built-in targets (labels from `builtInLabel`,
 * in the reader's language) and the person custom fields in their order. A column mapped to a
 * field that no longer exists keeps an option, so the select still shows what the server holds.
 */
export function targetOptions(
  fields: Pick<CustomFieldView, 'key' | 'labelAr' | 'labelEn' | 'position'>[],
  language: Language,
  labels: {
    ignore: string;
    builtIn: (target: ImportBuiltInTarget) => string;
    missingField: (key: string) => string;
  },
  mapped: (ImportTarget | null)[] = [],
): TargetOptionGroup[] {
  const custom = [...fields]
    .sort((a, b) => a.position - b.position)
    .map((field) => ({
      value: customTarget(field.key),
      label: (language === 'ar' ? field.labelAr : field.labelEn) || field.key,
    }));
  const known = new Set(custom.map((option) => option.value));
  for (const target of mapped) {
    if (target?.startsWith('field:') && !known.has(target)) {
      known.add(target);
      custom.push({ value: target, label: labels.missingField(target.slice('field:'.length)) });
    }
  }
  const groups: TargetOptionGroup[] = [
    { group: 'ignore', options: [{ value: '', label: labels.ignore }] },
    {
      group: 'builtIn',
      options: IMPORT_TARGETS.map((target) => ({ value: target, label: labels.builtIn(target) })),
    },
  ];
  if (custom.length > 0) groups.push({ group: 'custom', options: custom });
  return groups;
}

/** Targets more than one column fills: the screen warns on those columns. */
export function duplicateTargets(columns: Pick<ImportColumnView, 'target'>[]): Set<ImportTarget> {
  const seen = new Set<ImportTarget>();
  const twice = new Set<ImportTarget>();
  for (const { target } of columns) {
    if (target === null) continue;
    if (seen.has(target)) twice.add(target);
    seen.add(target);
  }
  return twice;
}

/** Whether any column is mapped (with none, the check has nothing to read). */
export function hasMappedColumn(columns: Pick<ImportColumnView, 'target'>[]): boolean {
  return columns.some((column) => column.target !== null);
}

/** Locale keys for the encodings and delimiters (message keys cannot hold a tab or a dash). */
export const ENCODING_KEYS: Record<ImportEncoding, string> = {
  'utf-8': 'utf8',
  'utf-16le': 'utf16le',
  'utf-16be': 'utf16be',
  'windows-1256': 'windows1256',
};

export const DELIMITER_KEYS: Record<ImportDelimiter, string> = {
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
};

export type StatusTone = 'info' | 'success' | 'error' | 'neutral';

export function statusTone(status: ImportStatus): StatusTone {
  if (status === 'completed' || status === 'checked') return 'success';
  if (status === 'failed') return 'error';
  if (status === 'cancelled' || status === 'uploaded') return 'neutral';
  return 'info';
}

/** The row a spreadsheet shows for a data row (the header is row 1 there). */
export function spreadsheetRow(row: number): number {
  return row + 1;
}

/**
 * The step to show after the status moved on. Editing the mapping of a checked import sends it
 * back to `uploaded`: the admin stays where they were editing; anything else opens the step of
 * the new status.
 */
export function stepAfterChange(
  shown: WizardStep,
  from: ImportStatus | null,
  to: ImportStatus | null,
): WizardStep {
  if (from !== null && to !== null && isEditable(from) && isEditable(to)) {
    if (reachableSteps(to).includes(shown)) return shown;
  }
  return stepForStatus(to);
}
