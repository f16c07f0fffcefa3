// what a DNS message looks like on the wire, as far as the tools show it: the size dig reports
// (`MSG SIZE rcvd`) and each record's data in master-file text. CoreDNS sends small answers
// uncompressed (miekg/dns turns compression off when a message fits the client's buffer);
// ordinary recursive resolvers compress names.

import type { DnsAnswer, DnsRecord } from './dns.ts';

/** bytes of a name without compression: a length byte per label, the labels, the root byte */
function nameLength(name: string): number {
  const labels = name.replace(/\.$/, '').split('.').filter(Boolean);
  return labels.reduce((n, l) => n + 1 + l.length, 0) + 1;
}

/** a name written with pointers to suffixes written before it */
class NameWriter {
  private seen = new Set<string>();

  constructor(private readonly compress: boolean) {}

  write(name: string, compressible = true): number {
    const labels = name.replace(/\.$/, '').split('.').filter(Boolean);
    let size = 0;
    for (let i = 0; i < labels.length; i++) {
      const suffix = labels.slice(i).join('.').toLowerCase();
      if (this.compress && compressible && this.seen.has(suffix)) return size + 2;
      this.seen.add(suffix);
      size += 1 + labels[i]!.length;
    }
    return size + 1;
  }
}

function rdataLength(record: DnsRecord, names: NameWriter): number {
  switch (record.type) {
    case 'A':
      return 4;
    case 'AAAA':
      return 16;
    case 'CNAME':
    case 'PTR':
    case 'NS':
      return names.write(record.target);
    case 'SRV':
      // the SRV target is never compressed
      return 6 + nameLength(record.target);
    case 'TXT':
      return record.text.reduce((n, t) => n + 1 + t.length, 0);
    case 'SOA':
      return names.write(record.mname) + names.write(record.rname) + 20;
  }
}

/** the response's size in bytes: header, question, records, and the OPT record when EDNS is on */
export function messageSize(qname: string, reply: DnsAnswer, options: { edns: boolean; compress: boolean }): number {
  const names = new NameWriter(options.compress);
  let size = 12 + names.write(qname) + 4;
  for (const record of [...reply.answer, ...reply.authority, ...reply.additional]) {
    size += names.write(record.name) + 10 + rdataLength(record, names);
  }
  if (options.edns) size += 11;
  return size;
}

/** a record's data as master files (and dig) write it */
export function rdataText(record: DnsRecord): string {
  switch (record.type) {
    case 'A':
    case 'AAAA':
      return record.ip;
    case 'CNAME':
    case 'PTR':
    case 'NS':
      return record.target;
    case 'SRV':
      return `${record.priority} ${record.weight} ${record.port} ${record.target}`;
    case 'TXT':
      return record.text.map((t) => `"${t}"`).join(' ');
    case 'SOA':
      return `${record.mname} ${record.rname} ${record.serial} ${record.refresh} ${record.retry} ${record.expire} ${record.minimum}`;
  }
}

/** an owner or target name without its trailing dot, as resolver libraries print them */
export function bare(name: string): string {
  return name === '.' ? '.' : name.replace(/\.$/, '');
}
