import { DEFAULT_BRAND, type PublicThemeView } from '@sanad/contracts';
import { renderNpsForm, renderNpsMessage, type NpsFormInput } from './nps-page.renderer';

const theme: PublicThemeView = {
  name: 'شركة <زيتون>',
  slug: 'zaytoon',
  language: 'ar',
  colours: DEFAULT_BRAND.colours,
  logoUrl: null,
  iconUrls: null,
};
const frame = {
  theme,
  nonce: 'n0nce',
  fonts: [],
  digits: 'latn' as const,
  otherLanguageUrl: '/n/t?lang=en',
};
const form = (input: Partial<NpsFormInput>): string =>
  renderNpsForm({
    ...frame,
    language: 'ar',
    action: '/n/t?lang=ar',
    question: 'ما مدى احتمال أن توصي بـشركة <زيتون>؟',
    values: { score: '7' },
    errors: [],
    mode: 'chosen',
    ...input,
  });

describe('NPS page', () => {
  it('is right to left in Arabic, with 0..10 and the chosen score checked, all text escaped', () => {
    const html = form({});
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html.match(/name="score" value="\d+"/g)).toHaveLength(11);
    expect(html).toMatch(/name="score" value="7" checked/);
    expect(html).not.toMatch(/value="[0-689]" checked/);
    expect(html).toContain('شركة &lt;زيتون&gt;');
    expect(html).not.toContain('<زيتون>');
    expect(html).toContain('غير محتمل إطلاقًا');
  });

  it('posts the chosen score with a script carrying the nonce, and only then', () => {
    expect(form({})).toContain('<script nonce="n0nce">');
    for (const mode of ['recorded', 'commented', 'retry'] as const)
      expect(form({ mode })).not.toContain('<script');
  });

  it('keeps the answers after an error and names the field', () => {
    const html = form({
      mode: 'retry',
      language: 'en',
      values: { score: '11', comment: '<img src=x onerror=alert(1)>' },
      errors: [{ field: 'score', message: 'Choose a number from 0 to 10.' }],
    });
    expect(html).toContain('<html lang="en" dir="ltr">');
    expect(html).toContain('id="error-score"');
    expect(html).toContain('Choose a number from 0 to 10.');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;</textarea>');
    expect(html).not.toContain('<img src=x');
  });

  it('writes the workspace’s Arabic digits when it uses them', () => {
    const html = form({ digits: 'arab', mode: 'recorded' });
    expect(html).toContain('٧ من ١٠');
    expect(html).toMatch(/value="7" checked/);
  });

  it('says clearly when a link is forged, expired, cancelled or locked', () => {
    expect(renderNpsMessage({ ...frame, language: 'ar' }, 'invalid')).toContain(
      'رابط الاستطلاع غير صحيح',
    );
    expect(renderNpsMessage({ ...frame, language: 'en' }, 'expired')).toContain(
      'This link has expired',
    );
    expect(renderNpsMessage({ ...frame, language: 'en' }, 'cancelled')).toContain(
      'This survey was cancelled',
    );
    const locked = renderNpsMessage({ ...frame, language: 'en' }, 'locked', { score: 6 });
    expect(locked).toContain('Your recorded answer: 6 of 10.');
    expect(locked).not.toContain('<form');
  });
});
