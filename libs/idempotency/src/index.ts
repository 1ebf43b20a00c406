export * from './idempotency.constants';
export * from './idempotency.interceptor';
export * from './idempotency.module';
export * from './idempotent-requests.service';
export * from './idempotent.decorator';
export * from './request-fingerprint.util';
