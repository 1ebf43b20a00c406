import { Injectable } from '@nestjs/common';
import { DomainError } from '@sanad/core';
import type { Activity } from './conversation-rules.util';
import { ConversationWriter } from './conversation-writer.service';
import { ConversationRepository, type SatisfactionFactsRow } from './conversation.repository';

export type SatisfactionFacts = SatisfactionFactsRow;

/**
 * What the satisfaction library asks of conversations, inside the transaction open around the
 * call: a conversation's facts (status, mailbox kind, assignee, team, tags, the entry that closed
 * it), the rating request sent as an automatic message by email, the rating written into the
 * timeline, and names of mailboxes, teams and tags for reports.
 */
@Injectable()
export class ConversationSatisfaction {
  constructor(
    private readonly repo: ConversationRepository,
    private readonly writer: ConversationWriter,
  ) {}

  facts(workspaceId: string, conversationId: string): Promise<SatisfactionFacts | null> {
    return this.repo.satisfactionFacts(workspaceId, conversationId);
  }

  /**
   * The rating request as an automatic public message sent by email whatever the conversation's
   * channel (API conversations have no channel of their own): it counts against the
   * automatic-message budget (R12) like an acknowledgement, and answers nothing. Returns its id.
   */
  async sendRequest(
    workspaceId: string,
    conversationId: string,
    text: string,
    data: Record<string, unknown>,
  ): Promise<string> {
    const conversation = await this.repo.find(workspaceId, conversationId, true);
    if (!conversation) throw new DomainError('conversation/not_found');
    const message = await this.writer.writeSystemReply(conversation, text, data, 'email');
    await this.writer.publish(conversation, 'conversation.updated', [message]);
    return message.id;
  }

  /** A rating (or its change) as a system entry in the timeline, published with the change. */
  async recordRating(
    workspaceId: string,
    conversationId: string,
    entry: Activity & { action: 'rating' },
  ): Promise<void> {
    const conversation = await this.repo.find(workspaceId, conversationId);
    if (!conversation) return;
    const written = await this.writer.activity(null, conversation, entry);
    await this.writer.publish(conversation, 'conversation.updated', written);
  }

  names(
    workspaceId: string,
    kind: 'mailbox' | 'team' | 'tag',
    ids: string[],
  ): Promise<Map<string, string>> {
    return this.repo.namesOf(workspaceId, kind, [...new Set(ids)]);
  }
}
