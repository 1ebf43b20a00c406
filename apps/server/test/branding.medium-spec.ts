import type {
  BrandColoursPreviewView,
  BrandView,
  FirstRunChecklistView,
  MeView,
  PublicThemeView,
  WorkspaceView,
} from '@sanad/contracts';
import sharp from 'sharp';
import { DataSource } from 'typeorm';
import { crc32, deflateSync } from 'node:zlib';
import { addMember, createWorkspace, sharedTestApp, type TestWorkspace } from './test-app';

const app = sharedTestApp();

function sql<T = Array<Record<string, unknown>>>(text: string, params: unknown[] = []): Promise<T> {
  return app.running.app.get(DataSource).query<T>(text, params);
}

const png = (width: number, height: number, background = '#45B97C') =>
  sharp({ create: { width, height, channels: 4, background } })
    .png()
    .toBuffer();

/** A PNG whose header claims width×height but whose pixels are one tiny image (a bomb's shape). */
async function pngClaiming(width: number, height: number): Promise<Buffer> {
  const real = await png(8, 8);
  const ihdr = real.subarray(8, 8 + 25); // length, type, 13 bytes of data, crc
  const patched = Buffer.from(ihdr);
  patched.writeUInt32BE(width, 8);
  patched.writeUInt32BE(height, 12);
  patched.writeUInt32BE(crc32(patched.subarray(4, 21)) >>> 0, 21);
  return Buffer.concat([real.subarray(0, 8), patched, real.subarray(33)]);
}

/**
 * A real decompression bomb: a valid 1-bit PNG of width×height pixels, all black. Its rows are
 * zeros that deflate to almost nothing (20,000×20,000 is about 50 KB of file for 400 million
 * pixels, 1.6 GB once decoded to RGBA).
 */
