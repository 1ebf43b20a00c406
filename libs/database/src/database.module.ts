import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from './data-source.factory';
import { TransactionRunner } from './transaction.runner';

/** Connects TypeORM; entities come from each lib's TypeOrmModule.forFeature (autoLoadEntities). */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(url: string): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [TypeOrmModule.forRoot({ ...dataSourceOptions(url), autoLoadEntities: true })],
      providers: [TransactionRunner],
      exports: [TransactionRunner],
    };
  }
}
