// Point decompression on secp256k1 (y² = x³ + 7 over p). p ≡ 3 (mod 4), so a square root is
// r^((p + 1) / 4); the compressed prefix (02 even, 03 odd) picks between y and p − y.
const p = 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2fn

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n
  let b = base % modulus
  let e = exponent
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus
    b = (b * b) % modulus
    e >>= 1n
  }
  return result
}

/** Returns the 64-byte `x ‖ y` of a compressed key (`02|03 ‖ x`), or undefined if x is not on the curve. */
export function decompressPublicKey(compressed: string): string | undefined {
  const x = BigInt(`0x${compressed.slice(4)}`)
  if (x >= p) return undefined
  const rhs = (modPow(x, 3n, p) + 7n) % p
  let y = modPow(rhs, (p + 1n) / 4n, p)
  if ((y * y) % p !== rhs) return undefined
  const wantOdd = compressed.slice(2, 4) === '03'
  if ((y & 1n) === 1n) {
    if (!wantOdd) y = p - y
  } else if (wantOdd) y = p - y
  return x.toString(16).padStart(64, '0') + y.toString(16).padStart(64, '0')
}

/** Compresses a 65-byte uncompressed key (`04 ‖ x ‖ y`) to 33 bytes. */
export function compressPublicKey(uncompressed: string): string {
  const x = uncompressed.slice(4, 68)
  const yLastNibble = Number.parseInt(uncompressed.slice(-1), 16)
  return `0x${yLastNibble % 2 === 1 ? '03' : '02'}${x}`
}
