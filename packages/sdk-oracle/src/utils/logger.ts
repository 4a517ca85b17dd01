/** Severity of a log line. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error'

/** A structured logger: one JSON object per line, with a message and fields. */
export type Logger = {
  [level in LogLevel]: (message: string, fields?: Record<string, unknown>) => void
} & {
  /** A logger that adds `fields` to every line. */
  child(fields: Record<string, unknown>): Logger
}

const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 }

export type CreateLoggerParameters = {
  /** Lowest level written. @default 'info' */
  level?: LogLevel | undefined
  /** Receives each line (without a newline). @default process.stderr */
  write?: ((line: string) => void) | undefined
  /** Fields added to every line. */
  fields?: Record<string, unknown> | undefined
  /** Clock for the `time` field. @default Date.now */
  now?: (() => number) | undefined
}

/**
 * Creates a JSON-lines logger. Bigints are written as decimal strings, errors as their `name` and
 * `shortMessage`/`message`.
 *
 * @example
 * ```ts
 * import { createLogger } from '@ratio1/sdk-oracle'
 * const log = createLogger({ level: 'debug', fields: { oracle: 'oracle-1' } })
 * log.info('submitted', { jobId: 3n, txHash })
 * ```
 */
export function createLogger(parameters: CreateLoggerParameters = {}): Logger {
  const min = order[parameters.level ?? 'info']
  const write = parameters.write ?? ((line: string) => process.stderr.write(`${line}\n`))
  const now = parameters.now ?? Date.now
  const base = parameters.fields ?? {}
  const make = (fields: Record<string, unknown>): Logger => {
    const emit = (level: LogLevel) => (message: string, extra?: Record<string, unknown>) => {
      if (order[level] < min) return
      write(
        JSON.stringify(
          { time: new Date(now()).toISOString(), level, msg: message, ...fields, ...extra },
          replacer,
        ),
      )
    }
    return {
      debug: emit('debug'),
      info: emit('info'),
      warn: emit('warn'),
      error: emit('error'),
      child: (more) => make({ ...fields, ...more }),
    }
  }
  return make(base)
}

/**
 * A logger that drops everything.
 *
 * @example
 * ```ts
 * import { silentLogger } from '@ratio1/sdk-oracle'
 * const oracle = createOracle({ ...options, logger: silentLogger })
 * ```
 */
export const silentLogger: Logger = createLogger({ write: () => {} })

function replacer(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString()
  if (value instanceof Error)
    return {
      name: value.name,
      message: (value as { shortMessage?: string }).shortMessage ?? value.message,
    }
  return value
}
