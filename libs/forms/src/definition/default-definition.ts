import type { FormDefinition, FormField, FormFieldType, LocalText } from '@sanad/contracts';

/** A new form: name, email and message, in the workspace's language. */
export function defaultDefinition(language: 'ar' | 'en'): FormDefinition {
  const text = (ar: string, en: string): LocalText => ({ ar, en });
  const field = (
    key: string,
    type: FormFieldType,
    label: LocalText,
    extra: Partial<FormField>,
  ) => ({
    ...emptyField(key, type, label),
    ...extra,
  });
  return {
    fields: [
      field('name', 'short_text', text('الاسم', 'Name'), {
        mapTo: { kind: 'contact', property: 'name' },
      }),
      field('email', 'email', text('البريد الإلكتروني', 'Email'), {
        required: true,
        mapTo: { kind: 'contact', property: 'email' },
      }),
      field('message', 'long_text', text('رسالتك', 'Your message'), { required: true }),
    ],
    settings: {
      languages: language,
      mailboxId: null,
      opensConversation: true,
      subjectTemplate: text('رسالة من {{name}}', 'Message from {{name}}'),
      tagIds: [],
      teamId: null,
      thankYou: text(
        'شكراً لك، وصلتنا رسالتك وسنرد عليك قريباً.',
        'Thank you: we received your message and will reply soon.',
      ),
      redirectUrl: null,
      autoAcknowledge: false,
      challenge: false,
      allowedOrigins: [],
      closedMessage: text(
        'هذا النموذج لا يستقبل ردوداً الآن.',
        'This form is not taking submissions now.',
      ),
      submissionLimit: null,
    },
  };
}

/** A field of this type with nothing set but its key and label. */
export function emptyField(key: string, type: FormFieldType, label: LocalText): FormField {
  return {
    key,
    type,
    label,
    help: null,
    placeholder: null,
    required: false,
    minLength: null,
    maxLength: null,
    min: null,
    max: null,
    options: [],
    file: null,
    mapTo: null,
  };
}
