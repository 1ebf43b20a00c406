import { randomUUID } from 'node:crypto';
import { indexTerms } from '@sanad/search';
import type { DataSource } from 'typeorm';
import { uniqueEmail, uniqueName } from './factories';

/**
 * Rows straight into PostgreSQL for repository medium specs, each in one line:
 * `const ws = await seed.workspace(); const c = await seed.conversation(ws, { status: 'closed' })`.
 * Every row gets fresh ids, so specs sharing the test database never collide.
 */
export class Seed {
  constructor(readonly db: DataSource) {}

  async workspace(): Promise<{ id: string; inboxId: string; spamId: string }> {
    const id = randomUUID();
    const name = uniqueName();
    await this.db.query(`INSERT INTO workspaces (id, name, slug) VALUES ($1, $2, $3)`, [
      id,
      name,
      `ws-${id}`,
    ]);
    const inboxId = await this.mailbox(id, {
      kind: 'inbox',
      slug: 'inbox',
      name: 'الصندوق الوارد',
    });
    const spamId = await this.mailbox(id, { kind: 'spam', slug: 'spam', name: 'المزعج' });
    return { id, inboxId, spamId };
  }

  async mailbox(
    workspaceId: string,
    row: { kind?: string; slug?: string; name?: string; archived?: boolean } = {},
  ): Promise<string> {
    const id = randomUUID();
    await this.db.query(
      `INSERT INTO mailboxes (id, workspace_id, name, slug, kind, archived_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        id,
        workspaceId,
        row.name ?? uniqueName('Mailbox'),
        row.slug ?? `mb-${id.slice(0, 8)}`,
        row.kind ?? 'custom',
        row.archived ? new Date() : null,
      ],
    );
    return id;
  }

  async user(
    workspaceId: string,
    row: { name?: string; role?: string; active?: boolean; mailboxIds?: string[] | null } = {},
  ): Promise<string> {
    const id = randomUUID();
    await this.db.query(
      `INSERT INTO users (id, workspace_id, name, email, password_hash, role, language, active, mailbox_ids)
       VALUES ($1, $2, $3, $4, 'x', $5, 'ar', $6, $7)`,
      [
        id,
        workspaceId,
        row.name ?? uniqueName('Agent'),
        uniqueEmail(),
        row.role ?? 'agent',
        row.active ?? true,
        row.mailboxIds ?? null,
      ],
    );
    return id;
  }

  async contact(
    workspaceId: string,
    row: { name?: string | null; emails?: string[]; phones?: string[] } = {},
  ): Promise<string> {
    const id = randomUUID();
    await this.db.query(
      `INSERT INTO contacts (id, workspace_id, name, emails, phones) VALUES ($1, $2, $3, $4, $5)`,
      [
        id,
        workspaceId,
        row.name ?? 'سارة',
        row.emails ?? [uniqueEmail('customer')],
        row.phones ?? [],
      ],
    );
    return id;
  }

  private numbers = 0;

  async conversation(
    ws: { id: string; inboxId: string },
    row: {
      mailboxId?: string;
      contactId?: string | null;
      status?: string;
      subject?: string;
      assigneeId?: string | null;
      channel?: string;
      lastMessageAt?: Date;
      lastPublicFrom?: 'contact' | 'user';
      /** Text to index, as the conversation writer indexes it. */
      search?: string;
    } = {},
  ): Promise<string> {
    const id = randomUUID();
    const contactId = row.contactId === undefined ? await this.contact(ws.id) : row.contactId;
    await this.db.query(
      `INSERT INTO conversations (id, workspace_id, number, subject, status, channel, mailbox_id, contact_id,
         assignee_id, last_public_from, last_message_at, search_vector)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, array_to_tsvector($12::text[]))`,
      [
        id,
        ws.id,
        ++this.numbers + Math.floor(Math.random() * 1_000_000),
        row.subject ?? 'مشكلة في الطلب',
        row.status ?? 'open',
        row.channel ?? 'email',
        row.mailboxId ?? ws.inboxId,
        contactId,
        row.assigneeId ?? null,
        row.lastPublicFrom ?? 'contact',
        row.lastMessageAt ?? new Date(),
        indexTerms(row.search ?? ''),
      ],
    );
    return id;
  }

  async message(
    workspaceId: string,
    conversationId: string,
    row: {
      kind?: string;
      authorType?: string;
      authorUserId?: string | null;
      text?: string;
      emailMessageId?: string | null;
      emailContentHash?: string | null;
      data?: Record<string, unknown>;
      createdAt?: Date;
    } = {},
  ): Promise<string> {
    const id = randomUUID();
    await this.db.query(
      `INSERT INTO messages (id, workspace_id, conversation_id, kind, author_type, author_user_id, body_text,
         email_message_id, email_content_hash, data, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        id,
        workspaceId,
        conversationId,
        row.kind ?? 'reply',
        row.authorType ?? 'contact',
        row.authorUserId ?? null,
        row.text ?? 'مرحباً',
        row.emailMessageId ?? null,
        row.emailContentHash ?? null,
        JSON.stringify(row.data ?? {}),
        row.createdAt ?? new Date(),
      ],
    );
    return id;
  }
}
