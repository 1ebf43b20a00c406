import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source.factory';
import { runMigrations } from './migration.runner';
import { Db, TransactionRunner } from './transaction.runner';

/** The resolved database URL (embedded or configured), for connections outside TypeORM. */
export const DATABASE_URL = Symbol('DATABASE_URL');

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
        { provide: DATABASE_URL, useValue: url },
        {
          provide: DatabaseMigrations,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) => new DatabaseMigrations(dataSource),
        },
      ],
      exports: [TransactionRunner, Db, DATABASE_URL, DatabaseMigrations],
    };
  }
}
