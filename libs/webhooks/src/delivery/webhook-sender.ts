import { StringDecoder } from 'node:string_decoder';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@sanad/config';
import { DomainError, fillTemplate } from '@sanad/core';
import { request, type Agent, type Dispatcher } from 'undici';
import { WEBHOOKS_ERRORS } from '../webhooks.errors';
import { AllowList } from './address-policy.util';
import { createGuardedAgent, FORBIDDEN_ADDRESS_CODE, ForbiddenAddressError } from './guarded-agent';
import { parseRetryAfter } from './retry-after.util';
import { parseWebhookUrl } from './url-policy';
import type { AttemptErrorCode, AttemptResult, WebhookRequest } from './webhook-attempt';

/** What the log keeps of an answer; the rest is not read at all. */
export const MAX_RESPONSE_BODY_BYTES = 64 * 1024;

type Answer = Pick<AttemptResult, 'status' | 'responseHeaders'>;

const NO_ANSWER: Answer = { status: null, responseHeaders: {} };

/**
 * Makes one HTTP attempt of a webhook delivery through the address guard. One deadline covers
 * everything (DNS, connect, the answer's headers and body); redirects are failures and are never
 * followed; at most 64 KB of the answer is read. It never throws: every outcome is an
 * `AttemptResult` for the log and the retry schedule.
 */
@Injectable()
export class WebhookSender implements OnApplicationShutdown {
  private readonly agent: Agent;
  private readonly timeoutMs: number;
  private closed: Promise<void> | null = null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.timeoutMs = config.webhookTimeoutMs;
    this.agent = createGuardedAgent({
      allow: new AllowList(config.webhookAllowedHosts),
      connectTimeoutMs: config.webhookTimeoutMs,
      // Backstops only: the deadline below ends the attempt first.
      agent: { headersTimeout: config.webhookTimeoutMs, bodyTimeout: config.webhookTimeoutMs },
    });
  }

  async send(attempt: WebhookRequest): Promise<AttemptResult> {
    const started = performance.now();
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), this.timeoutMs);
    let answer = NO_ANSWER;
    const body = new CappedBody();
    const finish = (
      result: Pick<AttemptResult, 'ok' | 'errorCode' | 'error' | 'retryAfterMs'>,
    ): AttemptResult => ({
      ...answer,
      responseBody: body.text(),
      responseBodyTruncated: body.truncated,
      ...result,
      durationMs: Math.round(performance.now() - started),
    });
    try {
      const url = parseWebhookUrl(attempt.url);
      const response = await request(url, {
        dispatcher: this.agent,
        method: 'POST',
        headers: attempt.headers,
        body: attempt.body,
        signal: deadline.signal,
      });
      answer = { ...answer, status: response.statusCode, responseHeaders: headersOf(response) };
      await body.read(response.body);
      return finish(outcome(url, answer));
    } catch (error) {
      const errorCode = deadline.signal.aborted ? 'timeout' : errorCodeOf(error);
      return finish({
        ok: false,
        errorCode,
        error: explain(errorCode, error, this.timeoutMs),
        retryAfterMs: null,
      });
    } finally {
      clearTimeout(timer);
    }
  }

  /** Waits for attempts in flight (each ends by its deadline) and closes kept-alive connections. */
  close(): Promise<void> {
    this.closed ??= this.agent.close();
    return this.closed;
  }

  onApplicationShutdown(): Promise<void> {
    return this.close();
  }
}

function outcome(
  url: URL,
  answer: Answer,
): Pick<AttemptResult, 'ok' | 'errorCode' | 'error' | 'retryAfterMs'> {
  const status = answer.status ?? 0;
  const retryAfterMs =
    status === 429 || status === 503
      ? parseRetryAfter(answer.responseHeaders['retry-after'], new Date())
      : null;
  if (status >= 300 && status < 400) {
    return { ok: false, errorCode: 'redirect', error: redirectError(url, answer), retryAfterMs };
  }
  const ok = status >= 200 && status < 300;
  return { ok, errorCode: null, error: ok ? null : `HTTP ${status}`, retryAfterMs };
}

