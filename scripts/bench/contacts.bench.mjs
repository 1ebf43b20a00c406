// npm run bench:contacts [-- --people 1000000 --companies 20000 --iterations 40 --import 100000 --export 1]
// Seeds one workspace with N people (companies, 10 custom fields, categories, Arabic and English
// names, emails, Saudi/Egyptian/Emirati phones) straight into PostgreSQL, then times searches,
// filters and the first page over HTTP next to the bare SQL of the same query (the people
// repository's own statements), an import of M rows and the export of everyone.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import pg from 'pg';
import { FIELDS, RARE_FAMILY, checkSample, personOf, seedContacts } from './contacts-seed.mjs';
import { flags, machine, percentiles, signup, startServer } from './server.mjs';

const require = createRequire(import.meta.url);
const search = require('../../dist/libs/search/src/index.js');
const { PeopleRepository } = require('../../dist/libs/contacts/src/people/people.repository.js');
const opts = flags({ people: 1_000_000, companies: 0, iterations: 40, import: 100_000, export: 1 });
const companies = opts.companies || Math.max(1, Math.round(opts.people / 50));

const server = await startServer('contacts');
const db = new pg.Client({ connectionString: server.databaseUrl });
const api = (path) => `${server.base}/api/v1${path}`;

/**
 * The bare SQL of a page, in one place: the people repository's own listIds (its window and
 * index statements, run on a plain pg client), then the rows, company names and categories
 * the views read (PersonViews.byIds).
 */
const BARE = {
  repo: new PeopleRepository({
    query: async (sql, params) => (await db.query(sql, params)).rows,
  }),
  /** As PeopleService.list does it: one transaction; a name search tier by tier. */
  async page(ws, c) {
    const query = {
      workspaceId: ws,
      patterns: c.q ? search.contactSearchPatterns(c.q) : [],
      categoryId: c.categoryId,
      fields: c.field ? [c.field] : [],
      sort: 'name',
      order: 'asc',
      limit: 50,
    };
    const prefix = c.q ? search.contactNamePrefix(c.q) : null;
    await db.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
    const ids = [];
    if (!prefix) ids.push(...(await this.repo.listIds(query)).ids);
    else
      for (const tier of [1, 2]) {
        const page = await this.repo.listIds({
          ...query,
          namePrefix: { pattern: prefix, tier },
          limit: 50 - ids.length,
        });
        ids.push(...page.ids);
        if (page.last) break;
      }
    const people = (
      await db.query('SELECT * FROM contacts WHERE workspace_id = $1 AND id = ANY($2::uuid[])', [
        ws,
        ids,
      ])
    ).rows;
    const companyIds = [...new Set(people.flatMap((p) => p.company_id ?? []))];
    const categoryIds = [...new Set(people.flatMap((p) => p.category_id ?? []))];
    await db.query(
      'SELECT id, name FROM companies WHERE workspace_id = $1 AND id = ANY($2::uuid[])',
      [ws, companyIds],
    );
    await db.query(
      'SELECT * FROM contact_categories WHERE workspace_id = $1 AND id = ANY($2::uuid[])',
      [ws, categoryIds],
    );
    await db.query('COMMIT');
  },
};

