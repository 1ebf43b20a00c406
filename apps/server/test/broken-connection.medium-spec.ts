import { DataSource } from 'typeorm';
import { sharedTestApp } from './test-app';

const app = sharedTestApp({ redis: false });

interface PooledClient {
  query(sql: string): Promise<unknown>;
  once(event: 'end', listener: () => void): void;
  release(error?: Error): void;
}

/**
 * PostgreSQL killed or restarted while a pooled connection is held between two statements (the
 * pool listens only to idle connections): its `error` event went unheard and ended the process,
 * which the embedded-PostgreSQL test caught now and then.
 */
describe('a held connection the database ends', () => {
  it('fails its next statement, not the process, and the pool goes on', async () => {
    const ds = app.running.app.get(DataSource);
    const pool = (ds.driver as unknown as { master: { connect(): Promise<PooledClient> } }).master;
    const client = await pool.connect();
    const [{ pid }] = (
      (await client.query('SELECT pg_backend_pid() AS pid')) as {
        rows: Array<{ pid: number }>;
      }
    ).rows;
    // Waits for the end, not the error: a listener here would hear the error for the client.
    const ended = new Promise<void>((resolve) => client.once('end', resolve));
    await ds.query('SELECT pg_terminate_backend($1)', [pid]);
    await ended;
    await expect(client.query('SELECT 1')).rejects.toThrow();
    client.release(new Error('broken'));
    await expect(ds.query('SELECT 1 AS ok')).resolves.toEqual([{ ok: 1 }]);
  });
});
