import { Logger } from '@nestjs/common';
import type { AppConfig } from '@sanad/config';
import { sealSecret } from '@sanad/core';
import { mockOf } from '@sanad/testing';
import type { OutboundRepository } from './outbound.repository';
import { SealedSecretsCheck } from './sealed-secrets.check';

describe('SealedSecretsCheck', () => {
  const config = (appSecret: string) => ({ appSecret }) as AppConfig;
  const sealedUnderA = sealSecret('a'.repeat(40), 'smtp-password');

  it.each([
    ['says so when APP_SECRET changed', 'b'.repeat(40), sealedUnderA, 1],
    ['is quiet when it opens', 'a'.repeat(40), sealedUnderA, 0],
    ['is quiet with nothing sealed', 'b'.repeat(40), null, 0],
  ])('%s', async (_name, secret, sealed, errors) => {
    const repo = mockOf<OutboundRepository>();
    repo.someSealedPassword.mockResolvedValue(sealed);
    const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    await new SealedSecretsCheck(repo, config(secret)).onApplicationBootstrap();
    expect(error).toHaveBeenCalledTimes(errors);
    if (errors) expect(String(error.mock.calls[0][0])).toMatch(/APP_SECRET/);
    error.mockRestore();
  });
});
