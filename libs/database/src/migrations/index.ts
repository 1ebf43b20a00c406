import { Initial1764000000000 } from './1764000000000-initial';
import { Conversations1764100000000 } from './1764100000000-conversations';

/** Every migration, in order. New ones are appended here. */
export const MIGRATIONS = [Initial1764000000000, Conversations1764100000000];
