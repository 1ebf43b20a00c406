import { Injectable } from '@nestjs/common';
import type { Channel, ConversationStatus } from '@sanad/contracts';
import { Db } from '@sanad/database';

/** A conversation reduced to what reports derive their facts from. */
export interface ReportTimeline {
  id: string;
  workspaceId: string;
  startedAt: Date;
  channel: Channel;
  mailboxId: string;
  spam: boolean;
  teamId: string | null;
  assigneeId: string | null;
  contactId: string | null;
  status: ConversationStatus;
  tagIds: string[];
  entries: Array<{
    id: string;
    kind: 'reply' | 'note' | 'activity';
    author: 'contact' | 'user' | 'system';
    userId: string | null;
    at: Date;
    failed: boolean;
    action: string | null;
    to: string | null;
  }>;
}

interface Row {
  id: string;
  workspace_id: string;
  created_at: Date;
  channel: Channel;
  mailbox_id: string;
  spam: boolean;
  team_id: string | null;
  assignee_id: string | null;
  contact_id: string | null;
  status: ConversationStatus;
  tag_ids: string[];
  entries: Array<{
    id: string;
    kind: 'reply' | 'note' | 'activity';
    author: 'contact' | 'user' | 'system';
    user_id: string | null;
    at: string;
    failed: boolean;
    action: string | null;
    to: string | null;
  }>;
}

/** Conversations' timelines for reports, many at a time (the backfill reads pages of them). */
@Injectable()
export class ReportTimelinesRepository {
  constructor(private readonly db: Db) {}

  async byIds(ids: string[]): Promise<ReportTimeline[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.query<Row[]>(
      `SELECT c.id, c.workspace_id, c.created_at, c.channel, c.mailbox_id,
              (m.kind = 'spam') AS spam, c.team_id, c.assignee_id, c.contact_id, c.status,
              COALESCE((SELECT array_agg(t.tag_id ORDER BY t.tag_id) FROM conversation_tags t
                         WHERE t.conversation_id = c.id), '{}') AS tag_ids,
              COALESCE((SELECT json_agg(json_build_object(
                           'id', e.id, 'kind', e.kind, 'author', e.author_type,
                           'user_id', e.author_user_id, 'at', e.created_at,
                           'failed', e.delivery_status IS NOT DISTINCT FROM 'failed',
                           'action', e.data->>'action', 'to', e.data->>'to')
                         ORDER BY e.created_at, e.id)
                          FROM messages e WHERE e.conversation_id = c.id
                           AND (e.kind <> 'activity' OR e.data->>'action' = 'status')), '[]')
                AS entries
         FROM conversations c JOIN mailboxes m ON m.id = c.mailbox_id
        WHERE c.id = ANY($1::uuid[])`,
      [ids],
    );
    return rows.map((r) => ({
      id: r.id,
      workspaceId: r.workspace_id,
      startedAt: r.created_at,
      channel: r.channel,
      mailboxId: r.mailbox_id,
      spam: r.spam,
      teamId: r.team_id,
      assigneeId: r.assignee_id,
      contactId: r.contact_id,
      status: r.status,
      tagIds: r.tag_ids,
      entries: r.entries.map((e) => ({
        id: e.id,
        kind: e.kind,
        author: e.author,
        userId: e.user_id,
        at: new Date(e.at),
        failed: e.failed,
        action: e.action,
        to: e.to,
      })),
    }));
  }

  /** The next page of conversation ids after `afterId`, in id order (the backfill's cursor). */
  async idsAfter(afterId: string | null, limit: number): Promise<string[]> {
    const rows = await this.db.query<Array<{ id: string }>>(
      `SELECT id FROM conversations WHERE ($1::uuid IS NULL OR id > $1) ORDER BY id LIMIT $2`,
      [afterId, limit],
    );
    return rows.map((r) => r.id);
  }

  /** A person's conversations (their category changed, so their facts must follow). */
  async idsOfContact(workspaceId: string, contactId: string): Promise<string[]> {
    const rows = await this.db.query<Array<{ id: string }>>(
      `SELECT id FROM conversations WHERE workspace_id = $1 AND contact_id = $2`,
      [workspaceId, contactId],
    );
    return rows.map((r) => r.id);
  }
}
