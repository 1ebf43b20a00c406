import { loadConfig } from '@sanad/config';
import { createServer, type Server } from 'node:net';
import pino from 'pino';
import { withFreePorts } from '../src/free-ports';

/** A second Sanad on the machine: the first one's default ports are taken. */
describe('ports at start', () => {
  let held: Server;
  let port: number;
  const warnings: string[] = [];
  const log = pino({ level: 'warn' }, { write: (line: string) => warnings.push(line) });

  beforeAll(async () => {
    held = createServer();
    await new Promise<void>((resolve) => held.listen(0, '0.0.0.0', resolve));
    port = (held.address() as { port: number }).port;
  });
  afterAll(() => held.close());

  it('a busy default port gives way to a free one, and the public URL follows it', async () => {
    const config = { ...loadConfig({ APP_SECRET: 'x'.repeat(40) }), port, smtpPort: port };
    const next = await withFreePorts(config, ['api', 'mail'], log);
    expect(next.port).not.toBe(port);
    expect(next.smtpPort).not.toBe(port);
    expect(next.publicUrl).toBe(`http://localhost:${next.port}`);
    expect(warnings.join('\n')).toContain(`port ${port} is in use`);
  });

  it('a port that was set is kept, and so is a PUBLIC_URL', async () => {
    const env = {
      APP_SECRET: 'x'.repeat(40),
      PORT: String(port),
      PUBLIC_URL: 'https://help.example.com',
    };
    const fixed = await withFreePorts(loadConfig(env), ['api'], log);
    expect(fixed.port).toBe(port);
    const url = await withFreePorts(
      { ...loadConfig({ ...env, PORT: undefined }), port },
      ['api'],
      log,
    );
    expect(url.publicUrl).toBe('https://help.example.com');
  });
});
