import { poaiManagerAbi } from '@ratio1/contracts/abis'
import { createDeeployClient, verifyResponseSignature } from '@ratio1/sdk-deeploy'
import { createPublicClient, http } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { hardhat } from 'viem/chains'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { createPaidJobs } from '../src/devnet/setupDevnet.js'
import { type StartDevnetReturnType, startDevnet } from '../src/devnet/startDevnet.js'

let net: StartDevnetReturnType
beforeAll(async () => {
  const base = 30_000 + Math.floor(Math.random() * 5_000)
  net = await startDevnet({
    rpcPort: base,
    oraclePort: base + 1,
    fleetPort: base + 10,
    adminPort: base + 11,
    tickMs: 500,
  })
}, 180_000)
afterAll(async () => {
  if (net && !stopped) await net.stop()
})
let stopped = false

test('the devnet: three r1-oracle processes bring a job paid and created through one of them to consensus', async () => {
  const { devnet } = net
  for (const url of net.oracleUrls) expect((await fetch(`${url}/health`)).status).toBe(200)
  const [jobId] = await createPaidJobs({
    rpcUrl: net.rpcUrl,
    csp: devnet.csp,
    usdc: devnet.addresses.usdc,
  })
  const client = createDeeployClient({
    baseUrl: net.oracleUrls[0]!,
    account: privateKeyToAccount(devnet.csp.privateKey),
    retry: 0,
    verifyResponse: verifyResponseSignature,
  })
  const created = await client.createPipeline({
    request: {
      app_alias: 'devnet-app',
      job_id: Number(jobId),
      plugins: [{ plugin_signature: 'CONTAINER_APP_RUNNER', IMAGE: 'nginx' }],
    } as never,
  })
  expect(created.status).toBe('command_delivered')
  const publicClient = createPublicClient({ chain: hardhat, transport: http(net.rpcUrl) })
  const deadline = Date.now() + 30_000
  let job = await publicClient.readContract({
    address: devnet.addresses.poaiManager,
    abi: poaiManagerAbi,
    functionName: 'getJobDetails',
    args: [jobId!],
  })
  while (job.activeNodes.length === 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250))
    job = await publicClient.readContract({
      address: devnet.addresses.poaiManager,
      abi: poaiManagerAbi,
      functionName: 'getJobDetails',
      args: [jobId!],
    })
  }
  expect(job.activeNodes).toHaveLength(2)
  // Another oracle answers get_apps for the same job with the agreed roster.
  const other = createDeeployClient({
    baseUrl: net.oracleUrls[1]!,
    account: privateKeyToAccount(devnet.csp.privateKey),
    retry: 0,
  })
  const { apps } = await other.getApps()
  expect(apps[String(jobId)]?.chain_job?.activeNodes).toEqual([...job.activeNodes])
  // The oracles share their job specs: the third one serves the stored pipeline too.
  const third = createDeeployClient({
    baseUrl: net.oracleUrls[2]!,
    account: privateKeyToAccount(devnet.csp.privateKey),
    retry: 0,
  })
  const stored = await third.getR1fsJobPipeline({ jobId: jobId! } as never)
  expect(stored.pipeline).toMatchObject({ NAME: created.app_id, OWNER: devnet.csp.address })
  // The admin endpoint advances epochs.
  const advanced = await fetch(`${net.adminUrl}/advance-epochs?epochs=1`, { method: 'POST' }).then(
    (r) => r.json(),
  )
  expect(Number(advanced.epoch)).toBe(2)
})

test('stopping the devnet ends every oracle process gracefully', async () => {
  stopped = true
  const exits = await net.stop()
  expect(exits).toEqual([
    { name: 'oracle-1', code: 0, signal: null },
    { name: 'oracle-2', code: 0, signal: null },
    { name: 'oracle-3', code: 0, signal: null },
  ])
  await expect(fetch(`${net.oracleUrls[0]}/health`)).rejects.toThrow()
  await expect(fetch(net.rpcUrl, { method: 'POST' })).rejects.toThrow()
})
