import {
  BaseError,
  formatUsdc,
  getJobRunway,
  getNetwork,
  type JobDetails,
  jobTypes,
  localnetChain,
  quoteExtendJobDuration,
  quoteJob,
} from '@ratio1/sdk-core'
import {
  buildGenericApp,
  createDeeployClient,
  type DeeployBaseClient,
  deployJob,
  verifyResponseSignature,
} from '@ratio1/sdk-deeploy'
import {
  createJobs,
  extendJobDuration,
  generateProjectHash,
  getCurrentEpoch,
  getJobDetails,
  poaiManagerAbi,
} from '@ratio1/sdk-escrow'
import {
  type Address,
  type Client,
  createPublicClient,
  createWalletClient,
  custom,
  type EIP1193Provider,
  erc20Abi,
  type Hex,
  http,
  isAddress,
  isHex,
  keccak256,
  stringToHex,
} from 'viem'
import { privateKeyToAccount } from 'viem/accounts'

// Everything goes to this page's own origin: the server in front of it proxies `/rpc` to the chain
// and `/deeploy` to an oracle's Deeploy API, so the page loads nothing from anywhere else.
const rpcUrl = `${location.origin}/rpc`
const deeployUrl = `${location.origin}/deeploy`
const query = new URLSearchParams(location.search)
const manager = (query.get('manager') ?? getNetwork('localnet').contracts.poaiManager) as Address
if (!isAddress(manager)) throw new Error(`?manager=${manager} is not an address`)

const publicClient = createPublicClient({
  chain: localnetChain,
  transport: http(rpcUrl),
  pollingInterval: 250,
})

type Session = {
  address: Address
  /** Signs transactions (a local devnet key or the browser wallet). */
  wallet: Client
  deeploy: DeeployBaseClient
}
type PaidJob = { id: bigint; jobType: number; nodes: number; projectHash: Hex; paid: bigint }

let session: Session | undefined
let job: PaidJob | undefined
let lastDetails: JobDetails | undefined

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T
const show = (id: string, text: string) => {
  $(id).textContent = text
}
const usdc = (amount: bigint) => `${formatUsdc(amount)} USDC`
function log(line: string) {
  const element = $('log')
  element.textContent = `${element.textContent}${new Date().toISOString().slice(11, 19)}  ${line}\n`
  element.scrollTop = element.scrollHeight
}
function describe(error: unknown): string {
  if (error instanceof BaseError) return `${error.name}: ${error.shortMessage}`
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error)
}
/** Runs a button's action with the button disabled, logging failures instead of throwing them. */
function action(buttonId: string, run: () => Promise<void>) {
  const button = $<HTMLButtonElement>(buttonId)
  button.addEventListener('click', async () => {
    button.disabled = true
    try {
      await run()
    } catch (error) {
      log(`✗ ${describe(error)}`)
    } finally {
      button.disabled = false
      refreshButtons()
    }
  })
}
function refreshButtons() {
  $<HTMLButtonElement>('pay-btn').disabled = !session
  $<HTMLButtonElement>('deploy-btn').disabled = !session || !job
  $<HTMLButtonElement>('extend-btn').disabled = !session || !job
}
function readInt(id: string, min: number): number {
  const value = Number($<HTMLInputElement>(id).value)
  if (!Number.isInteger(value) || value < min)
    throw new Error(`${id} must be a whole number of at least ${min}`)
  return value
}
const selectedJobType = () => Number($<HTMLSelectElement>('job-type').value)

// Job types a generic container app can be paid with.
for (const type of jobTypes.filter((t) => t.category === 'generic')) {
  const option = document.createElement('option')
  option.value = String(type.id)
  option.textContent = `${type.label} — ${formatUsdc(type.pricePerEpoch)} USDC per node-epoch`
  $('job-type').append(option)
}
show('manager', manager)

async function startSession(address: Address, wallet: Client, deeploy: DeeployBaseClient) {
  session = { address, wallet, deeploy }
  show('account', address)
  await refreshWallet()
  log(`connected ${address}`)
}

