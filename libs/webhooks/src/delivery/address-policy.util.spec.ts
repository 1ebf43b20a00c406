import { AllowList, forbiddenAddressReason } from './address-policy.util';

describe('forbiddenAddressReason', () => {
  it.each([
    ['0x7f.1', 'loopback'],
    ['2130706433', 'loopback'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['[::ffff:127.0.0.1]', 'IPv4-mapped loopback'],
    ['[::ffff:7f00:1]', 'IPv4-mapped loopback'],
    ['::ffff:a00:1', 'IPv4-mapped private'],
    ['::ffff:0:7f00:1', 'IPv4-translated loopback'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['169.254.169.254', 'cloud metadata'],
    ['169.254.1.1', 'link-local'],
    ['168.63.129.16', 'cloud metadata'],
    ['fd00:ec2::254', 'cloud metadata'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved'],
    ['192.0.2.10', 'documentation'],
    ['198.51.100.7', 'documentation'],
    ['203.0.113.9', 'documentation'],
    ['2001:db8::1', 'documentation'],
    ['::', 'unspecified'],
    ['[::1]', 'loopback'],
    ['::1', 'loopback'],
    ['[fe80::1]', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['[fc00::1]', 'unique-local'],
    ['fd12:3456::1', 'unique-local'],
    ['fec0::1', 'site-local'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['64:ff9b::a00:1', 'NAT64 private'],
    ['64:ff9b::7f00:1', 'NAT64 loopback'],
    ['64:ff9b:1::1', 'local-use NAT64'],
    ['2002:a9fe:a9fe::', '6to4 cloud metadata'],
    ['2002:c0a8:101::1', '6to4 private'],
    // Teredo with client 127.0.0.1 stored inverted: 0x80ff:0xfffe.
    ['2001:0:4136:e378:8000:63bf:80ff:fffe', 'Teredo loopback'],
    ['::7f00:1', 'reserved'],
    ['100::1', 'reserved'],
    ['not-an-address', 'not an IP address'],
    ['', 'not an IP address'],
  ])('refuses %s (%s)', (ip, reason) => {
    expect(forbiddenAddressReason(ip)).toBe(reason);
  });

  it.each([
    '93.184.216.34',
    '8.8.8.8',
    '1.1.1.1',
    '172.32.0.1',
    '100.128.0.1',
    '2606:4700::1111',
    '2a00:1450:4001:80b::200e',
    '::ffff:93.184.216.34',
    '64:ff9b::808:808',
    '2002:808:808::1',
  ])('allows the public address %s', (ip) => {
    expect(forbiddenAddressReason(ip)).toBeNull();
  });
});

describe('AllowList', () => {
  const allow = new AllowList([
    'hooks.internal',
    'Receiver.LAN.',
    '127.0.0.1',
    '10.20.0.0/16',
    'fd00:1::/32',
    '[::1]',
    '::ffff:192.168.7.0/120',
  ]);

  it('matches host names whatever their case, brackets or trailing dot', () => {
    expect(allow.allowsHost('hooks.internal')).toBe(true);
    expect(allow.allowsHost('HOOKS.internal.')).toBe(true);
    expect(allow.allowsHost('receiver.lan')).toBe(true);
    expect(allow.allowsHost('other.internal')).toBe(false);
    expect(allow.allowsHost('sub.hooks.internal')).toBe(false);
  });

  it('does not treat listed addresses as host names', () => {
    expect(allow.allowsHost('127.0.0.1')).toBe(false);
  });

  it('matches exact addresses and CIDR ranges, IPv4-mapped normalised', () => {
    expect(allow.allowsAddress('127.0.0.1')).toBe(true);
    expect(allow.allowsAddress('::ffff:127.0.0.1')).toBe(true);
    expect(allow.allowsAddress('[::ffff:7f00:1]')).toBe(true);
    expect(allow.allowsAddress('127.0.0.2')).toBe(false);
    expect(allow.allowsAddress('10.20.5.6')).toBe(true);
    expect(allow.allowsAddress('10.21.0.1')).toBe(false);
    expect(allow.allowsAddress('fd00:1:2::3')).toBe(true);
    expect(allow.allowsAddress('fd00:2::3')).toBe(false);
    expect(allow.allowsAddress('::1')).toBe(true);
    expect(allow.allowsAddress('192.168.7.9')).toBe(true);
    expect(allow.allowsAddress('192.168.8.9')).toBe(false);
    expect(allow.allowsAddress('hooks.internal')).toBe(false);
  });

  it('allows nothing when empty', () => {
    const none = new AllowList(['', '  ']);
    expect(none.allowsHost('localhost')).toBe(false);
    expect(none.allowsAddress('127.0.0.1')).toBe(false);
  });
});
