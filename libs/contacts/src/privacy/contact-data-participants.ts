import { Injectable } from '@nestjs/common';
import type { ErasureMode } from '@sanad/contracts';
import type { Readable } from 'node:stream';

/** What a participant writes into a person's personal-data ZIP. */
export interface PersonalDataArchive {
  json(path: string, value: unknown): void;
  /** A file read only when the ZIP reaches it (one open file at a time, never buffered). */
  file(path: string, open: () => Promise<Readable | null>): void;
}

/** The person being erased, as participants need them (their identities find raw emails). */
export interface ErasedPerson {
  workspaceId: string;
  contactId: string;
  emails: string[];
  phones: string[];
}

/**
 * A library holding rows about people (conversations, raw emails). Contacts cannot depend on
 * those libraries (they depend on contacts), so each registers here at start. `order` runs the
 * erasers in turn: raw emails (10) before the conversations they point to (20).
 */
export interface ContactDataParticipant {
  readonly order: number;
  /** Adds what this library holds of the person to their ZIP. */
  export(workspaceId: string, contactId: string, archive: PersonalDataArchive): Promise<void>;
  /** Deletes or redacts it. Idempotent: a second run finds nothing left to do. */
  erase(person: ErasedPerson, mode: ErasureMode): Promise<void>;
}

@Injectable()
export class ContactDataParticipants {
  private readonly participants: ContactDataParticipant[] = [];

  register(participant: ContactDataParticipant): void {
    this.participants.push(participant);
    this.participants.sort((a, b) => a.order - b.order);
  }

  async export(
    workspaceId: string,
    contactId: string,
    archive: PersonalDataArchive,
  ): Promise<void> {
    for (const p of this.participants) await p.export(workspaceId, contactId, archive);
  }

  async erase(person: ErasedPerson, mode: ErasureMode): Promise<void> {
    for (const p of this.participants) await p.erase(person, mode);
  }
}
