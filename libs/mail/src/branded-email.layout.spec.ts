import { DEFAULT_BRAND } from '@sanad/contracts';
import { brandedEmailHtml, emailBrand } from './branded-email.layout';

const colours = { ...DEFAULT_BRAND.colours, primary: '#BE185D', link: '#BE185D' };

describe('branded email layout', () => {
  it('shows the logo at most 42 px tall, over a bar in the brand colour, in the workspace language', () => {
    const brand = emailBrand(
      {
        name: 'شركة <سند>',
        defaultLanguage: 'ar',
        brand: {
          ...DEFAULT_BRAND,
          colours,
          logo: { url: '/api/v1/public/brand/ab.png', width: 288, height: 84 },
        },
      },
      'https://help.example/',
      'الصندوق الوارد',
    );
    const html = brandedEmailHtml('<p dir="auto">مرحباً</p>', brand);
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('src="https://help.example/api/v1/public/brand/ab.png"');
    expect(html).toContain('width="144" height="42"');
    expect(html).toContain('border-top:4px solid #BE185D');
    expect(html).toContain('alt="شركة &lt;سند&gt;"');
    expect(html).toContain('<p dir="auto">مرحباً</p>');
  });

  it('names the workspace where there is no logo, and reads left to right in English', () => {
    const html = brandedEmailHtml(
      '<p>Hi</p>',
      emailBrand(
        { name: 'Acme', defaultLanguage: 'en', brand: DEFAULT_BRAND },
        'http://x',
        'Inbox',
      ),
    );
    expect(html).toContain('<html lang="en" dir="ltr">');
    expect(html).not.toContain('<img');
    expect(html).toContain(`color:${DEFAULT_BRAND.colours.link}">Acme</span>`);
  });
});
