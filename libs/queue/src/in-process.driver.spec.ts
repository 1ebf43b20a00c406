import { InProcessQueue } from './in-process.driver';

const tick = (ms = 5): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('in-process queue', () => {
  it('runs jobs, ignores a duplicate id while queued, and retries with backoff', async () => {
    const queue = new InProcessQueue();
    const seen: string[] = [];
    let failures = 1;
    await queue.add('outbox.dispatch', { v: 'a' }, { jobId: 'a' });
    await queue.add('outbox.dispatch', { v: 'a' }, { jobId: 'a' });
    await queue.add('outbox.dispatch', { v: 'flaky' }, { jobId: 'f', backoffMs: 10 });
    queue.process<{ v: string }>('outbox.dispatch', 2, async (data, attempt) => {
      if (data.v === 'flaky' && failures-- > 0) throw new Error(`fail on attempt ${attempt}`);
      seen.push(`${data.v}@${attempt}`);
    });
    await tick(60);
    expect(seen.sort()).toEqual(['a@1', 'flaky@2']);
    await queue.close();
  });

  it('respects concurrency', async () => {
    const queue = new InProcessQueue();
    let running = 0;
    let peak = 0;
    queue.process('outbox.dispatch', 2, async () => {
      running++;
      peak = Math.max(peak, running);
      await tick(10);
      running--;
    });
    for (let i = 0; i < 6; i++) await queue.add('outbox.dispatch', {}, { jobId: String(i) });
    await tick(80);
    expect(peak).toBe(2);
    await queue.close();
  });

  it('gives up after the last attempt', async () => {
    const errors: string[] = [];
    const queue = new InProcessQueue((_e, job) => errors.push(job.id));
    queue.process('outbox.dispatch', 1, async () => {
      throw new Error('always');
    });
    await queue.add('outbox.dispatch', {}, { jobId: 'x', attempts: 3, backoffMs: 1 });
    await tick(50);
    expect(errors).toEqual(['x', 'x', 'x']);
    await queue.close();
  });
});
