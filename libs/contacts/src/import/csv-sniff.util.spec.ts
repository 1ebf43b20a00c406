import { encodeUtf16le, encodeWindows1256 } from '@sanad/testing';
import { detectDelimiter, detectEncoding } from './csv-sniff.util';

describe('encoding detection', () => {
  const arabic = 'الاسم,الجوال\nمحمد,0501234567\nسارة,0551234567\n';
  it.each([
    [
      'UTF-8 with a BOM',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(arabic)]),
      'utf-8',
    ],
    ['UTF-8 without a BOM', Buffer.from(arabic), 'utf-8'],
    ['plain ASCII', Buffer.from('name,email\nSara,s@x.co\n'), 'utf-8'],
    ['UTF-16LE with a BOM (Excel "Unicode Text")', encodeUtf16le(arabic), 'utf-16le'],
    [
      'UTF-16LE without a BOM, English',
      Buffer.from('name\temail\nSara\ts@x.co\n', 'utf16le'),
      'utf-16le',
    ],
    ['UTF-16LE without a BOM, Arabic', Buffer.from('محمدسارةعلي', 'utf16le'), 'utf-16le'],
    [
      'UTF-16BE with a BOM',
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('name', 'utf16le').swap16()]),
      'utf-16be',
    ],
    ['windows-1256 (Arabic Excel "CSV")', encodeWindows1256(arabic), 'windows-1256'],
  ])('%s', (_, data, expected) => {
    expect(detectEncoding(data)).toBe(expected);
  });

  it.each([
    ['Latin-1 French', Buffer.from('nom,ville\nRené,Orléans\nZoë,Besançon\n', 'latin1')],
    ['binary with NULs', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0xff, 0x00, 0x13])],
  ])('refuses %s', (_, data) => {
    expect(detectEncoding(data)).toBeNull();
  });

  it('does not take a UTF-8 sample cut inside a character for another encoding', () => {
    const text = 'الاسم\n' + 'محمد\n'.repeat(20_000);
    const data = Buffer.from(text);
    // 64 KB falls inside a two-byte letter somewhere: still UTF-8.
    expect(detectEncoding(data)).toBe('utf-8');
  });
});

describe('delimiter detection', () => {
  it.each([
    ['name,email,phone\na,b,c\n', ','],
    ['الاسم;البريد;الجوال\nمحمد;m@x.sa;050\n', ';'],
    ['name\temail\nSara\ts@x.co\n', '\t'],
    // Commas inside quotes do not count; the semicolons split every line the same way.
    ['"Haddad, Omar";omar@x.co\n"Johnson, Sara";s@x.co\n', ';'],
    ['name\nSara\n', ','],
  ])('%j → %j', (text, expected) => {
    expect(detectDelimiter(text)).toBe(expected);
  });
});
