import {
  automaticKind,
  cleanMessageId,
  flaggedAsSpam,
  referencedIds,
  threadSubject,
} from './email-headers.util';

const headers =
  (values: Record<string, string>) =>
  (name: string): string | undefined =>
    values[name];

describe('automaticKind', () => {
  it.each([
    [{}, 'customer@example.com', 'text/plain', null],
    [{ 'auto-submitted': 'auto-replied' }, 'a@example.com', 'text/plain', 'auto-reply'],
    [{ 'auto-submitted': 'auto-generated' }, 'a@example.com', 'text/plain', 'auto-reply'],
    [{ 'auto-submitted': 'no' }, 'a@example.com', 'text/plain', null],
    [{ 'x-autoreply': 'yes' }, 'a@example.com', 'text/plain', 'auto-reply'],
    [{ 'x-auto-response-suppress': 'All' }, 'a@example.com', 'text/plain', 'auto-reply'],
    [{ precedence: 'auto_reply' }, 'a@example.com', 'text/plain', 'auto-reply'],
    [{ precedence: 'bulk' }, 'news@example.com', 'text/plain', 'list'],
    [{ 'list-id': '<team.lists.example.com>' }, 'a@example.com', 'text/plain', 'list'],
    [{}, 'MAILER-DAEMON@mx.example.com', 'text/plain', 'bounce'],
    [{}, 'a@example.com', 'multipart/report; report-type=delivery-status; boundary="x"', 'bounce'],
  ] as const)('%j from %s (%s) is %s', (values, from, contentType, expected) => {
    expect(automaticKind(headers(values), from, contentType)).toBe(expected);
  });
});

describe('flaggedAsSpam', () => {
  it.each([
    [{ 'x-spam-flag': 'YES' }, true],
    [{ 'x-spam-flag': 'NO' }, false],
    [{ 'x-spam-status': 'Yes, score=7.1 required=5.0' }, true],
    [{ 'x-spam-status': 'No, score=0.1' }, false],
    [{}, false],
  ])('%j -> %s', (values, expected) => {
    expect(flaggedAsSpam(headers(values))).toBe(expected);
  });
});

describe('referencedIds', () => {
  it('reads In-Reply-To first, then References newest first, without duplicates', () => {
    expect(referencedIds('<C@x.com>', '<a@x.com> <b@x.com>\r\n <c@x.com>')).toEqual([
      'c@x.com',
      'b@x.com',
      'a@x.com',
    ]);
    expect(referencedIds(undefined, ['<a@x.com>', '<b@x.com>'])).toEqual(['b@x.com', 'a@x.com']);
    expect(referencedIds(undefined, undefined)).toEqual([]);
  });
});

describe('cleanMessageId', () => {
  it.each([
    ['<ABC.123@mail.gmail.com>', 'abc.123@mail.gmail.com'],
    ['abc@x', 'abc@x'],
    ['no id here', null],
    [undefined, null],
  ])('%j -> %j', (value, expected) => {
    expect(cleanMessageId(value)).toBe(expected);
  });
});

describe('threadSubject', () => {
  it.each([
    ['Re: Order 42', 'order 42'],
    ['RE: Fwd: re:  Order   42', 'order 42'],
    ['AW: Bestellung', 'bestellung'],
    ['رد: لم يصل طلبي', 'لم يصل طلبي'],
    ['رد: رد: لم يصل طلبي', 'لم يصل طلبي'],
    ['إعادة توجيه: الفاتورة', 'الفاتورة'],
    ['Re[2]: Invoice', 'invoice'],
    ['Regarding my order', 'regarding my order'],
    ['', ''],
  ])('%j -> %j', (subject, expected) => {
    expect(threadSubject(subject)).toBe(expected);
  });
});
