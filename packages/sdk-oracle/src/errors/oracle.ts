import { BaseError } from '@ratio1/sdk-core'

/**
 * The oracle's configuration (environment or file) does not satisfy its schema.
 *
 * @example
 * ```ts
 * import { InvalidOracleConfigError } from '@ratio1/sdk-oracle'
 * try { loadOracleConfig({ env: {} }) } catch (e) { if (e instanceof InvalidOracleConfigError) console.log(e.issues) }
 * ```
 */
export class InvalidOracleConfigError extends BaseError {
  override name = 'InvalidOracleConfigError'
  readonly issues: string[]
  constructor({ issues, source }: { issues: string[]; source: string }) {
    super(`The oracle configuration from ${source} is invalid.`, {
      metaMessages: [
        ...issues.map((issue) => `- ${issue}`),
        'Fix the listed settings and restart.',
      ],
      docsPath: '#invalidoracleconfigerror',
    })
    this.issues = issues
  }
}
export type InvalidOracleConfigErrorType = InvalidOracleConfigError & {
  name: 'InvalidOracleConfigError'
}

/**
 * A fleet operation named a node the fleet does not know, one that is offline, or (for a command) one
 * that does not run the job.
 *
 * @example
 * ```ts
 * import { FleetNodeError } from '@ratio1/sdk-oracle'
 * await fleet.startWorkload({ node: '0xai_unknown', workload }).catch((e) => e instanceof FleetNodeError)
 * ```
 */
export class FleetNodeError extends BaseError {
  override name = 'FleetNodeError'
  readonly node: string
  readonly reason: 'unknown' | 'offline' | 'not-running'
  /** The job a `'not-running'` command was for. */
  readonly jobId: bigint | undefined
  constructor({
    node,
    reason,
    jobId,
    appId,
  }: {
    node: string
    reason: 'unknown' | 'offline' | 'not-running'
    jobId?: bigint | undefined
    appId?: string | undefined
  }) {
    super(
      reason === 'unknown'
        ? `Node ${node} is not part of the fleet.`
        : reason === 'offline'
          ? `Node ${node} is offline and cannot run workloads.`
          : `Node ${node} does not run job ${jobId ?? '?'}${appId === undefined ? '' : ` as app ${appId}`}.`,
      {
        metaMessages: [
          reason === 'unknown'
            ? 'Use a node address returned by fleet.listNodes().'
            : reason === 'offline'
              ? 'Pick an online node, or recover this one first.'
              : 'Send the command to a node that fleet.listWorkloads() shows running the job.',
        ],
        docsPath: '#fleetnodeerror',
      },
    )
    this.node = node
    this.reason = reason
    this.jobId = jobId
  }
}
export type FleetNodeErrorType = FleetNodeError & { name: 'FleetNodeError' }

/**
 * The oracle's state database could not be opened or has a schema this version does not understand.
 *
 * @example
 * ```ts
 * import { StateStoreError } from '@ratio1/sdk-oracle'
 * try { createStateStore({ path: '/read-only/oracle.db' }) } catch (e) { if (e instanceof StateStoreError) console.log(e.path) }
 * ```
 */
export class StateStoreError extends BaseError {
  override name = 'StateStoreError'
  readonly path: string
  constructor({ path, cause, reason }: { path: string; cause?: unknown; reason: string }) {
    super(`The oracle state database at ${path} cannot be used: ${reason}.`, {
      cause,
      metaMessages: ['Check the path and its permissions, or point ORACLE_DB_PATH elsewhere.'],
      docsPath: '#statestoreerror',
    })
    this.path = path
  }
}
export type StateStoreErrorType = StateStoreError & { name: 'StateStoreError' }

/**
 * `startHardhatNode` could not bring a local chain up: the process did not start, exited before it
 * answered (its output is in `output`), or did not answer in time.
 *
 * @example
 * ```ts
 * import { LocalChainStartError, startHardhatNode } from '@ratio1/sdk-oracle/server'
 * await startHardhatNode({ port: 8545 }).catch((e) => e instanceof LocalChainStartError && console.log(e.output))
 * ```
 */
export class LocalChainStartError extends BaseError {
  override name = 'LocalChainStartError'
  readonly url: string
  /** The end of the node's output. */
  readonly output: string
  constructor({ url, reason, output }: { url: string; reason: string; output: string }) {
    super(`The local chain at ${url} did not start: ${reason}.`, {
      metaMessages: [
        ...(output ? ['Its output ends with:', output.slice(-2_000)] : []),
        'Free the port (or leave `port` unset to get a free one) and check that @ratio1/contracts is installed with its Hardhat.',
      ],
      docsPath: '#localchainstarterror',
    })
    this.url = url
    this.output = output
  }
}
export type LocalChainStartErrorType = LocalChainStartError & { name: 'LocalChainStartError' }

/**
 * `startDevnet` could not bring one of its processes up: an `r1-oracle` process exited or did not
 * answer `/health` in time. `output` holds the end of what it printed.
 *
 * @example
 * ```ts
 * import { DevnetStartError, startDevnet } from '@ratio1/sdk-oracle/server'
 * await startDevnet().catch((e) => e instanceof DevnetStartError && console.log(e.process, e.output))
 * ```
 */
export class DevnetStartError extends BaseError {
  override name = 'DevnetStartError'
  /** Which process: `oracle-1`, `oracle-2`, … */
  readonly process: string
  readonly output: string
  constructor({ process, reason, output }: { process: string; reason: string; output: string }) {
    super(`The devnet's ${process} did not start: ${reason}.`, {
      metaMessages: [
        ...(output ? ['Its output ends with:', output.slice(-2_000)] : []),
        'Check the ports given to startDevnet are free, then start it again.',
      ],
      docsPath: '#devnetstarterror',
    })
    this.process = process
    this.output = output
  }
}
export type DevnetStartErrorType = DevnetStartError & { name: 'DevnetStartError' }
