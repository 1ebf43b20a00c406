import {
  contactSearchPatterns,
  contactSearchText,
  foldedSortName,
  phoneSearchForms,
} from './contact-text.util';

describe('contactSearchText', () => {
  it('folds names, joins compound names, keeps hamza-less spellings, emails and phone forms', () => {
    const text = contactSearchText({
      name: 'عبد الله المسؤول',
      emails: ['A.B@Example.COM'],
      phones: ['+966501234567'],
      externalId: 'CRM-7',
      companyName: 'شركة الأُفق',
    });
    expect(text.split(' | ')).toEqual([
      'عبد الله المسءول',
      'عبداللهالمسءول',
      'عبد الله المسوول',
      'شركه الافق',
      'شركهالافق',
      'a.b@example.com',
      '966501234567',
      '0501234567',
      'crm-7',
    ]);
  });
});

describe('phoneSearchForms', () => {
  it.each([
    ['+966501234567', ['966501234567', '0501234567']],
    ['+201001234567', ['201001234567', '01001234567']],
    ['+12', ['12']],
  ])('%s → %j', (phone, forms) => expect(phoneSearchForms(phone)).toEqual(forms));
});

describe('contactSearchPatterns', () => {
  it.each([
    ['مُحمّد  فاطمة', ['%محمد%', '%فاطمه%']],
    ['+966 50-123 ٤٥٦٧', ['%966501234567%']],
    ['50%_off', ['%50\\%\\_off%']],
    ['   ', []],
  ])('%j → %j', (query, patterns) => expect(contactSearchPatterns(query)).toEqual(patterns));
});

describe('foldedSortName', () => {
  it('sorts by the folded name, else the email, nameless last', () => {
    expect(foldedSortName('أحمد', [])).toBe('احمد');
    expect(foldedSortName(null, ['Zed@x.test'])).toBe('zed@x.test');
    expect(foldedSortName(null, [])).toBe('\uffff');
  });
});
