import type { CategoryView, CompanyView, PersonView } from '@sanad/contracts';
import { createWorkspace, sharedTestApp } from './test-app';
import { conversationBody, list, open } from './inbox-helpers';

const app = sharedTestApp();

describe('people and their conversations', () => {
  it('notes when a customer was seen and lists their conversations on the person page', async () => {
    const ws = await createWorkspace(app.base);
    const { conversation } = await open(
      ws,
      conversationBody({ contact: { email: 'layla@ufuq.sa', phone: '٠٥٥٥١٢٣٤٥٦', name: 'ليلى' } }),
    );
    const person = conversation.contact as { id: string };
    const view = (await ws.owner.get(`/api/v1/people/${person.id}`)).body as PersonView;
    expect(view).toMatchObject({ name: 'ليلى', phones: ['+966555123456'], registered: true });
    expect(view.lastSeenAt).not.toBeNull();
    expect(view.lastConversationAt).not.toBeNull();
    const theirs = (await ws.owner.get(`/api/v1/people/${person.id}/conversations`)).body;
    expect(theirs.items.map((c: { id: string }) => c.id)).toEqual([conversation.id]);
    // The channel's customer is found by their phone in any notation.
    expect(
      (await ws.owner.get(`/api/v1/people?q=${encodeURIComponent('055 512')}`)).body.items,
    ).toHaveLength(1);
  });

  it('changes a conversation’s customer and filters the inbox by category and company', async () => {
    const ws = await createWorkspace(app.base);
    const [, customers] = (await ws.owner.get('/api/v1/contact-categories')).body
      .items as CategoryView[];
    const company = (
      await ws.owner.post('/api/v1/companies', { name: 'الأفق', domains: ['ufuq.sa'] })
    ).body as CompanyView;
    const { conversation: a } = await open(
      ws,
      conversationBody({ contact: { email: 'a@ufuq.sa', name: 'أ' } }),
    );
    const { conversation: b } = await open(
      ws,
      conversationBody({ contact: { email: 'b@other.sa', name: 'ب' } }),
    );
    expect(a.contact).toMatchObject({ companyId: company.id });
    const vip = (await ws.owner.post('/api/v1/people', { name: 'سلمى', categoryId: customers.id }))
      .body as PersonView;
    const ids = async (query: string) => (await list(ws.owner, query)).items.map((c) => c.id);
    expect(await ids(`?companyId=${company.id}`)).toEqual([a.id]);
    expect(await ids(`?contactCategoryId=${customers.id}`)).toEqual([]);
    const changed = await ws.owner.patch(`/api/v1/conversations/${b.id}`, { contactId: vip.id });
    expect(changed.status).toBe(200);
    expect(changed.body.contact).toMatchObject({ id: vip.id, categoryId: customers.id });
    expect(await ids(`?contactCategoryId=${customers.id}`)).toEqual([b.id]);
    expect(await ids(`?q=${encodeURIComponent('سلمى')}`)).toEqual([b.id]);
    const other = await createWorkspace(app.base);
    const stranger = (await other.owner.post('/api/v1/people', { name: 'غريب' }))
      .body as PersonView;
    const refused = await ws.owner.patch(`/api/v1/conversations/${b.id}`, {
      contactId: stranger.id,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0]).toMatchObject({ field: 'contactId', code: 'unknownContact' });
  });
});
