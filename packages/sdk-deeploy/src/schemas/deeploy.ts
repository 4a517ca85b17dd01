import * as z from 'zod/mini'
import { memo } from '../internal/memo.js'

// Response schemas of the Deeploy API (spec §3). Objects are loose: oracles add keys over time, and a
// client that rejects unknown keys would break on every oracle upgrade.

const integerString = /* @__PURE__ */ memo(() =>
  z.union([z.string().check(z.regex(/^-?\d+$/, 'expected a decimal integer string')), z.int()]),
)
/** Decimal integer string (or JSON integer) → bigint. */
export const bigintSchema = /* @__PURE__ */ memo(() =>
  z.pipe(
    integerString(),
    z.transform((value: string | number) => BigInt(value)),
  ),
)

export const authSchema = /* @__PURE__ */ memo(() =>
  z.looseObject({
    sender: z.string(),
    nonce: z.string(),
    sender_escrow: z.nullish(z.string()),
    escrow_owner: z.nullish(z.string()),
  }),
)
/**
 * The `auth` block of a Deeploy response: the request's sender and nonce, and the escrow it acted for.
 *
 * @useDeclaredType
 */
export type DeeployAuth = z.output<ReturnType<typeof authSchema>>

export const serverInfoSchema = /* @__PURE__ */ memo(() =>
  z.looseObject({
    alias: z.optional(z.string()),
    version: z.optional(z.string()),
    time: z.optional(z.string()),
    current_epoch: z.optional(z.number()),
    uptime: z.optional(z.string()),
  }),
)

const signatureFields = /* @__PURE__ */ memo(() => ({
  server_info: z.optional(serverInfoSchema()),
  EE_SIGN: z.optional(z.string()),
  EE_SENDER: z.optional(z.string()),
  EE_HASH: z.optional(z.string()),
  EE_ETH_SENDER: z.optional(z.string()),
  EE_ETH_SIGN: z.optional(z.string()),
  SIGN_CANON_V: z.optional(z.string()),
}))

export const statusSchema = /* @__PURE__ */ memo(() =>
  z.enum([
    'success',
    'partial_success',
    'fail',
    'error',
    'pending',
    'timeout',
    'command_delivered',
  ]),
)
/**
 * The `status` of a Deeploy response.
 *
 * @useDeclaredType
 */
export type DeeployStatus = z.output<ReturnType<typeof statusSchema>>

/** The response envelope; only `result` is signed and used. */
export const envelopeSchema = /* @__PURE__ */ memo(() =>
  z.looseObject({
    result: z.record(z.string(), z.unknown()),
    server_node_addr: z.optional(z.string()),
    evm_network: z.optional(z.string()),
  }),
)

export const failureSchema = /* @__PURE__ */ memo(() =>
  z.looseObject({
    status: z.enum(['fail', 'error']),
    error: z.optional(z.string()),
    trace: z.optional(z.array(z.string())),
    request: z.optional(z.unknown()),
    server_info: z.optional(serverInfoSchema()),
  }),
)

export const chainJobSchema = /* @__PURE__ */ memo(() =>
  z.looseObject({
    id: bigintSchema(),
    projectHash: z.string(),
    requestTimestamp: bigintSchema(),
    startTimestamp: bigintSchema(),
    lastNodesChangeTimestamp: bigintSchema(),
    jobType: bigintSchema(),
    pricePerEpoch: bigintSchema(),
    lastExecutionEpoch: bigintSchema(),
    numberOfNodesRequested: bigintSchema(),
    balance: bigintSchema(),
    lastAllocatedEpoch: bigintSchema(),
    activeNodes: z.array(z.string()),
    network: z.optional(z.string()),
    escrowAddress: z.optional(z.string()),
  }),
)
/**
 * An on-chain job as `get_apps` reports it, integers as bigints.
 *
 * @useDeclaredType
 */
export type ChainJob = z.output<ReturnType<typeof chainJobSchema>>

