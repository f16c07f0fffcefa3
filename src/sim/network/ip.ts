// IPv4 arithmetic for the simulated networks (pod CIDRs, the service CIDR, node addresses)

export function ipToInt(ip: string): number {
  return ip.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
}

export function intToIp(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}

export interface Cidr {
  base: number;
  size: number;
  text: string;
}

export function parseCidr(text: string): Cidr {
  const [ip, bits] = text.split('/') as [string, string];
  const size = 2 ** (32 - Number(bits));
  return { base: Math.floor(ipToInt(ip) / size) * size, size, text };
}

export function cidrContains(cidr: Cidr, ip: string): boolean {
  const n = ipToInt(ip);
  return n >= cidr.base && n < cidr.base + cidr.size;
}

/** hands out addresses from a range in order, skipping those in use, as host-local IPAM does */
export class IpPool {
  private used = new Set<number>();
  private next: number;

  constructor(
    private readonly cidr: Cidr,
    /** offsets reserved at the start (network address, gateway) */
    private readonly firstOffset = 2,
  ) {
    this.next = firstOffset;
  }

  allocate(): string | null {
    const usable = this.cidr.size - this.firstOffset - 1;
    for (let i = 0; i < usable; i++) {
      const offset = this.firstOffset + ((this.next - this.firstOffset + i) % usable);
      if (!this.used.has(offset)) {
        this.used.add(offset);
        this.next = offset + 1;
        return intToIp(this.cidr.base + offset);
      }
    }
    return null;
  }

  /** claims a specific address; false when it is outside the range or taken */
  claim(ip: string): boolean {
    if (!cidrContains(this.cidr, ip)) return false;
    const offset = ipToInt(ip) - this.cidr.base;
    if (this.used.has(offset)) return false;
    this.used.add(offset);
    return true;
  }

  release(ip: string): void {
    if (cidrContains(this.cidr, ip)) this.used.delete(ipToInt(ip) - this.cidr.base);
  }

  get inUse(): number {
    return this.used.size;
  }
}
