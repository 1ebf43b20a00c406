/** What a delivery report (DSN, RFC 3464) says: which of our messages failed, and why. */
export interface BounceReport {
  /** Message-IDs quoted in the report (ours among them), without brackets, lower-cased. */
  messageIds: string[];
  reason: string | null;
}

/**
 * Reads the report from the raw source rather than parsed parts, because servers wrap the
 * original as message/rfc822, text/rfc822-headers or plain text: any quoted `Message-ID:` or
 * `Original-Message-ID:` other than the report's own counts.
 */
export function readBounceReport(raw: Buffer, reportMessageId: string | null): BounceReport {
  const source = raw.subarray(0, 2_000_000).toString('latin1');
  const ids = [...source.matchAll(/^(?:original-)?message-id:\s*<([^<>\s]+)>/gim)]
    .map((m) => m[1].toLowerCase())
    .filter((id) => id !== reportMessageId);
  const diagnostic = /^diagnostic-code:\s*(?:smtp;\s*)?(.+(?:\r?\n[ \t].+)*)/im.exec(source);
  const status = /^status:\s*([245]\.\d{1,3}\.\d{1,3})/im.exec(source);
  const reason = diagnostic
    ? diagnostic[1].replace(/\s+/g, ' ').trim()
    : status
      ? `status ${status[1]}`
      : null;
  return { messageIds: [...new Set(ids)], reason: reason?.slice(0, 500) ?? null };
}
