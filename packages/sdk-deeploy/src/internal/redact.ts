// The oracle's secret-key markers (deeploy redaction): a key is secret when its upper-cased,
// alphanumeric-only form contains one of them.
const markers = [
  'BEGINPRIVATEKEY',
  'BEGINRSAPRIVATEKEY',
  'BEGINOPENSSHPRIVATEKEY',
  'CERTIFICATE',
  'CACRT',
  'CAKEY',
  'NODECRT',
  'NODEKEY',
  'CLIENTCRT',
  'CLIENTKEY',
  'TOKEN',
  'PASSWORD',
  'PASS',
  'PWD',
  'SECRET',
  'PRIVATEKEY',
  'APIKEY',
  'ACCESSKEY',
  'AUTHORIZATION',
]
const perNode = new Set(['PERNODECONFIG'])

/**
 * Whether a request field holds a secret the oracles mask in echoes and logs: its upper-cased,
 * alphanumeric-only name contains a marker such as `TOKEN`, `PASSWORD`, `SECRET`, `PRIVATEKEY` or `APIKEY`
 * (and per-node configuration, which may carry any of them).
 *
 * @example
 * ```ts
 * import { isSecretKey } from '@ratio1/sdk-deeploy'
 * isSecretKey('CR_PASSWORD') // true
 * isSecretKey('IMAGE') // false
 * ```
 */
export function isSecretKey(key: string): boolean {
  const normalized = key.toUpperCase().replace(/[^A-Z0-9]/g, '')
  return perNode.has(normalized) || markers.some((marker) => normalized.includes(marker))
}

/**
 * Deep copy with every secret-looking value replaced by `"***"`, for errors and logs. Secrets the caller
 * registered (e.g. a Cloudflare token) are also masked wherever they appear inside strings.
 * @internal
 */
export function redact(value: unknown, secrets: readonly string[] = [], depth = 0): unknown {
  if (depth > 32) return '…'
  if (typeof value === 'string') return redactText(value, secrets)
  if (Array.isArray(value)) return value.map((item) => redact(item, secrets, depth + 1))
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value))
      out[key] = isSecretKey(key) && item ? '***' : redact(item, secrets, depth + 1)
    return out
  }
  return value
}

/** @internal */
export function redactText(text: string, secrets: readonly string[] = []): string {
  let out = text
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join('***')
  return out
}
