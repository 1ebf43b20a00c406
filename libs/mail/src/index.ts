export * from './mail.module';
export * from './mail.events';
export * from './mail.repository';
export * from './inbound-store.service';
export * from './email-headers.util';
export * from './html-sanitize.util';
export * from './inbound-emails.service';
export * from './inbound-email.processor';
