import type {
  AttachmentView,
  ConversationDetailView,
  ConversationView,
  MessageView,
  PageView,
  Problem,
  ViewCountsView,
} from '@sanad/contracts';
import { AttachmentsService, SnoozeService } from '@sanad/conversations';
import { uniqueEmail } from '@sanad/testing';
import { type HttpSession, addMember, createWorkspace, sharedTestApp } from './test-app';

const app = sharedTestApp({ env: { MAX_ATTACHMENT_MB: '1' } });

async function ok<T>(
  response: Promise<{ status: number; body: unknown }>,
  status = 200,
): Promise<T> {
  const r = await response;
  if (r.status !== status)
    throw new Error(`expected ${status}, got ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as T;
}

async function conversation(owner: HttpSession): Promise<ConversationDetailView> {
  return ok(
    owner.post('/api/v1/conversations', {
      contact: { email: uniqueEmail('c'), name: 'سارة' },
      subject: 'طلب',
      text: 'مرحباً',
    }),
    201,
  );
}

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

describe('attachments', () => {
  it('uploads a file with an Arabic name, sends it with a reply and serves it as a safe download', async () => {
    const ws = await createWorkspace(app.base);
    const c = await conversation(ws.owner);
    const bytes = Buffer.from('%PDF-1.4 فاتورة', 'utf8');
    const uploaded = await ok<AttachmentView>(
      ws.owner.upload('/api/v1/attachments', 'فاتورة مارس.pdf', bytes, 'application/pdf'),
      201,
    );
    expect(uploaded).toMatchObject({
      fileName: 'فاتورة مارس.pdf',
      contentType: 'application/pdf',
      size: bytes.length,
      inlineSafe: true,
    });
    const reply = await ok<MessageView>(
      ws.owner.post(`/api/v1/conversations/${c.conversation.id}/replies`, {
        text: 'الفاتورة مرفقة',
        attachmentIds: [uploaded.id],
      }),
      201,
    );
    expect(reply.attachments.map((a) => a.id)).toEqual([uploaded.id]);
    const detail = await ok<ConversationDetailView>(
      ws.owner.get(`/api/v1/conversations/${c.conversation.id}`),
    );
    const inThread = detail.messages.find((m) => m.id === reply.id);
    expect(inThread?.attachments[0].fileName).toBe('فاتورة مارس.pdf');

    const download = await ws.owner.download(uploaded.url);
    expect(download.status).toBe(200);
    expect(Buffer.compare(download.body as Buffer, bytes)).toBe(0);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="______ ____.pdf"; filename*=UTF-8''${encodeURIComponent('فاتورة مارس.pdf')}`,
    );
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-security-policy']).toContain('sandbox');

    // File names are searchable.
    const found = await ok<PageView<ConversationView>>(
      ws.owner.get(`/api/v1/conversations?q=${encodeURIComponent('مارس')}`),
    );
    expect(found.items.map((i) => i.id)).toContain(c.conversation.id);
  });

  it('never serves HTML or SVG as a page, and previews only safe images inline', async () => {
    const ws = await createWorkspace(app.base);
    const html = await ok<AttachmentView>(
      ws.owner.upload(
        '/api/v1/attachments',
        'page.html',
        Buffer.from('<script>alert(1)</script>'),
        'text/html',
      ),
      201,
    );
    const svg = await ok<AttachmentView>(
      ws.owner.upload(
        '/api/v1/attachments',
        'logo.svg',
        Buffer.from('<svg onload="alert(1)"/>'),
        'image/svg+xml',
      ),
      201,
    );
    const png = await ok<AttachmentView>(
      ws.owner.upload('/api/v1/attachments', 'pic.png', PNG, 'image/png'),
      201,
    );
    for (const file of [html, svg]) {
      expect(file.inlineSafe).toBe(false);
      const r = await ws.owner.download(`${file.url}?inline=1`);
      expect(r.headers['content-type']).toBe('application/octet-stream');
      expect(r.headers['content-disposition']).toMatch(/^attachment;/);
    }
    const image = await ws.owner.download(`${png.url}?inline=1`);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.headers['content-disposition']).toMatch(/^inline;/);
  });

  it('strips paths, control and bidi characters from hostile file names', async () => {
    const ws = await createWorkspace(app.base);
    const names: Array<[string, string]> = [
      ['../../etc/passwd', 'passwd'],
      ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
      ['..\\..\\boot.ini', 'boot.ini'],
    ];
    for (const [name, expected] of names) {
      const file = await ok<AttachmentView>(
        ws.owner.upload('/api/v1/attachments', name, Buffer.from('x')),
        201,
      );
      expect(file.fileName).toBe(expected);
    }
  });

  it('answers 413 with the limit, 400 without a file, and 400 for text-less empty messages', async () => {
    const ws = await createWorkspace(app.base);
    const big = await ws.owner.upload(
      '/api/v1/attachments',
      'big.bin',
      Buffer.alloc(1024 * 1024 + 1),
    );
    expect(big.status).toBe(413);
    expect((big.body as Problem).code).toBe('attachment/too_large');
    expect((big.body as Problem).detail).toContain('1 MB');
    const none = await ws.owner.post('/api/v1/attachments', {});
    expect(none.status).toBe(400);
    expect((none.body as Problem).code).toBe('attachment/missing');

    const c = await conversation(ws.owner);
    const empty = await ws.owner.post(`/api/v1/conversations/${c.conversation.id}/replies`, {
      text: '   ',
    });
    expect(empty.status).toBe(400);
    expect((empty.body as Problem).errors?.[0].field).toBe('text');
    const file = await ok<AttachmentView>(
      ws.owner.upload('/api/v1/attachments', 'a.txt', Buffer.from('a'), 'text/plain'),
      201,
    );
    const fileOnly = await ok<MessageView>(
      ws.owner.post(`/api/v1/conversations/${c.conversation.id}/replies`, {
        attachmentIds: [file.id],
      }),
      201,
    );
    expect(fileOnly.text).toBe('');
    expect(fileOnly.attachments).toHaveLength(1);
  });

  it('lets an upload be sent once, by its uploader; other members and workspaces get nothing', async () => {
    const ws = await createWorkspace(app.base);
    const agent = await addMember(app.base, ws.owner, 'agent');
    const other = await createWorkspace(app.base);
    const c = await conversation(ws.owner);
    const file = await ok<AttachmentView>(
      ws.owner.upload('/api/v1/attachments', 'a.txt', Buffer.from('secret'), 'text/plain'),
      201,
    );
    // Before it is sent, only the uploader can read it.
    expect((await agent.session.download(file.url)).status).toBe(404);
    const byOther = await agent.session.post(`/api/v1/conversations/${c.conversation.id}/notes`, {
      text: 'سرقة',
      attachmentIds: [file.id],
    });
    expect(byOther.status).toBe(400);
    expect((byOther.body as Problem).errors?.[0]).toMatchObject({
      field: 'attachmentIds.0',
      code: 'unknownAttachment',
    });
    await ok(
      ws.owner.post(`/api/v1/conversations/${c.conversation.id}/notes`, {
        text: 'مرفق',
        attachmentIds: [file.id],
      }),
      201,
    );
    const again = await ws.owner.post(`/api/v1/conversations/${c.conversation.id}/replies`, {
      text: 'مرة أخرى',
      attachmentIds: [file.id],
    });
    expect(again.status).toBe(400);
    // Sent: every member who sees the mailbox can read it; another workspace cannot.
    expect((await agent.session.download(file.url)).status).toBe(200);
    const foreign = await other.owner.download(file.url);
    expect(foreign.status).toBe(404);
    expect(JSON.parse((foreign.body as Buffer).toString()).code).toBe('attachment/not_found');
    expect((await ws.owner.download('/api/v1/attachments/not-a-uuid')).status).toBe(404);
  });

  it('sweeps uploads never sent within a day, file and row, and keeps sent ones', async () => {
    const ws = await createWorkspace(app.base);
    const c = await conversation(ws.owner);
    const upload = (name: string) =>
      ok<AttachmentView>(
        ws.owner.upload('/api/v1/attachments', name, Buffer.from(name), 'text/plain'),
        201,
      );
    const abandoned = await upload('abandoned.txt');
    const sent = await upload('sent.txt');
    await ok(
      ws.owner.post(`/api/v1/conversations/${c.conversation.id}/notes`, {
        text: 'مرفق',
        attachmentIds: [sent.id],
      }),
      201,
    );
    const attachments = app.running.app.get(AttachmentsService);
    const tomorrow = new Date(Date.now() + 25 * 60 * 60 * 1000);
    expect(await attachments.sweepAbandoned(tomorrow)).toBeGreaterThanOrEqual(1);
    expect((await ws.owner.download(abandoned.url)).status).toBe(404);
    const kept = await ws.owner.download(sent.url);
    expect((kept.body as Buffer).toString()).toBe('sent.txt');
  });
});

