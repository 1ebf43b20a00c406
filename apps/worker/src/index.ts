export * from './worker.module';
export * from './housekeeping.service';
