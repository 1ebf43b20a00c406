import { COMPLETED, EXACT, STEMMED, parseSearchQuery } from '@sanad/search';
import { repositoryHarness, type RepositoryHarness } from '@sanad/testing';
import type { SearchCursor } from './cursor.util';
import { InboxRepository } from './inbox.repository';
import { InboxSearch, type SearchFilters } from './inbox-search.service';

describe('InboxSearch', () => {
  let h: RepositoryHarness;
  let search: InboxSearch;
  beforeAll(async () => {
    h = await repositoryHarness([InboxRepository, InboxSearch]);
    search = h.get(InboxSearch);
  });
  afterAll(() => h.close());

  const filters: SearchFilters = { view: 'all', mailboxIds: null };
  const at = (minute: number) => new Date(Date.UTC(2026, 10, 30, 10, minute));

  async function corpus(texts: string[]): Promise<{ ws: string; ids: string[] }> {
    const ws = await h.seed.workspace();
    const ids: string[] = [];
    for (const [i, text] of texts.entries())
      ids.push(await h.seed.conversation(ws, { search: text, lastMessageAt: at(i) }));
    return { ws: ws.id, ids };
  }

  const page = (ws: string, q: string, limit: number, cursor?: SearchCursor) =>
    search.page(ws, 'u', filters, parseSearchQuery(q, { complete: true })!, cursor, limit);

  it('ranks the word as written, then other spellings and stems, then completions, newest first in each', async () => {
    const { ws, ids } = await corpus([
      'فاتورة قديمة', // 0 exact
      'الفاتورة الجديدة', // 1 stem
      'فاتورتي لم تصل', // 2 stem
      'فاتورة أخرى', // 3 exact
      'لا علاقة', // 4 none
    ]);
    const { hits } = await page(ws, 'فاتورة', 10);
    expect(hits.map((hit) => [ids.indexOf(hit.conversation.id), hit.tier])).toEqual([
      [3, EXACT],
      [0, EXACT],
      [2, STEMMED],
      [1, STEMMED],
    ]);
  });

  it('pages through the tiers with strict cursors: every hit once, in order', async () => {
    const texts = Array.from({ length: 9 }, (_, i) => ['محمد', 'لمحمد', 'محمود'][i % 3]);
    const { ws, ids } = await corpus(texts);
    const all = (await page(ws, 'محم', 50)).hits.map((hit) => hit.conversation.id);
    expect(all).toHaveLength(9);
    const seen: string[] = [];
    let cursor: SearchCursor | undefined;
    for (;;) {
      const { hits } = await page(ws, 'محم', 3, cursor);
      seen.push(...hits.map((hit) => hit.conversation.id));
      const last = hits[hits.length - 1];
      if (hits.length < 3) break;
      cursor = {
        tier: last.tier,
        lastMessageAt: last.conversation.lastMessageAt.toISOString(),
        id: last.conversation.id,
      };
    }
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(ids.length);
  });

  it('completes the last word only when it is no whole word of the workspace', async () => {
    const { ws, ids } = await corpus(['تلف في الشحنة', 'رقم تلفون المكتب', 'المحمول']);
    const damage = await page(ws, 'تلف', 10);
    expect(damage.hits.map((hit) => hit.conversation.id)).toEqual([ids[0]]);
    expect(damage.completed).toBe(false);
    const typing = await page(ws, 'تلفو', 10);
    expect(typing.hits.map((hit) => [hit.conversation.id, hit.tier])).toEqual([
      [ids[1], COMPLETED],
    ]);
    expect(typing.completed).toBe(true);
  });

  it.each([
    "'; DROP TABLE conversations; --",
    "a & b | !c :* (d) 'e' \\",
    'فاتورة\u0000 invoice\u0007',
    '"unbalanced \'quotes',
    'x'.repeat(10_000),
    'فاتورة '.repeat(2_000),
  ])('answers hostile text without a database error: %j', async (q) => {
    const { ws } = await corpus(['فاتورة invoice']);
    const query = parseSearchQuery(q, { complete: true });
    const result = query ? await search.page(ws, 'u', filters, query, undefined, 26) : null;
    expect(result?.hits.length ?? 0).toBeLessThanOrEqual(1);
  });
});
