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
 * A fleet operation named a node the fleet does not know, or one that is offline.
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
  readonly reason: 'unknown' | 'offline'
  constructor({ node, reason }: { node: string; reason: 'unknown' | 'offline' }) {
    super(
      reason === 'unknown'
        ? `Node ${node} is not part of the fleet.`
        : `Node ${node} is offline and cannot run workloads.`,
      {
        metaMessages: [
          reason === 'unknown'
            ? 'Use a node address returned by fleet.listNodes().'
            : 'Pick an online node, or recover this one first.',
        ],
        docsPath: '#fleetnodeerror',
      },
    )
    this.node = node
    this.reason = reason
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
