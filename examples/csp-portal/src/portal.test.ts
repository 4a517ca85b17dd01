import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { advanceEpochs } from '@ratio1/contracts/deploy'
import {
  formatUsdc,
  getJobRunway,
  localnetChain,
  quoteExtendJobDuration,
  quoteJob,
} from '@ratio1/sdk-core'
import { getCurrentEpoch, getJobDetails } from '@ratio1/sdk-escrow'
import {
  createOracle,
  createSeededRng,
  createSimulatedFleet,
  createStateStore,
  type Oracle,
  type StateStore,
  silentLogger,
  systemClock,
} from '@ratio1/sdk-oracle'
import {
  createOracleServer,
  type OracleServer,
  type SetupDevnetReturnType,
  type StartHardhatNodeReturnType,
  setupDevnet,
  startHardhatNode,
} from '@ratio1/sdk-oracle/server'
import { type BrowserContext, chromium, type Page } from 'playwright-core'
import { createPublicClient, createWalletClient, http, type PublicClient } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type StartPortalReturnType, startPortal } from './serve.js'

const chromiumPath = '/usr/bin/chromium'
const hasChromium = existsSync(chromiumPath)
// Locally a missing browser skips the test with a note; in CI (which installs it) it is a failure.
const skip = !hasChromium && !process.env.CI
if (skip)
  console.warn(
    `csp-portal end-to-end test SKIPPED: ${chromiumPath} is missing (install Debian's chromium package: apt-get install -y chromium)`,
  )

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..')
const results = join(packageDir, '.test-results')
const work = mkdtempSync(join(tmpdir(), 'r1-csp-portal-'))

let chain: StartHardhatNodeReturnType | undefined
let devnet: SetupDevnetReturnType
let store: StateStore | undefined
let oracle: Oracle | undefined
let api: OracleServer | undefined
let portal: StartPortalReturnType | undefined
let browser: BrowserContext | undefined
let page: Page
let publicClient: PublicClient
const requested: string[] = []

beforeAll(async () => {
  if (skip) return
  if (!hasChromium)
    throw new Error(
      `${chromiumPath} is missing in CI: install Debian's chromium package (apt-get install -y chromium)`,
    )
  // The devnet: `hardhat node` on a loopback port, the system deployed, one reference oracle with a
  // simulated fleet of three workers, its Deeploy API on another loopback port.
  chain = await startHardhatNode()
  const fleet = createSimulatedFleet({ size: 3, seed: 'csp-portal' })
  devnet = await setupDevnet({
    rpcUrl: chain.url,
    oracleCount: 1,
    nodes: fleet.keys.map((k) => k.ethAddress),
  })
  publicClient = createPublicClient({
    chain: localnetChain,
    transport: http(chain.url),
    pollingInterval: 50,
  }) as PublicClient
  const addresses = {
    poaiManager: devnet.addresses.poaiManager,
    controller: devnet.addresses.controller,
  }
  const oracleKey = devnet.oracles[0]!.privateKey
  store = createStateStore({ path: ':memory:' })
  oracle = createOracle({
    publicClient,
    walletClient: createWalletClient({
      chain: localnetChain,
      transport: http(chain.url),
      account: privateKeyToAccount(oracleKey),
      pollingInterval: 50,
    }),
    addresses,
    fleet,
    store,
    clock: systemClock,
    rng: createSeededRng(1),
    logger: silentLogger,
    // Short waits: the oracle allocates within a second of an epoch's end.
    timing: { rewardsStaggerMs: [100, 300], closureBackoffMs: [100, 300], repairStepMs: 1_000 },
  })
  api = createOracleServer({
    oracle,
    fleet,
    store,
    publicClient,
    addresses,
    privateKey: oracleKey,
    logger: silentLogger,
  })
  const deeployUrl = await api.listen({ host: '127.0.0.1', port: 0 })
  oracle.start({ intervalMs: 300 })

  portal = await startPortal({
    rpcUrl: chain.url,
    deeployUrl,
    port: 0,
    outDir: join(work, 'dist'),
  })
  browser = await chromium.launchPersistentContext(join(work, 'profile'), {
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 1000 },
  })
  browser.on('request', (request) => requested.push(request.url()))
  page = browser.pages()[0] ?? (await browser.newPage())
  await page.goto(portal.url)
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await portal?.close()
  await api?.close()
  await oracle?.stop()
  store?.close()
  await chain?.stop()
  rmSync(work, { recursive: true, force: true })
})

