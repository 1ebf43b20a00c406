import type { FormMessageOrigin, MessageView } from '@sanad/contracts';

/** `data.form` of a message, when it is a well-formed form origin. */
export function formOrigin(
  data: Record<string, unknown> | null | undefined,
): FormMessageOrigin | null {
  const form = data?.form as Partial<FormMessageOrigin> | undefined;
  if (!form || typeof form !== 'object') return null;
  if (typeof form.submissionId !== 'string' || !form.submissionId) return null;
  if (typeof form.formName !== 'string' || typeof form.version !== 'number') return null;
  return {
    submissionId: form.submissionId,
    formId: typeof form.formId === 'string' ? form.formId : '',
    formName: form.formName,
    version: form.version,
  };
}

/** The form that opened a conversation: its first message says so (activities aside). */
export function conversationFormOrigin(messages: readonly MessageView[]): FormMessageOrigin | null {
  const first = messages.find((m) => m.kind !== 'activity');
  return first ? formOrigin(first.data) : null;
}
