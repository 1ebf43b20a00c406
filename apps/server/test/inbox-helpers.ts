import type { ConversationDetailView, ConversationView, PageView } from '@sanad/contracts';
import { uniqueEmail } from '@sanad/testing';
import type { HttpSession, TestWorkspace } from './test-app';

/** Shared by the inbox's HTTP medium specs. */
export async function open(
  ws: TestWorkspace,
  body: Record<string, unknown>,
  key?: string,
): Promise<ConversationDetailView> {
  const session = ws.owner;
  const response = key
    ? await (async () => {
        const res = await fetch(`${session.baseUrl}/api/v1/conversations`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            cookie: session.cookieHeader,
            'x-csrf-token': /sanad_csrf=([^;]+)/.exec(session.cookieHeader)?.[1] ?? '',
            'idempotency-key': key,
          },
          body: JSON.stringify(body),
        });
        return { status: res.status, body: await res.json() };
      })()
    : await session.post('/api/v1/conversations', body);
  if (response.status !== 201)
    throw new Error(`create failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as ConversationDetailView;
}

export function conversationBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    contact: { email: uniqueEmail('customer'), name: 'عميل' },
    subject: 'طلب مساعدة',
    text: 'مرحباً، أحتاج مساعدة في طلبي',
    ...overrides,
  };
}

export async function list(session: HttpSession, query = ''): Promise<PageView<ConversationView>> {
  const response = await session.get(`/api/v1/conversations${query}`);
  if (response.status !== 200)
    throw new Error(`list failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as PageView<ConversationView>;
}
