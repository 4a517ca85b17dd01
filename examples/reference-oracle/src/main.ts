#!/usr/bin/env node
import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import {
  getNetwork,
  type NetworkName,
  nodeAddressToEthAddress,
  publicKeyToNodeAddress,
} from '@ratio1/sdk-core'
import { createLogger } from '@ratio1/sdk-oracle'
import { setupDevnet, startHardhatNode } from '@ratio1/sdk-oracle/server'
import { type Address, type Hex, isAddress, isHex, keccak256, stringToHex } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { createJsonFileFleet, type FleetFile } from './createJsonFileFleet.js'
import { startReferenceOracle } from './startReferenceOracle.js'

const usage = `Usage:
  pnpm --filter @ratio1/example-reference-oracle start -- init-fleet --out fleet.json [--nodes 3] [--seed text]
  pnpm --filter @ratio1/example-reference-oracle start -- start --fleet fleet.json [options]
  pnpm --filter @ratio1/example-reference-oracle start -- local --fleet fleet.json [--rpc-port 8545] [--port 3001]
      (a throw-away chain on loopback with the system deployed, the fleet's nodes licensed and
       this oracle registered, then the oracle over it)

start options:
  --rpc-url <url>        (default $RPC_URL, else http://127.0.0.1:8545)
  --private-key <0x…>    the oracle's key (default $ORACLE_PRIVATE_KEY); it must be registered in the Controller
  --network <name>       whose PoAIManager and Controller to use (default localnet)
  --manager <0x…>  --controller <0x…>   override the network's
  --port <n>             Deeploy API port on 127.0.0.1 (default 3001)
  --db <path>            SQLite state file (default :memory:)
  --tick-ms <n>          loop interval (default 1000)`

const { values, positionals } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  allowPositionals: true,
  options: {
    out: { type: 'string' },
    nodes: { type: 'string', default: '3' },
    seed: { type: 'string', default: 'json-fleet' },
    fleet: { type: 'string' },
    'rpc-url': { type: 'string' },
    'private-key': { type: 'string' },
    network: { type: 'string', default: 'localnet' },
    manager: { type: 'string' },
    controller: { type: 'string' },
    port: { type: 'string', default: '3001' },
    'rpc-port': { type: 'string', default: '8545' },
    db: { type: 'string', default: ':memory:' },
    'tick-ms': { type: 'string', default: '1000' },
  },
})

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${usage}\n`)
  process.exit(2)
}

const command = positionals[0]
if (command === 'init-fleet') {
  if (!values.out) fail('init-fleet needs --out <file>')
  const count = Number(values.nodes)
  if (!Number.isInteger(count) || count < 1) fail(`--nodes ${values.nodes} is not a count`)
  // Keys from a seed give stable addresses; a real fleet lists the addresses its nodes report.
  const nodes = Array.from({ length: count }, (_, i) => {
    const account = privateKeyToAccount(keccak256(stringToHex(`${values.seed}:${i}`)))
    return publicKeyToNodeAddress(account.publicKey) as `0xai_${string}`
  })
  const file: FleetFile = {
    nodes: nodes.map((address, i) => ({
      address,
      alias: `node-${i + 1}`,
      online: true,
      resources: { cpu: 16, memoryMb: 65_536, storageMb: 524_288 },
    })),
    workloads: [],
  }
  writeFileSync(values.out, `${JSON.stringify(file, null, 2)}\n`)
  process.stdout.write(`Wrote ${values.out}. License these ETH addresses as ND nodes:\n`)
  for (const address of nodes)
    process.stdout.write(`  ${address}  ${nodeAddressToEthAddress(address)}\n`)
} else if (command === 'start') {
  if (!values.fleet) fail('start needs --fleet <file>')
  const key = values['private-key'] ?? process.env.ORACLE_PRIVATE_KEY
  if (!key || !isHex(key) || key.length !== 66)
    fail('start needs the oracle key: --private-key <0x + 64 hex digits> or ORACLE_PRIVATE_KEY')
  const network = getNetwork(values.network as NetworkName)
  const pick = (flag: string | undefined, known: Address | undefined, name: string): Address => {
    const value = flag ?? known
    if (!value || !isAddress(value)) fail(`--${name} ${value ?? '(none known)'} is not an address`)
    return value
  }
  const logger = createLogger({ fields: { service: 'json-fleet-oracle' } })
  const oracle = await startReferenceOracle({
    rpcUrl: values['rpc-url'] ?? process.env.RPC_URL ?? 'http://127.0.0.1:8545',
    privateKey: key as Hex,
    poaiManager: pick(values.manager, network.contracts.poaiManager, 'manager'),
    controller: pick(values.controller, network.contracts.controller, 'controller'),
    fleetFile: values.fleet,
    port: Number(values.port),
    dbPath: values.db,
    tickMs: Number(values['tick-ms']),
    logger,
  })
  logger.info('oracle started', { url: oracle.url, fleet: values.fleet })
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      void oracle.stop().then(() => process.exit(0))
    })
} else if (command === 'local') {
  if (!values.fleet) fail('local needs --fleet <file>')
  const nodes = await createJsonFileFleet({ path: values.fleet }).listNodes()
  const chain = await startHardhatNode({ port: Number(values['rpc-port']) })
  const devnet = await setupDevnet({
    rpcUrl: chain.url,
    oracleCount: 1,
    nodes: nodes.map((n) => n.ethAddress),
  })
  const logger = createLogger({ fields: { service: 'json-fleet-oracle' } })
  const oracle = await startReferenceOracle({
    rpcUrl: chain.url,
    privateKey: devnet.oracles[0]!.privateKey,
    poaiManager: devnet.addresses.poaiManager,
    controller: devnet.addresses.controller,
    fleetFile: values.fleet,
    port: Number(values.port),
    dbPath: values.db,
    tickMs: Number(values['tick-ms']),
    logger,
  })
  process.stdout.write(
    [
      `chain        ${chain.url} (Hardhat's public test accounts: never use them elsewhere)`,
      `PoAIManager  ${devnet.addresses.poaiManager}`,
      `oracle API   ${oracle.url} (oracle ${devnet.oracles[0]!.address})`,
      `CSP          ${devnet.csp.address}, escrow ${devnet.csp.escrow}, key ${devnet.csp.privateKey}`,
      `operator     ${devnet.nodeOperator.address} owns the ${nodes.length} nodes' licences`,
      'Ctrl-C stops everything.',
      '',
    ].join('\n'),
  )
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      void oracle
        .stop()
        .then(() => chain.stop())
        .then(() => process.exit(0))
    })
} else {
  fail(command ? `unknown command ${command}` : 'give a command')
}
