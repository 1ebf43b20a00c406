export * from './mail.module';
export * from './smtp-ingress.service';
