import { BlockList, isIP } from 'node:net';

/** IPv4 clients reach a dual-stack server as ::ffff:a.b.c.d; they are matched as the IPv4 address they are. */
const plain = (address: string) => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/iu, '');
const family = (address: string): 'ipv4' | 'ipv6' => (isIP(address) === 6 ? 'ipv6' : 'ipv4');

export class TrustProxyError extends Error {
  override name = 'TrustProxyError';
}

/**
 * The reverse proxies (nginx, a cloud load balancer) whose X-Forwarded-For is believed. Behind one, every user
 * arrives from the proxy's address; the header says whom the proxy was talking to. From anyone else the header
 * is whatever a client chose to send, so it is ignored.
 */
export class TrustedProxies {
  private constructor(private readonly list: BlockList, readonly entries: readonly string[]) {}

  static readonly NONE = new TrustedProxies(new BlockList(), []);

  /**
   * `TONGCE_TRUST_PROXY`: addresses and CIDR ranges separated by commas ("10.0.0.5, 172.16.0.0/12, ::1"), or
   * "loopback" for a proxy on the same machine. Unset or empty trusts no one.
   */
  static parse(value: string | undefined): TrustedProxies {
    const entries = (value ?? '').split(',').map((e) => e.trim()).filter((e) => e !== '');
    if (entries.length === 0) return TrustedProxies.NONE;
    const list = new BlockList();
    for (const entry of entries) {
      if (entry === 'loopback') {
        list.addSubnet('127.0.0.0', 8, 'ipv4');
        list.addAddress('::1', 'ipv6');
        continue;
      }
      const [address = '', bits, extra] = entry.split('/');
      const prefix = bits === undefined ? null : Number(bits);
      const max = isIP(address) === 6 ? 128 : 32;
      if (!isIP(address) || extra !== undefined || (prefix !== null && (!Number.isInteger(prefix) || prefix < 0 || prefix > max || bits === ''))) {
        throw new TrustProxyError(`TONGCE_TRUST_PROXY: “${entry}” is not an IP address, a CIDR range (10.0.0.0/8) or “loopback”`);
      }
      if (prefix === null) list.addAddress(address, family(address));
      else list.addSubnet(address, prefix, family(address));
    }
    return new TrustedProxies(list, entries);
  }

  trusts(address: string): boolean {
    const a = plain(address);
    return isIP(a) !== 0 && this.list.check(a, family(a));
  }

  /**
   * Who the request is from: the connection's address, unless that is a trusted proxy — then the nearest address
   * in X-Forwarded-For (read from the right, where each proxy appends) that is not itself a trusted proxy.
   */
  clientOf(remote: string | undefined, forwardedFor: string | string[] | undefined): string {
    const direct = plain(remote ?? 'unknown');
    if (!this.trusts(direct) || forwardedFor === undefined) return direct;
    const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor).split(',').map((h) => plain(h.trim())).filter((h) => h !== '');
    let client = direct;
    for (let i = hops.length - 1; i >= 0; i--) {
      client = hops[i]!;
      if (!this.trusts(client)) break;
    }
    return client;
  }
}
