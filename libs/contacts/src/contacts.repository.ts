import { Injectable } from '@nestjs/common';
import { Db } from '@sanad/database';
import { randomUUID } from 'node:crypto';
import { In } from 'typeorm';
import { Contact } from './entities/contact.entity';

/** NOTIFY channel announcing changed contacts (`<contact id>`) to every process's cache. */
export const CONTACTS_CHANNEL = 'sanad_contacts';

/** Contact rows, always within one workspace. Every change of a stored contact is announced. */
@Injectable()
export class ContactsRepository {
  constructor(private readonly db: Db) {}

  findByExternalId(workspaceId: string, externalId: string): Promise<Contact | null> {
    return this.db.manager.findOne(Contact, { where: { workspaceId, externalId } });
  }

  findByEmail(workspaceId: string, email: string): Promise<Contact | null> {
    return this.db.manager
      .createQueryBuilder(Contact, 'c')
      .where('c.workspace_id = :workspaceId AND c.emails @> ARRAY[:email]::text[]', {
        workspaceId,
        email,
      })
      .orderBy('c.created_at')
      .getOne();
  }

  findByPhone(workspaceId: string, phone: string): Promise<Contact | null> {
    return this.db.manager
      .createQueryBuilder(Contact, 'c')
      .where('c.workspace_id = :workspaceId AND c.phones @> ARRAY[:phone]::text[]', {
        workspaceId,
        phone,
      })
      .orderBy('c.created_at')
      .getOne();
  }

  findMany(workspaceId: string, ids: string[]): Promise<Contact[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.manager.find(Contact, { where: { workspaceId, id: In(ids) } });
  }

  insert(
    data: Pick<
      Contact,
      | 'workspaceId'
      | 'name'
      | 'emails'
      | 'phones'
      | 'externalId'
      | 'companyId'
      | 'companyLink'
      | 'sortName'
      | 'searchText'
    >,
  ): Promise<Contact> {
    return this.db.insertNew<Contact>(Contact, { id: randomUUID(), ...data });
  }

  async touch(workspaceId: string, id: string, newConversation: boolean): Promise<void> {
    await this.db.query(
      `UPDATE contacts SET last_seen_at = now(),
         last_conversation_at = CASE WHEN $3 THEN now() ELSE last_conversation_at END
       WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, id, newConversation],
    );
  }

  /** Holds these identities of the workspace until the transaction ends (in a stable order). */
  async lockIdentities(workspaceId: string, keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.db.query(
      `SELECT pg_advisory_xact_lock(hashtextextended($1::text || ':' || k, 0))
       FROM unnest($2::text[]) AS k ORDER BY k`,
      [workspaceId, [...keys].sort()],
    );
  }

  async save(contact: Contact): Promise<Contact> {
    const saved = await this.db.manager.save(Contact, contact);
    await this.db.notify(CONTACTS_CHANNEL, contact.id);
    return saved;
  }
}
