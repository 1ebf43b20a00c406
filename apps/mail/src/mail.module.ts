import { Module } from '@nestjs/common';
import { MailLibModule } from '@sanad/mail';
import { SmtpIngressService } from './smtp-ingress.service';

@Module({
  imports: [MailLibModule],
  providers: [SmtpIngressService],
  exports: [SmtpIngressService],
})
export class MailModule {}