export const pluginInstanceStatusSchema = /* @__PURE__ */ memo(() =>
  z.looseObject({
    instance: z.string(),
    start: z.optional(z.unknown()),
    last_alive: z.optional(z.unknown()),
    last_error: z.optional(z.unknown()),
    instance_conf: z.optional(z.record(z.string(), z.unknown())),
  }),
)

export const onlineAppSchema = /* @__PURE__ */ memo(() =>
  z.looseObject({
    initiator: z.nullish(z.string()),
    owner: z.nullish(z.string()),
    last_config: z.optional(z.unknown()),
    is_deeployed: z.optional(z.boolean()),
    deeploy_specs: z.optional(z.record(z.string(), z.unknown())),
    pipeline_data: z.optional(z.record(z.string(), z.unknown())),
    plugins: z.optional(z.record(z.string(), z.array(pluginInstanceStatusSchema()))),
    node_alias: z.nullish(z.string()),
  }),
)
/**
 * One pipeline running on one node, as the oracle's network monitor sees it.
 *
 * @useDeclaredType
 */
export type OnlineApp = z.output<ReturnType<typeof onlineAppSchema>>

export const deeployAppSchema = /* @__PURE__ */ memo(() =>
  z.looseObject({
    job_id: z.int(),
    pipeline: z.nullable(z.record(z.string(), z.unknown())),
    online: z.record(z.string(), z.record(z.string(), onlineAppSchema())),
    chain_job: z.nullable(chainJobSchema()),
  }),
)
/**
 * One job of `get_apps`: its stored pipeline, live instances per node and on-chain state.
 *
 * @useDeclaredType
 */
export type DeeployApp = z.output<ReturnType<typeof deeployAppSchema>>

export const getAppsResultSchema = /* @__PURE__ */ memo(() =>
  z.looseObject({
    status: z.literal('success'),
    apps: z.record(z.string(), deeployAppSchema()),
    auth: authSchema(),
    ...signatureFields,
  }),
)

export const deployResultSchema = /* @__PURE__ */ memo(() =>
  z.looseObject({
    status: statusSchema(),
    status_details: z.optional(z.record(z.string(), z.unknown())),
    app_id: z.optional(z.string()),
    request: z.nullish(z.record(z.string(), z.unknown())),
    auth: z.optional(authSchema()),
    ...signatureFields,
  }),
)

export const scaleUpResultSchema = /* @__PURE__ */ memo(() =>
  z.looseObject({
    status: statusSchema(),
    status_details: z.optional(z.record(z.string(), z.unknown())),
    job_id: z.optional(z.union([z.number(), z.string()])),
    request: z.nullish(z.record(z.string(), z.unknown())),
    auth: z.optional(authSchema()),
    ...signatureFields,
  }),
)

export const discoveredInstanceSchema = /* @__PURE__ */ memo(() =>
  z.looseObject({
    app_id: z.string(),
    instance_id: z.string(),
    plugin_signature: z.string(),
    plugin_instance: z.optional(z.record(z.string(), z.unknown())),
    NODE: z.string(),
    CHAINSTORE_RESPONSE_KEY: z.nullish(z.string()),
  }),
)

export const deleteResultSchema = /* @__PURE__ */ memo(() =>
  z.looseObject({
    request: z.looseObject({
      status: z.literal('success'),
      targets: z.array(discoveredInstanceSchema()),
      job_id: z.optional(z.union([z.number(), z.string()])),
      app_id: z.optional(z.string()),
    }),
    auth: z.optional(authSchema()),
    ...signatureFields,
  }),
)

export const instanceCommandResultSchema = /* @__PURE__ */ memo(() =>
  z.looseObject({
    request: z.looseObject({
      status: z.literal('command_delivered'),
      app_id: z.nullish(z.string()),
      target_nodes: z.optional(z.array(z.string())),
    }),
    auth: z.optional(authSchema()),
    ...signatureFields,
  }),
)

