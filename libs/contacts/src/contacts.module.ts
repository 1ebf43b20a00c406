import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContactSummariesCache } from './contact-summaries.cache';
import { ContactsRepository } from './contacts.repository';
import { ContactsService } from './contacts.service';
import { Company } from './entities/company.entity';
import { ContactActivity } from './entities/contact-activity.entity';
import { ContactCategory } from './entities/contact-category.entity';
import { ContactField } from './entities/contact-field.entity';
import { Contact } from './entities/contact.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Contact, Company, ContactCategory, ContactField, ContactActivity])],
  providers: [ContactsRepository, ContactsService, ContactSummariesCache],
  exports: [ContactsService],
})
export class ContactsModule {}
