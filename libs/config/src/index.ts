export * from './config.schema';
export * from './config.loader';
export * from './app-config';
export * from './config.module';
