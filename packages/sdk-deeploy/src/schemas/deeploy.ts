import { z } from 'zod'

// Response schemas of the Deeploy API (spec §3). Objects are loose: oracles add keys over time, and a
// client that rejects unknown keys would break on every oracle upgrade.

const integerString = z.union([
  z.string().regex(/^-?\d+$/, 'expected a decimal integer string'),
  z.number().int(),
])
/** Decimal integer string (or JSON integer) → bigint. */
export const bigintSchema = integerString.transform((value) => BigInt(value))

export const authSchema = z.looseObject({
  sender: z.string(),
  nonce: z.string(),
  sender_escrow: z.string().nullish(),
  escrow_owner: z.string().nullish(),
})
export type DeeployAuth = z.output<typeof authSchema>

export const serverInfoSchema = z.looseObject({
  alias: z.string().optional(),
  version: z.string().optional(),
  time: z.string().optional(),
  current_epoch: z.number().optional(),
  uptime: z.string().optional(),
})

const signatureFields = {
  server_info: serverInfoSchema.optional(),
  EE_SIGN: z.string().optional(),
  EE_SENDER: z.string().optional(),
  EE_HASH: z.string().optional(),
  EE_ETH_SENDER: z.string().optional(),
  EE_ETH_SIGN: z.string().optional(),
  SIGN_CANON_V: z.string().optional(),
}

export const statusSchema = z.enum([
  'success',
  'partial_success',
  'fail',
  'error',
  'pending',
  'timeout',
  'command_delivered',
])
export type DeeployStatus = z.output<typeof statusSchema>

/** The response envelope; only `result` is signed and used. */
export const envelopeSchema = z.looseObject({
  result: z.record(z.string(), z.unknown()),
  server_node_addr: z.string().optional(),
  evm_network: z.string().optional(),
})

export const failureSchema = z.looseObject({
  status: z.enum(['fail', 'error']),
  error: z.string().optional(),
  trace: z.array(z.string()).optional(),
  request: z.unknown().optional(),
  server_info: serverInfoSchema.optional(),
})

export const chainJobSchema = z.looseObject({
  id: bigintSchema,
  projectHash: z.string(),
  requestTimestamp: bigintSchema,
  startTimestamp: bigintSchema,
  lastNodesChangeTimestamp: bigintSchema,
  jobType: bigintSchema,
  pricePerEpoch: bigintSchema,
  lastExecutionEpoch: bigintSchema,
  numberOfNodesRequested: bigintSchema,
  balance: bigintSchema,
  lastAllocatedEpoch: bigintSchema,
  activeNodes: z.array(z.string()),
  network: z.string().optional(),
  escrowAddress: z.string().optional(),
})
/** An on-chain job as `get_apps` reports it, integers as bigints. */
export type ChainJob = z.output<typeof chainJobSchema>

export const pluginInstanceStatusSchema = z.looseObject({
  instance: z.string(),
  start: z.unknown().optional(),
  last_alive: z.unknown().optional(),
  last_error: z.unknown().optional(),
  instance_conf: z.record(z.string(), z.unknown()).optional(),
})

export const onlineAppSchema = z.looseObject({
  initiator: z.string().nullish(),
  owner: z.string().nullish(),
  last_config: z.unknown().optional(),
  is_deeployed: z.boolean().optional(),
  deeploy_specs: z.record(z.string(), z.unknown()).optional(),
  pipeline_data: z.record(z.string(), z.unknown()).optional(),
  plugins: z.record(z.string(), z.array(pluginInstanceStatusSchema)).optional(),
  node_alias: z.string().nullish(),
})
/** One pipeline running on one node, as the oracle's network monitor sees it. */
export type OnlineApp = z.output<typeof onlineAppSchema>

export const deeployAppSchema = z.looseObject({
  job_id: z.number().int(),
  pipeline: z.record(z.string(), z.unknown()).nullable(),
  online: z.record(z.string(), z.record(z.string(), onlineAppSchema)),
  chain_job: chainJobSchema.nullable(),
})
/** One job of `get_apps`: its stored pipeline, live instances per node and on-chain state. */
export type DeeployApp = z.output<typeof deeployAppSchema>

export const getAppsResultSchema = z.looseObject({
  status: z.literal('success'),
  apps: z.record(z.string(), deeployAppSchema),
  auth: authSchema,
  ...signatureFields,
})

