import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@sanad/config';
import { hmacHex } from '@sanad/core';
import { CappedMap, createChallenge, randomInt, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { verify } from 'altcha-lib/frameworks/shared';

/** The field the ALTCHA widget posts its solution in. */
export const CHALLENGE_FIELD = '_sanad_altcha';

const COST = 1_000;
const TTL_MS = 10 * 60 * 1000;

/**
 * The optional proof-of-work challenge (ALTCHA, on our own server: no third party sees the
 * customer). A challenge is signed with a key derived from APP_SECRET, expires in ten minutes,
 * and each solution is taken once (per process).
 */
@Injectable()
export class ProofOfWork {
  private readonly secret: string;
  private readonly used = new CappedMap<string, boolean>({ maxSize: 100_000 });

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.secret = hmacHex(config.appSecret, 'form-proof-of-work');
  }

  create(): Promise<Challenge> {
    return createChallenge({
      algorithm: 'PBKDF2/SHA-256',
      cost: COST,
      counter: randomInt(COST / 2, COST),
      deriveKey,
      hmacSignatureSecret: this.secret,
      expiresAt: new Date(Date.now() + TTL_MS),
    });
  }

  /** Whether the posted payload solves a challenge of ours that is still valid and unused. */
  async solved(payload: string | null | undefined): Promise<boolean> {
    if (!payload || payload.length > 10_000) return false;
    const store = {
      get: (key: string): unknown => this.used.get(key),
      set: (key: string, value: boolean): unknown => this.used.set(key, value),
    };
    const result = await verify(payload, deriveKey, this.secret, undefined, store).catch(
      () => null,
    );
    return !!result && result.error === null;
  }
}