export const appCommandResultSchema = /* @__PURE__ */ memo(() =>
  z.looseObject({
    request: z.looseObject({
      status: z.literal('command_delivered'),
      job_id: z.nullish(z.union([z.number(), z.string()])),
      app_id: z.nullish(z.string()),
    }),
    targets: z.optional(z.array(z.array(z.unknown()))),
    auth: z.optional(authSchema()),
    ...signatureFields,
  }),
)

export const r1fsPipelineResultSchema = /* @__PURE__ */ memo(() =>
  z.looseObject({
    status: z.literal('success'),
    job_id: z.union([z.number(), z.string()]),
    pipeline: z.record(z.string(), z.unknown()),
    pipeline_cid: z.optional(z.string()),
    auth: z.optional(authSchema()),
    ...signatureFields,
  }),
)

export const preferredNodeSchema = /* @__PURE__ */ memo(() =>
  z.looseObject({
    address: z.string(),
    alias: z.string(),
    createdAt: z.optional(z.string()),
    updatedAt: z.optional(z.string()),
    description: z.optional(z.string()),
  }),
)
/**
 * One entry of a CSP's preferred-node list.
 *
 * @useDeclaredType
 */
export type PreferredNode = z.output<ReturnType<typeof preferredNodeSchema>>

export const preferredNodesResultSchema = /* @__PURE__ */ memo(() =>
  z.looseObject({
    status: z.literal('success'),
    plus_level: z.number(),
    preferred_nodes: z.array(preferredNodeSchema()),
    auth: z.optional(authSchema()),
    ...signatureFields,
  }),
)

export const oracleJobDetailsResultSchema = /* @__PURE__ */ memo(() =>
  z.looseObject({
    status: z.literal('success'),
    job_id: z.union([z.number(), z.string()]),
    project_name: z.nullish(z.string()),
    job_name: z.nullish(z.string()),
    job_type: z.nullish(z.number()),
    ...signatureFields,
  }),
)

const capacitySchema = /* @__PURE__ */ memo(() =>
  z.looseObject({
    total: z.nullable(z.number()),
    available: z.nullable(z.number()),
  }),
)
export const nodeSpecSchema = /* @__PURE__ */ memo(() =>
  z.union([
    z.looseObject({
      node_alias: z.nullish(z.string()),
      node_is_online: z.boolean(),
      cpu: capacitySchema(),
      memory: capacitySchema(),
      disk: capacitySchema(),
    }),
    z.looseObject({ error: z.string() }),
  ]),
)
/**
 * Capacity of one node (cores and GB), or the per-node error.
 *
 * @useDeclaredType
 */
export type NodeSpec = z.output<ReturnType<typeof nodeSpecSchema>>

export const nodeSpecsResultSchema = /* @__PURE__ */ memo(() =>
  z.looseObject({
    status: z.literal('success'),
    node_specs: z.record(z.string(), nodeSpecSchema()),
    ...signatureFields,
  }),
)

export const reconcileResultSchema = /* @__PURE__ */ memo(() =>
  z.looseObject({
    status: z.enum(['success', 'partial_success', 'fail']),
    transfer: z.optional(
      z.looseObject({
        network: z.optional(z.string()),
        tx_hash: z.string(),
        log_index: z.nullish(z.number()),
        block_number: z.optional(z.number()),
        escrow: z.string(),
        old_owner: z.string(),
        new_owner: z.string(),
      }),
    ),
    preferred_nodes_migration: z.optional(
      z.looseObject({ status: z.enum(['moved', 'already_current', 'missing', 'failed']) }),
    ),
    results: z.optional(
      z.record(
        z.string(),
        z.looseObject({
          status: z.enum([
            'updated',
            'node_update_delivered',
            'already_current',
            'pipeline_missing',
            'failed',
          ]),
        }),
      ),
    ),
    ...signatureFields,
  }),
)
