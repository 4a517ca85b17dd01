import { type ChildProcess, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

export type StartHardhatNodeParameters = {
  /** Loopback port. @default a random port in 20000–29999 */
  port?: number | undefined
  /** How long to wait for the node to answer, ms. @default 60_000 */
  timeoutMs?: number | undefined
  /** Receives the node's output lines. */
  onOutput?: ((line: string) => void) | undefined
}
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
  const port = parameters.port ?? 20_000 + Math.floor(Math.random() * 10_000)
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
  if (pid === undefined) throw new Error('hardhat node did not start')
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
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + (parameters.timeoutMs ?? 60_000)
  for (;;) {
    if (exited) throw new Error(`hardhat node exited before answering:\n${output}`)
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
      })
      if (response.ok) break
    } catch {}
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`hardhat node did not answer on ${url} in time:\n${output}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  return { url, port, pid, stop }
}
