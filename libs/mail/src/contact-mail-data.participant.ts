import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  ContactDataParticipants,
  type ContactDataParticipant,
  type ErasedPerson,
} from '@sanad/contacts';
import type { ErasureMode } from '@sanad/contracts';
import { IntakeService } from '@sanad/conversations';
import { TransactionRunner } from '@sanad/database';
import { ContactMailDataRepository } from './contact-mail-data.repository';

/**
 * A person's raw emails go in both modes (they hold everything they wrote, headers included),
 * before the conversations they point to (order 10 < 20).
 */
@Injectable()
export class ContactMailDataParticipant implements ContactDataParticipant, OnModuleInit {
  readonly order = 10;

  constructor(
    private readonly participants: ContactDataParticipants,
    private readonly repo: ContactMailDataRepository,
    private readonly intake: IntakeService,
    private readonly tx: TransactionRunner,
  ) {}

  onModuleInit(): void {
    this.participants.register(this);
  }

  /** Raw emails are not part of the ZIP: their messages, as read, are in conversations.json. */
  export(): Promise<void> {
    return Promise.resolve();
  }

  async erase(person: ErasedPerson, mode: ErasureMode): Promise<void> {
    const ids = await this.intake.contactConversationIds(person.workspaceId, person.contactId);
    await this.tx.run(async () => {
      await this.repo.deleteRawEmails(person.workspaceId, ids, person.emails);
      if (mode === 'redact') await this.repo.redactDeliveries(person.workspaceId, ids);
    });
  }
}
