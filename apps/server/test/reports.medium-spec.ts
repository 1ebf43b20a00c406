import type {
  AgentsReportView,
  ConversationDetailView,
  ConversationsReportView,
  DashboardView,
  MessageView,
  Problem,
} from '@sanad/contracts';
import { ReportDurationsRepository, ReportFactsService } from '@sanad/reports';
import { signRatingLink } from '@sanad/satisfaction';
import { testDir } from '@sanad/testing';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { conversationBody, open } from './inbox-helpers';
import { addMember, createWorkspace, sharedTestApp, type TestWorkspace } from './test-app';

// Its own database: the facts and the outbox are this file's alone.
const app = sharedTestApp({ scratch: true });

function sql<T = Array<Record<string, unknown>>>(text: string, params: unknown[] = []): Promise<T> {
  return app.running.app.get(DataSource).query<T>(text, params);
}

/** Waits until every event of the workspace was handled and the facts derived. */
async function settled(workspaceId: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const [row] = await sql<Array<{ n: number }>>(
      `SELECT (SELECT count(*) FROM outbox WHERE workspace_id = $1 AND status <> 'done')
            + (SELECT count(*) FROM report_pending WHERE workspace_id = $1) AS n`,
      [workspaceId],
    );
    if (Number(row.n) === 0) return;
    if (Date.now() > deadline) throw new Error(`${row.n} events still pending`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** PostgreSQL's percentile_cont: linear interpolation between the closest ranks. */
function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = p * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const round = (n: number | null) => (n === null ? null : Math.round(n));
  return {
    count: sorted.length,
    median: round(percentile(sorted, 0.5)),
    average: round(sorted.length ? sorted.reduce((a, b) => a + b, 0) / sorted.length : null),
    p90: round(percentile(sorted, 0.9)),
  };
}

const localDay = (instant: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, dateStyle: 'short' }).format(instant);

