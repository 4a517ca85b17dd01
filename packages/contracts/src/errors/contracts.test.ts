import { BaseError } from '@ratio1/sdk-core'
import { describe, expect, test } from 'vitest'
import {
  ContractDeploymentError,
  EpochAlreadyReachedError,
  MissingAccountError,
  TimeTravelUnsupportedError,
  TransactionRevertedError,
} from './contracts.js'

describe('errors', () => {
  test('belong to the BaseError family with a name, a docs anchor and a message that says what to do', () => {
    const hash = `0x${'ab'.repeat(32)}` as const
    const address = '0x5FbDB2315678afecb367f032d93F642f64180aa3'
    const cases = [
      [
        new MissingAccountError({ operation: 'fundUsdc' }),
        'MissingAccountError',
        /createWalletClient/,
      ],
      [
        new ContractDeploymentError({ contractName: 'USDC', hash }),
        'ContractDeploymentError',
        /Deploying `USDC` failed \(transaction 0xabab/,
      ],
      [
        new TransactionRevertedError({ functionName: 'addOracle', address, hash }),
        'TransactionRevertedError',
        /`addOracle` on 0x5FbD.* reverted/,
      ],
      [
        new EpochAlreadyReachedError({ targetEpoch: 2n, currentEpoch: 5n }),
        'EpochAlreadyReachedError',
        /epoch 2: the chain is already in epoch 5/,
      ],
      [
        new TimeTravelUnsupportedError({ method: 'evm_mine' }),
        'TimeTravelUnsupportedError',
        /rejected `evm_mine`/,
      ],
    ] as const
    for (const [error, name, message] of cases) {
      expect(error).toBeInstanceOf(BaseError)
      expect(error.name).toBe(name)
      expect(error.docsPath).toBe(`#${name.toLowerCase()}`)
      expect(error.shortMessage).toMatch(message)
      expect(error.message).toContain('Version: ')
    }
  })

  test('keep the cause for walk()', () => {
    const cause = new Error('insufficient funds for gas')
    const error = new ContractDeploymentError({ contractName: 'R1', cause })
    expect(error.walk()).toBe(cause)
    expect(error.details).toBe('insufficient funds for gas')
  })
})
