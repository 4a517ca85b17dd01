import { bytesToHex, type Hex } from 'viem'

/**
 * A fresh project id: 32 random bytes, the `projectHash` that groups a CSP's jobs on chain (Deeploy's
 * `project_id`). Every job created with it belongs to the same project.
 *
 * @example
 * ```ts
 * import { generateProjectHash } from '@ratio1/sdk-escrow'
 * const projectHash = generateProjectHash()
 * await client.createJobs({ jobs: [{ jobType: 1, nodes: 2, epochs: 30, projectHash }] })
 * ```
 */
export function generateProjectHash(): Hex {
  return bytesToHex(globalThis.crypto.getRandomValues(new Uint8Array(32)))
}
