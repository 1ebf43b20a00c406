export * from './blob.storage';
export * from './disk.storage';
export * from './storage.module';
