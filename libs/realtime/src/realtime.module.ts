import { DynamicModule, Global, Module } from '@nestjs/common';
import type { AppConfig } from '@sanad/config';
import { LocalEmitter } from './local.emitter';
import { RealtimeBroadcastConsumer } from './realtime-broadcast.consumer';
import { RealtimeEmitter } from './realtime.emitter';
import { RedisEmitter } from './redis.emitter';

@Global()
@Module({})
export class RealtimeModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: RealtimeModule,
      providers: [
        {
          provide: RealtimeEmitter,
          useFactory: () =>
            config.redisUrl ? new RedisEmitter(config.redisUrl) : new LocalEmitter(),
        },
        RealtimeBroadcastConsumer,
      ],
      exports: [RealtimeEmitter],
    };
  }
}
