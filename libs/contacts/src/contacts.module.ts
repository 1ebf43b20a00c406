import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '@sanad/accounts';
import { CategoriesRepository } from './categories/categories.repository';
import { CategoriesService } from './categories/categories.service';
import { CompaniesRepository } from './companies/companies.repository';
import { CompaniesService } from './companies/companies.service';
import { ContactEventsPresenter } from './contact-events.presenter';
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
import { PersonMergeRepository } from './merge/person-merge.repository';
import { PersonMergeService } from './merge/person-merge.service';

/** Merging people and companies, suggested duplicates. */
const MERGE = [
  PersonMergeService,
  CompanyMergeService,
  DuplicatesService,
  ContactMergeParticipants,
];
import { ContactDataParticipants } from './privacy/contact-data-participants';
import { PersonalDataService } from './privacy/personal-data.service';
import { PrivacyRepository } from './privacy/privacy.repository';
import { ExportRepository } from './export/export.repository';
import { ContactExportService } from './export/contact-export.service';
import { ContactFieldsService } from './fields/contact-fields.service';
import { FieldsRepository } from './fields/fields.repository';
import { ContactActivities } from './people/contact-activities';
import { ContactIdempotencyRepository } from './people/idempotency.repository';
import { PeopleFilters } from './people/people-filters';
import { PeopleRepository } from './people/people.repository';
import { PeopleService } from './people/people.service';
import { PersonViews } from './people/person-views';
import { WorkspaceRegion } from './workspace-region';
import { ContactImportRunner } from './import/contact-import.runner';
import { ContactImportViews } from './import/contact-import-views';
import { ContactImportsRepository } from './import/contact-imports.repository';
import { ContactImportsService } from './import/contact-imports.service';
import { ImportBatchPlanner } from './import/import-batch.planner';
import { ImportBatchRepository } from './import/import-batch.repository';
import { ImportBatchWriter } from './import/import-batch.writer';
import { ContactCountsRepository } from './reporting/contact-counts.repository';

/** CSV imports of people: the wizard's service, its job and their repositories. */
const IMPORT = [
  ContactImportsService,
  ContactImportRunner,
  ContactImportViews,
  ContactImportsRepository,
  ImportBatchRepository,
  ImportBatchPlanner,
  ImportBatchWriter,
];

@Module({
  imports: [
    TypeOrmModule.forFeature([Contact, Company, ContactCategory, ContactField, ContactActivity]),
    AccountsModule,
  ],
  providers: [
    ...IMPORT,
    ContactsRepository,
    ContactsService,
    ContactSummariesCache,
    ...MERGE,
    PersonMergeRepository,
    CompanyMergeRepository,
    DuplicatesRepository,
    WorkspaceRegion,
    PeopleRepository,
    PeopleService,
    PeopleFilters,
    PersonViews,
    ContactActivities,
    ContactIdempotencyRepository,
    CompaniesRepository,
    CompaniesService,
    CategoriesRepository,
    CategoriesService,
    FieldsRepository,
    ContactFieldsService,
    ContactEventsPresenter,
    ExportRepository,
    ContactExportService,
    ContactDataParticipants,
    PrivacyRepository,
    PersonalDataService,
    ContactCountsRepository,
  ],
  exports: [
    ContactCountsRepository,
    ContactImportsService,
    ContactImportRunner,
    ContactDataParticipants,
    PersonalDataService,
    ContactExportService,
    ...MERGE,
    ContactsService,
    PeopleService,
    PersonViews,
    CompaniesService,
    CategoriesService,
    ContactFieldsService,
    ContactActivities,
    WorkspaceRegion,
  ],
})
export class ContactsModule {}
