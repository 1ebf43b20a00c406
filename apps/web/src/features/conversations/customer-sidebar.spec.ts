import type { CustomFieldView } from '@sanad/contracts';
import { customerName, filledFields } from './customer-sidebar';

const field = (key: string): CustomFieldView => ({
  id: key,
  entity: 'person',
  key,
  labelAr: key,
  labelEn: key,
  type: 'text',
  required: false,
  options: [],
  position: 0,
});

describe('customer sidebar', () => {
  it('lists only the fields that hold a value, in the definitions order', () => {
    const fields = ['a', 'b', 'c', 'd', 'e', 'f'].map(field);
    const values = { f: 'x', a: 0, b: '', c: [], d: false, e: null };
    expect(filledFields(fields, values).map((f) => f.key)).toEqual(['a', 'd', 'f']);
  });

  it('names the customer by name, else email, else phone', () => {
    expect(customerName({ name: 'ليلى', emails: ['l@x.sa'], phones: [] })).toBe('ليلى');
    expect(customerName({ name: null, emails: ['l@x.sa'], phones: ['+966500000000'] })).toBe(
      'l@x.sa',
    );
    expect(customerName({ name: '', emails: [], phones: ['+966500000000'] })).toBe('+966500000000');
    expect(customerName({ name: null, emails: [], phones: [] })).toBeNull();
  });
});
