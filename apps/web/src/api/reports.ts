import type {
  AgentsReportView,
  ContactsReportView,
  ConversationsReportView,
  DashboardView,
  SatisfactionReportView,
} from '@sanad/contracts';
import { reportApiPath, type ReportState } from '@/features/reports/report-query';
import { ApiError, request } from './client';
import { currentLanguage, i18n } from '@/modules/i18n';

/** The reports API (GET /reports/...): every report takes the same period and filters. */
export const reportsApi = {
  dashboard: (state: ReportState) =>
    request<DashboardView>('GET', reportApiPath('dashboard', state)),
  conversations: (state: ReportState) =>
    request<ConversationsReportView>('GET', reportApiPath('conversations', state)),
  agents: (state: ReportState) => request<AgentsReportView>('GET', reportApiPath('agents', state)),
  contacts: (state: ReportState) =>
    request<ContactsReportView>('GET', reportApiPath('contacts', state)),
  satisfaction: (state: ReportState, cursor?: string) =>
    request<SatisfactionReportView>(
      'GET',
      reportApiPath('satisfaction', state, cursor ? { cursor } : {}),
    ),

  /**
   * A PDF export as a file (fetched rather than linked, so a refusal — no Chromium on the
   * server — is a message on the page rather than a JSON document in a new tab).
   */
  async pdf(url: string): Promise<Blob> {
    let response: Response;
    try {
      response = await fetch(url, {
        credentials: 'same-origin',
        headers: { Accept: 'application/pdf', 'Accept-Language': currentLanguage() },
      });
    } catch {
      throw new ApiError(0, 'network', i18n.global.t('common.networkError'));
    }
    if (response.ok) return response.blob();
    const problem = (await response.json().catch(() => ({}))) as {
      code?: string;
      detail?: string;
    };
    throw new ApiError(
      response.status,
      problem.code ?? 'unknown',
      problem.detail ?? i18n.global.t('common.errorGeneric'),
    );
  },
};
