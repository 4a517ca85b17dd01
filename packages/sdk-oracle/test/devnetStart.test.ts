import { createServer } from 'node:net'
import { expect, test } from 'vitest'
import { startDevnet } from '../src/devnet/startDevnet.js'
import { DevnetStartError } from '../src/errors/oracle.js'

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer()
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })

test('an oracle that cannot bind its port ends the start with DevnetStartError and its output', async () => {
  const squatter = createServer((socket) => socket.destroy())
  await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve))
  const { port } = squatter.address() as { port: number }
  try {
    const started = Date.now()
    const rpcPort = await freePort()
    const error = await startDevnet({
      rpcPort,
      oraclePort: port,
      fleetPort: 0,
      adminPort: 0,
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DevnetStartError)
    expect((error as DevnetStartError).process).toBe('oracle-1')
    expect((error as Error).message).toMatch(/it exited with code 1 before answering on/)
    expect((error as DevnetStartError).output).toMatch(/EADDRINUSE|address already in use/i)
    // It failed as soon as the process ended, not after the 60 s health deadline.
    expect(Date.now() - started).toBeLessThan(55_000)
  } finally {
    squatter.close()
  }
}, 120_000)
