export * from './test-database';
export * from './factories';
export * from './scratch-database';
export * from './schema-drift';
export * from './builders';
export * from './seed';
export * from './repository-harness';
export * from './mocks';
