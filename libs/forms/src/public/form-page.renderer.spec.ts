import type { FormField, Language } from '@sanad/contracts';
import {
  FRAME_SCRIPT_PATH,
  fieldErrorMessages,
  renderFormMessagePage,
  renderFormPage,
  type FormPageInput,
} from './form-page.renderer';
import { RENDER_TOKEN_FIELD } from '../spam/render-token.util';
import { sampleField, sampleForm, sampleTheme } from './form-page.sample';

function input(overrides: Partial<FormPageInput> = {}): FormPageInput {
  return {
    form: sampleForm(),
    language: 'ar',
    theme: sampleTheme(),
    nonce: 'n0nce',
    embed: false,
    action: '/f/k7Qm2xPa?lang=ar',
    token: 'tok.123',
    honeypotName: 'website_url',
    values: {},
    errors: [],
    formError: null,
    hidden: {},
    languageSwitch: null,
    challenge: null,
    ...overrides,
  };
}

/** The markup of one field (its wrapper element, by `data-field`). */
function fieldHtml(html: string, key: string): string {
  const start = html.indexOf(`data-field="${key}"`);
  expect(start).toBeGreaterThan(-1);
  const open = html.lastIndexOf('<', start);
  const tag = /^<(\w+)/.exec(html.slice(open))![1];
  const end = html.indexOf(`</${tag}>`, start);
  return html.slice(open, end + tag.length + 3);
}

/** The opening tag of the element with this id. */
function tagById(html: string, id: string): string {
  const at = html.indexOf(`id="${id}"`);
  expect(at).toBeGreaterThan(-1);
  const open = html.lastIndexOf('<', at);
  return html.slice(open, html.indexOf('>', at) + 1);
}

describe('renderFormPage: the document', () => {
  it.each<[Language, string]>([
    ['ar', 'rtl'],
    ['en', 'ltr'],
  ])('%s is a full document with lang and dir=%s', (language, dir) => {
    const html = renderFormPage(input({ language }));
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain(`<html lang="${language}" dir="${dir}"`);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toMatch(/<\/body>\s*<\/html>\s*$/);
  });

  it('inlines its stylesheet under the nonce and has no inline script', () => {
    const html = renderFormPage(input());
    expect(html).toContain('<style nonce="n0nce">');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)/);
    expect(html).not.toMatch(/\son\w+=/);
    expect(html).not.toMatch(/\sstyle=/);
  });

  it('wears the brand: primary colour and its text colour, logo, favicon', () => {
    const theme = sampleTheme({
      logoUrl: '/api/v1/public/brand/logo-abc.png',
      iconUrls: { 32: '/i/32.png', 180: '/i/180.png', 192: '/i/192.png', 512: '/i/512.png' },
      colours: { ...sampleTheme().colours, primary: '#6D28D9', onPrimary: '#FFFFFF' },
    });
    const html = renderFormPage(input({ theme }));
    expect(html).toContain('--primary:#6D28D9');
    expect(html).toContain('--on-primary:#FFFFFF');
    expect(html).toMatch(/\.button\{[^}]*color:var\(--on-primary\);background:var\(--primary\)/);
    expect(html).toContain(
      '<img class="brand__logo" src="/api/v1/public/brand/logo-abc.png" alt="متجر الورد">',
    );
    expect(html).toContain('<link rel="icon" href="/i/32.png" sizes="32x32">');
    expect(html).toContain('<link rel="apple-touch-icon" href="/i/180.png">');
  });

  it('shows the workspace name without a logo, and never a hostile colour or logo URL', () => {
    const theme = sampleTheme({
      name: '<b>Shop</b>',
      logoUrl: 'javascript:alert(1)',
      colours: { ...sampleTheme().colours, primary: 'red}body{display:none' },
    });
    const html = renderFormPage(input({ theme }));
    expect(html).toContain('<span class="brand__name" dir="auto">&lt;b&gt;Shop&lt;/b&gt;</span>');
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('body{display:none');
    expect(html).toContain('--primary:#1F7A5C');
  });

  it('posts to the action with the token, labels the button, and says who powers it', () => {
    const ar = renderFormPage(input());
    expect(ar).toContain('<form class="form" method="post" action="/f/k7Qm2xPa?lang=ar"');
    expect(ar).toContain(`<input type="hidden" name="${RENDER_TOKEN_FIELD}" value="tok.123">`);
    expect(ar).toContain('<input type="hidden" name="_sanad_lang" value="ar">');
    expect(ar).not.toContain('_sanad_page');
    const embedded = renderFormPage(input({ pageUrl: 'https://shop.example/p?a=1&b="2"' }));
    expect(embedded).toContain(
      '<input type="hidden" name="_sanad_page" value="https://shop.example/p?a=1&amp;b=&quot;2&quot;">',
    );
    expect(ar).toContain('<button type="submit" class="button">إرسال</button>');
    expect(ar).toContain('يعمل بواسطة سند');
    const en = renderFormPage(input({ language: 'en' }));
    expect(en).toContain('<button type="submit" class="button">Send</button>');
    expect(en).toContain('Powered by Sanad');
  });
});

