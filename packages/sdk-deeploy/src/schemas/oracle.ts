import { z } from 'zod'

// Oracle API (spec §3.14). Flat server_* keys are added to every result; objects stay loose.

export const currentEpochResultSchema = z.looseObject({ current_epoch: z.number().int() })

export const activeNodesListResultSchema = z.looseObject({
  error: z.string().nullish(),
  nodes_total_items: z.number().int(),
  nodes_total_pages: z.number().int(),
  nodes_items_per_page: z.number().int(),
  nodes_page: z.number().int(),
  nodes: z.record(z.string(), z.record(z.string(), z.unknown())),
  resources_total: z.record(z.string(), z.unknown()).nullish(),
  query_time: z.number().optional(),
})

export const countryStatsResultSchema = z.looseObject({
  countries: z.array(
    z.looseObject({
      code: z.string(),
      count: z.number().int(),
      datacenterCount: z.number().int(),
      kybCount: z.number().int(),
    }),
  ),
  nodes_total_items: z.number().int().optional(),
})

export const nodeEpochsResultSchema = z.looseObject({
  node: z.string(),
  node_eth_address: z.string().nullish(),
  node_alias: z.string().nullish(),
  epochs: z.array(z.number().int()).optional(),
  epochs_vals: z.array(z.number().int().min(0).max(255)).optional(),
  from_epoch: z.number().int().nullish(),
  to_epoch: z.number().int().nullish(),
  packed_availabilities: z.string().nullish(),
  eth_signatures: z.array(z.unknown()).optional(),
  eth_addresses: z.array(z.string()).optional(),
  node_is_online: z.boolean().optional(),
  node_is_oracle: z.boolean().optional(),
  node_version: z.string().nullish(),
  node_last_seen_sec: z.number().nullish(),
  resources: z.record(z.string(), z.unknown()).nullish(),
  tags: z.unknown().optional(),
  error: z.string().nullish(),
})
/** Availability of one node over a range of epochs (0–255 each), with the oracles' signatures. */
export type NodeEpochs = z.output<typeof nodeEpochsResultSchema>

export const multiNodeEpochsResultSchema = z.record(z.string(), z.unknown())
