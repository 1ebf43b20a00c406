import { Module } from '@nestjs/common';
import { SmtpIngressService } from './smtp-ingress.service';

@Module({ providers: [SmtpIngressService], exports: [SmtpIngressService] })
export class MailModule {}
