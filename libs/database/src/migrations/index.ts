import { Initial1764000000000 } from './1764000000000-initial';
import { Conversations1764100000000 } from './1764100000000-conversations';
import { MailboxAccess1764200000000 } from './1764200000000-mailbox-access';
import { Email1764300000000 } from './1764300000000-email';
import { EmailOutbound1764400000000 } from './1764400000000-email-outbound';
import { OutboxDelivery1764500000000 } from './1764500000000-outbox-delivery';
import { EmailContentHash1764600000000 } from './1764600000000-email-content-hash';
import { ArabicSearch1764700000000 } from './1764700000000-arabic-search';
import { Contacts1764800000000 } from './1764800000000-contacts';
import { ContactMerge1764850000000 } from './1764850000000-contact-merge';
import { ContactImports1764900000000 } from './1764900000000-contact-imports';
import { Webhooks1765000000000 } from './1765000000000-webhooks';
import { ApiPolish1765100000000 } from './1765100000000-api-polish';
import { Branding1765200000000 } from './1765200000000-branding';
import { Forms1765300000000 } from './1765300000000-forms';
import { FormSubmissions1765400000000 } from './1765400000000-form-submissions';
import { ReportFacts1765600000000 } from './1765600000000-report-facts';
import { Satisfaction1765700000000 } from './1765700000000-satisfaction';
import { Nps1765800000000 } from './1765800000000-nps';
import { ReportPending1765900000000 } from './1765900000000-report-pending';
import { NpsClaims1766000000000 } from './1766000000000-nps-claims';
import { ReportFactDimensions1766100000000 } from './1766100000000-report-fact-dimensions';
import { OutboxConsumersDone1766200000000 } from './1766200000000-outbox-consumers-done';
import { ReportRollups1766300000000 } from './1766300000000-report-rollups';
import { ContactReportCounts1766400000000 } from './1766400000000-contact-report-counts';

/** Every migration, in order. New ones are appended here. */
export const MIGRATIONS = [
  Initial1764000000000,
  Conversations1764100000000,
  MailboxAccess1764200000000,
  Email1764300000000,
  EmailOutbound1764400000000,
  OutboxDelivery1764500000000,
  EmailContentHash1764600000000,
  ArabicSearch1764700000000,
  Contacts1764800000000,
  ContactMerge1764850000000,
  ContactImports1764900000000,
  Webhooks1765000000000,
  ApiPolish1765100000000,
  Branding1765200000000,
  Forms1765300000000,
  FormSubmissions1765400000000,
  ReportFacts1765600000000,
  Satisfaction1765700000000,
  Nps1765800000000,
  ReportPending1765900000000,
  NpsClaims1766000000000,
  ReportFactDimensions1766100000000,
  OutboxConsumersDone1766200000000,
  ReportRollups1766300000000,
  ContactReportCounts1766400000000,
];
