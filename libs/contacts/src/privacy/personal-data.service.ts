import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { AuditLog, type Principal } from '@sanad/accounts';
import type { ContactErasureFacts, ContactErasureView, ErasureMode } from '@sanad/contracts';
import { DomainError } from '@sanad/core';
import { TransactionRunner } from '@sanad/database';
import {
  JobQueue,
  OutboxDispatcher,
  OutboxWriter,
  type DomainEvent,
  type OutboxConsumer,
} from '@sanad/queue';
import { PassThrough, type Readable } from 'node:stream';
import { ZipFile } from 'yazl';
import { ContactActivities } from '../people/contact-activities';
import { PeopleRepository } from '../people/people.repository';
import { PersonViews } from '../people/person-views';
import { ContactDataParticipants, type PersonalDataArchive } from './contact-data-participants';
import { PrivacyRepository } from './privacy.repository';

interface EraseJob extends ContactErasureFacts {
  workspaceId: string;
}

/**
 * Personal data of one person (item 9): everything about them as a ZIP, and their erasure. The
 * erasure is asked for in a transaction (audit entry + outbox event), so a crash loses no
 * request; the event becomes one `contacts.erase` job that runs every library's eraser and then
 * removes or empties the person. Each step finds nothing to do when it already ran, so a
 * retried or repeated job is harmless (R5).
 */
@Injectable()
export class PersonalDataService
  implements OutboxConsumer<'contact.erasure_requested'>, OnModuleInit
{
  readonly name = 'contacts-erasure';
  readonly types = ['contact.erasure_requested'] as const;
  private readonly logger = new Logger('ContactErasure');

  constructor(
    private readonly people: PeopleRepository,
    private readonly views: PersonViews,
    private readonly activities: ContactActivities,
    private readonly participants: ContactDataParticipants,
    private readonly repo: PrivacyRepository,
    private readonly audit: AuditLog,
    private readonly outbox: OutboxWriter,
    private readonly dispatcher: OutboxDispatcher,
    private readonly queue: JobQueue,
    private readonly tx: TransactionRunner,
  ) {}

  onModuleInit(): void {
    this.dispatcher.register(this);
  }

  /**
   * The ZIP as a stream: profile.json first, then each library's entries (conversations.json,
   * attachments/<conversationId>/<file>). A failure midway destroys the stream, so the download
   * breaks rather than ending as a complete-looking file.
   */
  async archive(
    principal: Principal,
    contactId: string,
  ): Promise<{ fileName: string; data: Readable }> {
    const [person] = await this.views.byIds(principal.workspaceId, [contactId]);
    if (!person) throw new DomainError('contact/not_found');
    const timeline = await this.activities.timeline(principal.workspaceId, { contactId });
    const zip = new ZipFile();
    const out = new PassThrough();
    zip.outputStream.on('error', (e: Error) => out.destroy(e));
    zip.outputStream.pipe(out);
    const archive: PersonalDataArchive = {
      json: (path, value) => zip.addBuffer(Buffer.from(JSON.stringify(value, null, 2)), path),
      file: (path, open) =>
        zip.addReadStreamLazy(path, {}, (done) => {
          open().then(
            (stream) => done(null, stream ?? emptyStream()),
            (e: Error) => done(e, emptyStream()),
          );
        }),
    };
    archive.json('profile.json', { person, timeline, exportedAt: new Date().toISOString() });
    this.participants.export(principal.workspaceId, contactId, archive).then(
      () => zip.end(),
      (e: Error) => {
        this.logger.warn(`personal-data export failed: ${e.message}`);
        out.destroy(e);
      },
    );
    return { fileName: `personal-data-${contactId}.zip`, data: out };
  }

  /** Records who asked for what (never the data), and queues the work through the outbox. */
  async requestErasure(
    principal: Principal,
    contactId: string,
    mode: ErasureMode,
  ): Promise<ContactErasureView> {
    return this.tx.run(async () => {
      if (!(await this.people.lock(principal.workspaceId, contactId)))
        throw new DomainError('contact/not_found');
      await this.audit.record({
        workspaceId: principal.workspaceId,
        actorUserId: principal.userId,
        action: 'contact.erase',
        targetType: 'contact',
        targetId: contactId,
        data: { mode },
      });
      const event = await this.outbox.write({
        workspaceId: principal.workspaceId,
        type: 'contact.erasure_requested',
        payload: { contactId, mode, actorId: principal.userId },
      });
      return { jobId: `contacts.erase:${event.id}`, contactId, mode };
    });
  }

  async handle(event: DomainEvent<'contact.erasure_requested'>): Promise<void> {
    const job: EraseJob = { ...event.payload, workspaceId: event.workspaceId as string };
    await this.queue.add('contacts.erase', job, {
      jobId: `contacts.erase:${event.id}`,
      attempts: 10,
      backoffMs: 5_000,
    });
  }

  /** Worker role: take erase jobs (one at a time: they are rare and heavy). */
  listen(): void {
    this.queue.process<EraseJob>('contacts.erase', 1, (job) => this.erase(job));
  }

  /**
   * One run of the job. The person's row goes (or is emptied) last, in the transaction that
   * writes `contact.deleted`: until then a rerun finds their identities and finishes the rest.
   */
  async erase(job: EraseJob): Promise<void> {
    const person = await this.people.find(job.workspaceId, job.contactId);
    if (!person) return;
    await this.participants.erase(
      {
        workspaceId: job.workspaceId,
        contactId: job.contactId,
        emails: person.emails,
        phones: person.phones,
      },
      job.mode,
    );
    await this.tx.run(async () => {
      if (!(await this.people.lock(job.workspaceId, job.contactId))) return;
      await this.repo.deleteTraces(job.workspaceId, job.contactId);
      if (job.mode === 'delete') await this.people.remove(job.workspaceId, job.contactId);
      else await this.repo.redact(job.workspaceId, job.contactId);
      await this.outbox.write({
        workspaceId: job.workspaceId,
        type: 'contact.deleted',
        payload: { contactId: job.contactId },
        // A rerun of a redaction (the row stays) announces it once.
        idempotencyKey: `contact.erased:${job.contactId}`,
      });
    });
  }
}

function emptyStream(): Readable {
  const s = new PassThrough();
  s.end();
  return s;
}
