import { createServer } from 'node:net'
import { expect, test } from 'vitest'
import { startHardhatNode } from '../src/devnet/startHardhatNode.js'
import { LocalChainStartError } from '../src/errors/oracle.js'

test('a taken port is refused with the node’s own output; without a port a free one is used', async () => {
  const squatter = createServer((socket) => socket.destroy())
  await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve))
  const { port } = squatter.address() as { port: number }
  try {
    const error = await startHardhatNode({ port, timeoutMs: 30_000 }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(LocalChainStartError)
    expect((error as LocalChainStartError).url).toBe(`http://127.0.0.1:${port}`)
    expect((error as LocalChainStartError).output).toMatch(/EADDRINUSE|address already in use/i)
    expect((error as Error).message).toContain('hardhat node exited before answering')

    const node = await startHardhatNode()
    try {
      expect(node.port).not.toBe(port)
      const response = await fetch(node.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
      })
      expect((await response.json()).result).toBe('0x7a69')
    } finally {
      await node.stop()
    }
  } finally {
    squatter.close()
  }
})
