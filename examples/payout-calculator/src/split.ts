import { allocateJobEpochs, formatUsdc, parseUsdc } from '@ratio1/sdk-core'
import type { Report } from './report.js'

/** Options of the `split` command. */
export type SplitOptions = {
  /** USDC per node per epoch, as a decimal string. */
  price: string
  nodes: string
  epochs: string
}

/** How one allocation of `epochs` epochs on `nodes` nodes splits between operators and the burn. */
export function splitReport(options: SplitOptions): Report {
  const allocation = allocateJobEpochs({
    pricePerEpoch: parseUsdc(options.price),
    activeNodes: Number(options.nodes),
    epochs: Number(options.epochs),
  })
  const usdc = (amount: bigint) => formatUsdc(amount)
  return {
    title: `Allocating ${allocation.epochs} epoch(s) at ${options.price} USDC on ${allocation.nodeCount} node(s)`,
    tables: [
      {
        headers: ['', 'per node (USDC)', 'all nodes (USDC)'],
        rows: [
          ['gross', usdc(allocation.rewardPerNode), usdc(allocation.debit)],
          [
            'to the node (85 %, remainder included)',
            usdc(allocation.netPerNode),
            usdc(allocation.totalNode),
          ],
          ['burned as R1 (floor 15 %)', usdc(allocation.burnPerNode), usdc(allocation.totalBurn)],
        ],
      },
    ],
    data: allocation,
  }
}
