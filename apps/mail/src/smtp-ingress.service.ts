import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@sanad/config';
import { SMTPServer } from 'smtp-server';

/**
 * The SMTP listener on SMTP_PORT. Mailboxes and their inbound addresses do not exist yet, so
 * every recipient is refused with 550 and nothing is ever acknowledged that is not stored.
 */
@Injectable()
export class SmtpIngressService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SmtpIngress');
  private server: SMTPServer | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async onApplicationBootstrap(): Promise<void> {
    this.server = new SMTPServer({
      name: new URL(this.config.publicUrl).hostname,
      banner: 'Sanad ESMTP',
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      size: 25 * 1024 * 1024,
      socketTimeout: 60_000,
      onRcptTo: (address, _session, callback) => {
        const error = Object.assign(
          new Error(`5.1.1 <${address.address}>: no mailbox here accepts this address`),
          { responseCode: 550 },
        );
        callback(error);
      },
      onData: (stream, _session, callback) => {
        stream.resume();
        stream.on('end', () =>
          callback(Object.assign(new Error('5.5.1 no valid recipients'), { responseCode: 554 })),
        );
      },
    });
    this.server.on('error', (error) => this.logger.warn(`smtp: ${error.message}`));
    await new Promise<void>((resolve, reject) => {
      this.server?.once('error', reject);
      this.server?.listen(this.config.smtpPort, this.config.host, () => resolve());
    });
  }

  port(): number {
    const address = this.server?.server.address();
    return typeof address === 'object' && address ? address.port : this.config.smtpPort;
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.server) return;
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
    this.server = null;
  }
}
