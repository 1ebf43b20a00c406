import { npsEmail, npsQuestion } from './nps-email.texts';

const links = Array.from({ length: 11 }, (_, i) => `https://sanad.example/n/t${i}`);

describe('NPS email', () => {
  it('asks in Arabic with eleven links, 0 first (at the right in a right-to-left row)', () => {
    const email = npsEmail('ar', {
      contactName: 'سارة <x>',
      workspaceName: 'زيتون',
      question: npsQuestion('ما مدى احتمال أن توصي بـ{workspace} لصديق أو زميل؟', 'زيتون'),
      links,
      digits: 'arab',
    });
    expect(email.subject).toBe('زيتون: سؤال واحد سريع');
    expect(email.text).toContain('ما مدى احتمال أن توصي بـزيتون لصديق أو زميل؟');
    expect(email.text).toContain('٠: https://sanad.example/n/t0');
    expect(email.text).toContain('١٠: https://sanad.example/n/t10');
    expect(email.html).toContain('<table role="presentation" dir="rtl"');
    const order = [...email.html.matchAll(/href="https:\/\/sanad\.example\/n\/t(\d+)"/g)].map((m) =>
      Number(m[1]),
    );
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(email.html).toContain('سارة &lt;x&gt;');
    expect(email.html).not.toContain('<x>');
  });

  it('asks in English left to right', () => {
    const email = npsEmail('en', {
      contactName: null,
      workspaceName: 'Zaytoon',
      question: npsQuestion('How likely are you to recommend {workspace}?', 'Zaytoon'),
      links,
      digits: 'arab',
    });
    expect(email.text.startsWith('Hello,')).toBe(true);
    expect(email.text).toContain('10: https://sanad.example/n/t10');
    expect(email.html).toContain('dir="ltr"');
    expect(email.html).toContain('Extremely likely');
  });
});
