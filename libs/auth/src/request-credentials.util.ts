import { SESSION_COOKIE } from '@sanad/contracts';

interface CredentialSource {
  headers: Record<string, string | string[] | undefined>;
  cookies?: Record<string, string | undefined>;
}

export function bearerToken(source: CredentialSource): string | null {
  const header = source.headers.authorization;
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(value.trim());
  return match ? match[1] : null;
}

/** Reads one cookie from a raw Cookie header (socket.io handshakes have no cookie parser). */
export function cookieFromHeader(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const index = part.indexOf('=');
    if (index < 0) continue;
    if (part.slice(0, index).trim() === name) {
      try {
        return decodeURIComponent(part.slice(index + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

export function sessionSecret(source: CredentialSource): string | null {
  return source.cookies?.[SESSION_COOKIE] ?? null;
}