async function refreshWallet() {
  if (!session) return
  const { address } = session
  const [escrow, usdcToken] = await Promise.all([
    publicClient.readContract({
      address: manager,
      abi: poaiManagerAbi,
      functionName: 'ownerToEscrow',
      args: [address],
    }),
    publicClient.readContract({ address: manager, abi: poaiManagerAbi, functionName: 'usdcToken' }),
  ])
  const balance = await publicClient.readContract({
    address: usdcToken,
    abi: erc20Abi,
    functionName: 'balanceOf',
    args: [address],
  })
  show('usdc', usdc(balance))
  show('escrow', /^0x0{40}$/.test(escrow) ? 'none: open one before paying for jobs' : escrow)
}

action('use-key', async () => {
  const key = $<HTMLInputElement>('wallet-key').value.trim()
  if (!isHex(key) || key.length !== 66) throw new Error('the key must be 0x and 64 hex digits')
  const account = privateKeyToAccount(key)
  const wallet = createWalletClient({
    account,
    chain: localnetChain,
    transport: http(rpcUrl),
    pollingInterval: 250,
  })
  await startSession(
    account.address,
    wallet,
    createDeeployClient({ baseUrl: deeployUrl, account, verifyResponse: verifyResponseSignature }),
  )
})

const injected = (window as { ethereum?: EIP1193Provider }).ethereum
if (injected) {
  $('connect').hidden = false
  action('connect', async () => {
    const [address] = await injected.request({ method: 'eth_requestAccounts' })
    if (!address) throw new Error('the wallet returned no account')
    const wallet = createWalletClient({
      account: address,
      chain: localnetChain,
      transport: custom(injected),
    })
    await startSession(
      address,
      wallet,
      createDeeployClient({
        baseUrl: deeployUrl,
        walletClient: wallet,
        verifyResponse: verifyResponseSignature,
      }),
    )
  })
}

action('quote-btn', async () => {
  const currentEpoch = await getCurrentEpoch(publicClient, { manager })
  const quote = quoteJob({
    jobType: selectedJobType(),
    nodes: readInt('nodes', 1),
    epochs: readInt('epochs', 30),
    currentEpoch,
  })
  show('quote-total', usdc(quote.total))
  show('quote-per-epoch', usdc(quote.costPerEpoch))
  show(
    'quote-split',
    `${usdc(quote.perNodePerEpoch.node)} to the node + ${usdc(quote.perNodePerEpoch.burn)} burned`,
  )
  show('quote-epochs', `epochs ${quote.firstEpoch}–${quote.lastPaidEpoch}`)
  log(
    `quote: ${quote.jobType.label} × ${quote.nodes} for ${quote.epochs} epochs = ${usdc(quote.total)}`,
  )
})

action('pay-btn', async () => {
  if (!session) throw new Error('connect a wallet first')
  const jobType = selectedJobType()
  const nodes = readInt('nodes', 1)
  const epochs = readInt('epochs', 30)
  const name = $<HTMLInputElement>('project-name').value.trim()
  // A project is a hash every job of it carries; the name stays in this page (and in Deeploy's
  // request). A named project hashes its name so that the same name finds the same project again.
  const projectHash = name ? keccak256(stringToHex(`project:${name}`)) : generateProjectHash()
  log(`paying for ${nodes} × type ${jobType} for ${epochs} epochs…`)
  const created = await createJobs(session.wallet, {
    manager,
    jobs: [{ jobType, nodes, epochs, projectHash }],
  })
  const id = created.jobIds[0]!
  job = { id, jobType, nodes, projectHash, paid: created.quote.total }
  show('project', `${name || '(unnamed)'} ${projectHash.slice(0, 18)}…`)
  show('job', `#${id}`)
  show('paid', usdc(created.quote.total))
  log(`job #${id} paid in ${created.hash.slice(0, 12)}… (allowance by ${created.allowance.method})`)
  await refreshWallet()
  await refreshStatus()
})

