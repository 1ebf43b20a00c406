import type { Response } from 'express';
import { randomBytes } from 'node:crypto';

/**
 * The hosted form page's own policy: its nonce on the one style block and scripts, nothing from
 * elsewhere, posts only to us (and to the form's redirect, which a post may be sent on to). Framed
 * by the form's allowed origins — by any site while it names none, so the snippet just works.
 */
export function sendFormPage(
  response: Response,
  status: number,
  render: (nonce: string) => string,
  options: { embed: boolean; allowedOrigins: readonly string[]; redirectUrl: string | null },
): void {
  const nonce = randomBytes(16).toString('base64');
  const ancestors = options.embed
    ? options.allowedOrigins.length > 0
      ? options.allowedOrigins.join(' ')
      : '*'
    : "'none'";
  const redirect = options.redirectUrl ? ` ${new URL(options.redirectUrl).origin}` : '';
  response.setHeader(
    'Content-Security-Policy',
    [
      "default-src 'none'",
      `style-src 'nonce-${nonce}'`,
      `script-src 'nonce-${nonce}'`,
      "img-src 'self' data:",
      "font-src 'self'",
      "connect-src 'self'",
      `form-action 'self'${redirect}`,
      "base-uri 'none'",
      `frame-ancestors ${ancestors}`,
    ].join('; '),
  );
  if (options.embed) response.removeHeader('X-Frame-Options');
  response.setHeader('Cache-Control', 'no-store');
  response.status(status).type('html').send(render(nonce));
}
