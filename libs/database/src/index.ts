export * from './database.module';
export * from './data-source.factory';
export * from './embedded-postgres.launcher';
export * from './migration.runner';
export * from './transaction.runner';
export * from './migrations';
export * from './nul-free.client';