action('deploy-btn', async () => {
  if (!session || !job) throw new Error('pay for a job first')
  const paid = job
  const image = $<HTMLInputElement>('image').value.trim()
  const port = readInt('port', 1)
  const deployed = await deployJob(session.deeploy, {
    job: {
      id: paid.id,
      jobType: paid.jobType,
      numberOfNodesRequested: BigInt(paid.nodes),
      projectHash: paid.projectHash,
    },
    template: (j) =>
      buildGenericApp({
        jobId: j.id,
        jobType: paid.jobType,
        alias: $<HTMLInputElement>('project-name').value.trim() || 'portal-app',
        image,
        port,
        targetNodesCount: paid.nodes,
      }),
    pollInterval: 500,
    readyTimeout: 60_000,
    onProgress: (p) => {
      if (p.stage === 'creating') show('deploy-progress', 'sending create_pipeline…')
      if (p.stage === 'created') show('app', p.appId ?? '—')
      if (p.stage === 'waiting' || p.stage === 'online')
        show('deploy-progress', `${p.onlineNodes}/${p.expectedNodes} online`)
    },
  })
  log(`deployed ${deployed.appId} on ${paid.nodes} node(s)`)
  await refreshStatus()
})

action('extend-btn', async () => {
  if (!session || !job) throw new Error('pay for a job first')
  const epochs = readInt('extend-epochs', 1)
  const details = await getJobDetails(publicClient, { manager, jobId: job.id })
  const expected = quoteExtendJobDuration({
    job: details,
    currentEpoch: await getCurrentEpoch(publicClient, { manager }),
    epochs,
  })
  log(`extending job #${job.id} by ${epochs} epochs for ${usdc(expected.amount)}…`)
  const result = await extendJobDuration(session.wallet, {
    manager,
    jobId: job.id,
    epochs,
  })
  job.paid += result.amount
  show('extend-charged', usdc(result.amount))
  show('extend-end', `epoch ${result.newLastExecutionEpoch} (exclusive)`)
  show('paid', usdc(job.paid))
  log(`job #${job.id} now paid until epoch ${result.newLastExecutionEpoch} (exclusive)`)
  await refreshWallet()
  await refreshStatus()
})

async function refreshStatus() {
  const epoch = await getCurrentEpoch(publicClient, { manager })
  show('epoch', String(epoch))
  if (!job) return
  const details = await getJobDetails(publicClient, { manager, jobId: job.id })
  lastDetails = details
  const running = details.startTimestamp !== 0n
  const ended = epoch >= details.lastExecutionEpoch
  show(
    'st-status',
    ended ? 'ended' : running ? 'running' : 'pending (waiting for oracle consensus)',
  )
  show('st-nodes', `${details.activeNodes.length}/${details.numberOfNodesRequested}`)
  show('st-allocated', String(details.lastAllocatedEpoch))
  show('st-until', String(details.lastExecutionEpoch))
  show('st-balance', usdc(details.balance))
  show('st-spent', usdc(job.paid - details.balance))
  const runway = getJobRunway({
    balance: details.balance,
    pricePerEpoch: details.pricePerEpoch,
    nodes: details.activeNodes.length,
    lastAllocatedEpoch: details.lastAllocatedEpoch,
  })
  show(
    'st-runway',
    runway.epochs === undefined
      ? 'no node paid yet'
      : `${runway.epochs} epochs (through epoch ${runway.fundedThroughEpoch})`,
  )
}

// Status, spend and runway follow the chain on their own.
async function poll() {
  try {
    await refreshStatus()
  } catch (error) {
    log(`status: ${describe(error)}`)
  }
  setTimeout(poll, 1_000)
}
void poll()
refreshButtons()

// For the console and the end-to-end test: the last job as the chain holds it.
Object.assign(window, { portal: { job: () => job, details: () => lastDetails } })
