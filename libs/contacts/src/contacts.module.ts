import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContactSummariesCache } from './contact-summaries.cache';
import { ContactsRepository } from './contacts.repository';
import { ContactsService } from './contacts.service';
import { Contact } from './entities/contact.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Contact])],
  providers: [ContactsRepository, ContactsService, ContactSummariesCache],
  exports: [ContactsService],
})
export class ContactsModule {}
