import { attributes, escapeHtml, paragraphs, safeColour, safeUrl } from './html.util';

describe('escapeHtml', () => {
  it.each([
    ['"><script>alert(1)</script>', '&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;'],
    ["' onmouseover='alert(1)", '&#39; onmouseover=&#39;alert(1)'],
    [
      '</textarea><img src=x onerror=alert(1)>',
      '&lt;/textarea&gt;&lt;img src=x onerror=alert(1)&gt;',
    ],
    ['a & b', 'a &amp; b'],
    ['&amp;', '&amp;amp;'],
    ['`${x}`', '&#96;${x}&#96;'],
  ])('escapes %s', (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });

  it('leaves Arabic and ordinary text alone, and renders nothing for null', () => {
    expect(escapeHtml('مرحباً، سارة')).toBe('مرحباً، سارة');
    expect(escapeHtml(null)).toBe('');
    expect(escapeHtml(undefined)).toBe('');
    expect(escapeHtml(12)).toBe('12');
  });

  it('leaves no character that can end a text or a quoted attribute', () => {
    const hostile = `"'<>&\`</script></style></textarea>`;
    expect(escapeHtml(hostile)).not.toMatch(/["'<>`]/);
  });
});

describe('attributes', () => {
  it('quotes and escapes values, drops unset ones, writes booleans bare', () => {
    expect(
      attributes({ value: '" onfocus="x', required: true, multiple: false, min: null, rows: 5 }),
    ).toBe(' value="&quot; onfocus=&quot;x" required rows="5"');
  });
});

describe('safeUrl', () => {
  it('keeps http(s) and same-site paths, drops scripts and protocol-relative URLs', () => {
    expect(safeUrl('https://cdn.example/logo.png')).toBe('https://cdn.example/logo.png');
    expect(safeUrl('/api/v1/public/brand/logo.png')).toBe('/api/v1/public/brand/logo.png');
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl(' JaVaScRiPt:alert(1)')).toBeNull();
    expect(safeUrl('data:text/html,<script>')).toBeNull();
    expect(safeUrl('//evil.example/x')).toBeNull();
    expect(safeUrl(null)).toBeNull();
  });
});

describe('safeColour', () => {
  it('lets only hex colours into the stylesheet', () => {
    expect(safeColour('#1F7A5C', '#000000')).toBe('#1F7A5C');
    expect(safeColour('#fff', '#000000')).toBe('#fff');
    expect(safeColour('red;}body{display:none', '#000000')).toBe('#000000');
    expect(safeColour('#1F7A5C</style>', '#000000')).toBe('#000000');
  });
});

describe('paragraphs', () => {
  it('splits on blank lines, keeps single breaks, escapes the text', () => {
    expect(paragraphs('Thanks!\nSee you.\n\n<b>soon</b>', 'p')).toBe(
      '<p class="p" dir="auto">Thanks!<br>See you.</p><p class="p" dir="auto">&lt;b&gt;soon&lt;/b&gt;</p>',
    );
  });
});
