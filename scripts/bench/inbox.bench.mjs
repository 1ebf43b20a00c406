// npm run bench:inbox [-- --conversations 1000000 --messages 5 --iterations 40]
// Seeds one workspace with N conversations (and N × messages messages) straight into PostgreSQL,
// then times each view's first page and a deep page, the view counts, searches (Arabic, English,
// Arabic multi-word, as-you-type prefixes, a rare word, a word found nowhere) and opening a
// 50-message conversation over HTTP, next to the bare SQL of the same queries.
import { createRequire } from 'node:module';
import pg from 'pg';
import { flags, machine, percentiles, signup, startServer } from './server.mjs';

const require = createRequire(import.meta.url);
const search = require('../../dist/libs/search/src/index.js');
const { LIST_SELECT } = require('../../dist/libs/conversations/src/inbox/inbox.repository.js');
const opts = flags({ conversations: 1_000_000, messages: 5, iterations: 40 });

const SUBJECTS = [
  'مشكلة في محادثة الدعم',
  'استفسار عن الفاتورة',
  'لم يصل طلبي بعد',
  'Refund for my last order',
  'طلب استرجاع المبلغ',
  'Invoice 42 is missing',
  'تغيير عنوان الشحن',
  'Cannot log in to my account',
  'الاشتراك السنوي',
  'Question about delivery times',
];
const BODIES = [
  'مرحباً، أحتاج مساعدة في طلبي رقم ١٢٣ ولم أتلق أي رد',
  'Hello, I was charged twice for the same invoice, please help',
  'متى تصل الشحنة؟ الطلب مرسل منذ أسبوع',
  'Thanks for the quick answer, that solved it',
  'أرجو تحديث بيانات الفاتورة باسم الشركة الجديد',
];

