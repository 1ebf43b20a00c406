import { Initial1764000000000 } from './1764000000000-initial';

/** Every migration, in order. New ones are appended here. */
export const MIGRATIONS = [Initial1764000000000];
