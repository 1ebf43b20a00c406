import type {
  BrandColoursPreviewView,
  BrandView,
  CalendarDisplay,
  Digits,
  FirstRunChecklistView,
  Language,
  WeekStart,
  WorkspaceView,
} from '@sanad/contracts';
import { request } from './client';

/** PATCH /workspace: the basic settings (الإعدادات الأساسية); only what changed is sent. */
export interface WorkspaceSettingsInput {
  name?: string;
  defaultLanguage?: Language;
  timeZone?: string;
  weekStart?: WeekStart;
  digits?: Digits;
  calendar?: CalendarDisplay;
}

export type BrandAsset = 'logo' | 'icon';

function upload(asset: BrandAsset, file: Blob, filename: string): Promise<BrandView> {
  const form = new FormData();
  form.append('file', file, filename);
  return request<BrandView>('PUT', `/workspace/brand/${asset}`, form);
}

export const workspaceApi = {
  get: () => request<WorkspaceView>('GET', '/workspace'),
  update: (input: WorkspaceSettingsInput) => request<WorkspaceView>('PATCH', '/workspace', input),
  brand: () => request<BrandView>('GET', '/workspace/brand'),
  setColour: (colour: string) => request<BrandView>('PATCH', '/workspace/brand', { colour }),
  /** What a colour would give, before it is saved (the live preview). */
  previewColours: (colour: string) =>
    request<BrandColoursPreviewView>(
      'GET',
      `/workspace/brand/colours?colour=${encodeURIComponent(colour)}`,
    ),
  upload: (asset: BrandAsset, file: File) => upload(asset, file, file.name),
  remove: (asset: BrandAsset) => request<BrandView>('DELETE', `/workspace/brand/${asset}`),
  checklist: () => request<FirstRunChecklistView>('GET', '/workspace/checklist'),
};
