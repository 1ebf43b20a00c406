import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Touched by a running worker; the container health check reads its age. */
export const WORKER_HEARTBEAT_FILE = join(tmpdir(), 'sanad-worker-alive');
export const WORKER_HEARTBEAT_EVERY_MS = 15_000;
export const WORKER_HEARTBEAT_STALE_MS = 60_000;
