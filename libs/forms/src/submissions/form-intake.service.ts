import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@sanad/config';
import { WorkspaceRegion } from '@sanad/contacts';
import {
  formLanguage,
  type Language,
  type PublicFormView,
  type SubmissionReceipt,
} from '@sanad/contracts';
import { DomainError, cleanText, hmacHex, safeFileName } from '@sanad/core';
import { TransactionRunner } from '@sanad/database';
import { OutboxWriter } from '@sanad/queue';
import { indexTerms } from '@sanad/search';
import { BlobStorage } from '@sanad/storage';
import { randomUUID } from 'node:crypto';
import { FormsRepository, type LiveForm } from '../forms/forms.repository';
import { ProofOfWork } from '../spam/proof-of-work';
import { checkRenderToken } from '../spam/render-token.util';
import { SubmissionRateLimiter } from '../spam/submission-rate-limiter';
import { spamVerdict } from '../spam/spam-verdict.rules';
import { answersText, localText } from './submission-answers.util';
import { checkSubmission } from './submission-values.rules';
import { SubmissionsRepository, type SubmissionFileRecord } from './submissions.repository';

/** A file as the request carried it (its size is what was read, never what was declared). */
export interface IncomingFile {
  fieldKey: string;
  fileName: string;
  contentType: string;
  data: Buffer;
}

/** One submission from any of the four ways in (hosted page, embed, HTML POST, JSON). */
export interface IncomingSubmission {
  key: string;
  /** Answers by field key, as sent (strings from HTML, any JSON value from the API). */
  answers: Record<string, unknown>;
  files: IncomingFile[];
  /** The language asked for (the page's, `lang`, Accept-Language); the form decides. */
  language: Language | null;
  pageUrl: string | null;
  referrer: string | null;
  userAgent: string | null;
  ip: string;
  /** The honeypot's content (undefined when the request had none), the render token, and the
   *  proof-of-work solution when the form asks for one. */
  spam: { honeypot?: string; token?: string | null; challenge?: string | null };
}

/** A 429's and a 4xx's form: the live form is needed to render the page around the error. */
export interface LiveFormContext {
  form: LiveForm;
  view: PublicFormView;
}

const TEXT_CAP = 2000;

/**
 * The public side of forms: what a customer's browser gets, and a submission taken in. Every way
 * in calls `submit`, so they validate and answer alike. The submission and its files commit
 * together before the answer (files are written first and removed if the rest fails), with the
 * `form.received` event whose consumer makes the person and the conversation in one transaction.
 */
@Injectable()
export class FormIntakeService {
  private readonly logger = new Logger(FormIntakeService.name);

