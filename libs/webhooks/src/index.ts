export * from './webhooks.errors';
