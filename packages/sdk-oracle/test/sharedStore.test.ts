import { execFile } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { expect, test } from 'vitest'
import { createStateStore } from '../src/store/createStateStore.js'

const run = promisify(execFile)
const script = join(import.meta.dirname, 'fixtures', 'claimFromProcess.ts')

test('processes opening one shared database at once all start, and exactly one of them claims a job', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'shared-store-'))
  for (let round = 0; round < 4; round++) {
    const shared = join(dir, `shared-${round}.db`)
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, (_, index) =>
        run(
          process.execPath,
          [
            '--import',
            'tsx',
            '--conditions=@ratio1/source',
            '--no-warnings',
            script,
            join(dir, `own-${round}-${index}.db`),
            shared,
            '7',
          ],
          { cwd: join(import.meta.dirname, '..') },
        ).then(({ stdout }) => stdout),
      ),
    )
    expect(outcomes.sort()).toEqual(['claimed', 'refused', 'refused', 'refused', 'refused'])
    const reader = createStateStore({ path: ':memory:', sharedPath: shared })
    expect(reader.getJob(7n)).toMatchObject({
      deleted: false,
      appId: expect.stringMatching(/^app_\d+$/),
    })
    reader.close()
  }
}, 120_000)
