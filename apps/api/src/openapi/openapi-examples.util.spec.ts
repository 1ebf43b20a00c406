import { exampleFor } from './openapi-examples.util';

const components = {
  Person: {
    type: 'object',
    properties: {
      id: { type: 'string' },
      name: { type: 'string' },
      createdAt: { type: 'string', format: 'date-time' },
      company: { allOf: [{ $ref: '#/components/schemas/Company' }], nullable: true },
      emails: { type: 'array', items: { type: 'string' } },
      friend: { $ref: '#/components/schemas/Person' },
    },
    required: ['id', 'name'],
  },
  Company: { type: 'object', properties: { name: { type: 'string', example: 'متجر الورد' } } },
};

describe('OpenAPI examples', () => {
  it('prefers the schema’s own example', () => {
    expect(exampleFor({ type: 'string', example: 'x' }, {})).toBe('x');
    expect(exampleFor({ type: 'string', enum: ['b', 'c'] }, {})).toBe('b');
    expect(exampleFor({ type: 'integer', default: 25 }, {})).toBe(25);
  });

  it('writes out views through their references, and a view inside itself as empty', () => {
    const person = exampleFor({ $ref: '#/components/schemas/Person' }, components) as Record<
      string,
      unknown
    >;
    expect(person).toMatchObject({
      name: 'ليلى العتيبي',
      createdAt: '2025-03-02T09:30:00.000Z',
      company: { name: 'متجر الورد' },
      emails: ['layla@example.com'],
      friend: {},
    });
    expect(person.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-9[0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('gives ids of different properties different values, and the same property the same', () => {
    const schema = {
      type: 'object',
      properties: { id: { type: 'string' }, mailboxId: { type: 'string' } },
    };
    const a = exampleFor(schema, {}) as Record<string, string>;
    expect(a.id).not.toBe(a.mailboxId);
    expect(exampleFor(schema, {})).toEqual(a);
  });

  it('leaves optional fields out of requests unless they have an example', () => {
    expect(
      exampleFor(
        {
          type: 'object',
          properties: {
            name: { type: 'string' },
            scope: { type: 'string', enum: ['read', 'write'] },
            label: { type: 'string', example: 'CRM' },
          },
          required: ['name'],
        },
        {},
        { requiredOnly: true },
      ),
    ).toEqual({ name: 'ليلى العتيبي', label: 'CRM' });
  });

  it('fills arrays of exactly n items and maps by their values', () => {
    expect(
      exampleFor({ type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2 }, {}),
    ).toEqual([3, 3]);
    expect(exampleFor({ type: 'object', additionalProperties: { type: 'boolean' } }, {})).toEqual({
      key: true,
    });
  });
});
