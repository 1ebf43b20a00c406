import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  ContactDataParticipants,
  ContactMergeParticipants,
  type ContactDataParticipant,
  type ContactMergeParticipant,
  type ErasedPerson,
  type MergeSurvivor,
  type PersonalDataArchive,
} from '@sanad/contacts';
import { RatingsOfPersonRepository } from './ratings-of-person.repository';

/**
 * A person's ratings: merged, they go to the survivor; in the personal-data ZIP; erased, the
 * comment (the person's own words) and the link to them go, the anonymous scores stay in the
 * team's numbers. Before the conversations (order 16 < 20).
 */
@Injectable()
export class ContactRatingsParticipant
  implements ContactDataParticipant, ContactMergeParticipant, OnModuleInit
{
  readonly order = 16;

  constructor(
    private readonly participants: ContactDataParticipants,
    private readonly merges: ContactMergeParticipants,
    private readonly repo: RatingsOfPersonRepository,
  ) {}

  onModuleInit(): void {
    this.participants.register(this);
    this.merges.register(this);
  }

  async count(workspaceId: string, contactId: string): Promise<Record<string, number>> {
    return { ratings: await this.repo.count(workspaceId, contactId) };
  }

  move(workspaceId: string, fromId: string, survivor: MergeSurvivor): Promise<void> {
    return this.repo.move(workspaceId, fromId, survivor.id);
  }

  async export(workspaceId: string, contactId: string, archive: PersonalDataArchive) {
    const ratings = await this.repo.list(workspaceId, contactId);
    if (ratings.length > 0) archive.json('ratings.json', ratings);
  }

  erase(person: ErasedPerson): Promise<void> {
    return this.repo.eraseComments(person.workspaceId, person.contactId);
  }
}
