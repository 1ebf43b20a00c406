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
import { NpsOfPersonRepository } from './nps-of-person.repository';

/**
 * A person's NPS emails and answers: merged, they go to the survivor; their answers in the
 * personal-data ZIP; erased, the comments, the address and the link to them go, the anonymous
 * scores stay in the team's numbers. Before the conversations (order 17 < 20).
 */
@Injectable()
export class ContactNpsParticipant
  implements ContactDataParticipant, ContactMergeParticipant, OnModuleInit
{
  readonly order = 17;

  constructor(
    private readonly participants: ContactDataParticipants,
    private readonly merges: ContactMergeParticipants,
    private readonly repo: NpsOfPersonRepository,
  ) {}

  onModuleInit(): void {
    this.participants.register(this);
    this.merges.register(this);
  }

  async count(workspaceId: string, contactId: string): Promise<Record<string, number>> {
    return { npsResponses: await this.repo.count(workspaceId, contactId) };
  }

  move(workspaceId: string, fromId: string, survivor: MergeSurvivor): Promise<void> {
    return this.repo.move(workspaceId, fromId, survivor.id);
  }

  async export(workspaceId: string, contactId: string, archive: PersonalDataArchive) {
    const responses = await this.repo.list(workspaceId, contactId);
    if (responses.length > 0) archive.json('nps-responses.json', responses);
  }

  erase(person: ErasedPerson): Promise<void> {
    return this.repo.erase(person.workspaceId, person.contactId);
  }
}
