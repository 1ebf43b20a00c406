import { readBounceReport } from './bounce-report.util';

const dsn = (original: string): Buffer =>
  Buffer.from(
    [
      'From: Mail Delivery System <MAILER-DAEMON@mx.example.com>',
      'Message-ID: <report-1@mx.example.com>',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain',
      '',
      'Delivery failed.',
      '--b',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.example.com',
      '',
      'Final-Recipient: rfc822; gone@example.org',
      'Action: failed',
      'Status: 5.1.1',
      'Diagnostic-Code: smtp; 550 5.1.1 <gone@example.org>: Recipient address',
      '  rejected: User unknown',
      '--b',
      original,
      '',
      `Message-ID: <Sanad.abc.XYZ@in.example.com>`,
      'Subject: Re: help',
      '--b--',
    ].join('\r\n'),
  );

describe('readBounceReport', () => {
  it.each(['Content-Type: message/rfc822', 'Content-Type: text/rfc822-headers'])(
    'finds the original Message-ID and the diagnostic in a %s report',
    (part) => {
      const report = readBounceReport(dsn(part), 'report-1@mx.example.com');
      expect(report.messageIds).toEqual(['sanad.abc.xyz@in.example.com']);
      expect(report.reason).toBe(
        '550 5.1.1 <gone@example.org>: Recipient address rejected: User unknown',
      );
    },
  );

  it('falls back to the status code and finds nothing in ordinary mail', () => {
    const raw = Buffer.from('Status: 4.4.7\r\nOriginal-Message-ID: <a@b>\r\n\r\nhi');
    expect(readBounceReport(raw, null)).toEqual({ messageIds: ['a@b'], reason: 'status 4.4.7' });
    expect(readBounceReport(Buffer.from('Subject: x\r\n\r\nhello'), null)).toEqual({
      messageIds: [],
      reason: null,
    });
  });
});
