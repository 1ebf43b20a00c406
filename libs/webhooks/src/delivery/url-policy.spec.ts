import type { LookupAddress } from 'node:dns';
import { MAX_WEBHOOK_URL_LENGTH } from '@sanad/contracts';
import { DomainError } from '@sanad/core';
import { AllowList } from './address-policy.util';
import { checkWebhookUrl, type LookupAll } from './url-policy';

/** A resolver that knows a few names, like a zone an attacker controls. */
function fakeDns(zone: Record<string, string[]>): LookupAll & jest.Mock {
  return jest.fn(async (hostname: string): Promise<LookupAddress[]> => {
    const addresses = zone[hostname];
    if (!addresses)
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  });
}

const dns = fakeDns({
  'hooks.example.com': ['93.184.216.34', '2606:4700::1111'],
  'rebind.example.com': ['10.0.0.5'],
  'mixed.example.com': ['93.184.216.34', '192.168.1.20'],
  'mapped.example.com': ['::ffff:127.0.0.1'],
  'metadata.example.com': ['169.254.169.254'],
  'office.example.com': ['10.20.0.7'],
  'office-wide.example.com': ['10.20.0.7', '10.99.0.1'],
  'empty.example.com': [],
  localhost: ['127.0.0.1', '::1'],
});
const none = new AllowList([]);

async function refusal(raw: string, allow = none): Promise<DomainError> {
  const error: unknown = await checkWebhookUrl(raw, allow, dns).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`${raw} was not refused with a DomainError`);
  return error;
}