const server = await startServer('inbox');
const db = new pg.Client({ connectionString: server.databaseUrl });
try {
  const { me, headers } = await signup(server.base, 'inbox');
  const ws = me.workspace.id;
  const owner = me.user.id;
  const mailboxes = await (await fetch(`${server.base}/api/v1/mailboxes`, { headers })).json();
  const inbox = mailboxes.items.find((m) => m.kind === 'inbox').id;
  await db.connect();
  await seed(ws, owner, inbox);

  // The 50-message conversation and the cursor of a deep page (row 10,000 of "all").
  const [open50] = (
    await db.query(`SELECT id FROM conversations WHERE workspace_id = $1 AND number = $2`, [
      ws,
      opts.conversations + 1,
    ])
  ).rows;
  const [deep] = (
    await db.query(
      `SELECT last_message_at, id FROM conversations WHERE workspace_id = $1 ORDER BY last_message_at DESC, id DESC OFFSET 10000 LIMIT 1`,
      [ws],
    )
  ).rows;
  const cursor = deep
    ? Buffer.from(JSON.stringify([deep.last_message_at.toISOString(), deep.id])).toString(
        'base64url',
      )
    : '';

  const notSpam = `c.mailbox_id NOT IN (SELECT id FROM mailboxes WHERE workspace_id = $1 AND kind = 'spam')`;
  // The page's own SQL: the columns and labels the repository reads (LIST_SELECT), not ids alone.
  const listSql = (extra) =>
    `SELECT ${LIST_SELECT} FROM conversations c WHERE c.workspace_id = $1 AND ${notSpam} ${extra} ORDER BY c.last_message_at DESC, c.id DESC LIMIT 26`;
  /**
   * The statements the inbox runs for one search (InboxSearch, InboxRepository.list): per tier
   * (exact; stems without exact hits; completions without stem hits, only when the page is not
   * full and the last word is no whole word of the workspace), the newest 4,000 conversations
   * in list order, and when they hold fewer hits than wanted, every match through the index.
   */
  const searchSql = (q) => {
    const query = search.parseSearchQuery(q, { complete: true });
    const exact = search.exactTsquery(query);
    const stem = search.stemTsquery(query);
    const completion = search.completionTsquery(query);
    const tier = (match, exclude) => ({
      recent: `SELECT ${LIST_SELECT} FROM (SELECT * FROM conversations c WHERE c.workspace_id = $1 AND ${notSpam}
               ORDER BY c.last_message_at DESC, c.id DESC LIMIT 4000) c
               WHERE c.search_vector @@ $2::tsquery AND ($3::tsquery IS NULL OR NOT c.search_vector @@ $3::tsquery)
               ORDER BY c.last_message_at DESC, c.id DESC LIMIT 26`,
      indexed: `WITH page AS (SELECT c.id FROM conversation_search_hits($1, $2::tsquery, $3::tsquery) h
                JOIN conversations c ON c.id = h.id WHERE c.workspace_id = $1 AND ${notSpam}
                ORDER BY c.last_message_at DESC, c.id DESC LIMIT 26)
                SELECT ${LIST_SELECT} FROM page JOIN conversations c ON c.id = page.id
                ORDER BY c.last_message_at DESC, c.id DESC`,
      params: [ws, match, exclude ?? null],
    });
    return {
      tiers: [tier(exact), tier(stem, exact), completion && tier(completion, stem)],
      known: {
        sql: `SELECT conversation_has_term($1, NULL, $2::tsquery) AS found`,
        params: [ws, search.lastWordTsquery(query)],
      },
    };
  };
  const searches = [
    ['search Arabic (محادثات)', 'محادثات'],
    ['search English (invoices)', 'invoices'],
    ['search Arabic 2 words (تحديث الفاتورة)', 'تحديث الفاتورة'],
    ['search prefix (محاد)', 'محاد'],
    ['search prefix English (refu)', 'refu'],
    ['search prefix rare (مستش)', 'مستش'],
    ['search rare word (مستشفى)', 'مستشفى'],
    ['search no match (زيتون)', 'زيتون'],
    ['search no match, 2 words (زيتون الفاتورة)', 'زيتون الفاتورة'],
  ];
  const cases = [
    ['view all', '/conversations?limit=25', listSql(''), [ws]],
    [
      'view ongoing',
      '/conversations?view=ongoing&limit=25',
      listSql(`AND c.status <> 'closed'`),
      [ws],
    ],
    [
      'view unanswered',
      '/conversations?view=unanswered&limit=25',
      listSql(`AND c.status <> 'closed' AND c.last_public_from = 'contact'`),
      [ws],
    ],
    [
      'view mine',
      '/conversations?view=mine&limit=25',
      listSql(`AND c.status <> 'closed' AND c.assignee_id = $2`),
      [ws, owner],
    ],
    [
      'view unassigned',
      '/conversations?view=unassigned&limit=25',
      listSql(`AND c.status <> 'closed' AND c.assignee_id IS NULL`),
      [ws],
    ],
    [
      'view following',
      '/conversations?view=following&limit=25',
      listSql(
        `AND c.status <> 'closed' AND c.id IN (SELECT f.conversation_id FROM conversation_followers f WHERE f.workspace_id = $1 AND f.user_id = $2)`,
      ),
      [ws, owner],
    ],
    [
      'all, deep page (10k)',
      `/conversations?limit=25&cursor=${cursor}`,
      listSql(`AND (c.last_message_at, c.id) < ($2::timestamptz, $3::uuid)`),
      [ws, deep?.last_message_at, deep?.id],
    ],
    [
      'mailbox inbox',
      `/conversations?mailboxId=${inbox}&limit=25`,
      `SELECT ${LIST_SELECT} FROM conversations c WHERE c.workspace_id = $1 AND c.mailbox_id = $2 ORDER BY c.last_message_at DESC, c.id DESC LIMIT 26`,
      [ws, inbox],
    ],
    [
      'counts (all views)',
      '/conversations/counts',
      `SELECT cc.mailbox_id, m.kind = 'spam' AS spam, cc.key, sum(cc.n) AS n FROM conversation_counts cc JOIN mailboxes m ON m.id = cc.mailbox_id
       WHERE cc.workspace_id = $1 AND cc.key IN ('all', 'ongoing', 'unanswered', 'unassigned', $2, $3)
       GROUP BY cc.mailbox_id, m.kind, cc.key`,
      [ws, `assignee:${owner}`, `following:${owner}`],
    ],
    ...searches.map(([name, q]) => [
      name,
      `/conversations?q=${encodeURIComponent(q)}&limit=25`,
      searchSql(q),
      null,
    ]),
    [
      'open 50-message conversation',
      `/conversations/${open50.id}`,
      `SELECT * FROM messages WHERE conversation_id = $1 ORDER BY created_at, id`,
      [open50.id],
    ],
  ];

  /** A search's statements in the inbox's order, stopping when 26 rows are found. */
  async function bareSearch({ tiers, known }) {
    let found = 0;
    for (const [i, tier] of tiers.entries()) {
      if (!tier) break;
      if (i === 2 && (await db.query(known.sql, known.params)).rows[0].found) break;
      let rows = (await db.query(tier.recent, tier.params)).rows.length;
      if (rows < 26) rows = (await db.query(tier.indexed, tier.params)).rows.length;
      found += rows;
      if (found >= 26) break;
    }
  }

  const rows = [];
  for (const [name, path, sql, params] of cases) {
    const http = [];
    const bare = [];
    for (let i = 0; i < opts.iterations + 3; i++) {
      let t0 = performance.now();
      const response = await fetch(`${server.base}/api/v1${path}`, { headers });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
      if (i >= 3) http.push(performance.now() - t0);
      t0 = performance.now();
      if (typeof sql === 'string') await db.query(sql, params);
      else await bareSearch(sql);
      if (i >= 3) bare.push(performance.now() - t0);
    }
    rows.push({ name, http: percentiles(http), bare: percentiles(bare) });
  }

  console.log(`\nSanad bench:inbox — ${machine()}; ${server.mode}`);
  console.log(
    `${opts.conversations.toLocaleString('en')} conversations, ${(opts.conversations * opts.messages).toLocaleString('en')} messages; ${opts.iterations} sequential requests per query (after 3 warm-up)\n`,
  );
  const pad = (s, n) => String(s).padEnd(n);
  console.log(
    `${pad('query', 40)}${pad('HTTP p50', 10)}${pad('p95', 9)}${pad('p99', 9)}${pad('SQL p50', 10)}${pad('p95', 9)}${pad('p99', 9)}p95 ratio`,
  );
  for (const r of rows) {
    const f = (n) => n.toFixed(1);
    console.log(
      `${pad(r.name, 40)}${pad(f(r.http.p50), 10)}${pad(f(r.http.p95), 9)}${pad(f(r.http.p99), 9)}${pad(f(r.bare.p50), 10)}${pad(f(r.bare.p95), 9)}${pad(f(r.bare.p99), 9)}${(r.http.p95 / Math.max(r.bare.p95, 0.01)).toFixed(1)}×`,
    );
  }
  console.log(
    '\n(targets at 1M on this machine: p95 ≤ 50 ms for lists, counts and open; ≤ 150 ms for search and prefix search)',
  );
} finally {
  await db.end().catch(() => undefined);
  await server.stop();
}

