import { decodeDeliveryCursor, encodeDeliveryCursor } from './delivery-cursor.util';
import { messageIdOf, webhookIdOf } from './webhook-id.util';

describe('webhook ids and log cursors', () => {
  it('turns a message id into a dot-free webhook-id and back', () => {
    const id = '5f0c6d2a-9b1e-4f7a-8c3d-2e1f0a9b8c7d';
    expect(webhookIdOf(id)).toBe('msg_5f0c6d2a9b1e4f7a8c3d2e1f0a9b8c7d');
    expect(messageIdOf(webhookIdOf(id))).toBe(id);
    expect(messageIdOf(' MSG_5F0C6D2A9B1E4F7A8C3D2E1F0A9B8C7D ')).toBe(id);
    expect(messageIdOf('msg_123')).toBeNull();
    expect(messageIdOf(id)).toBeNull();
  });

  it('reads back only cursors it wrote', () => {
    const position = { createdUs: '1796212800123456', id: '5f0c6d2a-9b1e-4f7a-8c3d-2e1f0a9b8c7d' };
    expect(decodeDeliveryCursor(encodeDeliveryCursor(position))).toEqual(position);
    const forged = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    expect(decodeDeliveryCursor(forged(['1e20', position.id]))).toBeNull();
    expect(decodeDeliveryCursor(forged(['12', 'not-a-uuid']))).toBeNull();
    expect(decodeDeliveryCursor(forged([12, position.id]))).toBeNull();
    expect(decodeDeliveryCursor('%%%')).toBeNull();
    expect(decodeDeliveryCursor('x'.repeat(201))).toBeNull();
  });
});
