import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  ContactMergeParticipants,
  type ContactMergeParticipant,
  type MergeSurvivor,
} from '@sanad/contacts';
import { IntakeService } from './intake.service';

/** A person's conversations follow them when they are merged into another person. */
@Injectable()
export class ContactConversationsParticipant implements ContactMergeParticipant, OnModuleInit {
  constructor(
    private readonly participants: ContactMergeParticipants,
    private readonly intake: IntakeService,
  ) {}

  onModuleInit(): void {
    this.participants.register(this);
  }

  async count(workspaceId: string, contactId: string): Promise<Record<string, number>> {
    return { conversations: await this.intake.contactConversationCount(workspaceId, contactId) };
  }

  async move(workspaceId: string, fromId: string, survivor: MergeSurvivor): Promise<void> {
    await this.intake.moveContactConversations(workspaceId, fromId, survivor);
  }
}
