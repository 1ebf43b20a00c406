export * from './auth.constants';
export * from './auth.module';
export * from './auth.service';
export * from './decorators';
export * from './login-rate-limiter';
export * from './request-credentials.util';
export * from './token-policy.util';
