import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '@sanad/accounts';
import { ContactSummariesCache } from './contact-summaries.cache';
import { ContactsRepository } from './contacts.repository';
import { ContactsService } from './contacts.service';
import { Company } from './entities/company.entity';
import { ContactActivity } from './entities/contact-activity.entity';
import { ContactCategory } from './entities/contact-category.entity';
import { ContactField } from './entities/contact-field.entity';
import { Contact } from './entities/contact.entity';
import { CompanyMergeRepository } from './merge/company-merge.repository';
import { CompanyMergeService } from './merge/company-merge.service';
import { ContactMergeParticipants } from './merge/contact-merge-participants';
import { DuplicatesRepository } from './merge/duplicates.repository';
import { DuplicatesService } from './merge/duplicates.service';
import { MergeViews } from './merge/merge-views';
import { PersonMergeRepository } from './merge/person-merge.repository';
import { PersonMergeService } from './merge/person-merge.service';

/** Merging people and companies, suggested duplicates. */
const MERGE = [
  PersonMergeService,
  CompanyMergeService,
  DuplicatesService,
  ContactMergeParticipants,
];

@Module({
  imports: [
    TypeOrmModule.forFeature([Contact, Company, ContactCategory, ContactField, ContactActivity]),
    AccountsModule,
  ],
  providers: [
    ContactsRepository,
    ContactsService,
    ContactSummariesCache,
    ...MERGE,
    PersonMergeRepository,
    CompanyMergeRepository,
    DuplicatesRepository,
    MergeViews,
  ],
  exports: [ContactsService, ...MERGE],
})
export class ContactsModule {}