try {
  const { me, headers } = await signup(server.base, 'contacts');
  const ws = me.workspace.id;
  for (const field of FIELDS) await post(headers, '/contact-fields', field);
  for (const name of ['شركاء', 'موردون', 'VIP'])
    await post(headers, '/contact-categories', { entity: 'person', name });
  const categories = (await get(headers, '/contact-categories?entity=person')).items;
  const categoryIds = categories.map((c) => c.id);
  await db.connect();
  const seedSeconds = await seedContacts(db, ws, { people: opts.people, companies, categoryIds });
  const sample = await checkSample(db, ws);
  console.log(
    `search text check: ${sample.checked - sample.wrong} / ${sample.checked} stored rows equal contactSearchText/foldedSortName`,
  );
  if (sample.wrong > 0) throw new Error('seeded search text differs from @sanad/search');

  // A phone's last four digits, as an agent types the tail of a number.
  const tail = personOf(12_346, companies, categoryIds.length).phones[0].slice(-4);
  const partners = categories.find((c) => c.name === 'شركاء').id;
  const cases = [
    ['search Arabic fragment (محم)', { q: 'محم' }],
    ['search compound (عبدالل)', { q: 'عبدالل' }],
    ['search family fragment (القحط)', { q: 'القحط' }],
    ['search 2 words (محمد العتيبي)', { q: 'محمد العتيبي' }],
    [`search rare family (${RARE_FAMILY[0].slice(2, 6)})`, { q: RARE_FAMILY[0].slice(2, 6) }],
    ['search email prefix (sara.jo)', { q: 'sara.jo' }],
    ['search phone digits (0501)', { q: '0501' }],
    [`search phone tail (${tail})`, { q: tail }],
    ['field plan:eq:gold', { field: { key: 'plan', type: 'select', op: 'eq', value: 'gold' } }],
    ['field vip:eq:true (1%)', { field: { key: 'vip', type: 'checkbox', op: 'eq', value: true } }],
    ['category (شركاء)', { categoryId: partners }],
    ['first page, sort=name', {}],
  ];
  const rows = [];
  for (const [name, c] of cases) {
    const params = new URLSearchParams({ sort: 'name', limit: '50' });
    if (c.q) params.set('q', c.q);
    if (c.categoryId) params.set('categoryId', c.categoryId);
    if (c.field) params.set('field', `${c.field.key}:${c.field.op}:${c.field.value}`);
    const http = [];
    const bare = [];
    let found = 0;
    for (let i = 0; i < opts.iterations + 3; i++) {
      let t0 = performance.now();
      const response = await fetch(api(`/people?${params}`), { headers });
      const body = await response.json();
      if (!response.ok) throw new Error(`${name}: HTTP ${response.status} ${JSON.stringify(body)}`);
      if (i >= 3) http.push(performance.now() - t0);
      found = body.items.length;
      t0 = performance.now();
      await BARE.page(ws, c);
      if (i >= 3) bare.push(performance.now() - t0);
    }
    rows.push({ name, found, http: percentiles(http), bare: percentiles(bare) });
    const last = rows[rows.length - 1];
    console.log(
      `  ${name}: HTTP p95 ${last.http.p95.toFixed(1)} ms, SQL p95 ${last.bare.p95.toFixed(1)} ms`,
    );
  }

  const exported = opts.export ? await exportPhase(headers) : null;
  const imported = opts.import > 0 ? await importPhase(headers) : null;

  console.log(`\nSanad bench:contacts — ${machine()}; ${server.mode}`);
  console.log(
    `${opts.people.toLocaleString('en')} people, ${companies.toLocaleString('en')} companies, ${FIELDS.length} custom fields, ${categoryIds.length} categories; seeded in ${Math.round(seedSeconds)} s; ${opts.iterations} sequential requests per query (after 3 warm-up), 50 a page\n`,
  );
  const pad = (s, n) => String(s).padEnd(n);
  console.log(
    `${pad('query', 36)}${pad('rows', 6)}${pad('HTTP p50', 10)}${pad('p95', 9)}${pad('p99', 9)}${pad('SQL p50', 10)}${pad('p95', 9)}${pad('p99', 9)}p95 ratio`,
  );
  const f = (n) => n.toFixed(1);
  for (const r of rows)
    console.log(
      `${pad(r.name, 36)}${pad(r.found, 6)}${pad(f(r.http.p50), 10)}${pad(f(r.http.p95), 9)}${pad(f(r.http.p99), 9)}${pad(f(r.bare.p50), 10)}${pad(f(r.bare.p95), 9)}${pad(f(r.bare.p99), 9)}${(r.http.p95 / Math.max(r.bare.p95, 0.01)).toFixed(1)}×${r.http.p95 > 50 ? '  over target' : ''}`,
    );
  console.log(
    '\n(target at 1M on this machine: p95 ≤ 50 ms for searches, filters and the first page)',
  );
  if (exported) console.log(exported);
  if (imported) console.log(imported);
} finally {
  await db.end().catch(() => undefined);
  await server.stop();
}

