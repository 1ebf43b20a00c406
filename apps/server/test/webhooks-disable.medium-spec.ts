import type { WebhookEndpointView } from '@sanad/contracts';
import type { Running } from '../src/boot';
import { DataSource } from 'typeorm';
import { MailSink } from './email-harness';
import { createWorkspace, startTestApp } from './test-app';
import { WebhookReceiver, status } from './webhook-receiver';

/**
 * An endpoint that keeps failing is disabled after WEBHOOK_DISABLE_AFTER_DAYS without a
 * success, and the workspace's admins are told by email through the installation's SMTP_URL.
 */
let running: Running;
let sink: MailSink;
const receiver = new WebhookReceiver();

beforeAll(async () => {
  sink = new MailSink();
  await receiver.start();
  running = await startTestApp({
    scratch: true,
    env: {
      SMTP_URL: await sink.start(),
      MAIL_FROM: 'noreply@sanad.example',
      WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
      WEBHOOK_RETRY_SCHEDULE: '0,0.2,0.2',
    },
  });
});

afterAll(async () => {
  await running?.close();
  await receiver.stop();
  await sink?.close();
});

it('disables an endpoint failing for days and emails the admins in their language', async () => {
  const base = running.httpUrl as string;
  const { owner, email } = await createWorkspace(base);
  receiver.otherwise = status(500);
  const created = await owner.post('/api/v1/webhooks', {
    url: receiver.url,
    events: ['conversation.created'],
  });
  const id = created.body.endpoint.id as string;
  // Its failures began six days ago (the clock is the database's).
  await running.app
    .get(DataSource)
    .query("UPDATE webhook_endpoints SET failing_since = now() - interval '6 days' WHERE id = $1", [
      id,
    ]);
  await owner.post('/api/v1/conversations', {
    contact: { email: 'late@example.sa' },
    subject: 'تأخر الشحن',
    text: 'أين طلبي؟',
  });
  const mail = await sink.waitFor((m) => m.to.includes(email));
  expect(mail.parsed.subject).toBe('سند: تم إيقاف خطاف');
  expect(mail.parsed.text).toContain(receiver.url);
  expect(mail.parsed.text).toContain(`/settings/webhooks/${id}`);
  const view = (await owner.get(`/api/v1/webhooks/${id}`)).body as WebhookEndpointView;
  expect(view).toMatchObject({ status: 'disabled', disabledReason: 'failing' });
  expect(view.health.failingSince).not.toBeNull();
  const log = await owner.get(`/api/v1/webhook-deliveries?endpointId=${id}`);
  expect(log.body.items[0]).toMatchObject({ status: 'failed' });
  expect(sink.received.filter((m) => m.to.includes(email))).toHaveLength(1);
});
