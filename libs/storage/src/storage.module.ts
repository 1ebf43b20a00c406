import { DynamicModule, Global, Module } from '@nestjs/common';
import type { AppConfig } from '@sanad/config';
import { join } from 'node:path';
import { BlobStorage } from './blob.storage';
import { DiskStorage } from './disk.storage';

@Global()
@Module({})
export class StorageModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: StorageModule,
      providers: [
        { provide: BlobStorage, useValue: new DiskStorage(join(config.dataDir, 'files')) },
      ],
      exports: [BlobStorage],
    };
  }
}
