import type { AppConfig, Role } from '@sanad/config';
import { freePort, portFree } from '@sanad/database';
import type { Logger } from 'pino';

/**
 * The ports this process listens on. A default port (PORT or SMTP_PORT unset) that another
 * program holds — a second Sanad on the machine — gives way to a free one, said in the log, as
 * embedded PostgreSQL's does; a port that was set is used as set (a clash then fails the start).
 */
export async function withFreePorts(
  config: AppConfig,
  roles: readonly Role[],
  log: Logger,
): Promise<AppConfig> {
  let next = config;
  if (roles.includes('api') && !config.portFixed && !(await portFree(config.port, config.host))) {
    const port = await freePort();
    log.warn(
      `port ${config.port} is in use (another Sanad?): HTTP uses ${port}; set PORT to choose`,
    );
    next = {
      ...next,
      port,
      publicUrl: config.publicUrlFixed ? config.publicUrl : `http://localhost:${port}`,
    };
  }
  if (
    roles.includes('mail') &&
    !config.smtpPortFixed &&
    !(await portFree(config.smtpPort, config.host))
  ) {
    const smtpPort = await freePort();
    log.warn(
      `port ${config.smtpPort} is in use (another Sanad?): SMTP uses ${smtpPort}; set SMTP_PORT to choose`,
    );
    next = { ...next, smtpPort };
  }
  return next;
}
