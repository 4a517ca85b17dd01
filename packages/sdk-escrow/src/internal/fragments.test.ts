import { cspEscrowAbi, poaiManagerAbi, usdcAbi } from '@ratio1/contracts/abis'
import { expect, test } from 'vitest'
import { pickFragments } from '../../scripts/fragmentsSource.js'
import { escrowFragments, managerFragments, revertErrorFragments } from './fragments.js'

test('the createJobs fragments equal the items of the generated ABIs (else: pnpm generate:fragments)', () => {
  expect({
    escrow: escrowFragments,
    manager: managerFragments,
    errors: revertErrorFragments,
  }).toEqual(pickFragments({ cspEscrowAbi, poaiManagerAbi, usdcAbi }))
})
