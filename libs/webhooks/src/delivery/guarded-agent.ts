import { promises as dns } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { Agent, buildConnector } from 'undici';
import { forbiddenAddressReason, type AllowList } from './address-policy.util';
import type { LookupAll } from './url-policy';

/** The `code` of a `ForbiddenAddressError`, for callers that see it wrapped or across realms. */
export const FORBIDDEN_ADDRESS_CODE = 'ERR_WEBHOOK_FORBIDDEN_ADDRESS';

/** A connection the guard refused: the host is, or resolved to, an address webhooks may not reach. */
export class ForbiddenAddressError extends Error {
  readonly code = FORBIDDEN_ADDRESS_CODE;

  constructor(
    readonly host: string,
    readonly address: string,
    readonly reason: string,
  ) {
    super(
      host === address
        ? `${address} (${reason}) may not be reached by webhooks`
        : `${host} resolved to ${address} (${reason}), which webhooks may not reach`,
    );
    this.name = 'ForbiddenAddressError';
  }
}

export interface GuardedAgentOptions {
  allow: AllowList;
  /** How names are resolved; tests pass a fake zone. */
  lookup?: LookupAll;
  /** Upper bound for DNS + TCP (+ TLS) of one connection. */
  connectTimeoutMs?: number;
  /** Further undici options (keep-alive, connections per origin). */
  agent?: Omit<Agent.Options, 'connect'>;
}

/**
 * An undici `Agent` that only opens connections to addresses webhooks may reach. The check runs
 * at connect time on the addresses actually used, so a name that resolved to a public address
 * when the URL was saved and to an internal one now (DNS rebinding) is refused:
 * - IP-literal hosts (Node never looks them up) are checked before connecting;
 * - names are resolved by the guarded `lookup`, which refuses the host when any address is
 *   forbidden and not allowlisted (unless the name itself is allowlisted);
 * - the peer of every new socket is checked again before a byte is written, as a backstop.
 * Refusals fail the request with `ForbiddenAddressError`.
 */
export function createGuardedAgent(options: GuardedAgentOptions): Agent {
  const { allow, lookup = dns.lookup, connectTimeoutMs, agent } = options;
  const connector = buildConnector({
    lookup: guardedLookup(allow, lookup),
    ...(connectTimeoutMs === undefined ? {} : { timeout: connectTimeoutMs }),
  });
  return new Agent({
    ...agent,
    connect: (connectOptions, callback) => {
      const { hostname } = connectOptions;
      const hostAllowed = allow.allowsHost(hostname);
      if (!hostAllowed && isIP(hostname)) {
        const refusal = refusalFor(hostname, hostname, allow);
        if (refusal) return callback(refusal, null);
      }
      connector(connectOptions, (error, socket) => {
        if (error) return callback(error, null);
        const peer = socket.remoteAddress;
        const refusal = hostAllowed
          ? null
          : peer
            ? refusalFor(hostname, peer, allow)
            : new ForbiddenAddressError(hostname, 'unknown', 'unknown');
        if (refusal) {
          socket.destroy();
          return callback(refusal, null);
        }
        callback(null, socket);
      });
    },
  });
}

/**
 * A `net.connect` lookup that resolves every address of the host and refuses the host when any
 * of them is forbidden and not allowlisted: connecting to the public one of a mixed answer would
 * still leave the choice to the resolver.
 */
export function guardedLookup(allow: AllowList, resolve: LookupAll = dns.lookup): LookupFunction {
  return (hostname, options, callback) => {
    const checked = resolve(hostname, { ...options, all: true }).then((addresses) => {
      if (addresses.length === 0) throw notFound(hostname);
      if (!allow.allowsHost(hostname)) {
        for (const { address } of addresses) {
          const refusal = refusalFor(hostname, address, allow);
          if (refusal) throw refusal;
        }
      }
      return addresses;
    });
    void checked.then(
      (addresses) => {
        if (options.all) callback(null, addresses);
        else callback(null, addresses[0].address, addresses[0].family);
      },
      (error: NodeJS.ErrnoException) => callback(error, ''),
    );
  };
}

function refusalFor(host: string, address: string, allow: AllowList): ForbiddenAddressError | null {
  const reason = forbiddenAddressReason(address);
  return reason !== null && !allow.allowsAddress(address)
    ? new ForbiddenAddressError(host, address, reason)
    : null;
}

function notFound(hostname: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
    code: 'ENOTFOUND',
    hostname,
  });
}
