import type { PersonView } from '@sanad/contracts';
import { createWorkspace, sharedTestApp, type TestWorkspace } from './test-app';

const app = sharedTestApp();

/** People as support teams have them: Arabic names in every spelling, English names, numbers. */
const PEOPLE = [
  { name: 'مُحمّد بن سلمان العتيبي', emails: ['m.otaibi@ufuq.sa'], phones: ['+966501234567'] },
  { name: 'محمد الشمري', emails: ['shammari@gmail.com'] },
  { name: 'أحمد عبد الله', phones: ['+201001234567'] },
  { name: 'عبدالرحمن القحطاني', emails: ['abdulrahman@qahtani.co'] },
  { name: 'إيمان مسعود', emails: ['eman@example.com'] },
  { name: 'فاطمة الزهراء', phones: ['+971501119999'] },
  { name: 'مسؤول المشتريات', emails: ['purchasing@najm.sa'] },
  { name: 'يحيى الحربي', emails: ['yahya@harbi.sa'] },
  { name: 'هدى', emails: ['huda@example.com'] },
  { name: 'Sara Johnson', emails: ['sara.johnson@acme.com'], phones: ['+14155550123'] },
  { name: 'Sarah Al-Harbi', emails: ['sarah@harbi.sa'] },
  { name: 'José Müller', emails: ['jose@müller.de'] },
  { name: null, emails: ['anonymous.visitor@mail.com'] },
  { name: 'فيصل', emails: ['faisal@example.com'] },
  { name: 'علي يصل', emails: ['ali@example.com'] },
  { name: 'سلمان الفارسي' },
  { name: 'أنس سلمان' },
];

/** Query → the names it must find, exactly (sorted by name as the list is). */
const CASES: Array<[string, Array<string | null>]> = [
  ['محمد', ['محمد الشمري', 'مُحمّد بن سلمان العتيبي']],
  ['مُحمّد', ['محمد الشمري', 'مُحمّد بن سلمان العتيبي']],
  ['محم', ['محمد الشمري', 'مُحمّد بن سلمان العتيبي']],
  ['العتيبى', ['مُحمّد بن سلمان العتيبي']],
  ['عتيبي', ['مُحمّد بن سلمان العتيبي']],
  ['احمد', ['أحمد عبد الله']],
  ['عبدالله', ['أحمد عبد الله']],
  ['عبد الرحمن', ['عبدالرحمن القحطاني']],
  ['ايمان', ['إيمان مسعود']],
  ['فاطمه', ['فاطمة الزهراء']],
  ['مسئول', ['مسؤول المشتريات']],
  ['مسوول', ['مسؤول المشتريات']],
  ['يحيي', ['يحيى الحربي']],
  ['هدي', ['هدى']],
  ['sara', ['Sara Johnson', 'Sarah Al-Harbi']],
  ['sara.jo', ['Sara Johnson']],
  ['SARAH', ['Sarah Al-Harbi']],
  ['harbi', ['Sarah Al-Harbi', 'يحيى الحربي']],
  ['jose', ['José Müller']],
  ['muller', ['José Müller']],
  ['anonymous', [null]],
  ['@acme', ['Sara Johnson']],
  ['ufuq.sa', ['مُحمّد بن سلمان العتيبي']],
  ['0501234567', ['مُحمّد بن سلمان العتيبي']],
  ['+966 50 123 4567', ['مُحمّد بن سلمان العتيبي']],
  ['٠٥٠١٢٣٤٥٦٧', ['مُحمّد بن سلمان العتيبي']],
  ['01001234567', ['أحمد عبد الله']],
  ['4567', ['أحمد عبد الله', 'مُحمّد بن سلمان العتيبي']],
  ['415 555', ['Sara Johnson']],
  ['فيصل', ['فيصل']],
  ['محمد الشمري', ['محمد الشمري']],
  ['الشمري محمد', ['محمد الشمري']],
  // Names that start with the query first, then the others, each by name.
  ['سلمان', ['سلمان الفارسي', 'أنس سلمان', 'مُحمّد بن سلمان العتيبي']],
  ['زيد', []],
  ['%', []],
  ['_', []],
];

describe('people search', () => {
  let ws: TestWorkspace;
  beforeAll(async () => {
    ws = await createWorkspace(app.base);
    for (const person of PEOPLE) {
      const res = await ws.owner.post('/api/v1/people', person);
      if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    }
  });

  it('pages through both tiers without repeating or skipping anyone', async () => {
    const seen: Array<string | null> = [];
    let cursor: string | null = null;
    do {
      const res = await ws.owner.get(
        `/api/v1/people?q=${encodeURIComponent('سلمان')}&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...(res.body.items as PersonView[]).map((p) => p.name));
      cursor = res.body.nextCursor as string | null;
    } while (cursor && seen.length < 10);
    expect(seen).toEqual(['سلمان الفارسي', 'أنس سلمان', 'مُحمّد بن سلمان العتيبي']);
    const listCursor = (await ws.owner.get('/api/v1/people?limit=1')).body.nextCursor as string;
    expect((await ws.owner.get(`/api/v1/people?q=x&cursor=${listCursor}`)).status).toBe(400);
  });

  it.each(CASES)('%s finds %j', async (query, expected) => {
    const res = await ws.owner.get(`/api/v1/people?q=${encodeURIComponent(query)}`);
    expect(res.status).toBe(200);
    expect((res.body.items as PersonView[]).map((p) => p.name)).toEqual(expected);
  });
});
