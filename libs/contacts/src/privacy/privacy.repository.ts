import { Injectable } from '@nestjs/common';
import { Db } from '@sanad/database';
import { CONTACTS_CHANNEL } from '../contacts.repository';

/** The person's own rows that an erasure removes or empties. */
@Injectable()
export class PrivacyRepository {
  constructor(private readonly db: Db) {}

  /** The timeline and the create-once keys that answered with this person. */
  async deleteTraces(workspaceId: string, contactId: string): Promise<void> {
    await this.db.query(
      'DELETE FROM contact_activities WHERE workspace_id = $1 AND contact_id = $2',
      [workspaceId, contactId],
    );
    await this.db.query(
      `DELETE FROM contact_idempotency_keys WHERE workspace_id = $1 AND response ->> 'contactId' = $2`,
      [workspaceId, contactId],
    );
  }

  /** Every personal field emptied; the row stays so redacted conversations keep a customer. */
  async redact(workspaceId: string, contactId: string): Promise<void> {
    await this.db.query(
      `UPDATE contacts SET name = NULL, emails = '{}', phones = '{}', external_id = NULL,
         custom_fields = '{}', notes = NULL, language = NULL, company_id = NULL,
         company_link = NULL, identity_verified_at = NULL, sort_name = '', search_text = '',
         updated_at = now()
       WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, contactId],
    );
    await this.db.notify(CONTACTS_CHANNEL, contactId);
  }
}
