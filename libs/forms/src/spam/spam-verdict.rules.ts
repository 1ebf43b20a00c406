import type { SpamReason } from '@sanad/contracts';
import type { TokenCheck } from './render-token.util';

/** Fewer seconds than this between the page and the submission: no person fills a form so fast. */
export const MIN_FILL_MS = 3_000;

export interface SpamSignals {
  /** What the honeypot field held (undefined: the request had none, e.g. JSON). */
  honeypot: string | undefined;
  /** The render token's check; null when the request carried none. */
  token: TokenCheck | null;
  /** The proof-of-work challenge, when the form asks for one: solved or not. */
  challengeSolved: boolean | null;
}

/**
 * Why a submission looks like a bot's, or null. It is then kept in the spam state — nothing lost,
 * no contact, no conversation, no acknowledgement — and the sender is told it was received.
 */
export function spamVerdict(signals: SpamSignals, minFillMs = MIN_FILL_MS): SpamReason | null {
  if (signals.honeypot !== undefined && signals.honeypot.trim() !== '') return 'honeypot';
  if (signals.token && (!signals.token.valid || signals.token.ageMs < minFillMs)) return 'too_fast';
  if (signals.challengeSolved === false) return 'challenge';
  return null;
}
