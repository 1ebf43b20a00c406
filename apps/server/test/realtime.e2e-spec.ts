import {
  AGENTS_NAMESPACE,
  type CreatedApiTokenView,
  type RealtimeEnvelope,
} from '@sanad/contracts';
import { io, type Socket } from 'socket.io-client';
import { spawnServer, type SpawnedServer } from './spawn-server';
import { HttpSession, addMember, createWorkspace } from './test-app';

let server: SpawnedServer;

beforeAll(async () => {
  server = await spawnServer();
});

afterAll(async () => {
  expect(await server?.stop()).toBe(0);
});

function connect(options: { cookie?: string; token?: string; origin?: string } = {}): Socket {
  return io(`${server.url}${AGENTS_NAMESPACE}`, {
    transports: ['websocket'],
    reconnection: false,
    extraHeaders: {
      ...(options.cookie ? { Cookie: options.cookie } : {}),
      ...(options.origin ? { Origin: options.origin } : {}),
    },
    auth: options.token ? { token: options.token } : {},
  });
}

function connected(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (error) => reject(error));
  });
}

function refused(socket: Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => reject(new Error('connected but should have been refused')));
    socket.once('connect_error', (error) => resolve(error.message));
  });
}

function collect(socket: Socket, type: string): RealtimeEnvelope[] {
  const seen: RealtimeEnvelope[] = [];
  socket.on(type, (envelope: RealtimeEnvelope) => seen.push(envelope));
  return seen;
}

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('agents socket', () => {
  const sockets: Socket[] = [];
  afterEach(() => sockets.splice(0).forEach((s) => s.close()));

  it('delivers a workspace event to its agents only, with a growing sequence number', async () => {
    const a = await createWorkspace(server.url);
    const aAgent = await addMember(server.url, a.owner, 'agent');
    const aAdmin = await addMember(server.url, a.owner, 'admin');
    const b = await createWorkspace(server.url);
    const [ownerSocket, agentSocket, outsider] = [
      connect({ cookie: a.owner.cookieHeader }),
      connect({ cookie: aAgent.session.cookieHeader }),
      connect({ cookie: b.owner.cookieHeader }),
    ];
    sockets.push(ownerSocket, agentSocket, outsider);
    await Promise.all([connected(ownerSocket), connected(agentSocket), connected(outsider)]);
    const [ownerSeen, agentSeen, outsiderSeen] = [
      collect(ownerSocket, 'member.updated'),
      collect(agentSocket, 'member.updated'),
      collect(outsider, 'member.updated'),
    ];

    expect(
      (await a.owner.patch(`/api/v1/members/${aAdmin.me.user.id}`, { role: 'agent' })).status,
    ).toBe(200);
    expect(
      (await a.owner.patch(`/api/v1/members/${aAdmin.me.user.id}`, { role: 'admin' })).status,
    ).toBe(200);
    await until(() => ownerSeen.length === 2 && agentSeen.length === 2);
    expect(agentSeen[0]).toMatchObject({
      type: 'member.updated',
      workspaceId: a.me.workspace.id,
      data: { user: { id: aAdmin.me.user.id, role: 'agent' } },
    });
    expect(agentSeen[1].seq).toBeGreaterThan(agentSeen[0].seq);
    expect(ownerSeen.map((e) => e.seq)).toEqual(agentSeen.map((e) => e.seq));
    await new Promise((r) => setTimeout(r, 300));
    expect(outsiderSeen).toEqual([]);
  });

  it('shows one agent the conversations, replies and notes of another live, and nothing to other workspaces', async () => {
    const a = await createWorkspace(server.url);
    const colleague = await addMember(server.url, a.owner, 'agent');
    const b = await createWorkspace(server.url);
    const watcher = connect({ cookie: colleague.session.cookieHeader });
    const outsider = connect({ cookie: b.owner.cookieHeader });
    sockets.push(watcher, outsider);
    await Promise.all([connected(watcher), connected(outsider)]);
    const created = collect(watcher, 'conversation.created');
    const messages = collect(watcher, 'message.created');
    const outsiderSeen = [
      ...collect(outsider, 'conversation.created'),
      ...collect(outsider, 'message.created'),
    ];
    const opened = await a.owner.post('/api/v1/conversations', {
      contact: { email: `c-${Date.now()}@example.test`, name: 'Customer' },
      subject: 'مساعدة',
      text: 'مرحباً',
    });
    expect(opened.status).toBe(201);
    const id = (opened.body as { conversation: { id: string } }).conversation.id;
    await a.owner.post(`/api/v1/conversations/${id}/replies`, { text: 'أهلاً بك' });
    await a.owner.post(`/api/v1/conversations/${id}/notes`, { text: 'ملاحظة للفريق' });
    await until(() => created.length === 1 && messages.length === 3);
    expect(
      messages.map((e) => (e.data as { message: { kind: string; text: string } }).message.kind),
    ).toEqual(['reply', 'reply', 'note']);
    // Catch-up over REST returns the same events after the last seq the client had.
    const before = created[0].seq - 1;
    const missed = (await colleague.session.get(`/api/v1/events?after=${before}`)).body as {
      events: Array<{ seq: number }>;
    };
    expect(missed.events.map((e) => e.seq)).toEqual(
      expect.arrayContaining([created[0].seq, ...messages.map((m) => m.seq)]),
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(outsiderSeen).toEqual([]);
  });

  it('relays who is viewing or typing to the workspace only, and "left" on disconnect', async () => {
    const a = await createWorkspace(server.url);
    const colleague = await addMember(server.url, a.owner, 'agent');
    const b = await createWorkspace(server.url);
    const opened = await a.owner.post('/api/v1/conversations', {
      contact: { email: `p-${Date.now()}@example.test` },
      subject: 'presence',
      text: 'hi',
    });
    const conversationId = (opened.body as { conversation: { id: string } }).conversation.id;
    const viewer = connect({ cookie: a.owner.cookieHeader });
    const watcher = connect({ cookie: colleague.session.cookieHeader });
    const outsider = connect({ cookie: b.owner.cookieHeader });
    sockets.push(viewer, watcher, outsider);
    await Promise.all([connected(viewer), connected(watcher), connected(outsider)]);
    const seen: Array<{ conversationId: string; name: string; state: string }> = [];
    const outsiderSeen: unknown[] = [];
    watcher.on('presence', (p: { conversationId: string; name: string; state: string }) =>
      seen.push(p),
    );
    outsider.on('presence', (p: unknown) => outsiderSeen.push(p));
    const ack = (payload: unknown): Promise<{ ok: boolean }> =>
      viewer.emitWithAck('presence', payload) as Promise<{ ok: boolean }>;
    expect(await ack({ conversationId, state: 'viewing' })).toEqual({ ok: true });
    expect(await ack({ conversationId, state: 'typing-reply' })).toEqual({ ok: true });
    // Another workspace's conversation, a made-up id and a bad state are ignored.
    const other = await b.owner.post('/api/v1/conversations', {
      contact: { email: `q-${Date.now()}@example.test` },
      subject: 'x',
      text: 'x',
    });
    expect(
      await ack({
        conversationId: (other.body as { conversation: { id: string } }).conversation.id,
        state: 'viewing',
      }),
    ).toEqual({ ok: false });
    expect(await ack({ conversationId: 'nope', state: 'viewing' })).toEqual({ ok: false });
    expect(await ack({ conversationId, state: 'dancing' })).toEqual({ ok: false });
    viewer.close();
    await until(() => seen.length === 3);
    expect(seen.map((p) => [p.conversationId, p.name, p.state])).toEqual([
      [conversationId, 'Owner', 'viewing'],
      [conversationId, 'Owner', 'typing-reply'],
      [conversationId, 'Owner', 'left'],
    ]);
    expect(outsiderSeen).toEqual([]);
  });

  it('coalesces repeated presence, disconnects a flooding socket, and others stay fast', async () => {
    const a = await createWorkspace(server.url);
    const colleague = await addMember(server.url, a.owner, 'agent');
    const b = await createWorkspace(server.url);
    const opened = await a.owner.post('/api/v1/conversations', {
      contact: { email: `f-${Date.now()}@example.test` },
      subject: 'flood',
      text: 'hi',
    });
    const conversationId = (opened.body as { conversation: { id: string } }).conversation.id;
    const other = await b.owner.post('/api/v1/conversations', {
      contact: { email: `g-${Date.now()}@example.test` },
      subject: 'calm',
      text: 'hi',
    });
    const otherId = (other.body as { conversation: { id: string } }).conversation.id;
    // How long a note takes on this machine right now, without a flood (the suite runs in parallel).
    const calmStarted = performance.now();
    expect(
      (await b.owner.post(`/api/v1/conversations/${otherId}/notes`, { text: 'هادئ' })).status,
    ).toBe(201);
    const calm = performance.now() - calmStarted;
    const flooder = connect({ cookie: a.owner.cookieHeader });
    const watcher = connect({ cookie: colleague.session.cookieHeader });
    sockets.push(flooder, watcher);
    await Promise.all([connected(flooder), connected(watcher)]);
    let relayed = 0;
    watcher.on('presence', () => relayed++);
    const gone = new Promise((resolve) => flooder.once('disconnect', resolve));
    for (let i = 0; i < 2000; i++) flooder.emit('presence', { conversationId, state: 'viewing' });
    await gone;
    // The burst was coalesced to a handful of relays, not 2,000.
    expect(relayed).toBeLessThan(10);
    // Meanwhile another workspace's work is not held up.
    const started = performance.now();
    const note = await b.owner.post(`/api/v1/conversations/${otherId}/notes`, { text: 'سريع' });
    expect(note.status).toBe(201);
    expect(performance.now() - started).toBeLessThan(calm + 500);
  });

  it('gives an agent limited to some mailboxes only their events and presence, and rejoins after a change', async () => {
    const a = await createWorkspace(server.url);
    const limited = await addMember(server.url, a.owner, 'agent');
    const mailboxes = (await a.owner.get('/api/v1/mailboxes')).body as {
      items: Array<{ id: string; kind: string }>;
    };
    const inbox = mailboxes.items.find((m) => m.kind === 'inbox') as { id: string };
    const billing = (await a.owner.post('/api/v1/mailboxes', { name: 'فواتير', slug: 'billing' }))
      .body as { id: string };
    // The owner's socket first: once it has seen the access change, the limited agent's socket
    // cannot be dropped by it any more.
    const viewer = connect({ cookie: a.owner.cookieHeader });
    sockets.push(viewer);
    await connected(viewer);
    const memberEvents = collect(viewer, 'member.updated');
    expect(
      (
        await a.owner.put(`/api/v1/members/${limited.me.user.id}/mailboxes`, {
          mailboxIds: [billing.id],
        })
      ).status,
    ).toBe(200);
    await until(() => memberEvents.length === 1);
    const socket = connect({ cookie: limited.session.cookieHeader });
    sockets.push(socket);
    await connected(socket);
    const created = collect(socket, 'conversation.created');
    const messages = collect(socket, 'message.created');
    const presence: Array<{ conversationId: string }> = [];
    socket.on('presence', (p: { conversationId: string }) => presence.push(p));
    const open = async (mailboxId: string): Promise<string> =>
      (
        (
          await a.owner.post('/api/v1/conversations', {
            contact: { email: `m-${Date.now()}-${Math.random()}@example.test` },
            subject: 'x',
            text: 'x',
            mailboxId,
          })
        ).body as { conversation: { id: string } }
      ).conversation.id;
    const hidden = await open(inbox.id);
    const shown = await open(billing.id);
    await a.owner.post(`/api/v1/conversations/${hidden}/replies`, { text: 'سري' });
    await a.owner.post(`/api/v1/conversations/${shown}/replies`, { text: 'ظاهر' });
    await viewer.emitWithAck('presence', { conversationId: hidden, state: 'viewing' });
    await viewer.emitWithAck('presence', { conversationId: shown, state: 'viewing' });
    await until(() => created.length === 1 && messages.length === 2 && presence.length === 1);
    await new Promise((r) => setTimeout(r, 300));
    const ids = [
      ...created.map((e) => (e.data as { conversation: { id: string } }).conversation.id),
      ...messages.map((e) => (e.data as { conversationId: string }).conversationId),
      ...presence.map((p) => p.conversationId),
    ];
    expect(new Set(ids)).toEqual(new Set([shown]));

    // Lifting the limit drops the socket so it comes back with the new rooms.
    const dropped = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    await a.owner.put(`/api/v1/members/${limited.me.user.id}/mailboxes`, { mailboxIds: null });
    expect(await dropped).toBe('io server disconnect');
    socket.connect();
    await connected(socket);
    await a.owner.post(`/api/v1/conversations/${hidden}/notes`, { text: 'الآن ظاهر' });
    await until(() =>
      messages.some((e) => (e.data as { conversationId: string }).conversationId === hidden),
    );
  });

  it('authenticates with an API token too', async () => {
    const ws = await createWorkspace(server.url);
    const { secret } = (await ws.owner.post('/api/v1/tokens', { name: 'socket' }))
      .body as CreatedApiTokenView;
    const socket = connect({ token: secret });
    sockets.push(socket);
    await connected(socket);
    const seen = collect(socket, 'member.invited');
    await ws.owner.post('/api/v1/invites', {
      email: `x-${Date.now()}@example.test`,
      role: 'agent',
    });
    await until(() => seen.length === 1);
  });

  it('refuses connections without a valid session, with a bad token, or from a foreign origin', async () => {
    const ws = await createWorkspace(server.url);
    const anonymous = connect();
    const forged = connect({ cookie: 'sanad_session=forged-session-secret' });
    const badToken = connect({ token: 'snd_not-a-token' });
    const foreign = connect({ cookie: ws.owner.cookieHeader, origin: 'https://evil.example' });
    sockets.push(anonymous, forged, badToken, foreign);
    const outcomes = await Promise.all([anonymous, forged, badToken, foreign].map(refused));
    expect(outcomes).toEqual([
      'unauthenticated',
      'unauthenticated',
      'unauthenticated',
      'unauthenticated',
    ]);
    const loggedOut = new HttpSession(server.url);
    await loggedOut.post('/api/v1/auth/login', { email: ws.email, password: ws.password });
    const cookie = loggedOut.cookieHeader;
    await loggedOut.post('/api/v1/auth/logout');
    const stale = connect({ cookie });
    sockets.push(stale);
    expect(await refused(stale)).toBe('unauthenticated');
  });

  it('closes a socket at once when its session or token ends, and only that one', async () => {
    const ws = await createWorkspace(server.url);
    const other = new HttpSession(server.url);
    await other.post('/api/v1/auth/login', { email: ws.email, password: ws.password });
    const { token, secret } = (await ws.owner.post('/api/v1/tokens', { name: 'revoked' }))
      .body as CreatedApiTokenView;
    const tokenId = token.id;
    const bySession = connect({ cookie: other.cookieHeader });
    const byToken = connect({ token: secret });
    const byOwner = connect({ cookie: ws.owner.cookieHeader });
    sockets.push(bySession, byToken, byOwner);
    await Promise.all([bySession, byToken, byOwner].map(connected));
    const closed = (socket: Socket): Promise<string> =>
      new Promise((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
    const sessionClosed = closed(bySession);
    await other.post('/api/v1/auth/logout');
    expect(await sessionClosed).toBe('io server disconnect');
    const tokenClosed = closed(byToken);
    expect((await ws.owner.delete(`/api/v1/tokens/${tokenId}`)).status).toBeLessThan(300);
    expect(await tokenClosed).toBe('io server disconnect');
    // The owner's own socket stays, and still hears the workspace.
    const seen = collect(byOwner, 'member.invited');
    await ws.owner.post('/api/v1/invites', {
      email: `y-${Date.now()}@example.test`,
      role: 'agent',
    });
    await until(() => seen.length === 1);
    expect(byOwner.connected).toBe(true);
  });

  it('closes the other sessions’ sockets when the password changes', async () => {
    const ws = await createWorkspace(server.url);
    const other = new HttpSession(server.url);
    await other.post('/api/v1/auth/login', { email: ws.email, password: ws.password });
    const elsewhere = connect({ cookie: other.cookieHeader });
    const here = connect({ cookie: ws.owner.cookieHeader });
    sockets.push(elsewhere, here);
    await Promise.all([elsewhere, here].map(connected));
    const gone = new Promise((resolve) => elsewhere.once('disconnect', resolve));
    const changed = await ws.owner.post('/api/v1/me/password', {
      currentPassword: ws.password,
      newPassword: 'a-new-horse-battery-staple-7',
    });
    expect(changed.status).toBeLessThan(300);
    await gone;
    expect(here.connected).toBe(true);
  });
});
