/** The resolved database URL (embedded or configured), for connections outside TypeORM. */
export const DATABASE_URL = Symbol('DATABASE_URL');
