// Stand-in for sdk-core's node-address helpers, kept internal so the package does not depend on their
// exact signature: `0xai_` (or legacy `aixp_`) + base64url of a 33-byte compressed secp256k1 key.

/** @internal */
export function nodeAddressToPublicKeyBytes(address: string): Uint8Array | undefined {
  const body = address.replace(/^(0xai_|aixp_)/, '')
  if (body === address || !/^[A-Za-z0-9_-]+={0,2}$/.test(body)) return undefined
  const bytes = base64UrlToBytes(body)
  if (bytes?.length !== 33 || (bytes[0] !== 2 && bytes[0] !== 3)) return undefined
  return bytes
}

/** @internal */
export function base64UrlToBytes(text: string): Uint8Array | undefined {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '')
  if (base64.length % 4 === 1) return undefined
  try {
    const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4))
    return Uint8Array.from(binary, (c) => c.charCodeAt(0))
  } catch {
    return undefined
  }
}
