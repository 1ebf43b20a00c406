import { CONTRACT_SCHEMAS, ROUTE_RESPONSES } from '../src/openapi/route-schemas.generated';
import { generateSchemas, type GeneratedSchemas } from './openapi-schemas';

describe('the generated response schemas', () => {
  let fresh: GeneratedSchemas;
  beforeAll(() => {
    fresh = generateSchemas();
  }, 60_000);

  it('are up to date with the controllers and the views (else: npm run openapi:schemas)', () => {
    expect(CONTRACT_SCHEMAS).toEqual(fresh.components);
    expect(ROUTE_RESPONSES).toEqual(fresh.routes);
  });

  it('describe every route, naming the views', () => {
    const { components, routes } = fresh;
    expect(Object.keys(routes).length).toBeGreaterThan(100);
    expect(components.ConversationView).toMatchObject({ type: 'object' });
    expect(routes['ConversationsController.list'].schema).toMatchObject({
      properties: { nextCursor: { type: 'string', nullable: true } },
    });
    expect(routes['ConversationsController.create'].schema).toEqual({
      $ref: '#/components/schemas/ConversationDetailView',
    });
    expect(routes['ApiTokensController.revoke']).toEqual({});
    expect(components.ApiTokenView).toMatchObject({
      properties: {
        scope: { type: 'string', enum: ['read', 'write'] },
        lastUsedAt: { type: 'string', format: 'date-time', nullable: true },
      },
    });
  });
});
