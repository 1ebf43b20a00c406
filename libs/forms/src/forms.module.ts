import { Module } from '@nestjs/common';
import { AccountsModule } from '@sanad/accounts';
import { ContactsModule } from '@sanad/contacts';
import { ConversationsModule } from '@sanad/conversations';
import { MailLibModule } from '@sanad/mail';
import { FormReferences } from './forms/form-references';
import { FormsRepository } from './forms/forms.repository';
import { FormsService } from './forms/forms.service';
import { ProofOfWork } from './spam/proof-of-work';
import { SubmissionRateLimiter } from './spam/submission-rate-limiter';
import { ContactSubmissionsParticipant } from './submissions/contact-submissions.participant';
import { FormIntakeService } from './submissions/form-intake.service';
import { SubmissionEffects } from './submissions/submission-effects.service';
import { SubmissionEventsPresenter } from './submissions/submission-events.presenter';
import { SubmissionFiles } from './submissions/submission-files';
import { SubmissionProcessor } from './submissions/submission-processor';
import { SubmissionsRepository } from './submissions/submissions.repository';
import { SubmissionsService } from './submissions/submissions.service';

const SERVICES = [
  FormsRepository,
  FormReferences,
  FormsService,
  SubmissionsRepository,
  SubmissionRateLimiter,
  ProofOfWork,
  SubmissionEffects,
  FormIntakeService,
  SubmissionsService,
  SubmissionFiles,
];

/**
 * Contact forms: drafts and published versions; submissions from the public side (checked,
 * spam held, rate limited) into people and conversations; the team's submissions list.
 */
@Module({
  imports: [AccountsModule, ContactsModule, ConversationsModule, MailLibModule],
  providers: [
    ...SERVICES,
    SubmissionProcessor,
    SubmissionEventsPresenter,
    ContactSubmissionsParticipant,
  ],
  exports: SERVICES,
})
export class FormsModule {}