describe('renderFormPage: controls', () => {
  const html = renderFormPage(input({ language: 'en' }));

  it.each<[string, RegExp]>([
    [
      'name',
      /<input class="input" id="f-name" name="name" required aria-required="true" maxlength="120" type="text" placeholder="e\.g\. Sarah Smith" value="" dir="auto" autocomplete="name">/,
    ],
    ['email', /<input [^>]*id="f-email"[^>]*type="email"[^>]*dir="ltr"[^>]*autocomplete="email"/],
    ['phone', /<input [^>]*id="f-phone"[^>]*type="tel"[^>]*dir="ltr"/],
    ['website', /<input [^>]*id="f-website"[^>]*type="url"[^>]*dir="ltr"/],
    [
      'order_number',
      /<input [^>]*id="f-order_number"[^>]*type="text" inputmode="numeric"[^>]*dir="auto"/,
    ],
    ['amount', /<input [^>]*id="f-amount"[^>]*type="text" inputmode="decimal"/],
    [
      'order_date',
      /<input [^>]*id="f-order_date"[^>]*type="date" min="2024-01-01" max="2026-12-31"/,
    ],
    [
      'message',
      /<textarea [^>]*id="f-message"[^>]*minlength="10" maxlength="4000"[^>]*dir="auto"[^>]*><\/textarea>/,
    ],
    [
      'topic',
      /<select class="input" id="f-topic" name="topic" required aria-required="true">\s*<option value="">Choose…<\/option>\s*<option value="order">An existing order<\/option>/,
    ],
    [
      'attachments',
      /<input [^>]*id="f-attachments" name="attachments"[^>]*type="file" accept="image\/\*,\.pdf" multiple>/,
    ],
    [
      'consent',
      /<input type="checkbox" id="f-consent" name="consent" value="true" required aria-required="true">/,
    ],
  ])('%s renders its control', (key, pattern) => {
    expect(fieldHtml(html, key)).toMatch(pattern);
  });

  it('binds each label to its control', () => {
    for (const key of [
      'name',
      'email',
      'phone',
      'topic',
      'order_date',
      'message',
      'attachments',
      'consent',
    ])
      expect(fieldHtml(html, key)).toContain(`for="f-${key}"`);
  });

  it('groups radios and checkboxes in a fieldset with the label as legend; multi-select repeats the key', () => {
    const radios = fieldHtml(html, 'contact_by');
    expect(radios.startsWith('<fieldset')).toBe(true);
    expect(radios).toContain(
      '<legend class="field__label"><span dir="auto">How should we reach you?</span>',
    );
    expect(radios.match(/type="radio"[^>]*name="contact_by"[^>]*required/g)).toHaveLength(3);
    expect(radios).toContain('<label class="choice" for="f-contact_by-0">');
    const boxes = fieldHtml(html, 'products');
    expect(boxes.startsWith('<fieldset')).toBe(true);
    expect(
      boxes.match(/type="checkbox" id="f-products-\d" name="products" value="\w+"/g),
    ).toHaveLength(3);
    expect(boxes).not.toContain('required');
  });

  it('marks required fields visibly and to assistive technology', () => {
    expect(fieldHtml(html, 'name')).toContain(
      '<span class="field__required" aria-hidden="true">*</span><span class="visually-hidden">(required)</span>',
    );
    expect(fieldHtml(html, 'phone')).not.toContain('field__required');
    expect(html).toContain('Fields marked * are required.');
  });

  it('describes fields by their help text, and file fields by their limits', () => {
    expect(tagById(html, 'f-email')).toContain('aria-describedby="f-email-help"');
    expect(tagById(html, 'f-email-help')).toBe('<p class="field__help" id="f-email-help">');
    expect(fieldHtml(html, 'attachments')).toContain('Up to 3 files, each up to 10 MB.');
    expect(fieldHtml(html, 'attachments')).toContain('Types: image/*, .pdf');
    expect(tagById(html, 'f-phone')).not.toContain('aria-describedby');
  });

  it('renders headings and paragraphs as text, not controls', () => {
    expect(html).toContain('<h2 class="section" dir="auto">About you</h2>');
    expect(html).toContain(
      '<p class="prose__text" dir="auto">We usually reply within one working day.',
    );
    expect(html).not.toContain('name="about_you"');
    expect(html).not.toContain('name="intro"');
  });

  it('posts multipart only when there is a file field', () => {
    expect(html).toContain('enctype="multipart/form-data"');
    const noFiles = sampleForm();
    noFiles.fields = noFiles.fields.filter((f) => f.type !== 'file');
    expect(renderFormPage(input({ form: noFiles }))).not.toContain('enctype=');
  });

  it('a single-file field is not multiple and says so', () => {
    const form = sampleForm({
      fields: [
        sampleField(
          'file',
          'cv',
          { ar: 'السيرة', en: 'CV' },
          { file: { maxFiles: 1, maxSizeMb: 5, accept: [] } },
        ),
      ],
    });
    const one = renderFormPage(input({ form }));
    expect(tagById(one, 'f-cv')).not.toContain('multiple');
    expect(tagById(one, 'f-cv')).not.toContain('accept=');
    expect(one).toContain('ملف واحد حتى 5 ميغابايت.');
  });

  it('fills hidden fields from the URL or embed', () => {
    const filled = renderFormPage(input({ hidden: { campaign: 'ramadan "2026"' } }));
    expect(filled).toContain(
      '<input type="hidden" name="campaign" value="ramadan &quot;2026&quot;">',
    );
    expect(renderFormPage(input())).toContain('<input type="hidden" name="campaign" value="">');
  });

  it('hides the honeypot off-screen, out of the tab order, labelled for humans', () => {
    const ar = renderFormPage(input());
    expect(ar).toContain('<div class="hp" aria-hidden="true">');
    expect(ar).toContain('<label for="sanad-hp">اترك هذا الحقل فارغاً إن كنت إنساناً</label>');
    expect(ar).toContain(
      '<input type="text" id="sanad-hp" name="website_url" value="" tabindex="-1" autocomplete="off">',
    );
    expect(ar).toMatch(
      /\.visually-hidden,\.hp\{position:absolute!important;width:1px;height:1px;[^}]*overflow:hidden/,
    );
    expect(ar).not.toMatch(/\.hp\{[^}]*display:none/);
  });

  it('links to the page in the other language when the form has both', () => {
    const ar = renderFormPage(
      input({ languageSwitch: { ar: '/f/k?lang=ar', en: '/f/k?lang=en&x=1' } }),
    );
    expect(ar).toContain(
      '<a class="lang__link" href="/f/k?lang=en&amp;x=1" lang="en" hreflang="en">English</a>',
    );
    const en = renderFormPage(
      input({ language: 'en', languageSwitch: { ar: '/f/k?lang=ar', en: '/f/k?lang=en' } }),
    );
    expect(en).toContain(
      '<a class="lang__link" href="/f/k?lang=ar" lang="ar" hreflang="ar">العربية</a>',
    );
    expect(renderFormPage(input())).not.toContain('class="lang__link"');
  });
});

