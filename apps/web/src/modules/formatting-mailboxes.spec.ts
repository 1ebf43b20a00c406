import { systemMailboxName } from './formatting-mailboxes';

describe('system mailbox names', () => {
  it('the inbox and spam under their default names are shown translated', () => {
    expect(systemMailboxName({ kind: 'inbox', name: 'الصندوق الوارد' })).toBe('inbox');
    expect(systemMailboxName({ kind: 'spam', name: 'المزعج' })).toBe('spam');
  });

  it('a renamed system mailbox and custom mailboxes keep the name as written', () => {
    expect(systemMailboxName({ kind: 'inbox', name: 'الدعم الفني' })).toBeNull();
    expect(systemMailboxName({ kind: 'custom', name: 'المزعج' })).toBeNull();
    expect(systemMailboxName({ kind: 'custom', name: 'Billing' })).toBeNull();
  });
});
