/** One HTTP attempt of a delivery, as the sender makes it and the log keeps it. */
export interface WebhookRequest {
  url: string;
  /** Every header to send, names lower-case (signature headers included). */
  headers: Record<string, string>;
  body: string;
}

/** Why an attempt got no usable answer. */
export type AttemptErrorCode =
  'timeout' | 'forbidden_address' | 'unresolvable' | 'redirect' | 'connection' | 'protocol';

export interface AttemptResult {
  /** The receiver answered 2xx. */
  ok: boolean;
  /** Null when no answer arrived (see `errorCode`). */
  status: number | null;
  /** Lower-case names. */
  responseHeaders: Record<string, string>;
  /** The first 64 KB of the answer, decoded as UTF-8. */
  responseBody: string;
  responseBodyTruncated: boolean;
  errorCode: AttemptErrorCode | null;
  /** For people: what went wrong, in English (e.g. "redirect to https://… not followed"). */
  error: string | null;
  /** From `Retry-After` on 429 and 503, in milliseconds. */
  retryAfterMs: number | null;
  durationMs: number;
}
