// Helpers shared by the Deeploy handlers.
import { isSecretKey } from '@ratio1/sdk-deeploy'

/** A handled Deeploy failure: answered with HTTP 200 and `result.status = "fail"`, as the oracles do. */
export class DeeployFailure extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'DeeployFailure'
  }
}

/**
 * Masks secret-looking keys (and per-node config) the way the oracles redact failure echoes, and bounds
 * the echo's size (it is built from untrusted input).
 */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 16) return '…'
  if (Array.isArray(value)) return value.slice(0, 100).map((v) => redact(v, depth + 1))
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value).slice(0, 200)) {
      // An own "__proto__" key (JSON.parse makes one) would set the prototype here; it is dropped.
      if (key === '__proto__') continue
      out[key] = isSecretKey(key) && item ? '***' : redact(item, depth + 1)
    }
    return out
  }
  if (typeof value === 'string' && value.length > 2_000) return `${value.slice(0, 2_000)}…`
  return value
}

/** A positive integer job id from a JSON number or decimal string, else `undefined`. */
export function parseJobId(value: unknown): bigint | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return BigInt(value)
  if (typeof value === 'string' && /^[1-9][0-9]{0,30}$/.test(value)) return BigInt(value)
  return undefined
}

/** `"YYYY-MM-DD HH:MM:SS"` in UTC. */
export function formatTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ')
}

/** `str(timedelta)` as Python prints it: `"3 days, 4:05:06"`. */
export function formatUptime(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000))
  const days = Math.floor(total / 86_400)
  const h = Math.floor((total % 86_400) / 3_600)
  const m = String(Math.floor((total % 3_600) / 60)).padStart(2, '0')
  const s = String(total % 60).padStart(2, '0')
  const clock = `${h}:${m}:${s}`
  return days === 0 ? clock : `${days} day${days === 1 ? '' : 's'}, ${clock}`
}

/**
 * A plugin instance's id: its own `instance_id`, else `<app_id>_<position>` (how the stored pipelines
 * of this oracle name unnamed instances, in `get_apps`, deletions, commands and updates alike).
 */
export function instanceIdOf(plugin: unknown, appId: string, index: number): string {
  return isRecord(plugin) && typeof plugin.instance_id === 'string'
    ? plugin.instance_id
    : `${appId}_${index}`
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