describe('renderFormPage: after errors', () => {
  const hostile = {
    name: '"><script>alert(1)</script>',
    email: "' onmouseover=alert(1) x='",
    message: '</textarea><script>alert(2)</script>',
    topic: 'billing',
    contact_by: 'whatsapp',
    products: ['app', 'store'],
    consent: 'true',
    order_number: '١٢٣',
  };
  const errors = fieldErrorMessages(
    [
      { field: 'email', code: 'isEmail' },
      { field: 'message', code: 'minLength', params: { min: 10 } },
      { field: 'contact_by', code: 'isNotEmpty' },
      { field: 'campaign', code: 'maxLength', params: { max: 200 } },
    ],
    'en',
  );
  const html = renderFormPage(
    input({ language: 'en', values: hostile, errors, formError: 'Too <many> tries' }),
  );

  it('uses the API texts for the codes', () => {
    expect(errors).toEqual([
      { field: 'email', message: 'Enter a valid email address.' },
      { field: 'message', message: 'Must be at least 10 characters long.' },
      { field: 'contact_by', message: 'This field is required.' },
      { field: 'campaign', message: 'Must be at most 200 characters long.' },
    ]);
    expect(fieldErrorMessages([{ field: 'x', code: 'isNotEmpty' }], 'ar')[0].message).toBe(
      'هذا الحقل مطلوب.',
    );
  });

  it('puts each error next to its field, pointed to by aria-describedby', () => {
    const email = fieldHtml(html, 'email');
    expect(email).toContain('class="field field--invalid"');
    expect(email).toMatch(
      /<p class="field__error" id="f-email-error">.*Enter a valid email address\./s,
    );
    expect(tagById(html, 'f-email')).toContain('aria-invalid="true"');
    expect(tagById(html, 'f-email')).toContain('aria-describedby="f-email-help f-email-error"');
    expect(tagById(html, 'f-message')).toContain('aria-describedby="f-message-error"');
    const radios = fieldHtml(html, 'contact_by');
    expect(radios).toContain('aria-describedby="f-contact_by-error"');
    expect(radios).toContain('This field is required.');
    expect(radios.match(/aria-invalid="true"/g)).toHaveLength(3);
    expect(tagById(html, 'f-name')).not.toContain('aria-invalid');
  });

  it('lists every error at the top with links to the fields', () => {
    const summary = html.slice(
      html.indexOf('<div class="summary"'),
      html.indexOf('</div>', html.indexOf('<div class="summary"')),
    );
    expect(summary).toContain('role="alert"');
    expect(summary).toContain('<li dir="auto">Too &lt;many&gt; tries</li>');
    expect(summary).toContain('<a href="#f-email">Email — Enter a valid email address.</a>');
    expect(summary).toContain(
      '<a href="#f-contact_by-0">How should we reach you? — This field is required.</a>',
    );
    // A hidden field has nowhere to go: listed, not linked.
    expect(summary).toContain('<li>Campaign — Must be at most 200 characters long.</li>');
    expect(html.indexOf('class="summary"')).toBeLessThan(html.indexOf('<form'));
    expect(renderFormPage(input())).not.toContain('class="summary"');
  });

  it('refills what the customer typed, escaped', () => {
    expect(tagById(html, 'f-name')).toContain(
      'value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"',
    );
    expect(tagById(html, 'f-email')).toContain('value="&#39; onmouseover=alert(1) x=&#39;"');
    expect(html).toContain('>&lt;/textarea&gt;&lt;script&gt;alert(2)&lt;/script&gt;</textarea>');
    expect(tagById(html, 'f-order_number')).toContain('value="١٢٣"');
    expect(fieldHtml(html, 'topic')).toContain('<option value="billing" selected>');
    expect(tagById(html, 'f-contact_by-2')).toContain('checked');
    expect(tagById(html, 'f-contact_by-0')).not.toContain('checked');
    expect(tagById(html, 'f-products-0')).toContain('checked');
    expect(tagById(html, 'f-products-1')).not.toContain('checked');
    expect(tagById(html, 'f-products-2')).toContain('checked');
    expect(tagById(html, 'f-consent')).toContain('checked');
    expect(html).not.toContain('<script>');
    // Outside quoted attribute values, no event handler was injected.
    expect(html.replace(/"[^"]*"/g, '""')).not.toMatch(/\son\w+=/);
    expect(html.match(/<\/textarea>/g)).toHaveLength(1);
  });

  it('asks for files again (a browser cannot refill them)', () => {
    expect(fieldHtml(html, 'attachments')).toContain('Choose the files again');
  });

  it('escapes labels and options an agent wrote', () => {
    const field: FormField = sampleField(
      'select',
      's',
      { ar: '<i>x</i>', en: '<i>x</i>' },
      {
        options: [{ value: 'a', label: { ar: '</option><script>', en: '</option><script>' } }],
      },
    );
    const out = renderFormPage(input({ form: sampleForm({ name: '<h1>', fields: [field] }) }));
    expect(out).not.toContain('<i>');
    expect(out).not.toContain('<script>');
    expect(out).toContain('&lt;/option&gt;&lt;script&gt;');
    expect(out).toContain('<title>&lt;h1&gt; · متجر الورد</title>');
  });
});

describe('renderFormPage: embed and challenge', () => {
  it('in an embed: no header, transparent, the frame script under the nonce', () => {
    const html = renderFormPage(input({ embed: true, languageSwitch: { ar: '/a', en: '/e' } }));
    expect(html).toContain('<html lang="ar" dir="rtl" class="embed" data-sanad-form="k7Qm2xPa">');
    expect(html).not.toContain('<header');
    expect(html).toContain('.embed body{background:transparent}');
    expect(html).toContain(`<script src="${FRAME_SCRIPT_PATH}" nonce="n0nce" defer></script>`);
    expect(renderFormPage(input())).not.toContain('frame.js');
  });

  it('leaves a seam for a proof-of-work widget', () => {
    const html = renderFormPage(
      input({
        challenge: { script: '/public/forms/altcha.js', markup: '<altcha-widget></altcha-widget>' },
      }),
    );
    expect(html).toContain('<script src="/public/forms/altcha.js" nonce="n0nce" defer></script>');
    expect(html.indexOf('<altcha-widget>')).toBeLessThan(html.indexOf('type="submit"'));
  });
});

describe('renderFormMessagePage', () => {
  it('thanks in the language, text escaped, lines kept', () => {
    const form = sampleForm({ thankYou: { ar: 'شكراً <3\nسنرد قريباً', en: 'Thanks' } });
    const html = renderFormMessagePage({ ...input({ form }), kind: 'thank_you' });
    expect(html).toContain('<html lang="ar" dir="rtl"');
    expect(html).toContain('تم الإرسال');
    expect(html).toContain('<p class="message__text" dir="auto">شكراً &lt;3<br>سنرد قريباً</p>');
    expect(html).toContain('data-sanad-submitted="1"');
    expect(html).not.toContain('<form');
  });

  it('shows the closed message', () => {
    const html = renderFormMessagePage({ ...input({ language: 'en' }), kind: 'closed' });
    expect(html).toContain('This form is closed');
    expect(html).toContain('This form no longer accepts answers.');
    expect(html).not.toContain('data-sanad-submitted');
  });

  it('in an embed, tells the frame script where to send the top page', () => {
    const html = renderFormMessagePage({
      ...input({ embed: true }),
      kind: 'thank_you',
      message: 'Received',
      redirectUrl: 'https://shop.example/thanks?a=1&b=2',
    });
    expect(html).toContain('data-sanad-redirect="https://shop.example/thanks?a=1&amp;b=2"');
    expect(html).toContain('Received');
    expect(html).toContain('frame.js');
    const hostile = renderFormMessagePage({
      ...input({ embed: true }),
      kind: 'thank_you',
      redirectUrl: 'javascript:alert(1)',
    });
    expect(hostile).not.toContain('data-sanad-redirect');
  });
});
