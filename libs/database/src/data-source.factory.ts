import type { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from 'typeorm-naming-strategies';
import { MIGRATIONS } from './migrations';
import { NulFreeClient } from './nul-free.client';

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
    extra: { max: 20, application_name: 'sanad', Client: NulFreeClient },
  };
}