describe('@mentions in notes', () => {
  it('names the mentioned member, makes them follow, and refuses members who cannot be mentioned', async () => {
    const ws = await createWorkspace(app.base);
    const agent = await addMember(app.base, ws.owner, 'agent');
    const other = await createWorkspace(app.base);
    const c = await conversation(ws.owner);
    const note = await ok<MessageView>(
      ws.owner.post(`/api/v1/conversations/${c.conversation.id}/notes`, {
        text: `@${agent.me.user.name} هل يمكنك مراجعة هذا؟`,
        mentions: [agent.me.user.id],
      }),
      201,
    );
    expect(note.mentions).toEqual([{ id: agent.me.user.id, name: agent.me.user.name }]);
    const detail = await ok<ConversationDetailView>(
      agent.session.get(`/api/v1/conversations/${c.conversation.id}`),
    );
    expect(detail.conversation.followers).toContain(agent.me.user.id);
    const counts = await ok<ViewCountsView>(agent.session.get('/api/v1/conversations/counts'));
    expect(counts.views.following).toBe(1);
    const events = await ok<{ events: Array<{ type: string; data: unknown }> }>(
      agent.session.get('/api/v1/events?after=0'),
    );
    const mention = events.events.find((e) => e.type === 'mention.created');
    expect(mention?.data).toMatchObject({
      userId: agent.me.user.id,
      mention: { conversationId: c.conversation.id, messageId: note.id },
    });

    const foreign = await ws.owner.post(`/api/v1/conversations/${c.conversation.id}/notes`, {
      text: 'x',
      mentions: [other.me.user.id],
    });
    expect(foreign.status).toBe(400);
    expect((foreign.body as Problem).errors?.[0]).toMatchObject({
      field: 'mentions.0',
      code: 'unknownMention',
    });
  });
});

