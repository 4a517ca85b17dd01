import { toCanonicalJson } from '@ratio1/sdk-deeploy'
import type { Address } from 'viem'
import { type Auth, authObject } from './handlers.js'
import { DeeployFailure, isRecord } from './internal.js'
import type { ServerContext } from './types.js'

// Limits of deeploy-api.md §3.9, as the original enforces them.
const maxEntries = 100
const maxAlias = 128
const maxDescription = 512
const maxStoredBytes = 32 * 1024
const addressPattern = /^0xai_[A-Za-z0-9_-]+$/

/** One entry of a CSP's preferred-node list, normalized (§3.9). */
type PreferredNode = {
  address: string
  alias: string
  createdAt: string
  updatedAt: string
  description?: string
}

const iso = (ms: number) => new Date(ms).toISOString()

const show = (value: unknown) =>
  value === undefined ? '(missing)' : typeof value === 'string' ? value : JSON.stringify(value)

// What the original calls the short form: enough of the address to recognise it in a list.
const shortForm = (address: string) =>
  address.length > 18 ? `${address.slice(0, 12)}...${address.slice(-6)}` : address

function readTimestamp(value: unknown, field: string, index: number): string | undefined {
  if (value === undefined || value === null || value === '') return undefined
  const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN
  if (Number.isNaN(ms))
    throw new DeeployFailure(
      `Preferred node ${field} must be an ISO 8601 date such as 2026-01-31T12:00:00.000Z (entry ${index} has ${show(value)}).`,
    )
  return iso(ms)
}

function readText(value: unknown, field: string, index: number): string | undefined {
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'string')
    throw new DeeployFailure(
      `Preferred node ${field} must be a string (entry ${index} has ${show(value)}).`,
    )
  const trimmed = value.trim()
  return trimmed.length === 0 ? undefined : trimmed
}

/**
 * Normalizes a list as §3.9 does: trimmed `0xai_` addresses, alias defaulting to the legacy `label`
 * and then the address's short form, timestamps defaulting to `now` (or, for `createdAt`, to the
 * entry's previous value), duplicates merged (the last entry wins, at the first one's position).
 */
function normalizeNodes(
  raw: unknown[],
  now: string,
  previous: ReadonlyMap<string, PreferredNode>,
): PreferredNode[] {
  const byAddress = new Map<string, PreferredNode>()
  for (const [index, entry] of raw.entries()) {
    if (!isRecord(entry))
      throw new DeeployFailure(
        `Invalid preferred node address: ${show(entry)}. Each entry must be an object such as {"address": "0xai_…", "alias": "gpu-1"} (entry ${index}).`,
      )
    const address = typeof entry.address === 'string' ? entry.address.trim() : undefined
    if (address === undefined || !addressPattern.test(address))
      throw new DeeployFailure(
        `Invalid preferred node address: ${show(address ?? entry.address)}. A node address is 0xai_ followed by letters, digits, '_' or '-' (entry ${index}).`,
      )
    const alias =
      readText(entry.alias, 'alias', index) ??
      readText(entry.label, 'label', index) ??
      shortForm(address)
    if (alias.length > maxAlias)
      throw new DeeployFailure(
        `Preferred node alias is too long. The alias of ${address} has ${alias.length} characters; at most ${maxAlias} are allowed.`,
      )
    const description = readText(entry.description, 'description', index)
    if (description !== undefined && description.length > maxDescription)
      throw new DeeployFailure(
        `Preferred node description is too long. The description of ${address} has ${description.length} characters; at most ${maxDescription} are allowed.`,
      )
    byAddress.set(address, {
      address,
      alias,
      createdAt:
        readTimestamp(entry.createdAt, 'createdAt', index) ??
        previous.get(address)?.createdAt ??
        now,
      updatedAt: readTimestamp(entry.updatedAt, 'updatedAt', index) ?? now,
      ...(description === undefined ? {} : { description }),
    })
  }
  return [...byAddress.values()]
}