function pngBomb(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 1; // bit depth
  header[9] = 0; // greyscale
  const rows = Buffer.alloc((1 + Math.ceil(width / 8)) * height); // filter byte 0 + the row
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('basic settings and the brand', () => {
  let ws: TestWorkspace;
  let workspaceId: string;

  beforeAll(async () => {
    ws = await createWorkspace(app.base);
    workspaceId = ws.me.workspace.id;
  });

  const brand = async () => (await ws.owner.get('/api/v1/workspace/brand')).body as BrandView;

  describe('basic settings', () => {
    it('starts Arabic-first: Riyadh time, Saturday weeks, Latin digits, Gregorian dates', () => {
      expect(ws.me.workspace).toMatchObject({
        defaultLanguage: 'ar',
        timeZone: 'Asia/Riyadh',
        weekStart: 'saturday',
        digits: 'latn',
        calendar: 'gregory',
        brand: { logo: null, icon: null, colours: { primary: '#1F7A5C', onPrimary: '#FFFFFF' } },
      });
      expect(ws.me.user.digits).toBeNull();
    });

    it('are changed by an admin, audited, announced, and seen by every member', async () => {
      const agent = await addMember(app.base, ws.owner, 'agent');
      const response = await ws.owner.patch('/api/v1/workspace', {
        name: '  شركة سند  ',
        timeZone: 'Europe/Berlin',
        weekStart: 'monday',
        digits: 'arab',
        calendar: 'gregory-hijri',
      });
      expect(response.status).toBe(200);
      expect(response.body as WorkspaceView).toMatchObject({
        name: 'شركة سند',
        timeZone: 'Europe/Berlin',
        weekStart: 'monday',
        digits: 'arab',
        calendar: 'gregory-hijri',
      });
      const seen = (await agent.session.get('/api/v1/me')).body as MeView;
      expect(seen.workspace).toMatchObject({ timeZone: 'Europe/Berlin', digits: 'arab' });

      const [audit] = await sql<
        Array<{ action: string; data: { changed: Record<string, unknown> } }>
      >(
        `SELECT action, data FROM audit_log WHERE workspace_id = $1 AND action = 'workspace.settings_changed'`,
        [workspaceId],
      );
      expect(audit.data.changed).toEqual({
        name: { from: ws.me.workspace.name, to: 'شركة سند' },
        timeZone: { from: 'Asia/Riyadh', to: 'Europe/Berlin' },
        weekStart: { from: 'saturday', to: 'monday' },
        digits: { from: 'latn', to: 'arab' },
        calendar: { from: 'gregory', to: 'gregory-hijri' },
      });
      const events = (await agent.session.get('/api/v1/events?after=0')).body as {
        events: Array<{ type: string; data: { changed: string[]; workspace: WorkspaceView } }>;
      };
      const updated = events.events.filter((e) => e.type === 'workspace.updated');
      expect(updated.at(-1)?.data.changed).toEqual([
        'name',
        'timeZone',
        'weekStart',
        'digits',
        'calendar',
      ]);
      expect(updated.at(-1)?.data.workspace.digits).toBe('arab');

      // The same values again change nothing: no audit entry, no event.
      await ws.owner.patch('/api/v1/workspace', { digits: 'arab' });
      const [{ count }] = await sql<Array<{ count: string }>>(
        `SELECT count(*) FROM audit_log WHERE workspace_id = $1 AND action = 'workspace.settings_changed'`,
        [workspaceId],
      );
      expect(count).toBe('1');

      // Agents read them but may not change them.
      expect((await agent.session.get('/api/v1/workspace')).status).toBe(200);
      expect((await agent.session.patch('/api/v1/workspace', { digits: 'latn' })).status).toBe(403);
      expect(
        (await agent.session.patch('/api/v1/workspace/brand', { colour: '#000' })).status,
      ).toBe(403);
      const upload = await agent.session.replaceFile(
        '/api/v1/workspace/brand/logo',
        'logo.png',
        await png(144, 42),
        'image/png',
      );
      expect(upload.status).toBe(403);
    });

    it.each([
      [{ timeZone: 'Mars/Olympus' }, 'timeZone', 'منطقة زمنية غير معروفة.'],
      [{ defaultLanguage: 'fr' }, 'defaultLanguage', 'القيمة غير مسموحة'],
      [{ digits: 'roman' }, 'digits', 'القيم المسموحة: latn, arab'],
      [{ weekStart: 'friday' }, 'weekStart', 'saturday, sunday, monday'],
      [{ calendar: 'hijri-only' }, 'calendar', 'القيمة غير مسموحة'],
      [{ name: '' }, 'name', 'هذا الحقل مطلوب.'],
    ])('refuses %j naming the field and the rule', async (body, field, message) => {
      const response = await ws.owner.patch('/api/v1/workspace', body);
      expect(response.status).toBe(400);
      const errors = response.body.errors as Array<{ field: string; message: string }>;
      expect(errors.find((e) => e.field === field)?.message).toContain(message);
    });

    it("lets each member choose their own digits, and go back to the workspace's", async () => {
      const chose = await ws.owner.patch('/api/v1/me', { digits: 'arab' });
      expect((chose.body as MeView).user.digits).toBe('arab');
      const back = await ws.owner.patch('/api/v1/me', { digits: null });
      expect((back.body as MeView).user.digits).toBeNull();
      expect((await ws.owner.patch('/api/v1/me', { digits: 'hindi' })).status).toBe(400);
    });
  });

  describe('the primary colour', () => {
    it('accepts 3- and 6-digit hex, derives readable colours, and previews without saving', async () => {
      const saved = await ws.owner.patch('/api/v1/workspace/brand', { colour: '#fe3' });
      expect(saved.status).toBe(200);
      expect((saved.body as BrandView).colour).toBe('#FFEE33');
      expect((saved.body as BrandView).colours).toMatchObject({
        onPrimary: '#1A1A1A',
        contrastOk: true,
      });

      const preview = await ws.owner.get('/api/v1/workspace/brand/colours?colour=%237F7F7F');
      expect(preview.status).toBe(200);
      expect((preview.body as BrandColoursPreviewView).colours.contrastOk).toBe(false);
      expect((preview.body as BrandColoursPreviewView).palette).toContain('#45B97C');
      expect((await brand()).colour).toBe('#FFEE33');
    });

    it.each(['45B97C', '#45B97', 'red', '#GGGGGG', ''])(
      'refuses %j naming the field',
      async (colour) => {
        ws.owner.language = 'en';
        const response = await ws.owner.patch('/api/v1/workspace/brand', { colour });
        ws.owner.language = 'ar';
        expect(response.status).toBe(400);
        expect(response.body.errors).toEqual(
          expect.arrayContaining([expect.objectContaining({ field: 'colour' })]),
        );
      },
    );
  });

  describe('the logo', () => {
    it('is stored re-encoded under its content hash and served for a year', async () => {
      const response = await ws.owner.replaceFile(
        '/api/v1/workspace/brand/logo',
        'شعار.jpg',
        await sharp({ create: { width: 144, height: 42, channels: 3, background: '#123456' } })
          .jpeg()
          .toBuffer(),
        'image/jpeg',
      );
      expect(response.status).toBe(200);
      const { logo } = response.body as BrandView;
      expect(logo).toMatchObject({ width: 144, height: 42 });
      expect(logo?.url).toMatch(/^\/api\/v1\/public\/brand\/[0-9a-f]{32}\.png$/);

      const served = await fetch(`${app.base}${logo?.url}`);
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).toBe('image/png');
      expect(served.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const metadata = await sharp(Buffer.from(await served.arrayBuffer())).metadata();
      expect(metadata).toMatchObject({ format: 'png', width: 144, height: 42 });
      expect((await fetch(`${app.base}/api/v1/public/brand/${'0'.repeat(32)}.png`)).status).toBe(
        404,
      );
      expect((await fetch(`${app.base}/api/v1/public/brand/..%2F..%2Fetc.png`)).status).toBe(404);
    });

    it.each([
      [
        'larger than 900×300 px',
        () => png(901, 100),
        'brand/logo_too_large_pixels',
        'الحد 900×300 بكسل، والمقترح 144×42',
        ['maxPixels', 'أبعاد الصورة 901×100 بكسل أكبر من المسموح (الحد 900×300 بكسل'],
      ],
      [
        'whose header claims 20,000×20,000 px',
        () => pngClaiming(20_000, 20_000),
        'brand/logo_too_large_pixels',
        '20000×20000',
        ['maxPixels', '20000×20000 بكسل أكبر من المسموح (الحد 900×300 بكسل'],
      ],
      [
        'a decompression bomb of 20,000×20,000 px',
        async () => pngBomb(20_000, 20_000),
        'brand/logo_too_large_pixels',
        '20000×20000',
        ['maxPixels', '20000×20000 بكسل أكبر من المسموح (الحد 900×300 بكسل'],
      ],
      [
        'HTML named .png',
        async () => Buffer.from('<html><script>alert(1)</script></html>'),
        'brand/image_type',
        'PNG',
        ['fileType', 'المسموح: PNG, JPEG, WebP, SVG'],
      ],
      [
        'empty',
        async () => Buffer.alloc(0),
        'brand/image_missing',
        'file',
        ['isNotEmpty', 'هذا الحقل مطلوب.'],
      ],
      [
        'an SVG with a script',
        async () =>
          Buffer.from(
            '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="30"><script>alert(1)</script></svg>',
          ),
        'brand/svg_unsafe',
        '<script>',
        ['svgUnsafe', 'ملف SVG يحتوي على <script>'],
      ],
      [
        'an SVG with an event handler',
        async () =>
          Buffer.from(
            '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="30" onload="alert(1)"><rect width="10" height="10"/></svg>',
          ),
        'brand/svg_unsafe',
        'on…',
        ['svgUnsafe', 'on…'],
      ],
      [
        'an SVG referencing a file',
        async () =>
          Buffer.from(
            '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="100" height="30"><image xlink:href="file:///etc/hostname" width="10" height="10"/></svg>',
          ),
        'brand/svg_unsafe',
        'file:///etc/hostname',
        ['svgUnsafe', 'file:///etc/hostname'],
      ],
      [
        'over 2 MB',
        async () => Buffer.alloc(2 * 1024 * 1024 + 1, 1),
        'brand/image_too_large',
        '2 MB',
        ['maxFileSize', 'حجم الملف أكبر من المسموح (الحد 2 MB).'],
      ],
    ])(
      'refuses a logo %s and keeps the brand as it was',
      async (_what, make, code, detail, rule) => {
        const before = await brand();
        const response = await ws.owner.replaceFile(
          '/api/v1/workspace/brand/logo',
          'logo.png',
          await make(),
          'image/png',
        );
        expect(response.status).toBe(400);
        expect(response.body.code).toBe(code);
        expect(response.body.detail ?? response.body.title).toContain(detail);
        // The field, the rule and the limit, in the user's language (Arabic here).
        expect(response.body.errors).toEqual([
          { field: 'file', code: rule[0], message: expect.stringContaining(rule[1]) },
        ]);
        expect(await brand()).toEqual(before);
      },
    );

    it('names the file field, the rule and the limit in English too', async () => {
      const me = (await ws.owner.get('/api/v1/me')).body as MeView;
      expect((await ws.owner.patch('/api/v1/me', { language: 'en' })).status).toBe(200);
      const tooWide = await ws.owner.replaceFile(
        '/api/v1/workspace/brand/logo',
        'logo.png',
        await png(901, 100),
        'image/png',
      );
      const tooHeavy = await ws.owner.replaceFile(
        '/api/v1/workspace/brand/logo',
        'logo.png',
        Buffer.alloc(2 * 1024 * 1024 + 1, 1),
        'image/png',
      );
      await ws.owner.patch('/api/v1/me', { language: me.user.language });
      expect(tooWide.body.code).toBe('brand/logo_too_large_pixels');
      expect(tooWide.body.errors).toEqual([
        {
          field: 'file',
          code: 'maxPixels',
          message:
            'The image is 901×100 px, larger than allowed (at most 900×300 px; 144×42 px recommended).',
        },
      ]);
      expect(tooHeavy.body.errors).toEqual([
        { field: 'file', code: 'maxFileSize', message: 'The file is too large (at most 2 MB).' },
      ]);
    });

    it('accepts a clean SVG, rasterised to PNG', async () => {
      const svg = Buffer.from(
        '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><defs><linearGradient id="g"><stop offset="0" stop-color="#1F7A5C"/></linearGradient></defs><rect width="120" height="40" fill="url(#g)"/></svg>',
      );
      const response = await ws.owner.replaceFile(
        '/api/v1/workspace/brand/logo',
        'logo.svg',
        svg,
        'image/svg+xml',
      );
      expect(response.status).toBe(200);
      const served = await fetch(`${app.base}${(response.body as BrandView).logo?.url}`);
      expect(served.headers.get('content-type')).toBe('image/png');
      expect((await sharp(Buffer.from(await served.arrayBuffer())).metadata()).format).toBe('png');
    });

    it('is removed on request', async () => {
      const removed = await ws.owner.delete('/api/v1/workspace/brand/logo');
      expect(removed.status).toBe(200);
      expect((removed.body as BrandView).logo).toBeNull();
    });
  });

  describe('the icon', () => {
    it('is square, at least 64 px, and generated in every favicon size', async () => {
      const nonSquare = await ws.owner.replaceFile(
        '/api/v1/workspace/brand/icon',
        'i.png',
        await png(128, 64),
        'image/png',
      );
      expect(nonSquare.status).toBe(400);
      expect(nonSquare.body.code).toBe('brand/icon_not_square');
      expect(nonSquare.body.detail).toContain('128×64');
      expect(nonSquare.body.errors).toEqual([
        {
          field: 'file',
          code: 'squareImage',
          message: 'يجب أن تكون الصورة مربعة (أبعادها الحالية 128×64 بكسل).',
        },
      ]);
      // A square bomb passes the square rule: its size alone refuses it, before any decoding.
      const bomb = pngBomb(20_000, 20_000);
      expect(bomb.length).toBeLessThan(200_000);
      expect(await sharp(bomb, { limitInputPixels: false }).metadata()).toMatchObject({
        format: 'png',
        width: 20_000,
        height: 20_000,
      });
      const startedAt = Date.now();
      const refused = await ws.owner.replaceFile(
        '/api/v1/workspace/brand/icon',
        'bomb.png',
        bomb,
        'image/png',
      );
      expect(refused.status).toBe(400);
      expect(refused.body.code).toBe('brand/icon_too_large_pixels');
      expect(refused.body.detail).toContain('20000×20000');
      expect(refused.body.errors).toEqual([
        {
          field: 'file',
          code: 'maxPixels',
          message: expect.stringContaining('(الحد 4096×4096 بكسل، والمقترح 512×512 بكسل)'),
        },
      ]);
      // Decoding 400 million pixels takes seconds and gigabytes; reading a header, no time.
      expect(Date.now() - startedAt).toBeLessThan(3_000);
      expect((await brand()).icon).toBeNull();
      const small = await ws.owner.replaceFile(
        '/api/v1/workspace/brand/icon',
        'i.png',
        await png(32, 32),
        'image/png',
      );
      expect(small.body.code).toBe('brand/icon_too_small');
      expect(small.body.errors).toEqual([
        {
          field: 'file',
          code: 'minPixels',
          message: 'الصورة أصغر من المسموح (32×32 بكسل؛ الحد الأدنى 64×64 بكسل).',
        },
      ]);

      const response = await ws.owner.replaceFile(
        '/api/v1/workspace/brand/icon',
        'i.webp',
        await sharp({ create: { width: 256, height: 256, channels: 4, background: '#BE185D' } })
          .webp()
          .toBuffer(),
        'image/webp',
      );
      expect(response.status).toBe(200);
      const urls: Record<string, string> = (response.body as BrandView).icon?.urls ?? {};
      expect(Object.keys(urls)).toEqual(['32', '180', '192', '512']);
      for (const [size, url] of Object.entries(urls)) {
        const served = await fetch(`${app.base}${url}`);
        const metadata = await sharp(Buffer.from(await served.arrayBuffer())).metadata();
        expect([metadata.width, metadata.height]).toEqual([Number(size), Number(size)]);
      }
    });
  });

  describe('every brand change', () => {
    it('is audited with what it was and what it became, and announced as workspace.updated', async () => {
      const fresh = await createWorkspace(app.base);
      const id = fresh.me.workspace.id;
      expect(
        (await fresh.owner.patch('/api/v1/workspace/brand', { colour: '#BE185D' })).status,
      ).toBe(200);
      const logo = await fresh.owner.replaceFile(
        '/api/v1/workspace/brand/logo',
        'logo.png',
        await png(144, 42),
        'image/png',
      );
      expect(logo.status).toBe(200);
      const icon = await fresh.owner.replaceFile(
        '/api/v1/workspace/brand/icon',
        'icon.png',
        await png(128, 128),
        'image/png',
      );
      expect(icon.status).toBe(200);
      expect((await fresh.owner.delete('/api/v1/workspace/brand/logo')).status).toBe(200);
      // A refused upload and a colour set to what it is change nothing: no entry, no event.
      await fresh.owner.replaceFile(
        '/api/v1/workspace/brand/icon',
        'i.png',
        await png(90, 60),
        'image/png',
      );
      await fresh.owner.patch('/api/v1/workspace/brand', { colour: '#be185d' });

      const audit = await sql<
        Array<{ action: string; actor: string; data: { changed: Record<string, unknown> } }>
      >(
        `SELECT action, actor_user_id AS actor, data FROM audit_log
          WHERE workspace_id = $1 AND target_type = 'workspace' ORDER BY created_at, id`,
        [id],
      );
      const logoUrl = (logo.body as BrandView).logo?.url;
      expect(audit.map((a) => [a.action, a.data.changed])).toEqual([
        ['workspace.brand_changed', { colour: { from: '#1F7A5C', to: '#BE185D' } }],
        ['workspace.brand_changed', { logo: { from: null, to: logoUrl } }],
        [
          'workspace.brand_changed',
          { icon: { from: null, to: (icon.body as BrandView).icon?.urls[32] } },
        ],
        ['workspace.brand_changed', { logo: { from: logoUrl, to: null } }],
      ]);
      expect(new Set(audit.map((a) => a.actor))).toEqual(new Set([fresh.me.user.id]));

      const events = (await fresh.owner.get('/api/v1/events?after=0')).body as {
        events: Array<{ type: string; data: { changed: string[]; workspace: WorkspaceView } }>;
      };
      const updated = events.events.filter((e) => e.type === 'workspace.updated');
      expect(updated.map((e) => e.data.changed)).toEqual([
        ['colour'],
        ['logo'],
        ['icon'],
        ['logo'],
      ]);
      expect(updated[0].data.workspace.brand.colours.primary).toBe('#BE185D');
      expect(updated.at(-1)?.data.workspace.brand.logo).toBeNull();
    });
  });

  describe('the public theme', () => {
    it('gives public pages the brand by slug, with an ETag', async () => {
      const url = `${app.base}/api/v1/public/workspaces/${ws.me.workspace.slug}/theme`;
      const response = await fetch(url);
      expect(response.status).toBe(200);
      const theme = (await response.json()) as PublicThemeView;
      const current = await brand();
      expect(theme).toEqual({
        name: 'شركة سند',
        slug: ws.me.workspace.slug,
        language: 'ar',
        colours: current.colours,
        logoUrl: null,
        iconUrls: current.icon?.urls,
      });
      const etag = response.headers.get('etag') as string;
      expect(response.headers.get('cache-control')).toContain('max-age=60');
      expect((await fetch(url, { headers: { 'if-none-match': etag } })).status).toBe(304);

      await ws.owner.patch('/api/v1/workspace/brand', { colour: '#0E7490' });
      const changed = await fetch(url, { headers: { 'if-none-match': etag } });
      expect(changed.status).toBe(200);
      expect(((await changed.json()) as PublicThemeView).colours.primary).toBe('#0E7490');
      expect(
        (await fetch(`${app.base}/api/v1/public/workspaces/no-such-workspace/theme`)).status,
      ).toBe(404);
    });

    it("never shows one workspace's brand in another's", async () => {
      const other = await createWorkspace(app.base);
      const theme = (await (
        await fetch(`${app.base}/api/v1/public/workspaces/${other.me.workspace.slug}/theme`)
      ).json()) as PublicThemeView;
      expect(theme).toMatchObject({
        logoUrl: null,
        iconUrls: null,
        colours: { primary: '#1F7A5C' },
      });
      expect(((await other.owner.get('/api/v1/me')).body as MeView).workspace.digits).toBe('latn');
    });
  });

  describe('the first-run guide', () => {
    it('ticks each step as it is done', async () => {
      const fresh = await createWorkspace(app.base);
      const steps = async () => {
        const view = (await fresh.owner.get('/api/v1/workspace/checklist'))
          .body as FirstRunChecklistView;
        return { done: Object.fromEntries(view.steps.map((s) => [s.key, s.done])), view };
      };
      const first = await steps();
      expect(first.done).toEqual({ email: false, brand: false, team: false, form: false });
      expect(first.view.inboundAddress).toMatch(/@/);
      expect(first.view.complete).toBe(false);

      await fresh.owner.patch('/api/v1/workspace/brand', { colour: '#2563EB' });
      await fresh.owner.post('/api/v1/invites', {
        email: `x-${Date.now()}@example.test`,
        role: 'agent',
      });
      expect((await steps()).done).toEqual({ email: false, brand: true, team: true, form: false });

      // A form ticks only once it is published (a draft is not yet something customers see).
      const form = (await fresh.owner.post('/api/v1/forms', { name: 'تواصل معنا' })).body as {
        id: string;
      };
      expect((await steps()).done.form).toBe(false);
      const published = await fresh.owner.post(`/api/v1/forms/${form.id}/publish`, {});
      expect(published.status).toBe(200);
      expect((await steps()).done.form).toBe(true);
      // Another workspace's form ticks nothing here.
      expect(
        ((await ws.owner.get('/api/v1/workspace/checklist')).body as FirstRunChecklistView).steps,
      ).toContainEqual({ key: 'form', done: false });
    });
  });
});
