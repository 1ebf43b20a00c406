import type { ContactSummaryView, SubmissionSummaryView, SubmissionView } from '@sanad/contracts';
import { answerViews, answersPreview } from './submission-answers.util';
import type { SubmissionFileRecord, SubmissionRecord } from './submissions.repository';

/** The people submissions name, by id (from contacts' summaries). */
export type SubmissionPeople = ReadonlyMap<string, ContactSummaryView>;

export function toSubmissionSummary(
  record: SubmissionRecord,
  people: SubmissionPeople,
): SubmissionSummaryView {
  const person = record.contactId ? people.get(record.contactId) : undefined;
  return {
    id: record.id,
    formId: record.formId,
    formName: record.formName,
    version: record.versionNumber,
    state: record.state,
    spamReason: record.spamReason,
    language: record.language,
    preview: answersPreview(record.definition.fields, record.answers, record.language),
    contact: person ? { id: person.id, name: person.name, email: person.emails[0] ?? null } : null,
    conversationId: record.conversationId,
    createdAt: record.createdAt.toISOString(),
  };
}

export function toSubmissionView(
  record: SubmissionRecord,
  files: SubmissionFileRecord[],
  people: SubmissionPeople,
): SubmissionView {
  return {
    ...toSubmissionSummary(record, people),
    answers: answerViews(record.definition.fields, record.answers),
    files: files.map((f) => ({
      id: f.id,
      fieldKey: f.fieldKey,
      fileName: f.fileName,
      contentType: f.contentType,
      size: f.size,
      url: `/api/v1/form-submissions/${record.id}/files/${f.id}`,
    })),
    pageUrl: record.pageUrl,
    referrer: record.referrer,
    userAgent: record.userAgent,
    editedAt: record.editedAt?.toISOString() ?? null,
    editedBy: record.editedBy,
  };
}
