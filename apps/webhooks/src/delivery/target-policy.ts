import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { ProblemException, problemType, statusProblem } from '@multitrack/platform';

/** Loopback, private, link-local, shared and unspecified ranges: never a webhook target in production. */
const blocked = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  blocked.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  blocked.addSubnet(network, prefix, 'ipv6');

const mappedV4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i;

export const isPrivateAddress = (address: string): boolean => {
  const v4 = mappedV4.exec(address)?.[1];
  if (v4) return blocked.check(v4, 'ipv4');
  const family = isIP(address);
  if (family === 0) return true;
  return blocked.check(address, family === 4 ? 'ipv4' : 'ipv6');
};

export class TargetRefused extends Error {
  override readonly name = 'TargetRefused';
}

const refused = (detail: string) =>
  new ProblemException({
    ...statusProblem(422, detail),
    type: problemType('subscription.url-not-allowed'),
    title: 'Webhook URL not allowed',
    rule: 'subscription.url-not-allowed',
  });

/**
 * Where webhooks may go (API.md): `https://` to public addresses only, unless
 * `WEBHOOK_ALLOW_PRIVATE_URLS` (development and tests). The URL is checked when subscribing, and
 * the address again at every connection, by the lookup the request uses: what the name resolves to
 * then is what is checked and what is dialled, so DNS rebinding gains nothing (decision 0193).
 */
export class TargetPolicy {
  constructor(private readonly allowPrivate: boolean) {}

  /** At subscription: the scheme, and an address literal or `localhost` as the host. */
  checkUrl(url: string): void {
    if (this.allowPrivate) return;
    const { protocol, hostname } = new URL(url);
    if (protocol !== 'https:') throw refused('webhook URLs must be https://');
    const host = hostname.replace(/^\[|\]$/g, '');
    if (host === 'localhost' || host.endsWith('.localhost') || (isIP(host) !== 0 && isPrivateAddress(host)))
      throw refused('webhook URLs must not point at loopback or private addresses');
  }

  /** At delivery: for a URL that names an address, the address itself. */
  checkAddressLiteral(hostname: string): void {
    const host = hostname.replace(/^\[|\]$/g, '');
    if (!this.allowPrivate && isIP(host) !== 0 && isPrivateAddress(host))
      throw new TargetRefused(`${host} is a loopback or private address`);
  }

  /** A `net` lookup that refuses a name resolving to any loopback or private address. */
  readonly lookup: LookupFunction = (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const forbidden = this.allowPrivate
        ? undefined
        : addresses.find(({ address }) => isPrivateAddress(address));
      if (forbidden)
        return callback(new TargetRefused(`${hostname} resolves to ${forbidden.address}`), '', 0);
      if (options.all)
        return (callback as unknown as (e: null, all: LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}
