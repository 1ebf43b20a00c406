import type {
  ContactImportListView,
  ContactImportView,
  CustomFieldView,
  ImportDelimiter,
  ImportEncoding,
  ImportMatchKey,
  ImportOnMatch,
  ImportRejectView,
  ImportTarget,
  ListView,
} from '@sanad/contracts';
import { request } from './client';

export type ImportPhase = ImportRejectView['phase'];

/** What the mapping screen can change; any change clears the check (status back to uploaded). */
export interface ContactImportChanges {
  columns?: Array<{ index: number; target: ImportTarget | null }>;
  matchBy?: ImportMatchKey[];
  onMatch?: ImportOnMatch;
  encoding?: ImportEncoding;
  delimiter?: ImportDelimiter;
}

export interface ImportRejectsPage {
  items: ImportRejectView[];
  nextCursor: string | null;
}

export interface UploadOptions {
  encoding?: ImportEncoding;
  delimiter?: ImportDelimiter;
}

const base = (id: string) => `/contact-imports/${encodeURIComponent(id)}`;

export const contactImportsApi = {
  /** Sends the file as multipart (the client leaves the boundary to the browser). */
  upload: (file: File, options: UploadOptions = {}) => {
    const form = new FormData();
    form.append('file', file, file.name);
    if (options.encoding) form.append('encoding', options.encoding);
    if (options.delimiter) form.append('delimiter', options.delimiter);
    return request<ContactImportView>('POST', '/contact-imports', form);
  },
  list: () => request<ContactImportListView>('GET', '/contact-imports'),
  get: (id: string) => request<ContactImportView>('GET', base(id)),
  update: (id: string, changes: ContactImportChanges) =>
    request<ContactImportView>('PATCH', base(id), changes),
  /** The dry run: runs in the background, the import ends in `checked` with its counts. */
  check: (id: string) => request<ContactImportView>('POST', `${base(id)}/check`),
  start: (id: string) => request<ContactImportView>('POST', `${base(id)}/start`),
  /** Stops the import and undoes what it wrote. */
  cancel: (id: string) => request<ContactImportView>('POST', `${base(id)}/cancel`),
  rejects: (id: string, phase: ImportPhase, cursor: string | null = null, limit = 50) => {
    const query = new URLSearchParams({ phase, limit: String(limit) });
    if (cursor) query.set('cursor', cursor);
    return request<ImportRejectsPage>('GET', `${base(id)}/rejects?${query.toString()}`);
  },
  /** A plain link (the browser downloads it with the session cookie). */
  rejectedCsvUrl: (id: string, phase: ImportPhase) =>
    `/api/v1${base(id)}/rejected.csv?phase=${phase}`,
  /** The person custom fields a column can fill. */
  personFields: () => request<ListView<CustomFieldView>>('GET', '/contact-fields?entity=person'),
};
