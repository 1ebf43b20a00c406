import type { TransactionRunner } from '@sanad/database';

/**
 * A stand-in whose every method is a jest mock (created on first use), for service specs:
 * `const repo = mockOf<ConversationRepository>(); repo.find.mockResolvedValue(aConversation())`.
 */
export function mockOf<T extends object>(): jest.Mocked<T> {
  const fns = new Map<PropertyKey, jest.Mock>();
  return new Proxy({} as jest.Mocked<T>, {
    get(_target, key) {
      if (key === 'then') return undefined; // not a promise
      if (!fns.has(key)) fns.set(key, jest.fn());
      return fns.get(key);
    },
  });
}

/** Runs the work as if in a transaction (service specs have no database). */
export function inlineTransactions(): TransactionRunner {
  return {
    run: <T>(work: () => Promise<T>) => work(),
    snapshot: <T>(work: () => Promise<T>) => work(),
    outside: <T>(work: () => Promise<T>) => work(),
    active: true,
  } as unknown as TransactionRunner;
}
