import { DynamicModule, Module, type Provider, type Type } from '@nestjs/common';
import { AuthModule } from '@sanad/auth';
import { ConfigModule, type AppConfig, type Role } from '@sanad/config';
import { ConversationsModule } from '@sanad/conversations';
import { DatabaseModule } from '@sanad/database';
import { MailLibModule } from '@sanad/mail';
import { QueueModule } from '@sanad/queue';
import { RealtimeModule } from '@sanad/realtime';
import { StorageModule } from '@sanad/storage';
import { MailModule } from '../../mail/src/mail.module';
import { WorkerModule } from '../../worker/src/worker.module';
import { DATABASE_URL } from '../../worker/src/worker.tokens';
import { ApiTokensController } from './controllers/api-tokens.controller';
import { AttachmentsController } from './controllers/attachments.controller';
import { AuthController } from './controllers/auth.controller';
import { BlockedSendersController } from './controllers/blocked-senders.controller';
import { ConversationsController } from './controllers/conversations.controller';
import { EmailMessagesController } from './controllers/email-messages.controller';
import { EventsController } from './controllers/events.controller';
import { HealthController } from './controllers/health.controller';
import { InboundEmailsController } from './controllers/inbound-emails.controller';
import { InvitesController } from './controllers/invites.controller';
import { MailboxEmailController } from './controllers/mailbox-email.controller';
import { MailboxesController } from './controllers/mailboxes.controller';
import { MeController } from './controllers/me.controller';
import { MembersController } from './controllers/members.controller';
import { SavedRepliesController } from './controllers/saved-replies.controller';
import { TagsController } from './controllers/tags.controller';
import { TeamsController } from './controllers/teams.controller';
import { SessionCookies } from './http/session-cookies';
import { AgentsGateway } from './realtime/agents.gateway';

const CONTROLLERS = [
  AuthController,
  MeController,
  MembersController,
  InvitesController,
  ApiTokensController,
  MailboxesController,
  MailboxEmailController,
  ConversationsController,
  EmailMessagesController,
  BlockedSendersController,
  AttachmentsController,
  InboundEmailsController,
  EventsController,
  SavedRepliesController,
  TagsController,
  TeamsController,
  HealthController,
];

/** Composition root: shared infrastructure plus the modules of the roles this process runs. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string, roles: Role[]): DynamicModule {
    const imports: Array<Type | DynamicModule> = [
      ConfigModule.forRoot(config),
      DatabaseModule.forRoot(databaseUrl),
      QueueModule.forRoot(config),
      RealtimeModule.forRoot(config),
      StorageModule.forRoot(config),
      AuthModule,
      ConversationsModule,
      MailLibModule,
    ];
    if (roles.includes('worker')) imports.push(WorkerModule);
    if (roles.includes('mail')) imports.push(MailModule);
    const providers: Provider[] = [{ provide: DATABASE_URL, useValue: databaseUrl }];
    const api = roles.includes('api');
    if (api) providers.push(SessionCookies, AgentsGateway);
    return {
      module: AppModule,
      global: true,
      imports,
      controllers: api ? CONTROLLERS : [],
      providers,
      exports: [DATABASE_URL],
    };
  }
}
