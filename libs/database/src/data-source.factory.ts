import type { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from 'typeorm-naming-strategies';
import { MIGRATIONS } from './migrations';
import { NulFreeClient } from './nul-free.client';

/**
 * Sanad's statements are short; PostgreSQL's JIT compiles any whose estimate is large, and a
 * report's (its buckets joined to three aggregates) spent 390 ms of 430 compiling. Off.
 */
export const NO_JIT = '-c jit=off';

/**
 * The one place TypeORM connection options are built, for the app, tests and the CLI.
 * Migrations are explicit classes; `synchronize` is never on.
 */
export function dataSourceOptions(
  url: string,
  entities: DataSourceOptions['entities'] = [],
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    // NulFreeClient: no NUL reaches PostgreSQL from any statement of any library.
    extra: { max: 20, application_name: 'sanad', Client: NulFreeClient, options: NO_JIT },
  };
}
