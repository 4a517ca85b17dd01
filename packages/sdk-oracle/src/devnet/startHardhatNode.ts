import { type ChildProcess, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { createServer } from 'node:net'
import { dirname, join } from 'node:path'
import { LocalChainStartError, type LocalChainStartErrorType } from '../errors/oracle.js'

export type StartHardhatNodeParameters = {
  /** Loopback port. @default a free port chosen by the system */
  port?: number | undefined
  /** How long to wait for the node to answer, ms. @default 60_000 */
  timeoutMs?: number | undefined
  /** Receives the node's output lines. */
  onOutput?: ((line: string) => void) | undefined
}
export type StartHardhatNodeErrorType = LocalChainStartErrorType
export type StartHardhatNodeReturnType = {
  url: string
  port: number
  pid: number
  /** Ends the node's whole process group and waits for it to exit. */
  stop(): Promise<void>
}

/**
 * Starts `hardhat node` from `@ratio1/contracts` as a child process bound to 127.0.0.1, in its own
 * process group so that `stop()` ends it and anything it spawned. Resolves once it answers
 * `eth_chainId`.
 *
 * @example
 * ```ts
 * import { startHardhatNode } from '@ratio1/sdk-oracle/server'
 * const node = await startHardhatNode({ port: 8545 })
 * // … node.url …
 * await node.stop()
 * ```
 */
export async function startHardhatNode(
  parameters: StartHardhatNodeParameters = {},
): Promise<StartHardhatNodeReturnType> {
  if (parameters.port !== undefined) return startOn(parameters.port, parameters)
  // A free port can be taken by someone else before the node binds it: then try another one.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOn(await freePort(), parameters)
    } catch (error) {
      const inUse =
        error instanceof LocalChainStartError &&
        /EADDRINUSE|address already in use/i.test(error.output)
      if (!inUse || attempt === 3) throw error
    }
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

async function startOn(
  port: number,
  parameters: StartHardhatNodeParameters,
): Promise<StartHardhatNodeReturnType> {
  const url = `http://127.0.0.1:${port}`
  const require = createRequire(import.meta.url)
  const contractsDir = dirname(require.resolve('@ratio1/contracts/package.json'))
  const fromContracts = createRequire(join(contractsDir, 'package.json'))
  const hardhatPackage = fromContracts.resolve('hardhat/package.json')
  const bin = JSON.parse(readFileSync(hardhatPackage, 'utf8')).bin.hardhat as string
  const child: ChildProcess = spawn(
    process.execPath,
    [join(dirname(hardhatPackage), bin), 'node', '--hostname', '127.0.0.1', '--port', String(port)],
    { cwd: contractsDir, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  const pid = child.pid
  if (pid === undefined)
    throw new LocalChainStartError({ url, reason: 'the hardhat process did not spawn', output: '' })
  let exited = false
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true
      resolve()
    }),
  )
  let output = ''
  const collect = (chunk: Buffer) => {
    const text = chunk.toString()
    if (output.length < 20_000) output += text
    if (parameters.onOutput)
      for (const line of text.split('\n')) if (line) parameters.onOutput(line)
  }
  child.stdout?.on('data', collect)
  child.stderr?.on('data', collect)
  const stop = async () => {
    if (exited) return
    try {
      process.kill(-pid, 'SIGTERM')
    } catch {}
    const timer = setTimeout(() => {
      try {
        process.kill(-pid, 'SIGKILL')
      } catch {}
    }, 5_000)
    await exit
    clearTimeout(timer)
  }
  const deadline = Date.now() + (parameters.timeoutMs ?? 60_000)
  for (;;) {
    if (exited)
      throw new LocalChainStartError({
        url,
        reason: 'hardhat node exited before answering',
        output,
      })
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
        signal: AbortSignal.timeout(2_000),
      })
      // Whoever answers, it must be our node: a process that lost the port race has exited.
      if (response.ok && !exited) break
    } catch {}
    if (Date.now() > deadline) {
      await stop()
      throw new LocalChainStartError({ url, reason: 'no answer to eth_chainId in time', output })
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  return { url, port, pid, stop }
}
