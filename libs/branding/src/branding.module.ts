import { Module } from '@nestjs/common';
import { AccountsModule } from '@sanad/accounts';
import { ConversationsModule } from '@sanad/conversations';
import { FormsModule } from '@sanad/forms';
import { MailLibModule } from '@sanad/mail';
import { BrandService } from './brand/brand.service';
import { BrandingRepository } from './branding.repository';
import { FirstRunChecklistService } from './checklist/first-run-checklist.service';
import { BrandImagesService } from './images/brand-images.service';
import { PublicThemeService } from './theme/public-theme.service';

const SERVICES = [
  BrandingRepository,
  BrandService,
  BrandImagesService,
  PublicThemeService,
  FirstRunChecklistService,
];

/** The brand (colour, logo, icon), public themes and the first-run guide. */
@Module({
  imports: [AccountsModule, ConversationsModule, MailLibModule, FormsModule],
  providers: SERVICES,
  exports: SERVICES,
})
export class BrandingModule {}
