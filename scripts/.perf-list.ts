import { Pool } from 'pg';
import { PeopleRepository } from '../libs/contacts/src/people/people.repository';
import { contactSearchPatterns } from '@sanad/search';
const pool = new Pool({ connectionString: 'postgres://postgres@127.0.0.1:5432/contacts_perf' });
const repo = new PeopleRepository({ query: async (sql: string, p: unknown[]) => (await pool.query(sql, p)).rows } as never);
const ws = '00000000-0000-0000-0000-0000000000aa';
async function time(label: string, q: Record<string, unknown>) {
  const times: number[] = [];
  let n = 0;
  for (let i = 0; i < 15; i++) {
    const t = process.hrtime.bigint();
    const r = await repo.listIds({ workspaceId: ws, patterns: [], fields: [], sort: 'name', order: 'asc', limit: 50, ...q } as never);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
    n = r.ids.length;
  }
  times.sort((a, b) => a - b);
  console.log(label.padEnd(28), 'n=' + n, 'p50', times[7].toFixed(1), 'p95', times[14].toFixed(1));
}
(async () => {
  await time('first page', {});
  await time('محم', { patterns: contactSearchPatterns('محم') });
  await time('الشمري 1234', { patterns: contactSearchPatterns('الشمري 1234') });
  await time('rare: 123456', { patterns: contactSearchPatterns('user123456@') });
  await time('email prefix user4999', { patterns: contactSearchPatterns('user4999') });
  await time('phone 0501', { patterns: contactSearchPatterns('0501') });
  await time('phone 4 digits 8812', { patterns: contactSearchPatterns('8812') });
  await time('nothing: زيد', { patterns: contactSearchPatterns('زيد') });
  await time('plan=gold', { fields: [{ key: 'plan', type: 'select', op: 'eq', value: 'gold' }] });
  await time('plan=gold sort created', { sort: 'created', order: 'desc', fields: [{ key: 'plan', type: 'select', op: 'eq', value: 'gold' }] });
  await time('seats=42', { fields: [{ key: 'seats', type: 'number', op: 'eq', value: 42 }] });
  await time('seats>98', { fields: [{ key: 'seats', type: 'number', op: 'after', value: 98 }] });
  await time('last_seen', { sort: 'last_seen', order: 'desc' });
  await pool.end();
})();
