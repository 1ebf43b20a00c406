import type { EntityManager } from 'typeorm';

/**
 * Rows of a data-changing statement with RETURNING. TypeORM answers UPDATE and DELETE with
 * `[rows, rowCount]` but INSERT with the rows alone; this gives the rows either way.
 */
export async function returningRows<T>(
  manager: EntityManager,
  sql: string,
  params: unknown[],
): Promise<T[]> {
  const result = (await manager.query(sql, params)) as unknown;
  if (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  )
    return result[0] as T[];
  return result as T[];
}
