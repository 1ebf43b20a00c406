export * from './test-database';
export * from './factories';
export * from './scratch-database';
export * from './schema-drift';
