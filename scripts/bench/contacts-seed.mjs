// Seeding for bench:contacts: N people and their companies straight into PostgreSQL. Names,
// emails and phones come from lists and the row number (deterministic); sort_name and
// search_text are computed here with @sanad/search, the functions every write path uses.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const search = require('../../dist/libs/search/src/index.js');

/** Arabic first names (some with harakat, some with and without hamza) and their Latin spelling. */
const ARABIC_FIRST = [
  ['مُحَمَّد', 'mohammed'],
  ['محمد', 'mohamed'],
  ['أحمد', 'ahmed'],
  ['احمد', 'ahmad'],
  ['عبد الله', 'abdullah'],
  ['عبدالله', 'abdallah'],
  ['عبد الرحمن', 'abdulrahman'],
  ['إبراهيم', 'ibrahim'],
  ['ابراهيم', 'ebrahim'],
  ['خالد', 'khaled'],
  ['فَاطِمَة', 'fatima'],
  ['فاطمة', 'fatma'],
  ['عائشة', 'aisha'],
  ['نورة', 'noura'],
  ['سارة', 'sara'],
  ['مريم', 'maryam'],
  ['يوسف', 'youssef'],
  ['عمر', 'omar'],
  ['علي', 'ali'],
  ['حسن', 'hassan'],
  ['مؤمن', 'moamen'],
  ['لؤي', 'louay'],
  ['رائد', 'raed'],
  ['وائل', 'wael'],
  ['هالة', 'hala'],
  ['أسماء', 'asmaa'],
  ['إيمان', 'iman'],
  ['ريم', 'reem'],
  ['ليلى', 'layla'],
  ['سلمى', 'salma'],
  ['فؤاد', 'fouad'],
  ['منى', 'mona'],
];
const ARABIC_FAMILY = [
  ['العتيبي', 'alotaibi'],
  ['الشمري', 'alshammari'],
  ['القحطاني', 'alqahtani'],
  ['الحربي', 'alharbi'],
  ['الغامدي', 'alghamdi'],
  ['الزهراني', 'alzahrani'],
  ['الدوسري', 'aldosari'],
  ['المصري', 'elmasry'],
  ['عبد الحميد', 'abdelhamid'],
  ['السيد', 'elsayed'],
  ['الشهري', 'alshehri'],
  ['آل سعود', 'alsaud'],
  ['المؤمن', 'almoamen'],
  ['الأحمد', 'alahmad'],
  ['الرئيسي', 'alraisi'],
  ['الهاشمي', 'alhashemi'],
  ['النعيمي', 'alnuaimi'],
  ['المنصوري', 'almansoori'],
  ['الكعبي', 'alkaabi'],
  ['إسماعيل', 'ismail'],
  ['عبد العزيز', 'abdulaziz'],
  ['الشَّرِيف', 'alsharif'],
  ['فَهْمِي', 'fahmy'],
  ['منصور', 'mansour'],
  ['الخطيب', 'alkhatib'],
  ['السعدي', 'alsaadi'],
  ['البلوشي', 'albalushi'],
  ['مسؤول', 'masoul'],
];
const ENGLISH_FIRST = [
  'Sara',
  'John',
  'Emily',
  'Michael',
  'Layla',
  'Omar',
  'David',
  'Fatima',
  'James',
  'Olivia',
  'Daniel',
  'Hannah',
  'Adam',
  'Noah',
  'Zainab',
  'Sophia',
  'Chloé',
  'André',
];
const ENGLISH_FAMILY = [
  'Johnson',
  'Jones',
  'Smith',
  'Brown',
  'Williams',
  'Taylor',
  'Miller',
  'Davis',
  'Wilson',
  'Moore',
  'Clark',
  'Lewis',
  'Walker',
  'Young',
  'Hall',
  'Al-Harbi',
  'El-Sayed',
  'Nasser',
];
/** One family name in 997 people: a search the window cannot fill, answered by the index. */
export const RARE_FAMILY = ['الزعابي', 'alzaabi'];
const DOMAINS = [
  'gmail.com',
  'outlook.com',
  'yahoo.com',
  'hotmail.com',
  'example.sa',
  'example.ae',
];
const COMPANY_AR = ['للتجارة', 'للمقاولات', 'القابضة', 'للتقنية', 'للخدمات اللوجستية'];
const COMPANY_EN = ['Trading', 'Holdings', 'Technologies', 'Logistics', 'Consulting'];
export const PLANS = ['free', 'silver', 'gold', 'platinum'];
const INTERESTS = ['support', 'billing', 'shipping', 'returns', 'api'];
const CITIES = ['الرياض', 'جدة', 'القاهرة', 'دبي', 'أبوظبي', 'الإسكندرية', 'Riyadh', 'Dubai'];

