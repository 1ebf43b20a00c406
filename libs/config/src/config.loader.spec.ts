import { ConfigError, parseEnv, loadConfig } from './config.loader';

describe('configuration', () => {
  it('applies defaults', () => {
    const config = loadConfig({ APP_SECRET: 's'.repeat(32), DATA_DIR: '/tmp/sanad-config-test' });
    expect(config).toMatchObject({
      port: 3000,
      smtpPort: 2525,
      databaseUrl: null,
      redisUrl: null,
      allowSignup: false,
      roles: ['api', 'worker', 'mail'],
      publicUrl: 'http://localhost:3000',
      // A workspace and owner created from the environment are named in Arabic unless told.
      workspaceName: 'سند',
      adminName: 'المسؤول',
    });
  });

  it('lists every problem at once', () => {
    let error: unknown;
    try {
      parseEnv({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        SANAD_ALLOW_SIGNUP: 'maybe',
        SANAD_ROLES: 'api,web',
        NODE_ENV: 'production',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of [
      'PORT',
      'DATABASE_URL',
      'SANAD_ALLOW_SIGNUP',
      'SANAD_ROLES',
      'APP_SECRET is required when NODE_ENV=production',
    ]) {
      expect(problems).toContain(name);
    }
  });

  it.each([
    [{ SANAD_ADMIN_EMAIL: 'a@b.co' }, 'must be set together'],
    [
      { SANAD_ADMIN_EMAIL: 'not-email', SANAD_ADMIN_PASSWORD: 'long-enough-password' },
      'SANAD_ADMIN_EMAIL must be an email',
    ],
    [
      { SANAD_ADMIN_EMAIL: 'a@b.co', SANAD_ADMIN_PASSWORD: 'short' },
      'SANAD_ADMIN_PASSWORD must be at least 10',
    ],
    [{ APP_SECRET: 'short' }, 'APP_SECRET must be at least 32'],
    [{ REDIS_URL: 'http://x' }, 'REDIS_URL must be a redis: or rediss: URL'],
  ])('rejects %j', (env, message) => {
    expect(() => parseEnv(env)).toThrow(message);
  });

  it('parses booleans, numbers and role lists', () => {
    const values = parseEnv({
      SANAD_ALLOW_SIGNUP: 'yes',
      PORT: '8080',
      SANAD_ROLES: 'worker, mail',
    });
    expect(values).toMatchObject({
      SANAD_ALLOW_SIGNUP: true,
      PORT: 8080,
      SANAD_ROLES: ['worker', 'mail'],
    });
  });

  it('keeps a generated secret in DATA_DIR across loads', () => {
    const dir = `/tmp/sanad-config-test-${process.pid}`;
    const first = loadConfig({ DATA_DIR: dir }).appSecret;
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(loadConfig({ DATA_DIR: dir }).appSecret).toBe(first);
  });
});