describe('checkWebhookUrl', () => {
  it('accepts a public https URL and returns it parsed', async () => {
    const url = await checkWebhookUrl('https://hooks.example.com/sanad?x=1', none, dns);
    expect(url.href).toBe('https://hooks.example.com/sanad?x=1');
    expect(dns).toHaveBeenCalledWith('hooks.example.com', { all: true });
  });

  it('accepts public IP literals without resolving', async () => {
    dns.mockClear();
    await expect(checkWebhookUrl('http://93.184.216.34:8080/', none, dns)).resolves.toBeInstanceOf(
      URL,
    );
    await expect(checkWebhookUrl('https://[2606:4700::1111]/', none, dns)).resolves.toBeInstanceOf(
      URL,
    );
    expect(dns).not.toHaveBeenCalled();
  });

  it.each(['not a url', '/relative/path', 'http://', 'https://exa mple.com/'])(
    'refuses %j as invalid',
    async (raw) => {
      expect((await refusal(raw)).code).toBe('webhook/url_invalid');
    },
  );

  it('refuses URLs longer than the maximum, naming it', async () => {
    const raw = `https://hooks.example.com/${'a'.repeat(MAX_WEBHOOK_URL_LENGTH)}`;
    const error = await refusal(raw);
    expect(error.code).toBe('webhook/url_too_long');
    expect(error.params).toEqual({ max: MAX_WEBHOOK_URL_LENGTH });
  });

  it('accepts a URL exactly at the maximum length', async () => {
    const base = 'https://hooks.example.com/';
    const raw = base + 'a'.repeat(MAX_WEBHOOK_URL_LENGTH - base.length);
    await expect(checkWebhookUrl(raw, none, dns)).resolves.toBeInstanceOf(URL);
  });

  it.each([
    'ftp://hooks.example.com/',
    'file:///etc/passwd',
    'gopher://hooks.example.com/',
    'javascript:alert(1)',
    'ws://hooks.example.com/',
  ])('refuses the scheme of %s', async (raw) => {
    expect((await refusal(raw)).code).toBe('webhook/url_scheme');
  });

  it.each([
    'https://user:pass@hooks.example.com/',
    'https://user@hooks.example.com/',
    'https://:pass@hooks.example.com/',
  ])('refuses credentials in %s', async (raw) => {
    expect((await refusal(raw)).code).toBe('webhook/url_credentials');
  });

  it.each([
    ['http://0x7f.1/', '127.0.0.1'],
    ['http://2130706433/', '127.0.0.1'],
    ['http://017700000001/', '127.0.0.1'],
    ['http://127.1:8080/', '127.0.0.1'],
    ['http://[::ffff:127.0.0.1]/', '::ffff:7f00:1'],
    ['http://[::ffff:7f00:1]/', '::ffff:7f00:1'],
    ['http://[::1]/', '::1'],
    ['http://[fe80::1]/', 'fe80::1'],
    ['http://[fc00::1]/', 'fc00::1'],
    ['http://100.64.0.1/', '100.64.0.1'],
    ['http://169.254.169.254/latest/meta-data/', '169.254.169.254'],
    ['http://10.1.2.3/', '10.1.2.3'],
    ['http://172.16.0.1/', '172.16.0.1'],
    ['http://192.168.1.1/', '192.168.1.1'],
    ['http://0.0.0.0/', '0.0.0.0'],
    ['http://224.0.0.1/', '224.0.0.1'],
  ])('refuses the IP literal %s as %s', async (raw, address) => {
    const error = await refusal(raw);
    expect(error.code).toBe('webhook/url_forbidden_address');
    expect(error.params).toEqual({ address });
  });

  it('refuses a name resolving to a private address (rebinding style)', async () => {
    const error = await refusal('https://rebind.example.com/hook');
    expect(error.code).toBe('webhook/url_forbidden_address');
    expect(error.params).toEqual({ address: '10.0.0.5' });
  });

  it('refuses a name resolving to a public and a private address', async () => {
    const error = await refusal('https://mixed.example.com/hook');
    expect(error.params).toEqual({ address: '192.168.1.20' });
  });

  it('refuses names resolving to IPv4-mapped loopback and to the metadata address', async () => {
    expect((await refusal('https://mapped.example.com/')).params).toEqual({
      address: '::ffff:127.0.0.1',
    });
    expect((await refusal('https://metadata.example.com/')).params).toEqual({
      address: '169.254.169.254',
    });
  });

  it('refuses localhost', async () => {
    expect((await refusal('http://localhost:3000/')).code).toBe('webhook/url_forbidden_address');
  });

  it('refuses hosts that do not resolve, naming them', async () => {
    const error = await refusal('https://nowhere.example.com/');
    expect(error.code).toBe('webhook/url_unresolvable');
    expect(error.params).toEqual({ host: 'nowhere.example.com' });
    expect((await refusal('https://empty.example.com/')).code).toBe('webhook/url_unresolvable');
  });

  it('lets a host listed by name through without looking at its addresses', async () => {
    dns.mockClear();
    const allow = new AllowList(['localhost', 'rebind.example.com']);
    await expect(checkWebhookUrl('http://localhost:3000/', allow, dns)).resolves.toBeInstanceOf(
      URL,
    );
    await expect(
      checkWebhookUrl('http://REBIND.example.com./', allow, dns),
    ).resolves.toBeInstanceOf(URL);
    expect(dns).not.toHaveBeenCalled();
  });

  it('lets listed addresses and ranges through, and only those', async () => {
    const allow = new AllowList(['127.0.0.1', '10.20.0.0/16']);
    await expect(checkWebhookUrl('http://127.0.0.1:9000/', allow, dns)).resolves.toBeInstanceOf(
      URL,
    );
    await expect(checkWebhookUrl('http://0x7f.1:9000/', allow, dns)).resolves.toBeInstanceOf(URL);
    await expect(checkWebhookUrl('http://[::ffff:127.0.0.1]/', allow, dns)).resolves.toBeInstanceOf(
      URL,
    );
    await expect(
      checkWebhookUrl('https://office.example.com/', allow, dns),
    ).resolves.toBeInstanceOf(URL);
    expect((await refusal('https://office-wide.example.com/', allow)).params).toEqual({
      address: '10.99.0.1',
    });
    // localhost also resolves to ::1, which is not listed.
    expect((await refusal('http://localhost/', allow)).params).toEqual({ address: '::1' });
    expect((await refusal('http://127.0.0.2/', allow)).params).toEqual({ address: '127.0.0.2' });
  });
});
