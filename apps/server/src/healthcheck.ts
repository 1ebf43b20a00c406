// `node dist/apps/server/src/healthcheck.js`: the container health check of every role — api
// answers /health, mail greets with 220, the worker's relay has been alive lately.
import { statSync } from 'node:fs';
import { connect } from 'node:net';
import { loadConfig } from '@sanad/config';
import { WORKER_HEARTBEAT_FILE, WORKER_HEARTBEAT_STALE_MS } from '@sanad/core';

// The container's own environment, read the way the app reads it.
const config = loadConfig();

async function api(): Promise<boolean> {
  const response = await fetch(`http://127.0.0.1:${config.port}/health`, {
    signal: AbortSignal.timeout(2500),
  });
  return response.ok;
}

function mail(): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(config.smtpPort, '127.0.0.1');
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(2500, () => done(false));
    socket.once('data', (chunk: Buffer) => done(chunk.toString('latin1').startsWith('220')));
    socket.once('error', () => done(false));
  });
}

function worker(): boolean {
  try {
    return Date.now() - statSync(WORKER_HEARTBEAT_FILE).mtimeMs < WORKER_HEARTBEAT_STALE_MS;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const checks = await Promise.all(
    config.roles.map((role) =>
      (role === 'api' ? api() : role === 'mail' ? mail() : Promise.resolve(worker())).catch(
        () => false,
      ),
    ),
  );
  process.exit(checks.every(Boolean) ? 0 : 1);
}

void main();
