import { DEFAULT_BRAND, type PublicThemeView } from '@sanad/contracts';
import { renderRatingForm, renderRatingMessage } from './rating-page.renderer';

const theme: PublicThemeView = {
  name: 'شركة <زيتون>',
  slug: 'zaytoon',
  language: 'ar',
  colours: DEFAULT_BRAND.colours,
  logoUrl: null,
  iconUrls: null,
};
const frame = { theme, nonce: 'n0nce', fonts: [], otherLanguageUrl: '/r/t/edit?lang=en' };

describe('rating page', () => {
  it('is right to left in Arabic, with the four dimensions and the recorded star checked', () => {
    const html = renderRatingForm({
      ...frame,
      language: 'ar',
      action: '/r/t?lang=ar',
      recorded: 4,
      values: {},
      errors: [],
    });
    expect(html).toContain('<html lang="ar" dir="rtl">');
    for (const label of ['الأسلوب والتعامل', 'سرعة الرد', 'وضوح الردود', 'مستوى السعادة'])
      expect(html).toContain(label);
    expect(html).toMatch(/name="score" value="4" checked/);
    expect(html).toContain('<style nonce="n0nce">');
    expect(html).not.toContain('<script');
    expect(html).toContain('شركة &lt;زيتون&gt;');
  });

  it('keeps the answers after an error, inert, and names the field', () => {
    const html = renderRatingForm({
      ...frame,
      language: 'en',
      action: '/r/t?lang=en',
      recorded: 2,
      values: { score: '2', manner: '5', comment: '<img src=x onerror=alert(1)>' },
      errors: [{ field: 'comment', message: 'Must be at most 2000 characters long.' }],
    });
    expect(html).toContain('<html lang="en" dir="ltr">');
    expect(html).toMatch(/name="manner" value="5" checked/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;</textarea>');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('href="#field-comment"');
  });

  it('says plainly when a link is forged, expired or can no longer change the rating', () => {
    expect(renderRatingMessage({ ...frame, language: 'ar' }, 'invalid')).toContain(
      'رابط التقييم غير صحيح',
    );
    expect(renderRatingMessage({ ...frame, language: 'en' }, 'expired')).toContain(
      'This link has expired',
    );
    expect(renderRatingMessage({ ...frame, language: 'en' }, 'locked', { score: 3 })).toContain(
      'Your recorded rating: 3 of 5',
    );
  });
});
