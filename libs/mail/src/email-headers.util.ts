/** Header values as mailparser gives them: a Map of lower-cased names to strings or objects. */
export type HeaderLookup = (name: string) => string | undefined;

/** Why an email must never get an automatic answer (R12), or null when it may. */
export type AutomaticKind = 'auto-reply' | 'bounce' | 'list' | null;

/** RFC 3834 Auto-Submitted, the common vendor headers, DSNs and mailing lists. */
export function automaticKind(
  header: HeaderLookup,
  from: string,
  contentType: string,
): AutomaticKind {
  const lowerFrom = from.toLowerCase();
  if (
    /multipart\/report/i.test(contentType) &&
    /report-type=("?)delivery-status/i.test(contentType)
  )
    return 'bounce';
  if (/^(mailer-daemon|postmaster)@/.test(lowerFrom)) return 'bounce';
  const autoSubmitted = (header('auto-submitted') ?? '').trim().toLowerCase();
  if (autoSubmitted && autoSubmitted !== 'no') return 'auto-reply';
  if (header('x-autoreply') || header('x-autorespond') || header('x-auto-response-suppress'))
    return 'auto-reply';
  const precedence = (header('precedence') ?? '').trim().toLowerCase();
  if (precedence === 'auto_reply') return 'auto-reply';
  if (
    header('list-id') ||
    header('list-unsubscribe') ||
    ['bulk', 'list', 'junk'].includes(precedence)
  )
    return 'list';
  return null;
}

/** Upstream filters' verdicts: `X-Spam-Flag: YES` or `X-Spam-Status: Yes, ...`. */
export function flaggedAsSpam(header: HeaderLookup): boolean {
  return (
    /^\s*yes\b/i.test(header('x-spam-flag') ?? '') ||
    /^\s*yes\b/i.test(header('x-spam-status') ?? '')
  );
}

/** Message-IDs in In-Reply-To and References, without brackets, newest reference first. */
export function referencedIds(
  inReplyTo: string | undefined,
  references: string | string[] | undefined,
): string[] {
  const refs = Array.isArray(references) ? references.join(' ') : (references ?? '');
  const ids = [
    ...(inReplyTo ?? '').matchAll(/<([^<>\s]+)>/g),
    ...[...refs.matchAll(/<([^<>\s]+)>/g)].reverse(),
  ]
    .map((m) => m[1].toLowerCase())
    .filter((id) => id.length <= 500);
  return [...new Set(ids)].slice(0, 50);
}

/** A Message-ID without brackets, lower-cased, or null. */
export function cleanMessageId(value: string | undefined): string | null {
  const match = /<?([^<>\s]+@[^<>\s]+)>?/.exec(value ?? '');
  return match && match[1].length <= 500 ? match[1].toLowerCase() : null;
}

const REPLY_PREFIX =
  /^\s*((re|fw|fwd|aw|wg|sv|vs|rv|tr|ر|رد|إعادة توجيه|اعادة توجيه|توجيه|ردّ)\s*(\[\d+\])?\s*[:：]\s*)+/iu;

/** The subject without reply/forward prefixes (English, Arabic and common European ones). */
export function threadSubject(subject: string): string {
  let current = subject.normalize('NFC').trim();
  for (let i = 0; i < 10; i++) {
    const next = current.replace(REPLY_PREFIX, '').trim();
    if (next === current) break;
    current = next;
  }
  return current.replace(/\s+/g, ' ').toLowerCase();
}
