import { DynamicModule, Module, type Type } from '@nestjs/common';
import { ApiModule } from '@sanad/app-api';
import { MailModule } from '@sanad/app-mail';
import { WorkerModule } from '@sanad/app-worker';
import { AuthModule } from '@sanad/auth';
import { ConfigModule, type AppConfig, type Role } from '@sanad/config';
import { ConversationsModule } from '@sanad/conversations';
import { DatabaseModule } from '@sanad/database';
import { FormsModule } from '@sanad/forms';
import { MailLibModule } from '@sanad/mail';
import { QueueModule } from '@sanad/queue';
import { RealtimeModule } from '@sanad/realtime';
import { ReportsModule } from '@sanad/reports';
import { SatisfactionModule } from '@sanad/satisfaction';
import { StorageModule } from '@sanad/storage';
import { WebhooksModule } from '@sanad/webhooks';

const ROLE_MODULES: Record<Role, Type> = { api: ApiModule, worker: WorkerModule, mail: MailModule };

/**
 * The one composition root: shared infrastructure, the domain libraries, and the module of each
 * role this process runs (SANAD_ROLES). The apps never import each other; only this does.
 */
@Module({})
export class ServerModule {
  static forRoot(config: AppConfig, databaseUrl: string, roles: Role[]): DynamicModule {
    return {
      module: ServerModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(databaseUrl),
        QueueModule.forRoot(config),
        RealtimeModule.forRoot(config),
        StorageModule.forRoot(config),
        AuthModule,
        ConversationsModule,
        MailLibModule,
        WebhooksModule,
        // Its event presenter and personal-data participant serve every role.
        FormsModule,
        // Its consumer keeps report facts; registered in every role, run by the worker.
        ReportsModule,
        // Its close consumer and rating presenter serve every role.
        SatisfactionModule,
        ...roles.map((role) => ROLE_MODULES[role]),
      ],
    };
  }
}
