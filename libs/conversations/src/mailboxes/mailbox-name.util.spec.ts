import { mailboxNameIn } from './mailbox-name.util';

describe('mailboxNameIn', () => {
  it('names the inbox and spam under their default names in the given language', () => {
    expect(mailboxNameIn({ kind: 'inbox', name: 'الصندوق الوارد' }, 'en')).toBe('Inbox');
    expect(mailboxNameIn({ kind: 'inbox', name: 'الصندوق الوارد' }, 'ar')).toBe('الصندوق الوارد');
    expect(mailboxNameIn({ kind: 'spam', name: 'المزعج' }, 'en')).toBe('Spam');
    expect(mailboxNameIn({ kind: 'spam', name: 'المزعج' }, 'ar')).toBe('المزعج');
  });

  it('keeps a renamed system mailbox and every custom mailbox as written', () => {
    expect(mailboxNameIn({ kind: 'inbox', name: 'الدعم الفني' }, 'en')).toBe('الدعم الفني');
    expect(mailboxNameIn({ kind: 'custom', name: 'المزعج' }, 'en')).toBe('المزعج');
    expect(mailboxNameIn({ kind: 'custom', name: 'Billing' }, 'ar')).toBe('Billing');
  });
});
