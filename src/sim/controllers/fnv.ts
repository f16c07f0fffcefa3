// FNV-1a with a 128-bit state over the UTF-8 bytes of a string, as go's hash/fnv New128a, as a
// lowercase hex digest. the endpoints controllers order ports and subsets by this hash of their
// printed form, as upstream does; the simulation core runs in the browser too, so no node crypto.

/** the 128-bit offset basis, as eight 16-bit limbs, least significant first */
const OFFSET = [0xc58d, 0x6295, 0x2175, 0x62b8, 0x0142, 0x07bb, 0x272e, 0x6c62];

function utf8(text: string): number[] {
  const bytes: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) bytes.push(c);
    else if (c < 0x800) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else bytes.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return bytes;
}

export function fnv128a(text: string): string {
  const h = OFFSET.slice();
  const sum = new Array<number>(8);
  for (const byte of utf8(text)) {
    h[0] = h[0]! ^ byte;
    // h × (2^88 + 0x13b) mod 2^128: the small factor limb by limb, plus h shifted left by 88 bits
    for (let i = 0; i < 8; i++) sum[i] = h[i]! * 0x13b;
    for (let i = 0; i < 3; i++) {
      const shifted = h[i]! << 8;
      sum[5 + i] = sum[5 + i]! + (shifted & 0xffff);
      if (6 + i < 8) sum[6 + i] = sum[6 + i]! + (shifted >>> 16);
    }
    let carry = 0;
    for (let i = 0; i < 8; i++) {
      const v = sum[i]! + carry;
      h[i] = v & 0xffff;
      carry = Math.floor(v / 0x10000);
    }
  }
  let out = '';
  for (let i = 7; i >= 0; i--) out += h[i]!.toString(16).padStart(4, '0');
  return out;
}