export const deployResultSchema = z.looseObject({
  status: statusSchema,
  status_details: z.record(z.string(), z.unknown()).optional(),
  app_id: z.string().optional(),
  request: z.record(z.string(), z.unknown()).nullish(),
  auth: authSchema.optional(),
  ...signatureFields,
})

export const scaleUpResultSchema = z.looseObject({
  status: statusSchema,
  status_details: z.record(z.string(), z.unknown()).optional(),
  job_id: z.union([z.number(), z.string()]).optional(),
  request: z.record(z.string(), z.unknown()).nullish(),
  auth: authSchema.optional(),
  ...signatureFields,
})

export const discoveredInstanceSchema = z.looseObject({
  app_id: z.string(),
  instance_id: z.string(),
  plugin_signature: z.string(),
  plugin_instance: z.record(z.string(), z.unknown()).optional(),
  NODE: z.string(),
  CHAINSTORE_RESPONSE_KEY: z.string().nullish(),
})

export const deleteResultSchema = z.looseObject({
  request: z.looseObject({
    status: z.literal('success'),
    targets: z.array(discoveredInstanceSchema),
    job_id: z.union([z.number(), z.string()]).optional(),
    app_id: z.string().optional(),
  }),
  auth: authSchema.optional(),
  ...signatureFields,
})

export const instanceCommandResultSchema = z.looseObject({
  request: z.looseObject({
    status: z.literal('command_delivered'),
    app_id: z.string().nullish(),
    target_nodes: z.array(z.string()).optional(),
  }),
  auth: authSchema.optional(),
  ...signatureFields,
})

export const appCommandResultSchema = z.looseObject({
  request: z.looseObject({
    status: z.literal('command_delivered'),
    job_id: z.union([z.number(), z.string()]).nullish(),
    app_id: z.string().nullish(),
  }),
  targets: z.array(z.array(z.unknown())).optional(),
  auth: authSchema.optional(),
  ...signatureFields,
})

export const r1fsPipelineResultSchema = z.looseObject({
  status: z.literal('success'),
  job_id: z.union([z.number(), z.string()]),
  pipeline: z.record(z.string(), z.unknown()),
  pipeline_cid: z.string().optional(),
  auth: authSchema.optional(),
  ...signatureFields,
})

export const preferredNodeSchema = z.looseObject({
  address: z.string(),
  alias: z.string(),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
  description: z.string().optional(),
})
/** One entry of a CSP's preferred-node list. */
export type PreferredNode = z.output<typeof preferredNodeSchema>

export const preferredNodesResultSchema = z.looseObject({
  status: z.literal('success'),
  plus_level: z.number(),
  preferred_nodes: z.array(preferredNodeSchema),
  auth: authSchema.optional(),
  ...signatureFields,
})

export const oracleJobDetailsResultSchema = z.looseObject({
  status: z.literal('success'),
  job_id: z.union([z.number(), z.string()]),
  project_name: z.string().nullish(),
  job_name: z.string().nullish(),
  job_type: z.number().nullish(),
  ...signatureFields,
})

const capacitySchema = z.looseObject({
  total: z.number().nullable(),
  available: z.number().nullable(),
})
export const nodeSpecSchema = z.union([
  z.looseObject({
    node_alias: z.string().nullish(),
    node_is_online: z.boolean(),
    cpu: capacitySchema,
    memory: capacitySchema,
    disk: capacitySchema,
  }),
  z.looseObject({ error: z.string() }),
])
/** Capacity of one node (cores and GB), or the per-node error. */
export type NodeSpec = z.output<typeof nodeSpecSchema>

export const nodeSpecsResultSchema = z.looseObject({
  status: z.literal('success'),
  node_specs: z.record(z.string(), nodeSpecSchema),
  ...signatureFields,
})

export const reconcileResultSchema = z.looseObject({
  status: z.enum(['success', 'partial_success', 'fail']),
  transfer: z
    .looseObject({
      network: z.string().optional(),
      tx_hash: z.string(),
      log_index: z.number().nullish(),
      block_number: z.number().optional(),
      escrow: z.string(),
      old_owner: z.string(),
      new_owner: z.string(),
    })
    .optional(),
  preferred_nodes_migration: z
    .looseObject({ status: z.enum(['moved', 'already_current', 'missing', 'failed']) })
    .optional(),
  results: z
    .record(
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
    )
    .optional(),
  ...signatureFields,
})
