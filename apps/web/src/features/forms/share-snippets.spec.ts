import type { FormField } from '@sanad/contracts';
import { newField } from './form-draft';
import { curlSnippet, embedSnippet, hostedLink, htmlSnippet, jsonExample } from './share-snippets';

const label = { ar: 'حقل', en: 'Field' };
const option = (n: number) => ({ ar: `خيار ${n}`, en: `Option ${n}` });
function field(type: FormField['type'], key: string, extra: Partial<FormField> = {}): FormField {
  const { uid: _uid, ...made } = newField(type, label, [], option);
  return { ...made, key, ...extra };
}

const fields: FormField[] = [
  field('heading', 'intro'),
  field('short_text', 'name', { required: true }),
  field('email', 'email'),
  field('multi_select', 'topics'),
  field('number', 'qty', { min: 2 }),
  field('checkbox', 'agree'),
  field('file', 'receipt', { file: { maxFiles: 3, maxSizeMb: 5, accept: ['.pdf'] } }),
  field('hidden', 'source'),
];
const origin = 'https://help.example';

describe('share snippets', () => {
  it('links the hosted page and embeds with hidden fields as data attributes', () => {
    expect(hostedLink(origin, 'abc')).toBe('https://help.example/f/abc');
    expect(embedSnippet(origin, 'abc', fields)).toBe(
      '<script src="https://help.example/public/forms/embed.js" data-sanad-form="abc" data-hidden-source="value" async></script>',
    );
  });

  it('writes one input per field named by its key, with the fill-time token', () => {
    const html = htmlSnippet(origin, 'abc', fields, 'en', 'Send');
    expect(html.split('\n')[0]).toBe(
      '<form method="post" action="https://help.example/public/forms/abc/submit" enctype="multipart/form-data" lang="en">',
    );
    expect(html).toContain('<input type="hidden" name="_sanad_t" value="">');
    expect(html).toContain('GET https://help.example/public/forms/abc/token');
    expect(html).toContain('<label>Field <input type="text" name="name" required></label>');
    expect(html).toContain('<select name="topics" multiple>');
    expect(html).toContain('<option value="option_2">Option 2</option>');
    expect(html).toContain(
      '<label>Field <input type="file" name="receipt" accept=".pdf" multiple></label>',
    );
    expect(html).toContain(
      '<label><input type="checkbox" name="agree" value="true"> Field</label>',
    );
    expect(html).toContain('<input type="hidden" name="source" value="">');
    expect(html).toContain('<button type="submit">Send</button>');
    expect(html).not.toContain('intro');
  });

  it('writes the HTML form in Arabic, right to left, with its texts escaped', () => {
    const html = htmlSnippet(
      origin,
      'abc',
      [field('short_text', 'q', { label: { ar: 'سؤال <b>', en: '' } })],
      'ar',
      'إرسال',
    );
    expect(html.split('\n')[0]).toContain('lang="ar" dir="rtl">');
    expect(html).toContain('<label>سؤال &lt;b&gt; <input type="text" name="q"></label>');
    expect(html).toContain('<button type="submit">إرسال</button>');
  });

  it('builds the JSON values from the fields: typed examples, no files, no content', () => {
    expect(jsonExample(fields)).toEqual({
      name: 'text',
      email: 'customer@example.com',
      topics: ['option_1', 'option_2'],
      qty: 2,
      agree: true,
      source: 'value',
    });
    const curl = curlSnippet(origin, 'abc', [field('short_text', 'note')]);
    expect(curl).toBe(
      [
        'curl -X POST https://help.example/public/forms/abc/submissions \\',
        "  -H 'Content-Type: application/json' \\",
        `  -d '{"values":{"note":"text"}}'`,
      ].join('\n'),
    );
  });
});
