import { Module } from '@nestjs/common';
import { AccountsModule } from '@sanad/accounts';
import { ContactsModule } from '@sanad/contacts';
import { ConversationsModule } from '@sanad/conversations';
import { FormReferences } from './forms/form-references';
import { FormsRepository } from './forms/forms.repository';
import { FormsService } from './forms/forms.service';

const SERVICES = [FormsRepository, FormReferences, FormsService];

/** Contact forms: drafts, published versions (submissions and public pages come next). */
@Module({
  imports: [AccountsModule, ContactsModule, ConversationsModule],
  providers: SERVICES,
  exports: SERVICES,
})
export class FormsModule {}