describe('reports', () => {
  describe('live numbers', () => {
    let ws: TestWorkspace;
    beforeAll(async () => {
      ws = await createWorkspace(app.base);
    });

    it('a new conversation, a reply and a close move the dashboard within seconds', async () => {
      const dashboard = async () =>
        (await ws.owner.get('/api/v1/reports/dashboard?preset=today')).body as DashboardView;
      const before = await dashboard();
      expect(before.scope).toBe('workspace');
      expect(before.period).toMatchObject({ preset: 'today', bucket: 'hour' });
      expect(before.series).toHaveLength(24);
      const started = Date.now();
      const { conversation, messages } = await open(ws, conversationBody());
      const ongoing = await until(dashboard, (d) => d.ongoing.value === before.ongoing.value! + 1);
      expect(ongoing.ongoing.value).toBe((before.ongoing.value ?? 0) + 1);
      expect(Date.now() - started).toBeLessThan(2000);
      await ws.owner.post(`/api/v1/conversations/${conversation.id}/replies`, {
        text: 'أهلاً بك',
        lastSeenMessageId: messages[0].id,
      });
      await ws.owner.patch(`/api/v1/conversations/${conversation.id}`, { status: 'closed' });
      const after = await until(dashboard, (d) => d.closed.value === 1);
      expect(after.closed.value).toBe(1);
      expect(after.ongoing.value).toBe(before.ongoing.value);
      expect(after.responseSpeed.value).not.toBeNull();
      expect(after.series.reduce((n, p) => n + p.new, 0)).toBe(1);
      expect(after.busiestHours.max).toBe(1);
    });

    it('a rating moves the rating average within seconds', async () => {
      const dashboard = async () =>
        (await ws.owner.get('/api/v1/reports/dashboard?preset=today')).body as DashboardView;
      await ws.owner.patch('/api/v1/satisfaction/settings', {
        delayMinutes: 600,
        includeApiChannel: true,
      });
      const { conversation } = await open(ws, conversationBody());
      await ws.owner.patch(`/api/v1/conversations/${conversation.id}`, { status: 'closed' });
      const request = await until(
        async () =>
          (
            await sql<Array<{ id: string }>>(
              'SELECT id FROM rating_requests WHERE conversation_id = $1',
              [conversation.id],
            )
          )[0],
        (row) => row !== undefined,
      );
      // As if the email had gone out: its link is good.
      await sql(`UPDATE rating_requests SET status = 'sent', sent_at = now() WHERE id = $1`, [
        request.id,
      ]);
      const before = await dashboard();
      const token = signRatingLink(app.running.config.appSecret, {
        requestId: request.id,
        conversationId: conversation.id,
        score: 2,
        expiresAt: new Date(Date.now() + 86_400_000),
      });
      const started = Date.now();
      expect((await fetch(`${app.base}/r/${token}/star`, { method: 'POST' })).status).toBe(204);
      const after = await until(
        dashboard,
        (d) => d.ratingAverage.value !== before.ratingAverage.value,
      );
      expect(Date.now() - started).toBeLessThan(2000);
      expect(before.ratingAverage.value).toBeNull();
      expect(after.ratingAverage.value).toBe(2);
    });
  });

  describe('exactness', () => {
    const timeZone = 'America/New_York'; // a DST change (1 November 2026) inside the range
    let ws: TestWorkspace;
    let other: TestWorkspace;
    let agents: string[];

    beforeAll(async () => {
      ws = await createWorkspace(app.base);
      other = await createWorkspace(app.base);
      await ws.owner.patch('/api/v1/workspace', { timeZone, weekStart: 'sunday' });
      const a = await addMember(app.base, ws.owner, 'agent');
      const b = await addMember(app.base, ws.owner, 'agent');
      agents = [ws.me.user.id, a.me.user.id, b.me.user.id];
      const next = random(20261203);
      const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)];
      const conversations: ConversationDetailView[] = [];
      for (let i = 0; i < 36; i++) {
        const detail = await open(ws, conversationBody());
        conversations.push(detail);
        const id = detail.conversation.id;
        let closed = false;
        for (let step = 0; step < 7; step++) {
          const action = pick(['customer', 'reply', 'reply', 'note', 'close', 'reopen']);
          if (action === 'customer') {
            await ws.owner.post(`/api/v1/conversations/${id}/customer-messages`, {
              text: 'سؤال آخر',
            });
            closed = false;
          } else if (action === 'reply') {
            await ws.owner.post(`/api/v1/conversations/${id}/replies`, {
              text: 'رد',
              force: true,
            });
          } else if (action === 'note') {
            await ws.owner.post(`/api/v1/conversations/${id}/notes`, { text: 'ملاحظة' });
          } else if (action === 'close' && !closed) {
            await ws.owner.patch(`/api/v1/conversations/${id}`, { status: 'closed' });
            closed = true;
          } else if (action === 'reopen' && closed) {
            await ws.owner.patch(`/api/v1/conversations/${id}`, { status: 'open' });
            closed = false;
          }
        }
        await ws.owner.patch(`/api/v1/conversations/${id}`, { assigneeId: pick(agents) });
      }
      // One goes to spam, one is merged into another: neither is counted.
      await ws.owner.patch(`/api/v1/conversations/${conversations[0].conversation.id}`, {
        spam: true,
      });
      await ws.owner.post(`/api/v1/conversations/${conversations[1].conversation.id}/merge`, {
        intoId: conversations[2].conversation.id,
      });
      // The other workspace has conversations of its own, at the same times.
      for (let i = 0; i < 3; i++) {
        const d = await open(other, conversationBody());
        await other.owner.post(`/api/v1/conversations/${d.conversation.id}/replies`, {
          text: 'رد',
          force: true,
        });
      }
      await settled(ws.me.workspace.id);
      await settled(other.me.workspace.id);

      // Spread the timelines over October and November (across the DST change), each
      // conversation's entries in their order with random gaps; replies by the three agents.
      const rows = await sql<Array<{ id: string; conversation_id: string; kind: string }>>(
        `SELECT m.id, m.conversation_id, m.kind FROM messages m
          WHERE m.workspace_id = ANY($1) ORDER BY m.conversation_id, m.created_at, m.id`,
        [[ws.me.workspace.id, other.me.workspace.id]],
      );
      const start = Date.parse('2026-10-03T00:00:00Z');
      let current = '';
      let at = 0;
      for (const row of rows) {
        if (row.conversation_id !== current) {
          current = row.conversation_id;
          at = start + Math.floor(next() * 55 * 86_400_000);
          await sql(`UPDATE conversations SET created_at = $2 WHERE id = $1`, [
            current,
            new Date(at),
          ]);
        } else at += 60_000 + Math.floor(next() * 30 * 3_600_000);
        await sql(`UPDATE messages SET created_at = $2 WHERE id = $1`, [row.id, new Date(at)]);
        if (row.kind === 'reply')
          await sql(
            `UPDATE messages SET author_user_id = $2 WHERE id = $1 AND author_type = 'user'`,
            [row.id, pick(agents)],
          );
      }
      // A reply that failed to send does not count.
      await sql(
        `UPDATE messages SET delivery_status = 'failed'
          WHERE id = (SELECT id FROM messages WHERE workspace_id = $1 AND author_type = 'user'
                        AND kind = 'reply' ORDER BY id LIMIT 1)`,
        [ws.me.workspace.id],
      );
      const ids = [...new Set(rows.map((r) => r.conversation_id))];
      await app.running.app.get(ReportFactsService).refresh(ids);
    });

    /** The workspace's conversations (spam left out) and all their messages, oldest first. */
    async function rawTimeline() {
      const conversations = await sql<
        Array<{ id: string; created_at: Date; status: string; assignee_id: string | null }>
      >(
        `SELECT c.id, c.created_at, c.status, c.assignee_id FROM conversations c
           JOIN mailboxes m ON m.id = c.mailbox_id
          WHERE c.workspace_id = $1 AND m.kind <> 'spam'`,
        [ws.me.workspace.id],
      );
      const messages = await sql<
        Array<{
          conversation_id: string;
          kind: string;
          author_type: string;
          author_user_id: string | null;
          delivery_status: string | null;
          data: { action?: string; from?: string; to?: string };
          created_at: Date;
        }>
      >(
        `SELECT conversation_id, kind, author_type, author_user_id, delivery_status, data,
                created_at FROM messages WHERE workspace_id = $1 ORDER BY created_at`,
        [ws.me.workspace.id],
      );
      return { conversations, messages };
    }

    /**
     * Every metric recomputed from the raw rows, by a plain reading of the definitions (each
     * duration in whole seconds, as reports keep them).
     */
    async function recompute(from: Date, to: Date, zone = timeZone) {
      const { conversations, messages } = await rawTimeline();
      const inRange = (d: Date) => d >= from && d < to;
      const expected = {
        newByDay: new Map<string, number>(),
        closed: new Set<string>(),
        reopened: new Set<string>(),
        frt: [] as number[],
        frtAt: [] as Array<[Date, number]>,
        reply: [] as number[],
        resolution: [] as number[],
        handled: new Map<string, Set<string>>(),
        replies: new Map<string, number>(),
        ongoingNow: 0,
      };
      for (const c of conversations) {
        if (inRange(c.created_at)) {
          const day = localDay(c.created_at, zone);
          expected.newByDay.set(day, (expected.newByDay.get(day) ?? 0) + 1);
        }
        if (c.status !== 'closed') expected.ongoingNow++;
        const own = messages.filter((m) => m.conversation_id === c.id);
        const agentReplies = own.filter(
          (m) => m.kind === 'reply' && m.author_type === 'user' && m.delivery_status !== 'failed',
        );
        const firstPublic = own.find(
          (m) => m.kind === 'reply' && (m.author_type === 'contact' || agentReplies.includes(m)),
        );
        if (firstPublic?.author_type === 'contact' && agentReplies[0]) {
          const first = agentReplies[0];
          if (inRange(first.created_at)) {
            const seconds = Math.round((+first.created_at - +c.created_at) / 1000);
            expected.frt.push(seconds);
            expected.frtAt.push([first.created_at, seconds]);
          }
        }
        for (const m of own.filter((x) => x.kind === 'reply' && x.author_type === 'contact')) {
          const answer = agentReplies.find((r) => r.created_at > m.created_at);
          if (answer && inRange(answer.created_at))
            expected.reply.push(Math.round((+answer.created_at - +m.created_at) / 1000));
        }
        const statuses = own.filter((m) => m.kind === 'activity' && m.data.action === 'status');
        // Reopened: a closed conversation opened again, by an agent or by the customer writing.
        let state = 'open';
        for (const m of own) {
          const customer = m.kind === 'reply' && m.author_type === 'contact';
          const status = m.kind === 'activity' && m.data.action === 'status' ? m.data.to : null;
          if (status === 'closed' && state !== 'closed' && inRange(m.created_at))
            expected.closed.add(c.id);
          if (state === 'closed' && (customer || (status && status !== 'closed')))
            if (inRange(m.created_at)) expected.reopened.add(c.id);
          if (status) state = status;
          else if (customer && state === 'closed') state = 'open';
        }
        const lastClose = statuses.filter((s) => s.data.to === 'closed').at(-1);
        if (c.status === 'closed' && lastClose && inRange(lastClose.created_at))
          expected.resolution.push(Math.round((+lastClose.created_at - +c.created_at) / 1000));
        for (const r of agentReplies)
          if (inRange(r.created_at)) {
            const user = r.author_user_id as string;
            expected.handled.set(user, (expected.handled.get(user) ?? new Set()).add(c.id));
            expected.replies.set(user, (expected.replies.get(user) ?? 0) + 1);
          }
      }
      return expected;
    }

    /** Durations counted by bin for every range (a short one reads the facts directly). */
    async function binned<T>(run: () => Promise<T>): Promise<T> {
      const binning = app.running.app.get(ReportDurationsRepository).binning;
      const before = binning.fromMs;
      binning.fromMs = 0;
      try {
        return await run();
      } finally {
        binning.fromMs = before;
      }
    }

    it.each([
      ['read directly', (run: () => Promise<void>) => run()],
      ['counted by bin', binned],
    ])(
      'every number equals a recompute from the raw messages, in a DST time zone (durations %s)',
      async (_, way) =>
        way(async () => {
          const query = '?from=2026-10-01&to=2026-11-30';
          const report = (await ws.owner.get(`/api/v1/reports/conversations${query}`))
            .body as ConversationsReportView;
          expect(report.period).toMatchObject({ preset: 'custom', bucket: 'day', timeZone });
          const from = new Date(report.period.from);
          const to = new Date(report.period.to);
          expect(from.toISOString()).toBe('2026-10-01T04:00:00.000Z'); // EDT
          expect(to.toISOString()).toBe('2026-12-01T05:00:00.000Z'); // EST
          const expected = await recompute(from, to);

          expect(report.series).toHaveLength(61);
          const byDay = new Map(
            report.series.map((p) => [localDay(new Date(p.start), timeZone), p]),
          );
          expect(byDay.size).toBe(61);
          for (const [day, n] of expected.newByDay)
            expect([day, byDay.get(day)?.new]).toEqual([day, n]);
          expect(report.new.value).toBe([...expected.newByDay.values()].reduce((a, b) => a + b, 0));
          expect(report.new.value).toBeGreaterThan(20);
          expect(report.closed.value).toBe(expected.closed.size);
          expect(report.reopened.value).toBe(expected.reopened.size);
          const withoutPrevious = <T extends { previous: unknown }>(x: T): Omit<T, 'previous'> => {
            const copy: Partial<T> = { ...x };
            delete copy.previous;
            return copy as Omit<T, 'previous'>;
          };
          const frt = withoutPrevious(report.firstResponse);
          const reply = withoutPrevious(report.replyTime);
          const resolution = withoutPrevious(report.resolutionTime);
          expect(frt).toEqual(stats(expected.frt));
          expect(reply).toEqual(stats(expected.reply));
          expect(resolution).toEqual(stats(expected.resolution));
          expect(frt.count).toBeGreaterThan(5);
          const heat = report.busiestHours.cells.flat().reduce((a, b) => a + b, 0);
          expect(heat).toBe(report.new.value);

          const agentsReport = (await ws.owner.get(`/api/v1/reports/agents${query}`))
            .body as AgentsReportView;
          for (const row of agentsReport.agents) {
            expect([row.agent.id, row.handled]).toEqual([
              row.agent.id,
              expected.handled.get(row.agent.id)?.size ?? 0,
            ]);
            expect(row.replies).toBe(expected.replies.get(row.agent.id) ?? 0);
          }
          expect(agentsReport.agents.map((a) => a.agent.id).sort()).toEqual(
            expect.arrayContaining([...expected.handled.keys()].sort()),
          );

          const dashboard = (await ws.owner.get(`/api/v1/reports/dashboard?preset=week`))
            .body as DashboardView;
          expect(dashboard.ongoing.value).toBe(expected.ongoingNow);
        }),
    );

    /**
     * Open at T: started before it, and its last change before T (a status change, or the
     * customer writing to a closed conversation) left it open.
     */
    async function openAt(at: Date): Promise<number> {
      const { conversations, messages } = await rawTimeline();
      return conversations.filter((c) => {
        if (c.created_at >= at) return false;
        let state = 'open';
        for (const m of messages)
          if (m.conversation_id === c.id && m.created_at < at) {
            if (m.kind === 'activity' && m.data.action === 'status' && m.data.to) state = m.data.to;
            else if (m.kind === 'reply' && m.author_type === 'contact' && state === 'closed')
              state = 'open';
          }
        return state !== 'closed';
      }).length;
    }

    it('ongoing at past moments equals a replay of the raw timeline', async () => {
      for (const [from, to] of [
        ['2026-10-10', '2026-10-20'],
        ['2026-10-25', '2026-11-05'],
        ['2026-11-12', '2026-11-20'],
      ]) {
        const d = (await ws.owner.get(`/api/v1/reports/dashboard?from=${from}&to=${to}`))
          .body as DashboardView;
        expect([to, d.ongoing.value]).toEqual([to, await openAt(new Date(d.period.to))]);
        expect([from, d.ongoing.previous]).toEqual([
          from,
          await openAt(new Date(d.period.previous.to)),
        ]);
      }
    });

    it("the hourly counts give the facts' numbers folded, beside a tag filter, and in a zone half an hour off UTC", async () => {
      const query = '/api/v1/reports/conversations?from=2026-10-01&to=2026-11-30';
      const numbers = (r: ConversationsReportView) => ({
        new: r.new.value,
        closed: r.closed.value,
        reopened: r.reopened.value,
        series: r.series.map((p) => [p.start, p.new, p.closed, p.reopened, p.firstResponseMedian]),
        durations: [r.firstResponse, r.replyTime, r.resolutionTime],
        busiestHours: r.busiestHours,
      });
      const before = numbers((await ws.owner.get(query)).body as ConversationsReportView);
      const ongoing = async () =>
        (
          (await ws.owner.get('/api/v1/reports/dashboard?from=2026-10-25&to=2026-11-05'))
            .body as DashboardView
        ).ongoing;
      const ongoingBefore = await ongoing();
      // Some conversations close (and reopen) twice: the repeats are not counted twice.
      const [repeats] = await sql<Array<{ n: number }>>(
        `SELECT count(*)::int AS n FROM report_status_changes
          WHERE workspace_id = $1 AND prev_at IS NOT NULL AND NOT excluded`,
        [ws.me.workspace.id],
      );
      expect(repeats.n).toBeGreaterThan(1);
      const loose = () =>
        sql<Array<{ n: number }>>(
          `SELECT (SELECT count(*) FROM report_hours WHERE workspace_id = $1 AND NOT compacted)
                + (SELECT count(*) FROM report_durations WHERE workspace_id = $1 AND NOT compacted)
                + (SELECT count(*) FROM report_open WHERE workspace_id = $1 AND NOT compacted)
                  AS n`,
          [ws.me.workspace.id],
        ).then((rows) => Number(rows[0].n));
      expect(await loose()).toBeGreaterThan(0); // what the triggers appended
      expect(await app.running.app.get(ReportFactsService).compactRollups()).toBeGreaterThan(0);
      expect(await loose()).toBe(0);
      expect(numbers((await ws.owner.get(query)).body as ConversationsReportView)).toEqual(before);
      expect(await ongoing()).toEqual(ongoingBefore);

      // A tag filter reads the facts alone: with every conversation tagged, the same numbers.
      const tagged = (
        await sql<Array<{ id: string }>>(
          `SELECT conversation_id AS id FROM report_conversations WHERE workspace_id = $1 LIMIT 1`,
          [ws.me.workspace.id],
        )
      )[0].id;
      await ws.owner.patch(`/api/v1/conversations/${tagged}`, { tags: ['كل المحادثات'] });
      await settled(ws.me.workspace.id);
      const tag = ((await ws.owner.get('/api/v1/tags')).body as { items: Array<{ id: string }> })
        .items[0];
      const appended = await loose(); // the tagged conversation's facts, written again
      for (const table of [
        'report_conversations',
        'report_replies',
        'report_agent_replies',
        'report_status_changes',
      ])
        await sql(`UPDATE ${table} SET tag_ids = tag_ids || $2::uuid WHERE workspace_id = $1`, [
          ws.me.workspace.id,
          tag.id,
        ]);
      expect(await loose()).toBe(appended); // a change the hours do not keep appends nothing
      expect(
        numbers((await ws.owner.get(`${query}&tagId=${tag.id}`)).body as ConversationsReportView),
      ).toEqual(before);

      // India is UTC+5:30: every local midnight falls mid-hour, read from the facts.
      await ws.owner.patch('/api/v1/workspace', { timeZone: 'Asia/Kolkata' });
      try {
        const report = (await ws.owner.get(query)).body as ConversationsReportView;
        const from = new Date(report.period.from);
        const to = new Date(report.period.to);
        expect(from.toISOString()).toBe('2026-09-30T18:30:00.000Z');
        const expected = await recompute(from, to, 'Asia/Kolkata');
        const byDay = new Map(
          report.series.map((p) => [localDay(new Date(p.start), 'Asia/Kolkata'), p.new]),
        );
        for (const [day, n] of expected.newByDay) expect([day, byDay.get(day)]).toEqual([day, n]);
        expect(report.new.value).toBe([...expected.newByDay.values()].reduce((a, b) => a + b, 0));
        expect(report.closed.value).toBe(expected.closed.size);
        expect(report.reopened.value).toBe(expected.reopened.size);
        expect(report.busiestHours.cells.flat().reduce((a, b) => a + b, 0)).toBe(report.new.value);
        const d = (await ws.owner.get('/api/v1/reports/dashboard?from=2026-10-25&to=2026-11-05'))
          .body as DashboardView;
        expect(d.ongoing.value).toBe(await openAt(new Date(d.period.to)));
        expect(d.ongoing.previous).toBe(await openAt(new Date(d.period.previous.to)));
      } finally {
        await ws.owner.patch('/api/v1/workspace', { timeZone });
      }
    });

    it('the backfill derives the same facts again, from where it stopped', async () => {
      const query = '/api/v1/reports/conversations?from=2026-10-01&to=2026-11-30';
      const before = (await ws.owner.get(query)).body as ConversationsReportView;
      await sql(`DELETE FROM report_conversations WHERE workspace_id = $1`, [ws.me.workspace.id]);
      expect(((await ws.owner.get(query)).body as ConversationsReportView).new.value).toBe(0);
      await sql(`UPDATE report_backfill SET after_id = NULL, finished_at = NULL`);
      const facts = app.running.app.get(ReportFactsService);
      expect(await facts.backfill(7)).toBeGreaterThanOrEqual(36);
      expect(await facts.backfill(7)).toBe(0); // finished: nothing more to do
      expect((await ws.owner.get(query)).body).toEqual(before);
    });

    it('queues a conversation once however many events name it, and derives the queue in batches', async () => {
      const query = '/api/v1/reports/conversations?from=2026-10-01&to=2026-11-30';
      const before = (await ws.owner.get(query)).body as ConversationsReportView;
      const ids = (
        await sql<Array<{ conversation_id: string }>>(
          `SELECT conversation_id FROM report_conversations WHERE workspace_id = $1 LIMIT 3`,
          [ws.me.workspace.id],
        )
      ).map((r) => r.conversation_id);
      await sql(`DELETE FROM report_conversations WHERE conversation_id = ANY($1::uuid[])`, [ids]);
      const facts = app.running.app.get(ReportFactsService);
      // Three events for the first conversation, one each for the others: three rows.
      await facts.queue(ws.me.workspace.id, [ids[0], ids[0]]);
      await facts.queue(ws.me.workspace.id, [ids[0], ids[1], ids[2]]);
      const queued = await sql<Array<{ n: number }>>(
        `SELECT count(*)::int AS n FROM report_pending WHERE conversation_id = ANY($1::uuid[])`,
        [ids],
      );
      expect(queued[0].n).toBeLessThanOrEqual(3); // the worker may have started on them
      await settled(ws.me.workspace.id);
      expect((await ws.owner.get(query)).body).toEqual(before);
    });

    it('exports every table as CSV with the numbers the screen shows', async () => {
      const query = 'from=2026-10-01&to=2026-11-30';
      const report = (await ws.owner.get(`/api/v1/reports/conversations?${query}`))
        .body as ConversationsReportView;
      const csv = await ws.owner.get(`/api/v1/reports/conversations/export.csv?${query}`);
      expect(csv.status).toBe(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      const text = csv.text;
      expect(text.startsWith('\uFEFF')).toBe(true);
      const lines = text.slice(1).trim().split('\r\n');
      expect(lines[0]).toBe('بداية الفترة,جديدة,مغلقة,أعيد فتحها,وسيط سرعة الاستجابة (ثانية)');
      expect(lines).toHaveLength(62);
      expect(lines[1].startsWith('2026-10-01 00:00:00 -04:00,')).toBe(true);
      const total = lines.slice(1).reduce((n, line) => n + Number(line.split(',')[1]), 0);
      expect(total).toBe(report.new.value);
      expect(csv.headers['content-disposition']).toContain('2026-10-01_2026-11-30.csv');
      const hours = await ws.owner.get(
        `/api/v1/reports/conversations/export.csv?${query}&table=busiest-hours`,
      );
      expect(hours.text.slice(1).trim().split('\r\n')).toHaveLength(8);
      for (const table of ['ratings'])
        expect(
          (await ws.owner.get(`/api/v1/reports/conversations/export.csv?${query}&table=${table}`))
            .status,
        ).toBe(200);
      for (const [report, table] of [
        ['dashboard', 'series'],
        ['agents', 'agents'],
        ['contacts', 'categories'],
        ['contacts', 'series'],
        ['satisfaction', 'distribution'],
        ['satisfaction', 'comments'],
      ])
        expect([
          report,
          table,
          (await ws.owner.get(`/api/v1/reports/${report}/export.csv?${query}&table=${table}`))
            .status,
        ]).toEqual([report, table, 200]);
      const wrongTable = await ws.owner.get(`/api/v1/reports/agents/export.csv?table=series`);
      expect(wrongTable.status).toBe(400);
      expect((wrongTable.body as Problem).errors?.[0]).toMatchObject({ field: 'table' });
      expect((await ws.owner.get(`/api/v1/reports/nothing/export.csv`)).status).toBe(404);
    });

    it('prints a report as a PDF: Arabic shaped, in reading order, with its numbers', async () => {
      const query = 'from=2026-10-01&to=2026-11-30';
      const report = (await ws.owner.get(`/api/v1/reports/conversations?${query}`))
        .body as ConversationsReportView;
      const started = Date.now();
      const pdf = await ws.owner.download(`/api/v1/reports/conversations/export.pdf?${query}`);
      const took = Date.now() - started;
      expect(pdf.status).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      const body = pdf.body as Buffer;
      expect(body.subarray(0, 5).toString()).toBe('%PDF-');
      mkdirSync(testDir('reports'), { recursive: true });
      const file = join(testDir('reports'), 'conversations.pdf');
      writeFileSync(file, body);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      expect(text).toContain('تقرير المحادثات');
      expect(text).toContain('أوقات الذروة');
      expect(text).toContain('2026-10-01');
      expect(text).toContain(String(report.new.value));
      expect(took).toBeLessThan(10_000);
    });

    it('weeks start on the workspace day and buckets follow the zone', () =>
      binned(async () => {
        const report = (
          await ws.owner.get('/api/v1/reports/conversations?from=2026-10-01&to=2026-11-30')
        ).body as ConversationsReportView;
        expect(report.period.bucket).toBe('day');
        const weekly = (
          await ws.owner.get('/api/v1/reports/conversations?from=2026-06-07&to=2026-11-28')
        ).body as ConversationsReportView;
        expect(weekly.period.bucket).toBe('week');
        // Sunday weeks, each starting at local midnight (04:00Z in summer time, 05:00Z after).
        for (const point of weekly.series) {
          const start = new Date(point.start);
          const local = new Intl.DateTimeFormat('en-US', {
            timeZone,
            weekday: 'short',
            hour: '2-digit',
            hourCycle: 'h23',
          }).format(start);
          expect(local).toBe('Sun, 00');
        }
        expect(weekly.series).toHaveLength(25);
        // Each week's median first response, as a recompute over that week finds it.
        const all = await recompute(new Date(weekly.period.from), new Date(weekly.period.to));
        weekly.series.forEach((point, i) => {
          const start = new Date(point.start);
          const end = new Date(weekly.series[i + 1]?.start ?? weekly.period.to);
          const values = all.frtAt.filter(([at]) => at >= start && at < end).map(([, s]) => s);
          expect([point.start, point.firstResponseMedian]).toEqual([
            point.start,
            stats(values).median,
          ]);
        });
        expect(weekly.series.some((p) => p.firstResponseMedian !== null)).toBe(true);
        expect(weekly.series.reduce((n, p) => n + p.new, 0)).toBe(weekly.new.value);
        expect(weekly.new.value).toBe(report.new.value);
      }));

    it("never counts another workspace's conversations, nor takes its ids", async () => {
      const theirs = (
        await other.owner.get('/api/v1/reports/conversations?from=2026-10-01&to=2026-11-30')
      ).body as ConversationsReportView;
      expect(theirs.new.value).toBe(3);
      const mailbox = (await other.owner.get('/api/v1/mailboxes')).body.items[0].id as string;
      const refused = await ws.owner.get(`/api/v1/reports/dashboard?mailboxId=${mailbox}`);
      expect(refused.status).toBe(400);
      expect((refused.body as Problem).errors?.map((e) => [e.field, e.code])).toEqual([
        ['mailboxId', 'unknownMailbox'],
      ]);
      const agentOfOther = await ws.owner.get(`/api/v1/reports/agents?agentId=${other.me.user.id}`);
      expect(agentOfOther.status).toBe(400);
    });

    it('filters narrow every number to the same conversations', async () => {
      const query = '?from=2026-10-01&to=2026-11-30';
      const all = (await ws.owner.get(`/api/v1/reports/conversations${query}`))
        .body as ConversationsReportView;
      const parts = await Promise.all(
        agents.map(
          async (id) =>
            (await ws.owner.get(`/api/v1/reports/conversations${query}&agentId=${id}`))
              .body as ConversationsReportView,
        ),
      );
      const unassigned = await sql<Array<{ n: number }>>(
        `SELECT count(*)::int AS n FROM report_conversations
          WHERE workspace_id = $1 AND assignee_id IS NULL AND NOT excluded
            AND started_at >= $2 AND started_at < $3`,
        [ws.me.workspace.id, all.period.from, all.period.to],
      );
      expect(parts.reduce((n, p) => n + (p.new.value ?? 0), 0) + unassigned[0].n).toBe(
        all.new.value,
      );
      const channel = (await ws.owner.get(`/api/v1/reports/conversations${query}&channel=email`))
        .body as ConversationsReportView;
      expect(channel.new.value).toBe(0);
    });
  });

  describe('who sees what, and bad input', () => {
    let ws: TestWorkspace;
    beforeAll(async () => {
      ws = await createWorkspace(app.base);
    });

    it('agents see their own numbers and not the agents or contacts reports', async () => {
      const agent = await addMember(app.base, ws.owner, 'agent');
      const { conversation } = await open(ws, conversationBody());
      await ws.owner.patch(`/api/v1/conversations/${conversation.id}`, {
        assigneeId: agent.me.user.id,
      });
      await open(ws, conversationBody());
      await settled(ws.me.workspace.id);
      const mine = (await agent.session.get('/api/v1/reports/dashboard')).body as DashboardView;
      expect(mine.scope).toBe('mine');
      expect(mine.ongoing.value).toBe(1);
      const all = (await ws.owner.get('/api/v1/reports/dashboard')).body as DashboardView;
      expect(all.ongoing.value).toBe(2);
      expect((await agent.session.get('/api/v1/reports/agents')).status).toBe(403);
      expect((await agent.session.get('/api/v1/reports/contacts')).status).toBe(403);
    });

    it('refuses bad periods and filters with 400 naming the parameter', async () => {
      const cases: Array<[string, string, string]> = [
        ['?from=2026-02-01&to=2026-01-01', 'to', 'endBeforeStart'],
        ['?from=2019-01-01&to=2026-01-01', 'to', 'rangeTooLong'],
        ['?preset=custom&from=2026-01-01', 'to', 'isNotEmpty'],
        ['?preset=fortnight', 'preset', 'isIn'],
        ['?from=2026-02-30&to=2026-03-01', 'from', 'isIso8601'],
        ['?from=01/02/2026&to=2026-03-01', 'from', 'isIso8601'],
        ['?from=2026-10-01T00:00&to=2026-11-01', 'from', 'matches'],
        ['?channel=fax', 'channel', 'isIn'],
        ['?tagId=not-a-uuid', 'tagId', 'isUuid'],
        [`?teamId=${crypto.randomUUID()}`, 'teamId', 'unknownTeam'],
        [`?categoryId=${crypto.randomUUID()}`, 'categoryId', 'unknownCategory'],
        [`?tagId=${crypto.randomUUID()}`, 'tagId', 'unknownTag'],
      ];
      for (const [query, field, code] of cases) {
        const response = await ws.owner.get(`/api/v1/reports/conversations${query}`);
        expect([query, response.status]).toEqual([query, 400]);
        expect([query, (response.body as Problem).errors?.[0]]).toEqual([
          query,
          expect.objectContaining({ field, code }),
        ]);
      }
    });

    it('erasing a person takes their conversations out of every number, rollups included', async () => {
      const detail = await open(ws, conversationBody());
      await settled(ws.me.workspace.id);
      const today = async () =>
        (
          (await ws.owner.get('/api/v1/reports/conversations?preset=today'))
            .body as ConversationsReportView
        ).new.value;
      const before = await today();
      const contactId = detail.conversation.contact?.id as string;
      expect(
        (await ws.owner.post(`/api/v1/people/${contactId}/erase`, { mode: 'delete' })).status,
      ).toBe(202);
      expect(await until(today, (n) => n === (before ?? 0) - 1)).toBe((before ?? 0) - 1);
      await settled(ws.me.workspace.id);
      // The rollups agree with the facts left (the facts went by cascade, the triggers saw it).
      const [check] = await sql<
        Array<{ started: number; facts: number; open: number; openFacts: number }>
      >(
        `SELECT (SELECT COALESCE(sum(started), 0) FROM report_hours WHERE workspace_id = $1)::int AS started,
                (SELECT count(*) FROM report_conversations WHERE workspace_id = $1 AND NOT excluded)::int AS facts,
                (SELECT COALESCE(sum(n), 0) FROM report_open WHERE workspace_id = $1)::int AS open,
                (SELECT count(*) FROM report_conversations
                  WHERE workspace_id = $1 AND NOT excluded AND status <> 'closed')::int AS "openFacts"`,
        [ws.me.workspace.id],
      );
      expect(check.started).toBe(check.facts);
      expect(check.open).toBe(check.openFacts);
    });

    it('counts people for the contacts report', async () => {
      await open(ws, conversationBody());
      const [category] = (await ws.owner.get('/api/v1/contact-categories')).body.items as Array<{
        id: string;
      }>;
      for (let i = 0; i < 3; i++)
        await ws.owner.post('/api/v1/people', {
          name: `عميل ${i}`,
          emails: [`people${i}@x.test`],
          ...(i < 2 && { categoryId: category.id }),
        });
      await ws.owner.post('/api/v1/people', { name: 'زائر' }); // no address: unregistered
      await settled(ws.me.workspace.id);
      const report = (await ws.owner.get('/api/v1/reports/contacts?preset=today')).body;
      const [truth] = await sql<Array<{ registered: number; unregistered: number; n: number }>>(
        `SELECT count(*) FILTER (WHERE registered)::int AS registered,
                count(*) FILTER (WHERE NOT registered)::int AS unregistered,
                count(*) FILTER (WHERE category_id = $2)::int AS n
           FROM contacts WHERE workspace_id = $1`,
        [ws.me.workspace.id, category.id],
      );
      expect(truth.unregistered).toBeGreaterThanOrEqual(1);
      expect(report.registered).toBe(truth.registered);
      expect(report.unregistered).toBe(truth.unregistered);
      expect(
        (report.byCategory as Array<{ category: { id: string } | null; people: number }>).find(
          (c) => c.category?.id === category.id,
        )?.people,
      ).toBe(truth.n);
      expect(report.newPeople.value).toBe(truth.registered + truth.unregistered);
      expect(report.startedConversations.value).toBeGreaterThanOrEqual(1);
      expect(report.series).toHaveLength(24);
    });
  });

  it('keeps failed replies out of the timeline facts (sanity of the fixture)', async () => {
    const failed = await sql<MessageView[]>(
      `SELECT id FROM messages WHERE delivery_status = 'failed'`,
    );
    expect(failed.length).toBeGreaterThanOrEqual(1);
  });
});