function redirectError(url: URL, answer: Answer): string {
  const location = answer.responseHeaders.location;
  if (!location) return `redirect (HTTP ${answer.status}) without a Location, not followed`;
  let target = location;
  try {
    target = new URL(location, url).href;
  } catch {
    // Keep it as the receiver wrote it.
  }
  return `redirect (HTTP ${answer.status}) to ${target} not followed`;
}

function headersOf(response: Dispatcher.ResponseData): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (value === undefined) continue;
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/**
 * The first 64 KB of an answer's body. Past that the stream is destroyed, which closes the
 * connection: a receiver answering a gigabyte costs 64 KB and the time to send it. What arrived
 * stays readable when the stream fails (a body trickling past the deadline).
 */
class CappedBody {
  private readonly chunks: Buffer[] = [];
  private size = 0;
  truncated = false;

  async read(body: Dispatcher.ResponseData['body']): Promise<void> {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      const room = MAX_RESPONSE_BODY_BYTES - this.size;
      this.chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
      this.size += Math.min(chunk.length, room);
      if (chunk.length > room) {
        this.truncated = true;
        break; // Leaving the loop destroys the stream.
      }
    }
  }

  text(): string {
    const bytes = Buffer.concat(this.chunks, this.size);
    // A cut body may end inside a character: `write` holds those bytes back instead of garbling.
    const decoder = new StringDecoder('utf8');
    return this.truncated ? decoder.write(bytes) : decoder.end(bytes);
  }
}

const DNS_FAILURES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA', 'EAI_NONAME']);
const TIMEOUTS = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ETIMEDOUT',
]);
const PROTOCOL_ERRORS = new Set([
  'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
  'UND_ERR_HEADERS_OVERFLOW',
  'UND_ERR_INVALID_ARG',
  'UND_ERR_NOT_SUPPORTED',
]);

function errorCodeOf(error: unknown): AttemptErrorCode {
  if (error instanceof DomainError) return 'forbidden_address';
  for (let cause: unknown = error, depth = 0; cause && depth < 5; depth++) {
    if (cause instanceof ForbiddenAddressError) return 'forbidden_address';
    const code = (cause as { code?: unknown }).code;
    const name = (cause as { name?: unknown }).name;
    if (typeof code === 'string') {
      if (code === FORBIDDEN_ADDRESS_CODE) return 'forbidden_address';
      if (DNS_FAILURES.has(code)) return 'unresolvable';
      if (TIMEOUTS.has(code)) return 'timeout';
      if (PROTOCOL_ERRORS.has(code) || code.startsWith('HPE_')) return 'protocol';
    }
    if (name === 'HTTPParserError') return 'protocol';
    cause = (cause as { cause?: unknown }).cause;
  }
  return 'connection';
}

function explain(code: AttemptErrorCode, error: unknown, timeoutMs: number): string {
  if (code === 'timeout') return `no complete answer within ${timeoutMs} ms`;
  if (error instanceof DomainError && error.code in WEBHOOKS_ERRORS) {
    const { en } = WEBHOOKS_ERRORS[error.code as keyof typeof WEBHOOKS_ERRORS];
    return fillTemplate(en, error.params);
  }
  // Not `instanceof Error`: errors from Node's internals may come from another realm (Jest's VM).
  const { message, code: errno } = (error ?? {}) as { message?: unknown; code?: unknown };
  const text = typeof message === 'string' ? message : String(error);
  const detail =
    code !== 'forbidden_address' && typeof errno === 'string' && !text.includes(errno)
      ? ` (${errno})`
      : '';
  const prefix: Record<AttemptErrorCode, string> = {
    timeout: '',
    forbidden_address: '',
    unresolvable: 'the host could not be resolved: ',
    redirect: '',
    connection: 'connection failed: ',
    protocol: 'the answer is not valid HTTP: ',
  };
  return `${prefix[code]}${text}${detail}`;
}
