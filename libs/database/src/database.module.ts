import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source.factory';
import { runMigrations } from './migration.runner';
import { DATABASE_URL } from './database.tokens';
import { PgNotices } from './pg-notices';
import { Db, TransactionRunner } from './transaction.runner';

/** Applies pending migrations (once across concurrently starting processes). */
export class DatabaseMigrations {
  constructor(private readonly dataSource: DataSource) {}

  run(): Promise<string[]> {
    return runMigrations(this.dataSource);
  }
}

/** Connects TypeORM; entities come from each lib's TypeOrmModule.forFeature (autoLoadEntities). */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(url: string): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [TypeOrmModule.forRoot({ ...dataSourceOptions(url), autoLoadEntities: true })],
      providers: [
        TransactionRunner,
        Db,
        PgNotices,
        { provide: DATABASE_URL, useValue: url },
        {
          provide: DatabaseMigrations,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) => new DatabaseMigrations(dataSource),
        },
      ],
      exports: [TransactionRunner, Db, PgNotices, DATABASE_URL, DatabaseMigrations],
    };
  }
}
