import { expect, test } from 'vitest'
import * as oracle from './index.js'
import * as server from './server/index.js'

test('export surface', () => {
  expect(Object.keys(oracle).sort()).toMatchSnapshot()
  expect(Object.keys(server).sort()).toMatchSnapshot()
})
