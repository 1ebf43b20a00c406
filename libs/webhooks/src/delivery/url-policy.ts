import { promises as dns, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import { MAX_WEBHOOK_URL_LENGTH } from '@sanad/contracts';
import { DomainError } from '@sanad/core';
import { forbiddenAddressReason, type AllowList } from './address-policy.util';

/** Resolves a host name to every address it has, like `dns.promises.lookup` with `all`. */
export type LookupAll = (
  hostname: string,
  options: LookupOptions & { all: true },
) => Promise<LookupAddress[]>;

/**
 * Checks a webhook URL when it is saved and before a test event is sent: an absolute http(s) URL
 * without credentials whose host, and every address the host resolves to now, may be reached.
 * Returns the parsed URL; throws `DomainError` naming the reason. Addresses can change after
 * this check (DNS rebinding): the delivery agent checks again at every connection.
 */
export async function checkWebhookUrl(
  raw: string,
  allow: AllowList,
  lookup: LookupAll = dns.lookup,
): Promise<URL> {
  const url = parseWebhookUrl(raw);
  const host = urlHost(url);
  if (isIP(host)) {
    refuseForbidden(host, allow);
    return url;
  }
  if (allow.allowsHost(host)) return url;
  const addresses = await resolve(host, lookup);
  for (const { address } of addresses) refuseForbidden(address, allow);
  return url;
}

/**
 * The checks that need no network: length, syntax, scheme, credentials. The WHATWG parser
 * rewrites every spelling of an IP address (`0x7f.1`, `2130706433`, `[::ffff:127.0.0.1]`) to its
 * canonical form, so `hostname` is what a connection would use.
 */
export function parseWebhookUrl(raw: string): URL {
  if (raw.length > MAX_WEBHOOK_URL_LENGTH) {
    throw new DomainError('webhook/url_too_long', { max: MAX_WEBHOOK_URL_LENGTH });
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new DomainError('webhook/url_invalid');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new DomainError('webhook/url_scheme');
  }
  if (url.username || url.password) throw new DomainError('webhook/url_credentials');
  if (!urlHost(url)) throw new DomainError('webhook/url_invalid');
  return url;
}

/** The host as a connection uses it: IPv6 without its brackets. */
export function urlHost(url: URL): string {
  const { hostname } = url;
  return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
}

function refuseForbidden(address: string, allow: AllowList): void {
  if (forbiddenAddressReason(address) !== null && !allow.allowsAddress(address)) {
    throw new DomainError('webhook/url_forbidden_address', { address });
  }
}

async function resolve(host: string, lookup: LookupAll): Promise<LookupAddress[]> {
  let addresses: LookupAddress[];
  try {
    addresses = await lookup(host, { all: true });
  } catch {
    throw new DomainError('webhook/url_unresolvable', { host });
  }
  if (addresses.length === 0) throw new DomainError('webhook/url_unresolvable', { host });
  return addresses;
}