/** The ten custom-field definitions (POST /contact-fields bodies). */
export const FIELDS = [
  { key: 'plan', labelAr: 'الباقة', labelEn: 'Plan', type: 'select', options: PLANS },
  { key: 'seats', labelAr: 'المقاعد', labelEn: 'Seats', type: 'number' },
  { key: 'renewal', labelAr: 'التجديد', labelEn: 'Renewal', type: 'date' },
  {
    key: 'interests',
    labelAr: 'الاهتمامات',
    labelEn: 'Interests',
    type: 'multi_select',
    options: INTERESTS,
  },
  { key: 'vip', labelAr: 'مميز', labelEn: 'VIP', type: 'checkbox' },
  { key: 'city', labelAr: 'المدينة', labelEn: 'City', type: 'text' },
  { key: 'revenue', labelAr: 'الإيرادات', labelEn: 'Revenue', type: 'decimal' },
  { key: 'website', labelAr: 'الموقع', labelEn: 'Website', type: 'url' },
  { key: 'manager', labelAr: 'مدير الحساب', labelEn: 'Account manager', type: 'email' },
  { key: 'about', labelAr: 'نبذة', labelEn: 'About', type: 'long_text' },
].map((f) => ({
  entity: 'person',
  ...f,
  options: f.options?.map((v) => ({ value: v, ar: v, en: v })),
}));

/** A deterministic spread of the row number (murmur3's finaliser: every bit mixed). */
function mix(g) {
  let h = g >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
const pad = (n, width) => String(n).padStart(width, '0');

export function companyOf(n) {
  const h = mix(n * 31 + 7);
  if (n % 3 === 0) {
    const family = ENGLISH_FAMILY[h % ENGLISH_FAMILY.length];
    return {
      name: `${family} ${COMPANY_EN[n % COMPANY_EN.length]} ${n}`,
      domain: `${family.toLowerCase()}-${n}.com`,
    };
  }
  const [family, latin] = ARABIC_FAMILY[h % ARABIC_FAMILY.length];
  return {
    name: `شركة ${family} ${COMPANY_AR[n % COMPANY_AR.length]}`,
    domain: `${latin}-${n}.sa`,
  };
}

/** Person number g: what an agent would have typed, and its derived columns. */
export function personOf(g, companies, categories) {
  const h = mix(g);
  let name;
  let local;
  if (g % 997 === 0) {
    const [first, latin] = ARABIC_FIRST[h % ARABIC_FIRST.length];
    name = `${first} ${RARE_FAMILY[0]}`;
    local = `${latin}.${RARE_FAMILY[1]}`;
  } else if (g % 4 === 3) {
    const first = ENGLISH_FIRST[h % ENGLISH_FIRST.length];
    const family = ENGLISH_FAMILY[(h >>> 8) % ENGLISH_FAMILY.length];
    name = `${first} ${family}`;
    local = `${first}.${family}`
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f-]/g, '');
  } else {
    const [first, fl] = ARABIC_FIRST[h % ARABIC_FIRST.length];
    const [family, al] = ARABIC_FAMILY[(h >>> 8) % ARABIC_FAMILY.length];
    name = `${first} ${family}`;
    local = `${fl}.${al}`;
  }
  const emails = g % 10 === 1 ? [] : [`${local}${g}@${DOMAINS[(h >>> 4) % DOMAINS.length]}`];
  const phones = g % 7 === 2 ? [] : [phoneOf(g, h)];
  if (g % 50 === 5 && emails.length > 0) name = null; // known only by their address
  const company = (h >>> 12) % 10 < 6 ? 1 + ((h >>> 3) % companies) : 0;
  const category = (h >>> 16) % 10 < 7 ? 1 + ((h >>> 20) % categories) : 0;
  const companyName = company ? companyOf(company).name : null;
  return {
    name,
    emails,
    phones,
    company,
    category,
    customFields: fieldsOf(g, h),
    sortName: search.foldedSortName(name, emails),
    searchText: search.contactSearchText({ name, emails, phones, externalId: null, companyName }),
  };
}

