import * as z from 'zod/mini'
import { memo } from '../internal/memo.js'

// Oracle API (spec §3.14). Flat server_* keys are added to every result; objects stay loose.

export const currentEpochResultSchema = /* @__PURE__ */ memo(() =>
  z.looseObject({ current_epoch: z.int() }),
)

export const activeNodesListResultSchema = /* @__PURE__ */ memo(() =>
  z.looseObject({
    error: z.nullish(z.string()),
    nodes_total_items: z.int(),
    nodes_total_pages: z.int(),
    nodes_items_per_page: z.int(),
    nodes_page: z.int(),
    nodes: z.record(z.string(), z.record(z.string(), z.unknown())),
    resources_total: z.nullish(z.record(z.string(), z.unknown())),
    query_time: z.optional(z.number()),
  }),
)

export const countryStatsResultSchema = /* @__PURE__ */ memo(() =>
  z.looseObject({
    countries: z.array(
      z.looseObject({
        code: z.string(),
        count: z.int(),
        datacenterCount: z.int(),
        kybCount: z.int(),
      }),
    ),
    nodes_total_items: z.optional(z.int()),
  }),
)

export const nodeEpochsResultSchema = /* @__PURE__ */ memo(() =>
  z.looseObject({
    node: z.string(),
    node_eth_address: z.nullish(z.string()),
    node_alias: z.nullish(z.string()),
    epochs: z.optional(z.array(z.int())),
    epochs_vals: z.optional(z.array(z.int().check(z.minimum(0), z.maximum(255)))),
    from_epoch: z.nullish(z.int()),
    to_epoch: z.nullish(z.int()),
    packed_availabilities: z.nullish(z.string()),
    eth_signatures: z.optional(z.array(z.unknown())),
    eth_addresses: z.optional(z.array(z.string())),
    node_is_online: z.optional(z.boolean()),
    node_is_oracle: z.optional(z.boolean()),
    node_version: z.nullish(z.string()),
    node_last_seen_sec: z.nullish(z.number()),
    resources: z.nullish(z.record(z.string(), z.unknown())),
    tags: z.optional(z.unknown()),
    error: z.nullish(z.string()),
  }),
)
/**
 * Availability of one node over a range of epochs (0–255 each), with the oracles' signatures.
 *
 * @useDeclaredType
 */
export type NodeEpochs = z.output<ReturnType<typeof nodeEpochsResultSchema>>

export const multiNodeEpochsResultSchema = /* @__PURE__ */ memo(() =>
  z.record(z.string(), z.unknown()),
)

export const nodesListResultSchema = /* @__PURE__ */ memo(() =>
  z.looseObject({ nodes: z.record(z.string(), z.record(z.string(), z.unknown())) }),
)

export const nodeEpochResultSchema = /* @__PURE__ */ memo(() =>
  z.looseObject({
    ...nodeEpochsResultSchema().shape,
    epoch_id: z.int(),
    epoch_val: z.int().check(z.minimum(0), z.maximum(255)),
    epoch_prc: z.number(),
  }),
)
