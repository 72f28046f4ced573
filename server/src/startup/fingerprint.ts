/**
 * Eight bytes that tell two bundles apart: two 32-bit FNV-1a hashes of the bytes with different
 * starting values. Cheaper at a process's start than loading node:crypto, and a cache made from
 * another build is refused unless both hashes and the length agree.
 */
export function fingerprint(bytes: Uint8Array): Buffer {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < bytes.length; i++) {
    a = Math.imul(a ^ bytes[i]!, 0x01000193);
    b = Math.imul(b ^ bytes[i]!, 0x01000193) ^ (b >>> 15);
  }
  const out = Buffer.alloc(8);
  out.writeUInt32LE(a >>> 0, 0);
  out.writeUInt32LE(b >>> 0, 4);
  return out;
}
