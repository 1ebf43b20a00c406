import { Module } from '@nestjs/common';
import { AuthModule } from '@sanad/auth';
import { BrandingModule } from '@sanad/branding';
import { FormsModule } from '@sanad/forms';
import { SatisfactionModule } from '@sanad/satisfaction';
import { ContactsModule } from '@sanad/contacts';
import { ConversationsModule } from '@sanad/conversations';
import { IdempotencyModule } from '@sanad/idempotency';
import { MailLibModule } from '@sanad/mail';
import { ReportsModule } from '@sanad/reports';
import { WebhooksModule } from '@sanad/webhooks';
import { ApiTokensController } from './controllers/api-tokens.controller';
import { AttachmentsController } from './controllers/attachments.controller';
import { AuthController } from './controllers/auth.controller';
import { BlockedSendersController } from './controllers/blocked-senders.controller';
import { ContactExportController } from './controllers/contact-export.controller';
import { ContactImportsController } from './controllers/contact-imports.controller';
import { ContactMergeController } from './controllers/contact-merge.controller';
import { CompaniesController } from './controllers/companies.controller';
import { ContactCategoriesController } from './controllers/contact-categories.controller';
import { ContactFieldsController } from './controllers/contact-fields.controller';
import { ConversationsController } from './controllers/conversations.controller';
import { EmailMessagesController } from './controllers/email-messages.controller';
import { EventsController } from './controllers/events.controller';
import { FormsController } from './controllers/forms.controller';
import { FormSubmissionsController } from './controllers/form-submissions.controller';
import { PublicFormsController } from './controllers/public-forms.controller';
import { HostedFormController } from './controllers/hosted-form.controller';
import { HealthController } from './controllers/health.controller';
import { InboundEmailsController } from './controllers/inbound-emails.controller';
import { IndexController } from './controllers/index.controller';
import { InvitesController } from './controllers/invites.controller';
import { MailboxEmailController } from './controllers/mailbox-email.controller';
import { MailboxesController } from './controllers/mailboxes.controller';
import { MeController } from './controllers/me.controller';
import { MembersController } from './controllers/members.controller';
import { PeopleController } from './controllers/people.controller';
import { PublicBrandController } from './controllers/public-brand.controller';
import { ReportsController } from './controllers/reports.controller';
import { SavedRepliesController } from './controllers/saved-replies.controller';
import { TagsController } from './controllers/tags.controller';
import { TeamsController } from './controllers/teams.controller';
import { WebhookDeliveriesController } from './controllers/webhook-deliveries.controller';
import { WebhooksController } from './controllers/webhooks.controller';
import { WorkspaceController } from './controllers/workspace.controller';
import { RatingPageController } from './controllers/rating-page.controller';
import { NpsController } from './controllers/nps.controller';
import { NpsPageController } from './controllers/nps-page.controller';
import { SatisfactionSettingsController } from './controllers/satisfaction-settings.controller';
import { SessionCookies } from './http/session-cookies';
import { AgentsGateway } from './realtime/agents.gateway';

/** The api role: REST controllers under /api/v1 and the agents' socket gateway. */
@Module({
  imports: [
    AuthModule,
    ConversationsModule,
    ContactsModule,
    MailLibModule,
    WebhooksModule,
    IdempotencyModule,
    BrandingModule,
    FormsModule,
    ReportsModule,
    SatisfactionModule,
  ],
  controllers: [
    ReportsController,
    AuthController,
    MeController,
    WorkspaceController,
    FormsController,
    FormSubmissionsController,
    PublicFormsController,
    HostedFormController,
    RatingPageController,
    NpsController,
    NpsPageController,
    SatisfactionSettingsController,
    MembersController,
    InvitesController,
    ApiTokensController,
    WebhooksController,
    WebhookDeliveriesController,
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
    // Before the people's controller: /people/duplicates and /people/export.csv are not /people/:id.
    ContactImportsController,
    ContactMergeController,
    ContactExportController,
    PeopleController,
    CompaniesController,
    ContactCategoriesController,
    ContactFieldsController,
    PublicBrandController,
    HealthController,
    IndexController,
  ],
  providers: [SessionCookies, AgentsGateway],
})
export class ApiModule {}
