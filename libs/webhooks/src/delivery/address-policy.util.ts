import ipaddr from 'ipaddr.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/**
 * Addresses that look public to ipaddr.js but answer for the machine's cloud provider: Azure's
 * wire server sits on a public-range address. The link-local and unique-local metadata addresses
 * (169.254.169.254, fd00:ec2::254) are refused by their class already; they are listed so the
 * reason names them.
 */
const METADATA_ADDRESSES = ['169.254.169.254', '168.63.129.16', '100.100.100.200', 'fd00:ec2::254'];
const METADATA = new Set(METADATA_ADDRESSES.map((a) => ipaddr.parse(a).toNormalizedString()));

/** ipaddr.js range names, as people read them in a refusal. */
const REASONS: Record<string, string> = {
  unspecified: 'unspecified',
  broadcast: 'broadcast',
  multicast: 'multicast',
  linkLocal: 'link-local',
  loopback: 'loopback',
  carrierGradeNat: 'carrier-grade NAT',
  private: 'private',
  uniqueLocal: 'unique-local',
  deprecatedSiteLocal: 'site-local',
};

/** Documentation prefixes: ipaddr.js files them under `reserved` with others. */
const DOCUMENTATION: [Address, number][] = [
  '192.0.2.0/24',
  '198.51.100.0/24',
  '203.0.113.0/24',
  '2001:db8::/32',
  '3fff::/20',
].map((cidr) => ipaddr.parseCIDR(cidr));

/** The only IPv6 space handed out for the public internet (IANA global unicast). */
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3');

/**
 * Why a webhook may not connect to `ip` ('loopback', 'private', 'cloud metadata', ...), or null
 * for an ordinary public address. Classified by ipaddr.js, never by string patterns: any form it
 * parses (`0x7f.1`, `2130706433`, `[::ffff:7f00:1]`) is judged by the address it denotes, and
 * IPv6 forms that carry an IPv4 address (mapped, translated, NAT64, 6to4, Teredo) by that address.
 */
export function forbiddenAddressReason(ip: string): string | null {
  const address = parseAddress(ip);
  if (!address) return 'not an IP address';
  return address.kind() === 'ipv4'
    ? ipv4Reason(address as ipaddr.IPv4)
    : ipv6Reason(address as ipaddr.IPv6);
}

/** `ip` as ipaddr.js reads it (brackets and an IPv6 zone allowed), or null. */
export function parseAddress(ip: string): Address | null {
  const bare = ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip;
  return ipaddr.isValid(bare) ? ipaddr.parse(bare) : null;
}

function ipv4Reason(address: ipaddr.IPv4): string | null {
  if (METADATA.has(address.toNormalizedString())) return 'cloud metadata';
  const range = address.range();
  if (range === 'unicast') return null;
  if (range === 'reserved' && isDocumentation(address)) return 'documentation';
  return REASONS[range] ?? 'reserved';
}

function ipv6Reason(address: ipaddr.IPv6): string | null {
  if (METADATA.has(address.toNormalizedString())) return 'cloud metadata';
  const range = address.range();
  const embedded = embeddedIpv4(address, range);
  if (embedded) {
    const reason = ipv4Reason(embedded);
    return reason && `${embeddedLabel(range)} ${reason}`;
  }
  if (range === 'rfc6052') return 'local-use NAT64';
  if (range === 'unicast') return address.match(GLOBAL_UNICAST_V6) ? null : 'reserved';
  if (range === 'reserved' && isDocumentation(address)) return 'documentation';
  return REASONS[range] ?? 'reserved';
}

function isDocumentation(address: Address): boolean {
  return DOCUMENTATION.some(
    ([prefix, bits]) => prefix.kind() === address.kind() && address.match(prefix, bits),
  );
}

/**
 * The IPv4 address a packet to `address` ends up at, for the forms that embed one; Teredo's
 * client address is stored inverted (RFC 4380) and is the one traffic is relayed to.
 */
function embeddedIpv4(address: ipaddr.IPv6, range: string): ipaddr.IPv4 | null {
  const p = address.parts;
  switch (range) {
    case 'ipv4Mapped':
    case 'rfc6145':
      return fromWords(p[6], p[7]);
    case 'rfc6052':
      // Only the well-known prefix 64:ff9b::/96 has its IPv4 address in the last 32 bits.
      return p[2] === 0 && p[3] === 0 && p[4] === 0 && p[5] === 0 ? fromWords(p[6], p[7]) : null;
    case '6to4':
      return fromWords(p[1], p[2]);
    case 'teredo':
      return fromWords(~p[6] & 0xffff, ~p[7] & 0xffff);
    default:
      return null;
  }
}

function embeddedLabel(range: string): string {
  const labels: Record<string, string> = {
    ipv4Mapped: 'IPv4-mapped',
    rfc6145: 'IPv4-translated',
    rfc6052: 'NAT64',
    '6to4': '6to4',
    teredo: 'Teredo',
  };
  return labels[range] ?? range;
}

function fromWords(high: number, low: number): ipaddr.IPv4 {
  return new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
}

/**
 * The installation's exceptions to the guard (`WEBHOOK_ALLOWED_HOSTS`), for receivers on internal
 * networks. A host name lets every address it resolves to through; an IP address or CIDR range
 * lets exactly those addresses through, whatever name led to them.
 */
export class AllowList {
  private readonly hosts = new Set<string>();
  private readonly ranges: [Address, number][] = [];

  constructor(entries: readonly string[]) {
    for (const raw of entries) {
      const entry = bareHost(raw.trim());
      if (!entry) continue;
      if (ipaddr.isValidCIDR(entry)) this.ranges.push(normaliseRange(ipaddr.parseCIDR(entry)));
      else if (ipaddr.isValid(entry)) this.ranges.push(exactRange(ipaddr.parse(entry)));
      else this.hosts.add(entry);
    }
  }

  /** Whether `hostname` (as in a URL: any case, brackets, a trailing dot) is listed by name. */
  allowsHost(hostname: string): boolean {
    return this.hosts.has(bareHost(hostname));
  }

  /** Whether `ip` is listed or inside a listed range; IPv4-mapped IPv6 counts as its IPv4. */
  allowsAddress(ip: string): boolean {
    const parsed = parseAddress(ip);
    if (!parsed) return false;
    const address = unmapped(parsed);
    return this.ranges.some(
      ([prefix, bits]) => prefix.kind() === address.kind() && address.match(prefix, bits),
    );
  }
}

function bareHost(host: string): string {
  const lower = host.toLowerCase().replace(/\.$/, '');
  return lower.startsWith('[') && lower.endsWith(']') ? lower.slice(1, -1) : lower;
}

function unmapped(address: Address): Address {
  return address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress()
    ? (address as ipaddr.IPv6).toIPv4Address()
    : address;
}

function exactRange(address: Address): [Address, number] {
  const plain = unmapped(address);
  return [plain, plain.kind() === 'ipv4' ? 32 : 128];
}

/** `::ffff:10.0.0.0/104` is written for IPv4 traffic: keep it as `10.0.0.0/8`. */
function normaliseRange([prefix, bits]: [Address, number]): [Address, number] {
  if (prefix.kind() === 'ipv6' && bits >= 96 && (prefix as ipaddr.IPv6).isIPv4MappedAddress()) {
    return [(prefix as ipaddr.IPv6).toIPv4Address(), bits - 96];
  }
  return [prefix, bits];
}
