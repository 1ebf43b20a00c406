import { Module } from '@nestjs/common';
import { AccountsModule } from '@sanad/accounts';
import { ContactsModule } from '@sanad/contacts';
import { ConversationsModule } from '@sanad/conversations';
import { MailLibModule } from '@sanad/mail';
import { RatingEventsPresenter } from './ratings/rating-events.presenter';
import { RatingsRepository } from './ratings/ratings.repository';
import { RatingsService } from './ratings/ratings.service';
import { SatisfactionReportsRepository } from './reports/satisfaction-reports.repository';
import { SatisfactionReports } from './reports/satisfaction-reports.service';
import { RatingRequestSender } from './requests/rating-request.sender';
import { RatingRequestsConsumer } from './requests/rating-requests.consumer';
import { RatingRequestsRepository } from './requests/rating-requests.repository';
import { SatisfactionSettingsRepository } from './settings/satisfaction-settings.repository';
import { SatisfactionSettingsService } from './settings/satisfaction-settings.service';
import { ContactRatingsParticipant } from './ratings/contact-ratings.participant';
import { RatingsOfPersonRepository } from './ratings/ratings-of-person.repository';
import { NPS_PROVIDERS, NPS_SERVICES } from './nps/nps.providers';

const SERVICES = [
  SatisfactionSettingsService,
  RatingRequestsConsumer,
  RatingRequestSender,
  RatingRequestsRepository,
  RatingsService,
  SatisfactionReports,
];

/**
 * Satisfaction (التقييم): per-workspace settings, a rating request per conversation close sent by
 * email after the delay, the public rating page's ratings attributed to the conversation, their
 * events, and the queries reports make of them. NPS surveys (nps/): a segment of people asked
 * 0–10 by email at the workspace's pace, their answers on the public page, the score over time.
 */
@Module({
  imports: [AccountsModule, ContactsModule, ConversationsModule, MailLibModule],
  providers: [
    ...SERVICES,
    SatisfactionSettingsRepository,
    RatingsRepository,
    SatisfactionReportsRepository,
    RatingEventsPresenter,
    RatingsOfPersonRepository,
    ContactRatingsParticipant,
    ...NPS_PROVIDERS,
  ],
  exports: [...SERVICES, ...NPS_SERVICES],
})
export class SatisfactionModule {}
