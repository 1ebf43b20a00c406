export * from './rooms';
export * from './realtime.emitter';
export * from './local.emitter';
export * from './redis.emitter';
export * from './realtime-broadcast.consumer';
export * from './realtime.module';
