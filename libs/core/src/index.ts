export * from './domain-error';
export * from './error-catalog';
export * from './validation-messages';
export * from './language.util';
export * from './secret.util';
export * from './text.util';
export * from './clock';
export * from './arabic.util';
