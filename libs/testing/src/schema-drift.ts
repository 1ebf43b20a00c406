import type { DataSource } from 'typeorm';

const UDT: Record<string, string> = {
  uuid: 'uuid',
  text: 'text',
  boolean: 'bool',
  timestamptz: 'timestamptz',
  'timestamp with time zone': 'timestamptz',
  jsonb: 'jsonb',
  integer: 'int4',
  int: 'int4',
  bigint: 'int8',
};

/**
 * Differences between the entities TypeORM knows and the schema the migrations built: missing
 * tables or columns, other types, other nullability, and columns no entity maps.
 */
export async function schemaDrift(dataSource: DataSource): Promise<string[]> {
  const problems: string[] = [];
  const rows = await dataSource.query<
    Array<{ table_name: string; column_name: string; udt_name: string; is_nullable: 'YES' | 'NO' }>
  >(
    `SELECT table_name, column_name, udt_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public'`,
  );
  const byTable = new Map<string, Map<string, { udt: string; nullable: boolean }>>();
  for (const row of rows) {
    const table =
      byTable.get(row.table_name) ?? new Map<string, { udt: string; nullable: boolean }>();
    table.set(row.column_name, { udt: row.udt_name, nullable: row.is_nullable === 'YES' });
    byTable.set(row.table_name, table);
  }
  for (const entity of dataSource.entityMetadatas) {
    const table = byTable.get(entity.tableName);
    if (!table) {
      problems.push(`table ${entity.tableName} is missing`);
      continue;
    }
    for (const column of entity.columns) {
      const actual = table.get(column.databaseName);
      const where = `${entity.tableName}.${column.databaseName}`;
      if (!actual) {
        problems.push(`column ${where} is missing`);
        continue;
      }
      const base = UDT[String(column.type)] ?? String(column.type);
      const expected = column.isArray ? `_${base}` : base;
      if (actual.udt !== expected)
        problems.push(`column ${where} is ${actual.udt}, entity says ${expected}`);
      if (actual.nullable !== column.isNullable)
        problems.push(
          `column ${where} nullable=${actual.nullable}, entity says ${column.isNullable}`,
        );
    }
    const mapped = new Set(entity.columns.map((c) => c.databaseName));
    for (const name of table.keys()) {
      if (!mapped.has(name))
        problems.push(`column ${entity.tableName}.${name} is not mapped by the entity`);
    }
  }
  return problems;
}
