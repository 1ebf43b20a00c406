import { Client, type ClientConfig } from 'pg';

/** `\u0000` as JSON writes it, not preceded by an escaping backslash. */
const JSON_NUL = /(^|[^\\])((?:\\\\)*)\\u0000/g;

/**
 * PostgreSQL cannot store U+0000 in text ("invalid byte sequence") nor in jsonb ("unsupported
 * Unicode escape sequence"), and real mail, forms and query strings carry it. Every value bound to
 * a statement loses it here, the one place all writes pass; bytea (Buffers) is left as it is.
 */
export function withoutNul(value: unknown): unknown {
  if (typeof value === 'string') {
    if (!value.includes('\u0000') && !value.includes('\\u0000')) return value;
    let text = value.split('\u0000').join('');
    // A JSON document (jsonb parameter) writes NUL as an escape.
    if (/^\s*[[{"]/.test(text) && text.includes('\\u0000')) {
      let previous: string;
      do {
        previous = text;
        text = text.replace(JSON_NUL, '$1$2');
      } while (text !== previous);
    }
    return text;
  }
  if (Array.isArray(value)) return value.map(withoutNul);
  return value;
}

/** The pg client every pooled connection is: parameters are cleaned of NUL before they leave. */
export class NulFreeClient extends Client {
  /**
   * A connection that breaks while a caller holds it between two statements (PostgreSQL was
   * killed or restarted) emits `error` with nobody listening, and an unheard `error` ends the
   * process. Heard here, it ends only the connection: the caller's next statement fails, and
   * the pool drops the client and opens a fresh one.
   */
  constructor(config?: string | ClientConfig) {
    super(config);
    this.on('error', () => undefined);
  }

  // pg's query() has many overloads; the parameters are the only thing touched.
  /* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-argument,
     @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access,
     @typescript-eslint/no-unsafe-call */
  override query(config: any, values?: any, callback?: any): any {
    if (Array.isArray(values)) values = values.map(withoutNul);
    else if (config && typeof config === 'object' && Array.isArray(config.values))
      config = { ...config, values: config.values.map(withoutNul) };
    return super.query(config, values, callback);
  }
  /* eslint-enable */
}
