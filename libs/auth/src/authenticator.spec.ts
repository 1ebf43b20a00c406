import type { Principal } from '@sanad/accounts';
import type { Request, Response } from 'express';
import { Strategy } from 'passport-custom';
import { SESSION_STRATEGY, TOKEN_STRATEGY } from './auth.constants';
import { Authenticator } from './authenticator';

/** An authenticator whose strategies answer this principal (or fail with this error). */
function authenticatorOf(answer: Principal | null | Error): Authenticator {
  const strategy = () =>
    new Strategy((_request, done) =>
      answer instanceof Error ? done(answer) : done(null, answer ?? false),
    );
  return new Authenticator(strategy(), strategy());
}

const principal = (userId: string) => ({ userId, workspaceId: 'w', role: 'agent' }) as Principal;
const request = { headers: {} } as Request;
const response = {} as Response;

describe('Authenticator', () => {
  it("keeps each app's strategies its own when several apps share a process", async () => {
    const first = authenticatorOf(principal('first'));
    const second = authenticatorOf(principal('second'));
    // Passport's global instance would hand both to whichever registered last.
    expect((await first.authenticate(SESSION_STRATEGY, request, response))?.userId).toBe('first');
    expect((await second.authenticate(SESSION_STRATEGY, request, response))?.userId).toBe('second');
    expect((await first.authenticate(TOKEN_STRATEGY, request, response))?.userId).toBe('first');
  });

  it('answers null for missing or bad credentials and passes a failure on', async () => {
    await expect(
      authenticatorOf(null).authenticate(SESSION_STRATEGY, request, response),
    ).resolves.toBeNull();
    await expect(
      authenticatorOf(new Error('database down')).authenticate(TOKEN_STRATEGY, request, response),
    ).rejects.toThrow('database down');
  });
});