describe('snooze', () => {
  it('makes a conversation pending until a time, then opens it again', async () => {
    const ws = await createWorkspace(app.base);
    const c = await conversation(ws.owner);
    const until = new Date(Date.now() + 60 * 60 * 1000).toISOString();
    const snoozed = await ok<ConversationView>(
      ws.owner.patch(`/api/v1/conversations/${c.conversation.id}`, { snoozedUntil: until }),
    );
    expect(snoozed).toMatchObject({ status: 'pending', snoozedUntil: until });
    const past = await ws.owner.patch(`/api/v1/conversations/${c.conversation.id}`, {
      snoozedUntil: new Date(Date.now() - 1000).toISOString(),
    });
    expect(past.status).toBe(422);
    expect((past.body as Problem).code).toBe('conversation/snooze_in_past');
    const invalid = await ws.owner.patch(`/api/v1/conversations/${c.conversation.id}`, {
      snoozedUntil: 'tomorrow',
    });
    expect(invalid.status).toBe(400);

    const service = app.running.app.get(SnoozeService);
    expect(await service.wakeDue(new Date(Date.now() + 2 * 60 * 60 * 1000))).toBeGreaterThan(0);
    const woken = await ok<ConversationDetailView>(
      ws.owner.get(`/api/v1/conversations/${c.conversation.id}`),
    );
    expect(woken.conversation).toMatchObject({ status: 'open', snoozedUntil: null });
    const actions = woken.messages.filter((m) => m.kind === 'activity').map((m) => m.data.action);
    expect(actions).toEqual(expect.arrayContaining(['snooze', 'snooze_ended']));
    // Running the sweep again changes nothing.
    const again = await service.wakeDue(new Date(Date.now() + 2 * 60 * 60 * 1000));
    const after = await ok<ConversationDetailView>(
      ws.owner.get(`/api/v1/conversations/${c.conversation.id}`),
    );
    expect(after.messages).toHaveLength(woken.messages.length);
    expect(again).toBe(0);
  });

  it('wakes when the customer writes, and when an agent reopens or clears it', async () => {
    const ws = await createWorkspace(app.base);
    const c = await conversation(ws.owner);
    const until = new Date(Date.now() + 60 * 60 * 1000).toISOString();
    await ok(ws.owner.patch(`/api/v1/conversations/${c.conversation.id}`, { snoozedUntil: until }));
    await ok(
      ws.owner.post(`/api/v1/conversations/${c.conversation.id}/customer-messages`, {
        text: 'أي جديد؟',
      }),
      201,
    );
    const detail = await ok<ConversationDetailView>(
      ws.owner.get(`/api/v1/conversations/${c.conversation.id}`),
    );
    expect(detail.conversation).toMatchObject({ status: 'open', snoozedUntil: null });

    await ok(ws.owner.patch(`/api/v1/conversations/${c.conversation.id}`, { snoozedUntil: until }));
    const reopened = await ok<ConversationView>(
      ws.owner.patch(`/api/v1/conversations/${c.conversation.id}`, { status: 'open' }),
    );
    expect(reopened.snoozedUntil).toBeNull();
    await ok(ws.owner.patch(`/api/v1/conversations/${c.conversation.id}`, { snoozedUntil: until }));
    const cleared = await ok<ConversationView>(
      ws.owner.patch(`/api/v1/conversations/${c.conversation.id}`, { snoozedUntil: null }),
    );
    expect(cleared).toMatchObject({ snoozedUntil: null, status: 'pending' });
  });
});
