import { type Address, parseEventLogs } from 'viem'
import type { MissingAccountErrorType, TransactionRevertedErrorType } from '../errors/contracts.js'
import { licenseRegistryAbi } from '../generated/abis.js'
import { type SigningClient, type WriteAndWaitErrorType, writeAndWait } from './internal.js'

export type MintNodeLicensesParameters = {
  /** The devnet ND or MND registry; the client's account must own it (the deployer does). */
  registry: Address
  /** Receives the licences. */
  to: Address
  /** One licence is minted per node, with the node already linked. */
  nodes: readonly Address[]
}
export type MintNodeLicensesReturnType = {
  licenses: { licenseId: bigint; node: Address }[]
}
export type MintNodeLicensesErrorType =
  | MissingAccountErrorType
  | TransactionRevertedErrorType
  | WriteAndWaitErrorType

/**
 * Gives `to` one devnet ND or MND licence per node, each linked to its node, so `to` can deploy a
 * CSP escrow (when a node is an oracle) or, for ND, claim the node's rewards. There is no payment
 * on the devnet: the registry owner mints.
 *
 * @example
 * ```ts
 * import { mintNodeLicenses } from '@ratio1/contracts/deploy'
 * const { licenses } = await mintNodeLicenses(walletClient, {
 *   registry: system.addresses.nd,
 *   to: cspOwner,
 *   nodes: [oracleNode],
 * })
 * ```
 */
export async function mintNodeLicenses(
  client: SigningClient,
  parameters: MintNodeLicensesParameters,
): Promise<MintNodeLicensesReturnType> {
  const { registry, to } = parameters
  const licenses: MintNodeLicensesReturnType['licenses'] = []
  for (const node of parameters.nodes) {
    const receipt = await writeAndWait(
      client,
      client,
      {
        address: registry,
        abi: licenseRegistryAbi,
        functionName: 'mintLinkedLicense',
        args: [to, node],
      },
      'mintNodeLicenses',
    )
    const [linked] = parseEventLogs({
      abi: licenseRegistryAbi,
      eventName: 'NodeLinked',
      logs: receipt.logs,
    })
    if (linked) licenses.push({ licenseId: linked.args.licenseId, node: linked.args.node })
  }
  return { licenses }
}
