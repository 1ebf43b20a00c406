import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@sanad/config';
import { openSecret } from '@sanad/core';
import { OutboundRepository } from './outbound.repository';

/**
 * SMTP passwords are sealed under APP_SECRET. A new APP_SECRET (one generated afresh on every
 * `docker compose up`) silently breaks them: say so at start, loudly and with what to do.
 */
@Injectable()
export class SealedSecretsCheck implements OnApplicationBootstrap {
  private readonly logger = new Logger('SealedSecrets');

  constructor(
    private readonly repo: OutboundRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const sealed = await this.repo.someSealedPassword().catch(() => null);
    if (sealed && openSecret(this.config.appSecret, sealed) === null)
      this.logger.error(
        'APP_SECRET does not open the SMTP passwords stored in the database: it changed since they were saved. ' +
          'Set APP_SECRET back to the value they were saved with (docker/.env keeps it), or enter the passwords again under Settings → Mailboxes → Email settings. ' +
          'CSRF tokens issued under the old secret no longer match either: agents log in again.',
      );
  }
}
