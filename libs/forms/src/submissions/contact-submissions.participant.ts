import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  ContactDataParticipants,
  ContactMergeParticipants,
  type ContactDataParticipant,
  type ContactMergeParticipant,
  type MergeSurvivor,
  type ErasedPerson,
  type PersonalDataArchive,
} from '@sanad/contacts';
import { TransactionRunner } from '@sanad/database';
import { BlobStorage } from '@sanad/storage';
import { toSubmissionView } from './submission-views';
import { SubmissionsRepository } from './submissions.repository';

/**
 * A person's form submissions: in their personal-data ZIP with their files, and deleted in both
 * erasure modes (answers are what they wrote; a redacted submission would be an empty shell),
 * before the conversations (order 15 < 20). Merged, the person's submissions go to the survivor.
 */
@Injectable()
export class ContactSubmissionsParticipant
  implements ContactDataParticipant, ContactMergeParticipant, OnModuleInit
{
  readonly order = 15;

  constructor(
    private readonly participants: ContactDataParticipants,
    private readonly merges: ContactMergeParticipants,
    private readonly repo: SubmissionsRepository,
    private readonly storage: BlobStorage,
    private readonly tx: TransactionRunner,
  ) {}

  onModuleInit(): void {
    this.participants.register(this);
    this.merges.register(this);
  }

  async count(workspaceId: string, contactId: string): Promise<Record<string, number>> {
    return { formSubmissions: await this.repo.countOfContact(workspaceId, contactId) };
  }

  move(workspaceId: string, fromId: string, survivor: MergeSurvivor): Promise<void> {
    return this.repo.moveContact(workspaceId, fromId, survivor.id);
  }

  async export(
    workspaceId: string,
    contactId: string,
    archive: PersonalDataArchive,
  ): Promise<void> {
    const records = await this.repo.ofContact(workspaceId, contactId);
    if (records.length === 0) return;
    const files = await this.repo.files(
      workspaceId,
      records.map((r) => r.id),
    );
    archive.json(
      'form-submissions.json',
      records.map((r) =>
        toSubmissionView(
          r,
          files.filter((f) => f.submissionId === r.id),
          new Map(),
        ),
      ),
    );
    for (const f of files)
      archive.file(`form-submissions/${f.submissionId}/${f.id}-${f.fileName}`, () =>
        this.storage.get(f.storageKey),
      );
  }

  /** Files first, then rows: a crash between leaves rows a rerun deletes, never lost files. */
  async erase(person: ErasedPerson): Promise<void> {
    const records = await this.repo.ofContact(person.workspaceId, person.contactId);
    const ids = records.map((r) => r.id);
    for (const f of await this.repo.files(person.workspaceId, ids))
      await this.storage.delete(f.storageKey);
    await this.tx.run(() => this.repo.delete(person.workspaceId, ids));
  }
}
