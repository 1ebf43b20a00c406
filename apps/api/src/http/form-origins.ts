import type { Request, Response } from 'express';

/**
 * Which sites may call a form's public endpoints from a browser: the form's allowed origins, and
 * Sanad's own (the hosted page). A request without an Origin (a server, curl) is not a browser's
 * cross-site call and passes; CORS headers go only to an allowed origin.
 */
export function originAllowed(
  request: Request,
  allowed: readonly string[],
  ownUrl: string,
): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  return origin === new URL(ownUrl).origin || allowed.includes(origin);
}

/** Answers CORS for an allowed origin (credentials never: public endpoints take no cookies). */
export function allowOrigin(request: Request, response: Response): void {
  response.setHeader('Vary', 'Origin');
  const origin = request.headers.origin;
  if (!origin) return;
  response.setHeader('Access-Control-Allow-Origin', origin);
  response.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
  response.setHeader('Access-Control-Allow-Headers', 'Content-Type, Accept-Language');
  response.setHeader('Access-Control-Max-Age', '600');
}
