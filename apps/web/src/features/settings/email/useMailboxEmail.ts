import { reactive, ref } from 'vue';
import type { MailboxEmailSettingsView, MailboxView } from '@sanad/contracts';
import { ApiError, errorMessage } from '@/api/client';
import { emailApi } from '@/api/email';
import { mailboxesApi } from '@/api/mailboxes';

export type EmailSection = 'addresses' | 'smtp' | 'signature' | 'autoAck' | 'test';

/**
 * One mailbox's email settings, shared by the sections of the page: each section saves on its
 * own, and only its own message (saved, or what went wrong) shows under it.
 */
export function useMailboxEmail(mailboxId: () => string) {
  const mailbox = ref<MailboxView | null>(null);
  const settings = ref<MailboxEmailSettingsView | null>(null);
  const loading = ref(true);
  const loadError = ref<string | null>(null);
  const busy = ref<EmailSection | null>(null);
  const saved = ref<EmailSection | null>(null);
  const failure = ref<{ section: EmailSection; error: ApiError | null; text: string } | null>(null);

  async function load(): Promise<void> {
    loading.value = true;
    loadError.value = null;
    try {
      const [boxes, view] = await Promise.all([
        mailboxesApi.list(),
        emailApi.settings(mailboxId()),
      ]);
      mailbox.value = boxes.items.find((m) => m.id === mailboxId()) ?? null;
      settings.value = view;
    } catch (e) {
      loadError.value = errorMessage(e);
    } finally {
      loading.value = false;
    }
  }

  /** Runs one section's save; true when it went through. */
  async function run(section: EmailSection, work: () => Promise<void>): Promise<boolean> {
    busy.value = section;
    failure.value = null;
    saved.value = null;
    try {
      await work();
      saved.value = section;
      return true;
    } catch (e) {
      failure.value = { section, error: e instanceof ApiError ? e : null, text: errorMessage(e) };
      return false;
    } finally {
      busy.value = null;
    }
  }

  function fieldError(section: EmailSection, field: string): string | undefined {
    return failure.value?.section === section ? failure.value.error?.field(field) : undefined;
  }

  /** The section's error when no field is to blame. */
  function sectionError(section: EmailSection): string | null {
    const current = failure.value;
    return current?.section === section && !current.error?.fieldErrors.length ? current.text : null;
  }

  /** A section's answer: the settings (or mailbox) as the server now has them. */
  function show(view: MailboxEmailSettingsView): void {
    settings.value = view;
  }

  function showMailbox(view: MailboxView): void {
    mailbox.value = view;
  }

  return reactive({
    mailboxId,
    mailbox,
    settings,
    failure,
    show,
    showMailbox,
    loading,
    loadError,
    busy,
    saved,
    load,
    run,
    fieldError,
    sectionError,
  });
}

export type MailboxEmail = ReturnType<typeof useMailboxEmail>;