  constructor(
    private readonly forms: FormsRepository,
    private readonly repo: SubmissionsRepository,
    private readonly limiter: SubmissionRateLimiter,
    private readonly region: WorkspaceRegion,
    private readonly storage: BlobStorage,
    private readonly tx: TransactionRunner,
    private readonly outbox: OutboxWriter,
    private readonly pow: ProofOfWork,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The live version of a published form; a draft-only or unknown key is a 404. */
  async live(key: string): Promise<LiveFormContext> {
    const form = /^[a-z0-9]{6,40}$/.test(key) ? await this.forms.liveByKey(key) : null;
    if (!form) throw new DomainError('form/not_found');
    const { fields, settings } = form.version.definition;
    return {
      form,
      view: {
        key: form.key,
        name: form.name,
        state: form.state,
        version: form.version.number,
        languages: settings.languages,
        fields,
        thankYou: settings.thankYou,
        closedMessage: settings.closedMessage,
        redirectUrl: settings.redirectUrl,
        challenge: settings.challenge === true,
        maxRequestBytes: this.config.formMaxRequestMb * 1024 * 1024,
      },
    };
  }

  /** `live`: the form as the caller already read it for this request (CORS, the page). */
  async submit(input: IncomingSubmission, live?: LiveFormContext): Promise<SubmissionReceipt> {
    const { form } = live && live.form.key === input.key ? live : await this.live(input.key);
    const { fields, settings } = form.version.definition;
    if (form.state === 'closed') throw new DomainError('form/closed');
    const ipHash = hmacHex(this.config.appSecret, `form-ip:${input.ip}`).slice(0, 32);
    await this.limiter.take(form.id, ipHash);
    const language = formLanguage(settings.languages, input.language);
    const files = input.files.map((f) => ({
      ...f,
      fileName: safeFileName(f.fileName),
      contentType: f.contentType.slice(0, 200) || 'application/octet-stream',
    }));
    const checked = checkSubmission(
      fields,
      input.answers,
      files.map((f) => ({ ...f, size: f.data.length })),
      await this.region.of(form.workspaceId),
    );
    if (checked.errors.length > 0) {
      const tooLarge = checked.errors.find((e) => e.code === 'fileTooLarge');
      throw new DomainError(
        tooLarge ? 'form/too_large' : 'request/validation',
        tooLarge ? { limit: String(tooLarge.params?.limit ?? '') } : {},
        checked.errors,
      );
    }
    const token = input.spam.token
      ? checkRenderToken(this.config.appSecret, form.key, input.spam.token)
      : null;
    const spamReason = spamVerdict(
      {
        honeypot: input.spam.honeypot,
        token,
        challengeSolved: settings.challenge ? await this.pow.solved(input.spam.challenge) : null,
      },
      this.config.formMinFillSeconds * 1000,
    );
    const id = randomUUID();
    const stored = await this.storeFiles(id, files);
    try {
      await this.tx.run(() =>
        this.outbox.holding(async () => {
          if (settings.submissionLimit !== null) {
            await this.forms.lock(form.workspaceId, form.id);
            if ((await this.repo.countAccepted(form.id)) >= settings.submissionLimit)
              throw new DomainError('form/limit_reached');
          }
          await this.repo.insert({
            id,
            workspaceId: form.workspaceId,
            formId: form.id,
            versionId: form.version.id,
            versionNumber: form.version.number,
            state: spamReason ? 'spam' : 'new',
            spamReason,
            language,
            answers: checked.values,
            pageUrl: capped(input.pageUrl),
            referrer: capped(input.referrer),
            userAgent: capped(input.userAgent),
            ipHash,
            searchTerms: indexTerms(answersText(fields, checked.values, files, language)),
          });
          await this.repo.insertFiles(form.workspaceId, stored);
          // Its person and conversation are the processor's (SubmissionProcessor), in a moment.
          if (!spamReason)
            await this.outbox.write({
              workspaceId: null,
              type: 'form.received',
              payload: { submissionId: id, workspaceId: form.workspaceId },
            });
        }),
      );
    } catch (error) {
      for (const file of stored) await this.storage.delete(file.storageKey).catch(() => undefined);
      throw error;
    }
    if (spamReason)
      this.logger.log(`form ${form.id}: submission ${id} held as spam (${spamReason})`);
    // A bot is told what a person is: it learns nothing from the answer.
    return {
      id,
      message: localText(settings.thankYou, language),
      redirectUrl: settings.redirectUrl,
    };
  }

  private async storeFiles(
    submissionId: string,
    files: IncomingFile[],
  ): Promise<SubmissionFileRecord[]> {
    const stored: SubmissionFileRecord[] = [];
    const month = new Date().toISOString().slice(0, 7).replace('-', '/');
    for (const file of files) {
      const fileId = randomUUID();
      const storageKey = `forms/${month}/${fileId}`;
      await this.storage.put(storageKey, file.data);
      stored.push({
        id: fileId,
        submissionId,
        fieldKey: file.fieldKey,
        fileName: file.fileName,
        contentType: file.contentType,
        size: file.data.length,
        storageKey,
      });
    }
    return stored;
  }
}

function capped(value: string | null): string | null {
  if (!value) return null;
  return cleanText(value).slice(0, TEXT_CAP) || null;
}
