import { schemaDrift } from '@sanad/testing';
import { DataSource } from 'typeorm';
import type { Running } from '../src/boot';
import { startTestApp } from './test-app';

describe('schema', () => {
  let running: Running;

  beforeAll(async () => {
    running = await startTestApp({ roles: ['api'] });
  });

  afterAll(async () => {
    await running?.close();
  });

  it('matches the entities exactly (migrations and entities have not drifted)', async () => {
    const dataSource = running.app.get(DataSource);
    expect(dataSource.entityMetadatas.length).toBeGreaterThanOrEqual(8);
    expect(await schemaDrift(dataSource)).toEqual([]);
  });

  it('has no pending migrations', async () => {
    expect(await running.app.get(DataSource).showMigrations()).toBe(false);
  });
});
