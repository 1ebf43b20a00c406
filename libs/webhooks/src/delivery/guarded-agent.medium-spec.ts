import type { LookupAddress } from 'node:dns';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request, type Agent } from 'undici';
import { AllowList } from './address-policy.util';
import { createGuardedAgent, ForbiddenAddressError, guardedLookup } from './guarded-agent';
import { checkWebhookUrl, type LookupAll } from './url-policy';

/** A zone whose answers the test changes, as an attacker changes theirs between save and send. */
function zone(records: Record<string, string[]>): LookupAll {
  return async (hostname) => {
    const addresses = records[hostname];
    if (!addresses) {
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    }
    return addresses.map((address): LookupAddress => ({
      address,
      family: address.includes(':') ? 6 : 4,
    }));
  };
}

let server: Server;
let port: number;
let connections = 0;
const agents: Agent[] = [];

beforeAll(async () => {
  server = createServer((_req, res) => res.end('reached'));
  server.on('connection', () => connections++);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await Promise.all(agents.map((agent) => agent.close()));
  server.closeAllConnections();
  server.close();
});

function agent(allow: string[], records: Record<string, string[]>): Agent {
  const created = createGuardedAgent({ allow: new AllowList(allow), lookup: zone(records) });
  agents.push(created);
  return created;
}

async function get(url: string, dispatcher: Agent): Promise<string> {
  const response = await request(url, { dispatcher });
  return response.body.text();
}

async function refusal(url: string, dispatcher: Agent): Promise<ForbiddenAddressError> {
  const error: unknown = await get(url, dispatcher).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof ForbiddenAddressError)) {
    throw new Error(`${url} was not refused by the guard: ${String(error)}`);
  }
  return error;
}

describe('createGuardedAgent', () => {
  beforeEach(() => {
    connections = 0;
  });

  it('refuses a name rebound to loopback after the URL passed its check', async () => {
    const records = { 'hooks.example.com': ['93.184.216.34'] };
    const url = `http://hooks.example.com:${port}/`;
    await expect(checkWebhookUrl(url, new AllowList([]), zone(records))).resolves.toBeInstanceOf(
      URL,
    );
    records['hooks.example.com'] = ['127.0.0.1'];
    const error = await refusal(url, agent([], records));
    expect(error).toMatchObject({
      host: 'hooks.example.com',
      address: '127.0.0.1',
      reason: 'loopback',
    });
    expect(connections).toBe(0);
  });

  it('refuses a name resolving to a public and a loopback address', async () => {
    const dispatcher = agent([], { 'mixed.example.com': ['93.184.216.34', '127.0.0.1'] });
    const error = await refusal(`http://mixed.example.com:${port}/`, dispatcher);
    expect(error.address).toBe('127.0.0.1');
    expect(connections).toBe(0);
  });

  it('refuses IP-literal hosts, which Node never looks up', async () => {
    const dispatcher = agent([], {});
    expect((await refusal(`http://127.0.0.1:${port}/`, dispatcher)).reason).toBe('loopback');
    expect((await refusal(`http://[::ffff:7f00:1]:${port}/`, dispatcher)).reason).toBe(
      'IPv4-mapped loopback',
    );
    expect(connections).toBe(0);
  });

  it('connects to addresses on the allowlist, by name or through a listed address', async () => {
    const records = { 'receiver.lan': ['127.0.0.1'], 'other.lan': ['127.0.0.1'] };
    expect(await get(`http://receiver.lan:${port}/`, agent(['receiver.lan'], records))).toBe(
      'reached',
    );
    expect(await get(`http://other.lan:${port}/`, agent(['127.0.0.0/8'], records))).toBe('reached');
    expect(await get(`http://127.0.0.1:${port}/`, agent(['127.0.0.1'], records))).toBe('reached');
    expect(connections).toBe(3);
  });

  it('passes DNS failures through as the resolver reported them', async () => {
    const error: unknown = await get(`http://nowhere.example.com:${port}/`, agent([], {})).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'ENOTFOUND' });
  });
});

describe('guardedLookup', () => {
  const lookup = guardedLookup(
    new AllowList([]),
    zone({ 'dual.example.com': ['93.184.216.34', '2606:4700::1111'], 'empty.example.com': [] }),
  );

  function call(hostname: string, all: boolean): Promise<unknown[]> {
    return new Promise((resolve) => {
      lookup(hostname, { all }, (...args) => resolve(args));
    });
  }

  it('answers one address or all of them, as net.connect asks', async () => {
    expect(await call('dual.example.com', false)).toEqual([null, '93.184.216.34', 4]);
    expect(await call('dual.example.com', true)).toEqual([
      null,
      [
        { address: '93.184.216.34', family: 4 },
        { address: '2606:4700::1111', family: 6 },
      ],
    ]);
  });

  it('reports a name without addresses as not found', async () => {
    const [error] = await call('empty.example.com', true);
    expect(error).toMatchObject({ code: 'ENOTFOUND' });
  });
});
