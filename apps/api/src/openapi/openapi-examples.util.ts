import type { JsonSchema } from './openapi-types';

/**
 * Example values for the OpenAPI document, built from the schemas themselves so every route
 * has one that matches what it really takes and answers. A schema's own `example` (from a DTO's
 * @ApiProperty or a view's `@example` tag) wins; otherwise a value is chosen by format, enum and
 * property name, in the product's language where it is text a person wrote.
 */
const BY_NAME: Record<string, unknown> = {
  name: 'ليلى العتيبي',
  email: 'layla@example.com',
  emails: ['layla@example.com'],
  phone: '+966501234567',
  phones: ['+966501234567'],
  mentions: ['5f1d3c2a-9e0b-4c71-9a55-0d6f2b8e4c13'],
  subject: 'استفسار عن موعد التوصيل',
  text: 'مرحباً، متى يصل طلبي رقم 1042؟',
  body: 'شكراً لتواصلك معنا، سيصل طلبك غداً.',
  bodyHtml: '<p>شكراً لتواصلك معنا، سيصل طلبك غداً.</p>',
  note: 'العميل يفضّل التواصل مساءً.',
  notes: 'عميل منذ 2021.',
  title: 'Some fields are not valid.',
  detail: 'بعض الحقول غير صحيحة.',
  slug: 'support',
  domain: 'example.com',
  domains: ['example.com'],
  url: 'https://sanad.example.com/invite/2Zs0d3Qk',
  color: '#2f6fde',
  language: 'ar',
  timeZone: 'Asia/Riyadh',
  prefix: 'snd_4f9Tq1',
  secret: 'snd_4f9Tq1kVb8mN2xR7cY3pL0sW6hJ5dG1aZ9eQ4uT8oI',
  externalId: 'crm-88213',
  nextCursor: 'WyIyMDI1LTAzLTAyVDA5OjMwOjAwLjAwMFoiLCI4ZjE0ZTQ1ZiJd',
  cursor: 'WyIyMDI1LTAzLTAyVDA5OjMwOjAwLjAwMFoiLCI4ZjE0ZTQ1ZiJd',
  fileName: 'فاتورة-1042.pdf',
  contentType: 'application/pdf',
  pattern: 'offers@spam.example',
  key: 'order_number',
  type: 'https://sanad.dev/problems/request/validation',
  code: 'request/validation',
  field: 'name',
  message: 'هذا الحقل مطلوب.',
  status: 'open',
  workspaceName: 'متجر الورد',
  password: 'horse-battery-staple-9',
  currentPassword: 'horse-battery-staple-9',
  newPassword: 'correct-horse-battery-10',
  token: 'snd_4f9Tq1kVb8mN2xR7cY3pL0sW6hJ5dG1aZ9eQ4uT8oI',
};

const NUMBERS: Record<string, number> = {
  number: 1042,
  seq: 8812,
  lastSeq: 8812,
  size: 48213,
  sizeBytes: 48213,
  position: 0,
  limit: 25,
  status: 400,
  row: 3,
  index: 0,
};

const TIMESTAMP = '2025-03-02T09:30:00.000Z';

/** A stable UUID per property name, so the ids of one example tell their properties apart. */
function uuidFor(name: string): string {
  let hash = 2166136261;
  for (const char of name) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
  const hex = (hash.toString(16) + '8f14e45fceea4e7a9b1c2f6b1f0c1a11').slice(0, 32).split('');
  hex[12] = '4';
  hex[16] = '9';
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

function stringFor(schema: JsonSchema, name: string | undefined): string {
  const format = schema.format as string | undefined;
  if (format === 'date-time') return TIMESTAMP;
  if (format === 'date') return TIMESTAMP.slice(0, 10);
  if (format === 'uuid') return uuidFor(name ?? 'id');
  if (format === 'email') return 'layla@example.com';
  if (format === 'uri' || format === 'url') return 'https://example.com/';
  if (name) {
    const known = BY_NAME[name];
    if (typeof known === 'string') return known;
    if (name === 'id' || name.endsWith('Id')) return uuidFor(name);
    if (name.endsWith('At') || name.endsWith('Until') || name === 'from' || name === 'to')
      return TIMESTAMP;
  }
  return typeof schema.minLength === 'number' && schema.minLength > 7
    ? 'x'.repeat(schema.minLength)
    : 'نص';
}

/**
 * An example value of `schema` (components resolve `$ref`s). `name` is the property it is for;
 * `requiredOnly` leaves out optional properties that have no example of their own (requests).
 * `within` are the components being written out around this one (a view inside itself).
 */
export function exampleFor(
  schema: JsonSchema,
  components: Record<string, JsonSchema>,
  options: { name?: string; requiredOnly?: boolean } = {},
  within: string[] = [],
): unknown {
  if ('example' in schema) return schema.example;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  const { name } = options;
  if (typeof schema.$ref === 'string') {
    if (within.includes(schema.$ref)) return {};
    const target = components[schema.$ref.replace('#/components/schemas/', '')];
    return target ? exampleFor(target, components, options, [...within, schema.$ref]) : {};
  }
  for (const key of ['allOf', 'oneOf', 'anyOf'] as const) {
    const parts = schema[key];
    if (Array.isArray(parts) && parts.length > 0)
      return exampleFor(parts[0] as JsonSchema, components, options, within);
  }
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  if ('default' in schema && schema.default !== undefined) return schema.default;
  switch (schema.type) {
    case 'string':
      return stringFor(schema, name);
    case 'integer':
    case 'number': {
      if (name && name in NUMBERS) return NUMBERS[name];
      if (typeof schema.minimum === 'number') return Math.max(schema.minimum, 1);
      return 3;
    }
    case 'boolean':
      return true;
    case 'array': {
      const items = (schema.items ?? {}) as JsonSchema;
      const known = name ? BY_NAME[name] : undefined;
      if (Array.isArray(known) && items.type === 'string' && !items.enum) return known;
      const one = exampleFor(items, components, { ...options, name: singular(name) }, within);
      const count = typeof schema.minItems === 'number' ? Math.max(schema.minItems, 1) : 1;
      return Array.from({ length: count }, () => one);
    }
    default:
      return objectExample(schema, components, options, within);
  }
}

function objectExample(
  schema: JsonSchema,
  components: Record<string, JsonSchema>,
  options: { requiredOnly?: boolean },
  within: string[],
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  for (const [key, property] of Object.entries(properties)) {
    if (options.requiredOnly && !required.has(key) && !('example' in property)) continue;
    result[key] = exampleFor(property, components, { ...options, name: key }, within);
  }
  const extra = schema.additionalProperties;
  if (extra && typeof extra === 'object' && Object.keys(properties).length === 0)
    result.key = exampleFor(extra as JsonSchema, components, {}, within);
  return result;
}

function singular(name: string | undefined): string | undefined {
  if (!name) return undefined;
  if (name.endsWith('Ids')) return name.slice(0, -1);
  if (name.endsWith('ies')) return `${name.slice(0, -3)}y`;
  return name.endsWith('s') ? name.slice(0, -1) : name;
}
