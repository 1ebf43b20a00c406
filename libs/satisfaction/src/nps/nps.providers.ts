import { NpsEventsPresenter } from './responses/nps-events.presenter';
import { NpsAnswersService } from './responses/nps-answers.service';
import { NpsResponsesRepository } from './responses/nps-responses.repository';
import { NpsResponsesService } from './responses/nps-responses.service';
import { NpsReportsRepository } from './reports/nps-reports.repository';
import { NpsReports } from './reports/nps-reports.service';
import { NpsRecipientsRepository } from './sending/nps-recipients.repository';
import { NpsSurveySender } from './sending/nps-survey.sender';
import { NpsSettingsRepository } from './settings/nps-settings.repository';
import { NpsSettingsService } from './settings/nps-settings.service';
import { NpsSegmentService } from './surveys/nps-segment.service';
import { NpsSurveysRepository } from './surveys/nps-surveys.repository';
import { NpsSurveysService } from './surveys/nps-surveys.service';
import { ContactNpsParticipant } from './privacy/contact-nps.participant';
import { NpsOfPersonRepository } from './privacy/nps-of-person.repository';

/** What the rest of Sanad uses of NPS (the API's controllers, the worker, reports). */
export const NPS_SERVICES = [
  NpsSettingsService,
  NpsSegmentService,
  NpsSurveysService,
  NpsSurveySender,
  NpsAnswersService,
  NpsResponsesService,
  NpsReports,
];

/** NPS's own parts: its repositories, the event presenter, the contacts-privacy participant. */
export const NPS_PROVIDERS = [
  ...NPS_SERVICES,
  NpsSettingsRepository,
  NpsSurveysRepository,
  NpsRecipientsRepository,
  NpsResponsesRepository,
  NpsReportsRepository,
  NpsEventsPresenter,
  NpsOfPersonRepository,
  ContactNpsParticipant,
];