/** Saudi, Egyptian and Emirati mobiles in E.164, three to one to one. */
function phoneOf(g, h) {
  switch (g % 5) {
    case 3:
      return `+201${'0125'[g % 4]}${pad(h % 1e8, 8)}`;
    case 4:
      return `+9715${'024568'[g % 6]}${pad(h % 1e7, 7)}`;
    default:
      return `+9665${pad(h % 1e8, 8)}`;
  }
}

/** Values as the field rules store them; most people have a few, not all ten. */
function fieldsOf(g, h) {
  const f = {};
  if (g % 5 !== 0) f.plan = PLANS[(h >>> 5) % PLANS.length];
  if (g % 3 === 0) f.seats = 1 + (h % 500);
  if (g % 4 === 1) f.renewal = `2027-${pad(1 + (h % 12), 2)}-${pad(1 + (h % 28), 2)}`;
  if (g % 6 === 2)
    f.interests = [INTERESTS[h % 5], INTERESTS[(h >>> 3) % 5]].filter(
      (v, i, a) => a.indexOf(v) === i,
    );
  if (g % 101 === 0) f.vip = true; // rare: the containment index answers it
  if (g % 2 === 0) f.city = CITIES[(h >>> 7) % CITIES.length];
  if (g % 8 === 3) f.revenue = (h % 1e6) / 100;
  if (g % 9 === 4) f.website = `https://shop-${g}.example.com`;
  if (g % 11 === 6) f.manager = `manager${h % 20}@sanad.example`;
  if (g % 13 === 7) f.about = 'عميل منذ سنوات، يفضل التواصل عبر البريد';
  return f;
}

/**
 * Seeds companies and people in batches: while PostgreSQL inserts one batch, the next one's
 * search text is computed. The non-unique indexes of contacts are dropped first and built once
 * at the end, as a bulk load would do; their definitions are read from the catalog, unchanged.
 */
