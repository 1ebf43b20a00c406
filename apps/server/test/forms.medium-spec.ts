import type { FormDefinition, FormVersionView, FormView, MailboxView } from '@sanad/contracts';
import { DataSource } from 'typeorm';
import { addMember, createWorkspace, sharedTestApp, type TestWorkspace } from './test-app';

const app = sharedTestApp();

function sql<T = Array<Record<string, unknown>>>(text: string, params: unknown[] = []): Promise<T> {
  return app.running.app.get(DataSource).query<T>(text, params);
}

async function newForm(ws: TestWorkspace, name = 'تواصل معنا'): Promise<FormView> {
  const response = await ws.owner.post('/api/v1/forms', { name });
  expect(response.status).toBe(201);
  return response.body as FormView;
}

describe('forms: drafts and immutable versions', () => {
  let ws: TestWorkspace;
  beforeAll(async () => {
    ws = await createWorkspace(app.base);
  });

  it('starts as an Arabic draft with name, email and message, nothing live', async () => {
    const form = await newForm(ws);
    expect(form.key).toMatch(/^[a-z2-9]{12}$/);
    expect(form).toMatchObject({ state: 'open', live: null, hasUnpublishedChanges: true });
    expect(form.draft.fields.map((f) => [f.key, f.type, f.label.ar, f.required])).toEqual([
      ['name', 'short_text', 'الاسم', false],
      ['email', 'email', 'البريد الإلكتروني', true],
      ['message', 'long_text', 'رسالتك', true],
    ]);
    expect(form.draft.settings.languages).toBe('ar');
  });

  it('publishes numbered versions that never change, and rolls back through the draft', async () => {
    const form = await newForm(ws);
    const v1 = (await ws.owner.post(`/api/v1/forms/${form.id}/publish`, { note: 'الإصدار الأول' }))
      .body as FormView;
    expect(v1.live).toMatchObject({ number: 1, note: 'الإصدار الأول' });
    expect(v1.hasUnpublishedChanges).toBe(false);
    // Nothing changed: nothing to publish.
    const again = await ws.owner.post(`/api/v1/forms/${form.id}/publish`, {});
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('form/nothing_to_publish');

    const draft: FormDefinition = structuredClone(v1.draft);
    draft.fields.push({
      ...draft.fields[0],
      key: 'order',
      label: { ar: 'رقم الطلب', en: 'Order number' },
      mapTo: null,
    });
    const edited = await ws.owner.patch(`/api/v1/forms/${form.id}`, { draft });
    expect(edited.status).toBe(200);
    expect((edited.body as FormView).hasUnpublishedChanges).toBe(true);
    const v2 = (await ws.owner.post(`/api/v1/forms/${form.id}/publish`, {})).body as FormView;
    expect(v2.live?.number).toBe(2);

    const first = (await ws.owner.get(`/api/v1/forms/${form.id}/versions/1`))
      .body as FormVersionView;
    expect(first.definition.fields.map((f) => f.key)).toEqual(['name', 'email', 'message']);
    const list = (await ws.owner.get(`/api/v1/forms/${form.id}/versions`)).body as {
      items: Array<{ number: number }>;
    };
    expect(list.items.map((v) => v.number)).toEqual([2, 1]);

    // Rolling back: version 1 into the draft, published as version 3.
    const restored = (await ws.owner.post(`/api/v1/forms/${form.id}/versions/1/restore`, {}))
      .body as FormView;
    expect(restored.draft.fields.map((f) => f.key)).toEqual(['name', 'email', 'message']);
    expect(restored.hasUnpublishedChanges).toBe(true);
    const v3 = (await ws.owner.post(`/api/v1/forms/${form.id}/publish`, {})).body as FormView;
    expect(v3.live?.number).toBe(3);

    // The database itself refuses to rewrite a version.
    await expect(
      sql(`UPDATE form_versions SET note = 'x' WHERE form_id = $1`, [form.id]),
    ).rejects.toThrow(/immutable/);
    const audit = await sql<Array<{ action: string }>>(
      `SELECT action FROM audit_log WHERE target_id = $1 ORDER BY created_at`,
      [form.id],
    );
    expect(audit.map((a) => a.action)).toEqual([
      'form.created',
      'form.published',
      'form.published',
      'form.version_restored',
      'form.published',
    ]);
  });

  it('names every broken rule of a draft at its path, and keeps the draft as it was', async () => {
    const form = await newForm(ws);
    const draft = structuredClone(form.draft) as unknown as Record<string, unknown>;
    const fields = draft.fields as Array<Record<string, unknown>>;
    fields.push({ key: 'email', type: 'short_text', label: { ar: 'مكرر' } });
    fields.push({ key: 'city', type: 'select', label: { ar: 'المدينة' }, options: [] });
    (draft.settings as Record<string, unknown>).mailboxId = '00000000-0000-4000-8000-000000000000';
    const response = await ws.owner.patch(`/api/v1/forms/${form.id}`, { draft });
    expect(response.status).toBe(400);
    const errors = response.body.errors as Array<{ field: string; message: string }>;
    expect(errors.map((e) => e.field)).toEqual([
      'draft.fields.3.key',
      'draft.fields.4.options',
      'draft.settings.mailboxId',
    ]);
    expect(errors[0].message).toBe('المعرّف «email» مكرر.');
    expect(((await ws.owner.get(`/api/v1/forms/${form.id}`)).body as FormView).draft).toEqual(
      form.draft,
    );
  });

  it('maps only to custom fields that exist, of a type that fits', async () => {
    const created = await ws.owner.post('/api/v1/contact-fields', {
      entity: 'person',
      key: 'plan',
      labelAr: 'الباقة',
      labelEn: 'Plan',
      type: 'select',
      options: [{ value: 'gold', ar: 'ذهبية', en: 'Gold' }],
    });
    expect(created.status).toBe(201);
    const form = await newForm(ws);
    const draft = structuredClone(form.draft);
    const plan = {
      ...draft.fields[0],
      key: 'plan',
      type: 'radio' as const,
      options: [{ value: 'gold', label: { ar: 'ذهبية', en: 'Gold' } }],
      mapTo: { kind: 'custom_field' as const, key: 'plan' },
    };
    expect(
      (
        await ws.owner.patch(`/api/v1/forms/${form.id}`, {
          draft: { ...draft, fields: [...draft.fields, plan] },
        })
      ).status,
    ).toBe(200);
    const wrong = await ws.owner.patch(`/api/v1/forms/${form.id}`, {
      draft: { ...draft, fields: [...draft.fields, { ...plan, type: 'date', options: [] }] },
    });
    expect(wrong.body.errors).toEqual([expect.objectContaining({ field: 'draft.fields.3.mapTo' })]);
    const unknown = await ws.owner.patch(`/api/v1/forms/${form.id}`, {
      draft: {
        ...draft,
        fields: [...draft.fields, { ...plan, mapTo: { kind: 'custom_field', key: 'nope' } }],
      },
    });
    expect(unknown.body.errors[0].message).toContain('nope');
  });

  it('sends conversations to a chosen mailbox of the workspace only', async () => {
    const form = await newForm(ws);
    const mailboxes = (await ws.owner.get('/api/v1/mailboxes')).body as { items: MailboxView[] };
    const spam = mailboxes.items.find((m) => m.kind === 'spam') as MailboxView;
    const inbox = mailboxes.items.find((m) => m.kind === 'inbox') as MailboxView;
    const to = (mailboxId: string) =>
      ws.owner.patch(`/api/v1/forms/${form.id}`, {
        draft: { ...form.draft, settings: { ...form.draft.settings, mailboxId } },
      });
    expect((await to(inbox.id)).status).toBe(200);
    expect((await to(spam.id)).status).toBe(400);
    const other = await createWorkspace(app.base);
    const theirs = ((await other.owner.get('/api/v1/mailboxes')).body as { items: MailboxView[] })
      .items[0];
    expect((await to(theirs.id)).status).toBe(400);
  });

  it("keeps each workspace's forms its own; agents read, admins change", async () => {
    const form = await newForm(ws);
    const other = await createWorkspace(app.base);
    expect((await other.owner.get(`/api/v1/forms/${form.id}`)).status).toBe(404);
    expect((await other.owner.patch(`/api/v1/forms/${form.id}`, { name: 'x' })).status).toBe(404);
    expect((await other.owner.post(`/api/v1/forms/${form.id}/publish`, {})).status).toBe(404);
    expect((await other.owner.delete(`/api/v1/forms/${form.id}`)).status).toBe(404);
    expect((await other.owner.get('/api/v1/forms/not-a-uuid')).status).toBe(404);
    const list = (await other.owner.get('/api/v1/forms')).body as { items: unknown[] };
    expect(list.items).toEqual([]);

    const agent = await addMember(app.base, ws.owner, 'agent');
    expect((await agent.session.get(`/api/v1/forms/${form.id}`)).status).toBe(200);
    expect((await agent.session.patch(`/api/v1/forms/${form.id}`, { name: 'x' })).status).toBe(403);
    expect((await agent.session.post('/api/v1/forms', { name: 'x' })).status).toBe(403);

    expect((await ws.owner.patch(`/api/v1/forms/${form.id}`, { state: 'closed' })).body.state).toBe(
      'closed',
    );
    expect((await ws.owner.delete(`/api/v1/forms/${form.id}`)).status).toBe(204);
    expect((await ws.owner.get(`/api/v1/forms/${form.id}`)).status).toBe(404);
  });
});
