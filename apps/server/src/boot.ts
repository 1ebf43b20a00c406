import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { WorkspaceSetupService } from '@sanad/accounts';
import { ConfigError, loadConfig, type AppConfig, type Role } from '@sanad/config';
import { configureHttp } from '@sanad/app-api';
import { SmtpIngressService } from '@sanad/app-mail';
import {
  DatabaseMigrations,
  EmbeddedPostgresError,
  startEmbeddedPostgres,
  type EmbeddedPostgresHandle,
} from '@sanad/database';
import type { Logger } from 'pino';
import { withFreePorts } from './free-ports';
import { PinoNestLogger, createRootLogger } from './logger';
import { ServerModule } from './server.module';

export interface Running {
  app: INestApplication;
  config: AppConfig;
  databaseUrl: string;
  httpUrl: string | null;
  smtpPort: number | null;
  close(): Promise<void>;
}

export interface StartOptions {
  roles?: Role[];
  env?: Record<string, string | undefined>;
  /** Already-resolved database URL (tests share one database). */
  databaseUrl?: string;
}

/** Starts the roles of one process: database (embedded if needed), migrations, then the app. */
export async function start(options: StartOptions = {}): Promise<Running> {
  const loaded = loadConfig(options.env);
  const roles = options.roles ?? loaded.roles;
  const log = createRootLogger(loaded.logLevel);
  const config = await withFreePorts(loaded, roles, log);
  let embedded: EmbeddedPostgresHandle | null = null;
  let databaseUrl = options.databaseUrl ?? config.databaseUrl;
  if (!databaseUrl) {
    log.info(
      { dataDir: config.dataDir, port: config.embeddedPgPort },
      'starting embedded PostgreSQL',
    );
    embedded = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      port: config.embeddedPgPort,
      portFixed: config.embeddedPgPortFixed,
      database: 'sanad',
      log: (line, level) =>
        level === 'warn'
          ? log.warn({ context: 'postgres' }, line)
          : log.debug({ context: 'postgres' }, line),
    });
    databaseUrl = embedded.url;
  }
  try {
    const app = await NestFactory.create(ServerModule.forRoot(config, databaseUrl, roles), {
      logger: new PinoNestLogger(log),
      bodyParser: false,
      abortOnError: false,
    });
    const applied = await app.get(DatabaseMigrations).run();
    if (applied.length > 0) log.info({ migrations: applied }, 'applied migrations');
    if (roles.includes('api')) configureHttp(app, config);
    await app.init();
    await app.get(WorkspaceSetupService).bootstrapFromConfig();
    let httpUrl: string | null = null;
    if (roles.includes('api')) {
      await app.listen(config.port, config.host);
      const address = (
        app.getHttpServer() as import('node:http').Server
      ).address() as import('node:net').AddressInfo;
      httpUrl = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${address.port}`;
    }
    const smtpPort = roles.includes('mail') ? app.get(SmtpIngressService).port() : null;
    describe(log, config, roles, embedded ? 'embedded' : 'external', httpUrl, smtpPort);
    if (roles.length < 3 && !config.redisUrl) {
      log.warn(
        'this process runs only some roles but REDIS_URL is not set: jobs and socket events stay inside this process',
      );
    }
    return {
      app,
      config,
      databaseUrl,
      httpUrl,
      smtpPort,
      close: async () => {
        await app.close();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

/** What went wrong at start and what to do, for a person reading the terminal. */
export function startupFailure(error: unknown): string {
  const hint =
    error instanceof EmbeddedPostgresError
      ? error.hint
      : /ECONNREFUSED|ENOTFOUND|password authentication|does not exist/.test(String(error))
        ? 'check DATABASE_URL (is PostgreSQL running and reachable, are the credentials right?)'
        : /EADDRINUSE/.test(String(error))
          ? 'another process uses that port: set PORT or SMTP_PORT to a free one'
          : null;
  const cause =
    error instanceof Error
      ? error instanceof EmbeddedPostgresError
        ? error.message
        : (error.stack ?? error.message)
      : error === undefined
        ? 'no reason given'
        : JSON.stringify(error);
  return `Sanad failed to start: ${cause}\n${hint ? `What to do: ${hint}\n` : ''}`;
}

function describe(
  log: Logger,
  config: AppConfig,
  roles: Role[],
  database: string,
  httpUrl: string | null,
  smtpPort: number | null,
): void {
  log.info(
    {
      roles,
      database:
        database === 'embedded' ? `embedded PostgreSQL in ${config.dataDir}` : 'DATABASE_URL',
      queue: config.redisUrl ? 'Bull on REDIS_URL' : 'in-process',
      web: httpUrl ? config.publicUrl : null,
      api: httpUrl ? `${config.publicUrl}/api/v1` : null,
      docs: httpUrl ? `${config.publicUrl}/api/docs` : null,
      smtp: smtpPort ? `${config.host}:${smtpPort}` : null,
    },
    `Sanad is running (${roles.join(', ')})`,
  );
}

/** Process entry: start, and stop everything (embedded PostgreSQL included) on SIGINT/SIGTERM. */
export async function boot(roles?: Role[]): Promise<void> {
  let running: Running;
  try {
    running = await start({ roles });
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    process.stderr.write(startupFailure(error));
    process.exit(1);
  }
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(
      `${JSON.stringify({ level: 30, time: new Date().toISOString(), msg: `received ${signal}, shutting down` })}\n`,
    );
    running
      .close()
      .then(() => process.exit(0))
      .catch((error: Error) => {
        process.stderr.write(`shutdown failed: ${error.message}\n`);
        process.exit(1);
      });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}
