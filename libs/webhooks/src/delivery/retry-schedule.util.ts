/** Delays up to this are kept exact: jitter matters for spreading load, not for a 5 s retry. */
const JITTER_ABOVE_MS = 10_000;
const JITTER = 0.1;
/** A receiver's `Retry-After` may stretch a wait up to this, never further. */
const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * When the next attempt of a delivery is due, or null when the schedule is exhausted.
 * `schedule` is seconds before each attempt (`WEBHOOK_RETRY_SCHEDULE`, the first usually 0);
 * `attemptsMade` counts the attempts already made (1 after the first). Delays over 10 s get
 * ±10 % jitter so endpoints that failed together do not retry together. A `Retry-After` later
 * than the scheduled delay wins, up to 24 h; it never makes a retry sooner.
 */
export function nextAttemptAt(
  schedule: readonly number[],
  attemptsMade: number,
  now: Date,
  retryAfterMs: number | null,
  random: () => number = Math.random,
): Date | null {
  const seconds = schedule[Math.max(0, attemptsMade)];
  if (seconds === undefined) return null;
  let delayMs = seconds * 1000;
  if (delayMs > JITTER_ABOVE_MS) delayMs *= 1 + (random() * 2 - 1) * JITTER;
  if (retryAfterMs !== null && retryAfterMs > delayMs) {
    delayMs = Math.max(delayMs, Math.min(retryAfterMs, MAX_RETRY_AFTER_MS));
  }
  return new Date(now.getTime() + Math.round(delayMs));
}
