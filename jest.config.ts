import type { Config } from 'jest';

const swc: Config['transform'] = { '^.+\\.(t|j)s$': '@swc/jest' };
const moduleNameMapper = {
  '^@sanad/app-(.*)$': '<rootDir>/apps/$1/src',
  '^@sanad/(.*)$': '<rootDir>/libs/$1/src',
};
const common = {
  rootDir: '.',
  transform: swc,
  moduleNameMapper,
  testEnvironment: 'node',
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};

/**
 * unit: pure logic, no I/O. medium: real PostgreSQL (TEST_DATABASE_URL or embedded) and Redis
 * when REDIS_URL is set. e2e: built processes over HTTP, sockets and a real browser.
 */
const config: Config = {
  globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/global-teardown.ts',
  maxWorkers: 2,
  testTimeout: 60_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'medium',
      testMatch: ['<rootDir>/{apps,libs}/**/*.medium-spec.ts'],
      slowTestThreshold: 10,
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/{apps,libs,test}/**/*.e2e-spec.ts'],
      slowTestThreshold: 30,
    },
  ],
};

export default config;