/** The owner's stored list; entries written before timestamps existed take the list's own time. */
function loadNodes(ctx: ServerContext, owner: Address): PreferredNode[] {
  let text: string | undefined
  try {
    text = ctx.store.getPreferredNodes(owner)
  } catch (error) {
    throw new DeeployFailure(
      `Failed to load Preferred Nodes from CStore. The oracle's shared state database answered: ${(error as Error).message}. Retry; if it persists, the oracle's operator must check that database.`,
    )
  }
  if (text === undefined) return []
  try {
    const stored: unknown = JSON.parse(text)
    if (!isRecord(stored) || !Array.isArray(stored.nodes))
      throw new Error('no "nodes" list in the stored value')
    const at = typeof stored.updated_at === 'string' ? stored.updated_at : iso(ctx.clock.now())
    return normalizeNodes(stored.nodes, at, new Map())
  } catch (error) {
    throw new DeeployFailure(
      `The stored Preferred Nodes of ${owner} are unreadable (${(error as Error).message}). Save the list again to replace them.`,
    )
  }
}

async function requirePlus(ctx: ServerContext, auth: Auth): Promise<number> {
  let level: number
  try {
    level = Math.floor(Number(await ctx.plusLevel(auth.escrow)))
  } catch (error) {
    throw new DeeployFailure(
      `Could not read the Plus level of escrow ${auth.escrow}: ${(error as { shortMessage?: string }).shortMessage ?? (error as Error).message}. Retry later.`,
    )
  }
  if (!(level > 0))
    throw new DeeployFailure(
      `Plus+ access is required for Preferred Nodes. Escrow ${auth.escrow} has Plus level ${Number.isNaN(level) ? 'unknown' : level}; upgrade it to Plus to keep a preferred-node list.`,
    )
  return level
}

/** `/get_preferred_nodes` (§3.9, Plus+): the escrow owner's preferred-node list, `[]` when none. */
export async function getPreferredNodes(
  ctx: ServerContext,
  _request: Record<string, unknown>,
  auth: Auth,
) {
  const plusLevel = await requirePlus(ctx, auth)
  return {
    status: 'success',
    plus_level: plusLevel,
    preferred_nodes: loadNodes(ctx, auth.owner),
    auth: authObject(auth),
  }
}

/**
 * `/save_preferred_nodes` (§3.9, Plus+): replaces the escrow owner's list with the normalized
 * `preferred_nodes` and answers with the list as stored.
 */
export async function savePreferredNodes(
  ctx: ServerContext,
  request: Record<string, unknown>,
  auth: Auth,
) {
  const plusLevel = await requirePlus(ctx, auth)
  const raw = request.preferred_nodes
  if (raw === undefined)
    throw new DeeployFailure(
      "'preferred_nodes' is required for save_preferred_nodes. Send the full list (an empty list clears it).",
    )
  if (!Array.isArray(raw))
    throw new DeeployFailure(
      `'preferred_nodes' must be a list. Got ${raw === null ? 'null' : typeof raw}; send a list of {"address": "0xai_…", "alias": "…"} objects.`,
    )
  if (raw.length > maxEntries)
    throw new DeeployFailure(`too many preferred nodes: ${raw.length} > ${maxEntries}`)
  const nowMs = ctx.clock.now()
  const now = iso(nowMs)
  // createdAt survives a save that leaves it out, so re-saving an edited list keeps each node's age;
  // an unreadable old list is simply replaced.
  let previous: PreferredNode[] = []
  try {
    previous = loadNodes(ctx, auth.owner)
  } catch {}
  const nodes = normalizeNodes(raw, now, new Map(previous.map((node) => [node.address, node])))
  const value = toCanonicalJson({
    nodes,
    updated_at: now,
    updated_by: auth.sender,
    version: 1,
  })
  const bytes = Buffer.byteLength(value, 'utf8')
  if (bytes > maxStoredBytes)
    throw new DeeployFailure(
      `Preferred Nodes payload is too large. The stored list would take ${bytes} bytes; at most ${maxStoredBytes} are allowed, so shorten descriptions or drop entries.`,
    )
  try {
    ctx.store.savePreferredNodes(auth.owner, value, nowMs)
  } catch (error) {
    throw new DeeployFailure(
      `Failed to save Preferred Nodes to CStore. The oracle's shared state database answered: ${(error as Error).message}. Retry; if it persists, the oracle's operator must check that database.`,
    )
  }
  ctx.logger.info('preferred nodes saved', { owner: auth.owner, count: nodes.length })
  return {
    status: 'success',
    plus_level: plusLevel,
    preferred_nodes: nodes,
    auth: authObject(auth),
  }
}