/** Waits until element `id` shows exactly `text` (the page updates itself from the chain). */
async function waitForText(id: string, text: string | RegExp, timeout = 30_000) {
  const source = typeof text === 'string' ? { exact: text } : { pattern: text.source }
  try {
    await page.waitForFunction(
      ([elementId, want]) => {
        const value = document.getElementById(elementId as string)?.textContent ?? ''
        const w = want as { exact?: string; pattern?: string }
        return w.exact !== undefined ? value === w.exact : new RegExp(w.pattern!).test(value)
      },
      [id, source] as const,
      { timeout, polling: 100 },
    )
  } catch (error) {
    const actual = await page.textContent(`#${id}`)
    const log = await page.textContent('#log')
    throw new Error(
      `#${id} never showed ${String(text)} (it shows "${actual}")\npage log:\n${log}`,
      {
        cause: error,
      },
    )
  }
  return (await page.textContent(`#${id}`)) ?? ''
}
const usdc = (amount: bigint) => `${formatUsdc(amount)} USDC`

describe.skipIf(skip)('CSP portal in headless Chromium against a local devnet', () => {
  let jobId: bigint
  let paid: bigint

  test('connect with a devnet key: account, USDC and escrow', async () => {
    await page.fill('#wallet-key', devnet.csp.privateKey)
    await page.click('#use-key')
    await waitForText('account', devnet.csp.address)
    await waitForText('escrow', devnet.csp.escrow)
    await waitForText('usdc', '1000000 USDC')
  })

  test('quote: ENTRY on 2 nodes for 30 epochs, as sdk-core prices it', async () => {
    await page.selectOption('#job-type', '1')
    await page.fill('#nodes', '2')
    await page.fill('#epochs', '30')
    await page.click('#quote-btn')
    const epoch = await getCurrentEpoch(publicClient, { manager: devnet.addresses.poaiManager })
    const quote = quoteJob({ jobType: 1, nodes: 2, epochs: 30, currentEpoch: epoch })
    await waitForText('quote-total', usdc(quote.total))
    await waitForText('quote-per-epoch', usdc(quote.costPerEpoch))
    await waitForText('quote-epochs', `epochs ${quote.firstEpoch}–${quote.lastPaidEpoch}`)
  })

  test('create the project and the job, pay: the escrow holds exactly the quote', async () => {
    await page.fill('#project-name', 'portal-e2e')
    await page.click('#pay-btn')
    const shown = await waitForText('job', /^#\d+$/)
    jobId = BigInt(shown.slice(1))
    const job = await getJobDetails(publicClient, {
      manager: devnet.addresses.poaiManager,
      jobId,
    })
    paid = quoteJob({ jobType: 1, nodes: 2, epochs: 30, currentEpoch: 1n }).total
    expect(job.balance).toBe(paid)
    expect(job.numberOfNodesRequested).toBe(2n)
    await waitForText('paid', usdc(paid))
    await waitForText('usdc', usdc(1_000_000n * 10n ** 6n - paid))
    await waitForText('st-status', 'pending (waiting for oracle consensus)')
  })

  test('deploy the container template through the oracle: online on 2 nodes, job running', async () => {
    await page.click('#deploy-btn')
    await waitForText('deploy-progress', '2/2 online')
    await waitForText('app', /^portal-e2e/)
    await waitForText('st-status', 'running')
    await waitForText('st-nodes', '2/2')
    const job = await getJobDetails(publicClient, { manager: devnet.addresses.poaiManager, jobId })
    expect(job.activeNodes).toHaveLength(2)
  })

  test('epochs pass, the oracle allocates: spend and runway follow the chain', async () => {
    const manager = devnet.addresses.poaiManager
    await advanceEpochs(publicClient, { controller: devnet.addresses.controller, epochs: 2n })
    const epoch = await getCurrentEpoch(publicClient, { manager })
    // The oracle pays every finished epoch; wait for the chain, then for the page to show it.
    let job = await getJobDetails(publicClient, { manager, jobId })
    for (let i = 0; i < 300 && job.lastAllocatedEpoch < epoch - 1n; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      job = await getJobDetails(publicClient, { manager, jobId })
    }
    expect(job.lastAllocatedEpoch).toBe(epoch - 1n)
    const spent = paid - job.balance
    expect(spent).toBeGreaterThan(0n)
    const runway = getJobRunway({
      balance: job.balance,
      pricePerEpoch: job.pricePerEpoch,
      nodes: 2,
      lastAllocatedEpoch: job.lastAllocatedEpoch,
    })
    await waitForText('st-allocated', String(job.lastAllocatedEpoch))
    await waitForText('st-spent', usdc(spent))
    await waitForText('st-balance', usdc(job.balance))
    await waitForText(
      'st-runway',
      `${runway.epochs} epochs (through epoch ${runway.fundedThroughEpoch})`,
    )
  })

  test('extend by 10 epochs: charged as sdk-core quotes it, the end moves by 10', async () => {
    const manager = devnet.addresses.poaiManager
    const before = await getJobDetails(publicClient, { manager, jobId })
    const expected = quoteExtendJobDuration({
      job: before,
      currentEpoch: await getCurrentEpoch(publicClient, { manager }),
      epochs: 10,
    })
    await page.fill('#extend-epochs', '10')
    await page.click('#extend-btn')
    await waitForText('extend-charged', usdc(expected.amount))
    await waitForText('extend-end', `epoch ${before.lastExecutionEpoch + 10n} (exclusive)`)
    await waitForText('st-until', String(before.lastExecutionEpoch + 10n))
    await waitForText('paid', usdc(paid + expected.amount))
    const after = await getJobDetails(publicClient, { manager, jobId })
    expect(after.lastExecutionEpoch).toBe(before.lastExecutionEpoch + 10n)
    expect(after.balance).toBe(before.balance + expected.amount)

    mkdirSync(results, { recursive: true })
    await page.screenshot({ path: join(results, 'csp-portal.png'), fullPage: true })
    expect(existsSync(join(results, 'csp-portal.png'))).toBe(true)
  })

  test('a browser wallet (EIP-1193) signs the payment and the Deeploy request instead of a key', async () => {
    // A stand-in for a wallet extension: it forwards every request to the devnet node, whose default
    // accounts are unlocked there, so the node itself signs transactions, permits and messages.
    const walletPage = await browser!.newPage()
    await walletPage.addInitScript((address: string) => {
      ;(window as unknown as { ethereum: unknown }).ethereum = {
        async request({ method, params }: { method: string; params?: unknown[] }) {
          if (method === 'eth_requestAccounts' || method === 'eth_accounts') return [address]
          const response = await fetch(`${location.origin}/rpc`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params: params ?? [] }),
          })
          const body = (await response.json()) as {
            result?: unknown
            error?: { code: number; message: string; data?: unknown }
          }
          if (body.error) throw Object.assign(new Error(body.error.message), body.error)
          return body.result
        },
        on() {},
        removeListener() {},
      }
    }, devnet.csp.address)
    const previous = page
    page = walletPage
    try {
      await page.goto(portal!.url)
      await page.click('#connect')
      await waitForText('account', devnet.csp.address)
      await waitForText('escrow', devnet.csp.escrow)
      await page.fill('#nodes', '1')
      await page.fill('#epochs', '30')
      await page.fill('#project-name', 'wallet-app')
      await page.click('#pay-btn')
      const shown = await waitForText('job', /^#\d+$/)
      expect(BigInt(shown.slice(1))).toBe(jobId + 1n)
      await page.click('#deploy-btn')
      await waitForText('deploy-progress', '1/1 online')
      await waitForText('st-status', 'running')
      expect(await page.textContent('#log')).not.toContain('✗')
    } finally {
      page = previous
      await walletPage.close()
    }
  })

  test('no error was logged and the page loaded nothing but its own origin', async () => {
    expect(await page.textContent('#log')).not.toContain('✗')
    const origin = new URL(portal!.url).origin
    expect(requested.length).toBeGreaterThan(10)
    expect(requested.filter((url) => new URL(url).origin !== origin)).toEqual([])
  })
})
