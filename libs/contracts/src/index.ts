export * from './auth.contract';
export * from './workspace.contract';
export * from './problem.contract';
export * from './realtime.contract';
export * from './conversations.contract';
export * from './email.contract';
export * from './events.contract';
export * from './contacts.contract';