async function post(headers, path, body) {
  const response = await fetch(api(path), { method: 'POST', headers, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

async function get(headers, path) {
  const response = await fetch(api(path), { headers });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** The server's resident memory (MB) sampled every 50 ms while `work` runs. */
async function withMemory(work) {
  const rss = () =>
    Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))?.[1] ?? 0) /
    1024;
  const before = rss();
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, rss())), 50);
  try {
    const result = await work();
    return { ...result, before, peak: Math.max(peak, rss()) };
  } finally {
    clearInterval(timer);
  }
}

/** GET /people/export.csv of everyone, streamed and counted by lines. */
async function exportPhase(headers) {
  const t0 = performance.now();
  const r = await withMemory(async () => {
    const response = await fetch(api('/people/export.csv'), { headers });
    if (response.status === 404)
      return { skipped: 'GET /people/export.csv answers 404 (not built yet)' };
    if (!response.ok)
      return {
        skipped: `GET /people/export.csv answered ${response.status}: ${await response.text()}`,
      };
    let lines = 0;
    let bytes = 0;
    for await (const chunk of response.body) {
      bytes += chunk.length;
      for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines++;
    }
    return { rows: lines - 1, bytes };
  });
  if (r.skipped) return `\nexport: skipped — ${r.skipped}`;
  const s = (performance.now() - t0) / 1000;
  return `\nexport: ${r.rows.toLocaleString('en')} rows (${(r.bytes / 1e6).toFixed(0)} MB) in ${s.toFixed(1)} s = ${Math.round(r.rows / s).toLocaleString('en')} rows/s; server RSS ${r.before.toFixed(0)} MB before, peak ${r.peak.toFixed(0)} MB (+${(r.peak - r.before).toFixed(0)} MB) (target: flat in memory)`;
}

/** POST /contact-imports (multipart CSV), POST /:id/start, poll GET /:id until it ends. */
async function importPhase(headers) {
  const lines = ['Name,Email,Phone,Plan'];
  for (let g = 1; g <= opts.import; g++) {
    const p = personOf(opts.people + g, companies, 1);
    lines.push(
      `${p.name ?? ''},import${g}.${p.emails[0] ?? `x${g}@example.com`},${p.phones[0] ?? ''},${p.customFields.plan ?? ''}`,
    );
  }
  const csv = `${lines.join('\r\n')}\r\n`;
  // fetch sets the multipart content type with its boundary.
  const multipartHeaders = { cookie: headers.cookie, 'x-csrf-token': headers['x-csrf-token'] };
  const t0 = performance.now();
  const r = await withMemory(async () => {
    const form = new FormData();
    form.append('file', new Blob([csv], { type: 'text/csv' }), 'people.csv');
    const upload = await fetch(api('/contact-imports'), {
      method: 'POST',
      headers: multipartHeaders,
      body: form,
    });
    if (upload.status === 404)
      return { skipped: 'POST /contact-imports answers 404 (not built yet)' };
    if (!upload.ok)
      return { skipped: `POST /contact-imports answered ${upload.status}: ${await upload.text()}` };
    const { id } = await upload.json();
    const start = await fetch(api(`/contact-imports/${id}/start`), {
      method: 'POST',
      headers,
      body: '{}',
    });
    if (!start.ok)
      return {
        skipped: `POST /contact-imports/${id}/start answered ${start.status}: ${await start.text()}`,
      };
    for (;;) {
      const job = await get(headers, `/contact-imports/${id}`);
      if (['completed', 'failed', 'cancelled'].includes(job.status)) return { job };
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  });
  if (r.skipped) return `\nimport: skipped — ${r.skipped}`;
  const s = (performance.now() - t0) / 1000;
  return `\nimport: ${opts.import.toLocaleString('en')} rows (${(csv.length / 1e6).toFixed(1)} MB CSV) ${r.job.status} in ${s.toFixed(1)} s = ${Math.round(opts.import / s).toLocaleString('en')} rows/s (target ≥ 2,000); server RSS ${r.before.toFixed(0)} MB before, peak ${r.peak.toFixed(0)} MB; job: ${JSON.stringify(r.job).slice(0, 300)}`;
}
