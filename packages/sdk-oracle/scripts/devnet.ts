// `pnpm devnet`: a local chain, the Ratio1 contracts, a simulated fleet of 6 nodes and 3 r1-oracle
// processes, all on loopback. Type `help` for commands; Ctrl-C stops everything.
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import { startDevnet } from '../src/devnet/startDevnet.js'

const { values } = parseArgs({
  options: {
    oracles: { type: 'string', default: '3' },
    nodes: { type: 'string', default: '6' },
    'rpc-port': { type: 'string', default: '8545' },
    'oracle-port': { type: 'string', default: '3001' },
    'fleet-port': { type: 'string', default: '7000' },
    'admin-port': { type: 'string', default: '7100' },
    'epoch-seconds': { type: 'string', default: '3600' },
    verbose: { type: 'boolean', default: false },
  },
})

const out = (line = '') => process.stdout.write(`${line}\n`)
out('Starting the Ratio1 devnet (chain, contracts, fleet, oracles)…')
const net = await startDevnet({
  oracles: Number(values.oracles),
  nodes: Number(values.nodes),
  rpcPort: Number(values['rpc-port']),
  oraclePort: Number(values['oracle-port']),
  fleetPort: Number(values['fleet-port']),
  adminPort: Number(values['admin-port']),
  epochDuration: BigInt(values['epoch-seconds']),
  onLog: (source, line) => {
    if (source === 'chain' && !values.verbose) return
    if (
      !values.verbose &&
      !/"level":"(warn|error)"|submitted|allocated|created|started|stopped/.test(line)
    )
      return
    out(`[${source}] ${line}`)
  },
})
const { devnet } = net
out()
out(
  'Ratio1 devnet is running (loopback only). Test keys below are public: never fund them elsewhere.',
)
out()
out(`chain RPC        ${net.rpcUrl}  (chain id 31337)`)
for (const [i, url] of net.oracleUrls.entries())
  out(
    `oracle ${i + 1} API     ${url}   ${devnet.oracles[i]!.address}  key ${devnet.oracles[i]!.privateKey}`,
  )
out(`fleet            ${net.fleetUrl}`)
out(
  `admin            ${net.adminUrl}  (POST /advance-epochs?epochs=1, /fail-node?node=1, /recover-node?node=1, GET /status)`,
)
out()
out('contracts')
for (const [name, address] of Object.entries(devnet.addresses))
  out(`  ${name.padEnd(26)} ${address}`)
out()
out(`CSP (escrow owner, 1,000,000 USDC)  ${devnet.csp.address}  key ${devnet.csp.privateKey}`)
out(`  escrow                            ${devnet.csp.escrow}`)
out(
  `node operator                       ${devnet.nodeOperator.address}  key ${devnet.nodeOperator.privateKey}`,
)
out(
  `account without escrow              ${devnet.stranger.address}  key ${devnet.stranger.privateKey}`,
)
out()
out('worker nodes')
for (const [i, key] of net.fleet.keys.entries())
  out(`  ${i + 1}. ${key.address}  ${key.ethAddress}`)
out()
out('commands: epoch [n] | fail <i> | recover <i> | status | help | quit')

let stopping = false
const shutdown = async () => {
  if (stopping) return
  stopping = true
  out('\nStopping the devnet…')
  await net.stop()
  out('Stopped.')
  process.exit(0)
}
process.on('SIGINT', shutdown)
process.on('SIGTERM', shutdown)

const rl = createInterface({ input: process.stdin })
rl.on('line', async (raw) => {
  const [command, arg] = raw.trim().split(/\s+/)
  try {
    if (command === 'epoch') out(`epoch is now ${await net.advanceEpochs(BigInt(arg ?? '1'))}`)
    else if (command === 'fail' || command === 'recover') {
      const key = net.fleet.keys[Number(arg) - 1]
      if (!key) out(`node must be 1…${net.fleet.keys.length}`)
      else {
        if (command === 'fail') net.fleet.failNode(key.address)
        else net.fleet.recoverNode(key.address)
        out(`${key.address} ${command === 'fail' ? 'failed' : 'recovered'}`)
      }
    } else if (command === 'status') {
      const { nodes, workloads } = net.fleet.snapshot()
      for (const node of nodes) {
        const jobs = workloads.filter((w) => w.node === node.address).map((w) => w.jobId)
        out(
          `  ${node.alias} ${node.online ? 'online ' : 'OFFLINE'} jobs: ${jobs.join(', ') || '-'}`,
        )
      }
    } else if (command === 'quit' || command === 'exit') await shutdown()
    else if (command) out('commands: epoch [n] | fail <i> | recover <i> | status | help | quit')
  } catch (error) {
    out(`error: ${(error as Error).message}`)
  }
})
// Without a terminal (stdin closed at once) the devnet keeps running until a signal.