/** Bulk insert in chunks with generate_series; deterministic ids so rows can refer to each other. */
async function seed(ws, owner, inbox) {
  const started = Date.now();
  const contacts = Math.max(1, Math.floor(opts.conversations / 10));
  // Each conversation's vector: its subject and body as the writer indexes them, and in one
  // conversation of 997 a rarer text, so that selective searches have something to find.
  const terms = SUBJECTS.map((s, i) => search.indexTerms(`${s} ${BODIES[i % BODIES.length]}`));
  const rare = search.indexTerms('موعد في مستشفى الملك فهد');
  await db.query('SET synchronous_commit = off'); // this seeding session only
  // A bulk load: the per-row count trigger is off while seeding and the counters are rebuilt
  // once at the end with the same key function the trigger uses.
  await db.query('ALTER TABLE conversations DISABLE TRIGGER conversations_count');
  await db.query('ALTER TABLE conversation_followers DISABLE TRIGGER followers_count');
  await db.query(
    `INSERT INTO contacts (id, workspace_id, name, emails)
     SELECT md5('c' || g)::uuid, $1, 'عميل ' || g, ARRAY['customer' || g || '@example.test'] FROM generate_series(1, $2) g`,
    [ws, contacts],
  );
  const chunk = 100_000;
  for (let from = 1; from <= opts.conversations; from += chunk) {
    const to = Math.min(opts.conversations, from + chunk - 1);
    await db.query(
      `WITH vectors AS (
         SELECT ord - 1 AS k, array_to_tsvector(ARRAY(SELECT jsonb_array_elements_text(t))) AS v
         FROM jsonb_array_elements($5::jsonb) WITH ORDINALITY AS x(t, ord))
       INSERT INTO conversations (id, workspace_id, number, subject, status, channel, mailbox_id, contact_id, assignee_id, priority,
                                  last_public_from, last_message_at, created_at, search_vector)
       SELECT md5('v' || g)::uuid, $1, g, ($4::text[])[1 + g % $7], (ARRAY['open','pending','closed','closed'])[1 + (g * 7) % 4], 'api', $3,
              md5('c' || (1 + g % $8))::uuid, CASE WHEN g % 3 = 0 THEN $2::uuid END, (ARRAY['low','normal','normal','high','urgent'])[1 + g % 5],
              CASE WHEN g % 2 = 0 THEN 'contact' ELSE 'user' END, now() - (g || ' seconds')::interval, now() - ((g + 60) || ' seconds')::interval,
              (SELECT v FROM vectors WHERE k = g % $7) || CASE WHEN g % 997 = 0 THEN array_to_tsvector($6::text[]) ELSE '' END
       FROM generate_series($9::int, $10::int) g`,
      [
        ws,
        owner,
        inbox,
        SUBJECTS,
        JSON.stringify(terms),
        rare,
        SUBJECTS.length,
        contacts,
        from,
        to,
      ],
    );
    await db.query(
      `INSERT INTO messages (id, workspace_id, conversation_id, kind, author_type, author_user_id, author_contact_id, body_text, created_at)
       SELECT md5('m' || g || '-' || k)::uuid, $1, md5('v' || g)::uuid, 'reply',
              CASE WHEN k % 2 = 1 THEN 'contact' ELSE 'user' END, CASE WHEN k % 2 = 0 THEN $2::uuid END,
              CASE WHEN k % 2 = 1 THEN md5('c' || (1 + g % $4))::uuid END, ($3::text[])[1 + (g + k) % 5],
              now() - ((g + 60 - k * 10) || ' seconds')::interval
       FROM generate_series($5::int, $6::int) g, generate_series(1, $7::int) k`,
      [ws, owner, BODIES, contacts, from, to, opts.messages],
    );
    // The owner follows one conversation in 50, so the following view has something to find.
    await db.query(
      `INSERT INTO conversation_followers (conversation_id, user_id, workspace_id)
       SELECT md5('v' || g)::uuid, $2, $1 FROM generate_series($3::int, $4::int) g WHERE g % 50 = 0`,
      [ws, owner, from, to],
    );
    process.stdout.write(
      `\rseeded ${to.toLocaleString('en')} / ${opts.conversations.toLocaleString('en')} conversations (${Math.round((Date.now() - started) / 1000)} s)`,
    );
  }
  // One conversation with 50 messages to open.
  const big = opts.conversations + 1;
  await db.query(
    `INSERT INTO conversations (id, workspace_id, number, subject, channel, mailbox_id, contact_id, last_public_from, last_message_at)
     VALUES (md5('v' || $3::int)::uuid, $1, $3::int, 'محادثة طويلة', 'api', $2, md5('c1')::uuid, 'contact', now() - interval '1 day')`,
    [ws, inbox, big],
  );
  await db.query(
    `INSERT INTO messages (id, workspace_id, conversation_id, kind, author_type, author_contact_id, body_text, created_at)
     SELECT md5('big' || k)::uuid, $1, md5('v' || $2::int)::uuid, 'reply', 'contact', md5('c1')::uuid, 'رسالة رقم ' || k, now() - interval '1 day' + (k || ' seconds')::interval
     FROM generate_series(1, 50) k`,
    [ws, big],
  );
  await db.query(
    `INSERT INTO conversation_numbers (workspace_id, last_number) VALUES ($1, $2::int) ON CONFLICT (workspace_id) DO UPDATE SET last_number = $2::int`,
    [ws, big],
  );
  await db.query('ALTER TABLE conversations ENABLE TRIGGER conversations_count');
  await db.query('ALTER TABLE conversation_followers ENABLE TRIGGER followers_count');
  await db.query('DELETE FROM conversation_counts WHERE workspace_id = $1', [ws]);
  await db.query(
    `INSERT INTO conversation_counts (workspace_id, mailbox_id, key, n)
     SELECT $1, c.mailbox_id, key, count(*) FROM conversations c, unnest(conversation_count_keys(c)) AS key
     WHERE c.workspace_id = $1 GROUP BY 2, 3`,
    [ws],
  );
  await db.query('ANALYZE');
  console.log(`\nseeding took ${Math.round((Date.now() - started) / 1000)} s`);
}
