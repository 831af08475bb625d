// The sealing of graded keys (issue 19 contract §3), written again in Node so
// that tests open what the Rust build seals without trusting the runtime
// under test: FNV-1a 32 of "seal/qid" seeds mulberry32, whose outputs (4
// bytes each, little-endian) are XORed with the key's UTF-8 JSON; base64url.

export function fnv1a32(bytes) {
  let h = 0x811c9dc5;
  for (const b of bytes) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function mulberry32(seed) {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** `bytes` XORed in place with the keystream of `seal` and `qid`. */
function xor(bytes, seal, qid) {
  const next = mulberry32(fnv1a32(Buffer.from(`${seal}/${qid}`, 'utf8')));
  let x = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (i % 4 === 0) x = next();
    bytes[i] ^= (x >>> (8 * (i % 4))) & 255;
  }
  return bytes;
}

/** `json` sealed for question `qid` of the block sealed with `seal`. */
export function seal(json, sealText, qid) {
  return xor(Buffer.from(json, 'utf8'), sealText, qid).toString('base64url');
}

/** The key object sealed in `text` (data-key) for question `qid` of the block sealed with `seal` (data-seal). */
export function unseal(text, sealText, qid) {
  return JSON.parse(xor(Buffer.from(text, 'base64url'), sealText, qid).toString('utf8'));
}
