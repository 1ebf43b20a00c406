import { Test, type TestingModule } from '@nestjs/testing';
import type { DynamicModule, Provider, Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DatabaseModule, TransactionRunner } from '@sanad/database';
import { DataSource } from 'typeorm';
import { Seed } from './seed';
import { testDatabaseUrl } from './test-database';

export interface RepositoryHarness {
  get<T>(type: Type<T>): T;
  tx: TransactionRunner;
  seed: Seed;
  close(): Promise<void>;
}

/**
 * Repositories on the shared test database (migrated once per run by the global setup), with
 * a seeder for their rows: the medium spec of a repository needs nothing else.
 */
export async function repositoryHarness(
  providers: Provider[],
  options: { imports?: DynamicModule[]; entities?: Type[] } = {},
): Promise<RepositoryHarness> {
  const module: TestingModule = await Test.createTestingModule({
    imports: [
      DatabaseModule.forRoot(testDatabaseUrl()),
      ...(options.entities ? [TypeOrmModule.forFeature(options.entities)] : []),
      ...(options.imports ?? []),
    ],
    providers,
  }).compile();
  await module.init();
  return {
    get: <T>(type: Type<T>) => module.get(type),
    tx: module.get(TransactionRunner),
    seed: new Seed(module.get(DataSource)),
    close: () => module.close(),
  };
}
