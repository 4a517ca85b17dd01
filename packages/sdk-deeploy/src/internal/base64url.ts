// Decodes EE_SIGN (base64url DER, with or without '=' padding).

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
