import { contentDisposition, downloadContentType, safeFileName } from './file-name.util';

describe('safeFileName', () => {
  it.each([
    ['report.pdf', 'report.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\windows\\system.ini', 'system.ini'],
    ['/etc/shadow', 'shadow'],
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['\u2067evil\u2069.txt', 'evil.txt'],
    ['.htaccess', 'htaccess'],
    ['a\u0000b\r\nc.txt', 'abc.txt'],
    ['فاتورة رقم ١٢.pdf', 'فاتورة رقم ١٢.pdf'],
    ['what?*<>|".txt', 'what______.txt'],
    ['', 'file'],
    ['../', 'file'],
    ['   ', 'file'],
  ])('%j -> %j', (input, expected) => {
    expect(safeFileName(input)).toBe(expected);
  });

  it('keeps the extension when cutting a long name', () => {
    const name = safeFileName(`${'ا'.repeat(300)}.pdf`);
    expect(name).toHaveLength(200);
    expect(name.endsWith('.pdf')).toBe(true);
  });
});

describe('downloadContentType', () => {
  it.each([
    ['image/png', 'image/png', true],
    ['IMAGE/JPEG', 'image/jpeg', true],
    ['text/plain; charset=windows-1256', 'text/plain; charset=utf-8', true],
    ['text/html', 'application/octet-stream', false],
    ['image/svg+xml', 'application/octet-stream', false],
    ['application/xhtml+xml', 'application/octet-stream', false],
    ['application/x-msdownload', 'application/octet-stream', false],
    ['', 'application/octet-stream', false],
  ])('%j is served as %j', (input, type, inlineSafe) => {
    expect(downloadContentType(input)).toEqual({ type, inlineSafe });
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the UTF-8 name', () => {
    expect(contentDisposition('attachment', 'فاتورة.pdf')).toBe(
      `attachment; filename="______.pdf"; filename*=UTF-8''%D9%81%D8%A7%D8%AA%D9%88%D8%B1%D8%A9.pdf`,
    );
  });

  it('never lets a quote end the parameter', () => {
    expect(contentDisposition('inline', 'a"b.png')).toBe(
      `inline; filename="a_b.png"; filename*=UTF-8''a%22b.png`,
    );
  });
});
