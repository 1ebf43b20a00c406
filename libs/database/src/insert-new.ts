import type { DeepPartial, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Inserts a new row and returns the entity with its database defaults (created_at, ...) filled
 * in. Unlike `save`, it does not first SELECT by id to decide between INSERT and UPDATE: the id
 * is new, and hot paths (every email, every reply) should not pay for that read.
 */
export async function insertNew<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  data: DeepPartial<T>,
): Promise<T> {
  const entity = manager.create(target, data);
  await manager.insert(target, entity);
  return entity;
}