export async function seedContacts(db, ws, { people, companies, categoryIds, batch = 20_000 }) {
  const started = Date.now();
  await db.query('SET synchronous_commit = off');
  await db.query(`SET maintenance_work_mem = '512MB'`);
  for (let from = 1; from <= companies; from += batch) {
    const to = Math.min(companies, from + batch - 1);
    const rows = [];
    for (let n = from; n <= to; n++) rows.push(companyOf(n));
    await db.query(
      `INSERT INTO companies (id, workspace_id, name, domains, sort_name, search_text, created_at)
       SELECT md5('co' || n)::uuid, $1, c.name, ARRAY[c.domain], c.sort, c.text, now() - (n || ' minutes')::interval
       FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[]) AS c(n, name, domain, sort, text)`,
      [
        ws,
        rows.map((_, i) => from + i),
        rows.map((c) => c.name),
        rows.map((c) => c.domain),
        rows.map((c) => search.foldedSortName(c.name, [])),
        rows.map((c) => search.contactSearchText({ name: c.name, emails: [c.domain], phones: [] })),
      ],
    );
  }
  const indexes = (
    await db.query(
      `SELECT i.indexname, i.indexdef FROM pg_indexes i
       JOIN pg_class c ON c.relname = i.indexname JOIN pg_index x ON x.indexrelid = c.oid
       WHERE i.tablename = 'contacts' AND NOT x.indisunique AND NOT x.indisprimary`,
    )
  ).rows;
  for (const { indexname } of indexes) await db.query(`DROP INDEX ${indexname}`);
  let pending = null;
  for (let from = 1; from <= people; from += batch) {
    const to = Math.min(people, from + batch - 1);
    const rows = [];
    for (let g = from; g <= to; g++) rows.push(personOf(g, companies, categoryIds.length));
    await pending;
    pending = db.query(
      `INSERT INTO contacts (id, workspace_id, name, emails, phones, company_id, company_link, category_id,
                             custom_fields, sort_name, search_text, created_at, last_seen_at)
       SELECT md5('p' || p.g)::uuid, $1, p.name,
              CASE WHEN p.email = '' THEN '{}' ELSE ARRAY[p.email] END,
              CASE WHEN p.phone = '' THEN '{}' ELSE ARRAY[p.phone] END,
              CASE WHEN p.company > 0 THEN md5('co' || p.company)::uuid END,
              CASE WHEN p.company > 0 THEN 'manual' END,
              ($2::uuid[])[NULLIF(p.category, 0)], p.fields::jsonb, p.sort, p.text,
              now() - (p.g || ' seconds')::interval,
              CASE WHEN p.g % 3 = 0 THEN now() - ((p.g % 86400) || ' minutes')::interval END
       FROM unnest($3::int[], $4::text[], $5::text[], $6::text[], $7::int[], $8::int[], $9::text[], $10::text[], $11::text[])
            AS p(g, name, email, phone, company, category, fields, sort, text)`,
      [
        ws,
        categoryIds,
        rows.map((_, i) => from + i),
        rows.map((p) => p.name),
        rows.map((p) => p.emails[0] ?? ''),
        rows.map((p) => p.phones[0] ?? ''),
        rows.map((p) => p.company),
        rows.map((p) => p.category),
        rows.map((p) => JSON.stringify(p.customFields)),
        rows.map((p) => p.sortName),
        rows.map((p) => p.searchText),
      ],
    );
    pending.then(() =>
      process.stdout.write(
        `\rseeded ${to.toLocaleString('en')} / ${people.toLocaleString('en')} people (${Math.round((Date.now() - started) / 1000)} s)`,
      ),
    );
  }
  await pending;
  const inserted = Date.now();
  for (const { indexdef } of indexes) await db.query(indexdef);
  await db.query('ANALYZE companies');
  await db.query('ANALYZE contacts');
  const done = Date.now();
  console.log(
    `\nseeding took ${Math.round((done - started) / 1000)} s (${companies.toLocaleString('en')} companies, rows ${Math.round((inserted - started) / 1000)} s, ${indexes.length} indexes ${Math.round((done - inserted) / 1000)} s)`,
  );
  return (done - started) / 1000;
}

/** Stored rows recomputed from their own columns: the seed wrote what the app would write. */
export async function checkSample(db, ws, size = 1000) {
  const rows = (
    await db.query(
      `SELECT c.name, c.emails, c.phones, c.external_id, c.sort_name, c.search_text, co.name AS company
       FROM contacts c LEFT JOIN companies co ON co.id = c.company_id
       WHERE c.workspace_id = $1 ORDER BY md5(c.id::text) LIMIT $2`,
      [ws, size],
    )
  ).rows;
  const wrong = rows.filter(
    (r) =>
      r.sort_name !== search.foldedSortName(r.name, r.emails) ||
      r.search_text !==
        search.contactSearchText({
          name: r.name,
          emails: r.emails,
          phones: r.phones,
          externalId: r.external_id,
          companyName: r.company,
        }),
  );
  return { checked: rows.length, wrong: wrong.length };
}
