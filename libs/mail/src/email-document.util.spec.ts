import { emailDocument, hasRemoteImages } from './email-document.util';

describe('emailDocument', () => {
  it('points cid images at their attachments and leaves unknown ones', () => {
    const doc = emailDocument(
      '<p><img src="cid:Logo@x"><img src="cid:missing@x"></p>',
      new Map([['logo@x', '/api/v1/attachments/1?inline=1']]),
      'ar',
    );
    expect(doc).toContain('<img src="/api/v1/attachments/1?inline=1">');
    expect(doc).toContain('src="cid:missing@x"');
    expect(doc).not.toContain('sanad-quote');
  });

  it('folds Gmail and Outlook quoted history behind a script-free toggle in the UI language', () => {
    const gmail = emailDocument(
      '<div>شكراً</div><div class="gmail_quote">old</div>',
      new Map(),
      'ar',
    );
    expect(gmail).toContain('<input type="checkbox" id="sanad-quote">');
    expect(gmail).toContain('إظهار النص المقتبس');
    expect(gmail).toContain('#sanad-quote:not(:checked) ~ .sanad-body .gmail_quote');
    expect(gmail).not.toContain('<script');
    const outlook = emailDocument(
      '<p>Thanks</p><div id="divRplyFwdMsg">From: us</div><div>old</div>',
      new Map(),
      'en',
    );
    expect(outlook).toContain('Show quoted text');
  });

  it('tells remote images from inline ones', () => {
    expect(hasRemoteImages('<img src="https://tracker.example/p.gif">')).toBe(true);
    expect(hasRemoteImages('<img src="cid:a@b"><img src="data:image/png;base64,AA">')).toBe(false);
  });
});
