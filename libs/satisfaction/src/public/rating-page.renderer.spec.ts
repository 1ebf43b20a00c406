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
      chosen: 4,
      recorded: 4,
      starUrl: null,
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

  it('opened from the email, says the star is chosen and records it with its one script', () => {
    const html = renderRatingForm({
      ...frame,
      language: 'ar',
      action: '/r/t?lang=ar',
      chosen: 3,
      recorded: null,
      starUrl: '/r/r1.a</script>.3/star',
      values: { score: '3' },
      errors: [],
    });
    expect(html).toMatch(/name="score" value="3" checked/);
    expect(html).toContain('اخترت 3 من 5.');
    expect(html).toContain('data-recorded="شكرًا! سجّلنا تقييمك: 3 من 5."');
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain('<script nonce="n0nce">');
    // The URL is a script literal that cannot close the block.
    expect(html).toContain('fetch("/r/r1.a\\u003c/script>.3/star"');
    expect(html.match(/<\/script>/g)).toHaveLength(1);
  });

  it('keeps the answers after an error, inert, and names the field', () => {
    const html = renderRatingForm({
      ...frame,
      language: 'en',
      action: '/r/t?lang=en',
      chosen: 2,
      recorded: 2,
      starUrl: null,
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
