import { Injectable } from '@nestjs/common';
import { Db } from '@sanad/database';

/** Raw inbound emails and delivery records about one person, for their erasure. */
@Injectable()
export class ContactMailDataRepository {
  constructor(private readonly db: Db) {}

  /** The raw messages of their conversations and any still waiting that they sent. */
  async deleteRawEmails(
    workspaceId: string,
    conversationIds: string[],
    emails: string[],
  ): Promise<void> {
    await this.db.query(
      `DELETE FROM inbound_emails WHERE workspace_id = $1
         AND (conversation_id = ANY($2::uuid[]) OR lower(envelope_from) = ANY($3::text[]))`,
      [workspaceId, conversationIds, emails],
    );
  }

  /** Replies to them stay (the team's work) but no longer name their addresses. */
  async redactDeliveries(workspaceId: string, conversationIds: string[]): Promise<void> {
    await this.db.query(
      `UPDATE email_deliveries SET recipients = '{}', error = NULL, smtp_response = NULL
       WHERE workspace_id = $1 AND conversation_id = ANY($2::uuid[])`,
      [workspaceId, conversationIds],
    );
  }
}
