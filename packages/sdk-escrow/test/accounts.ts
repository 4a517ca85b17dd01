import { type Address, getAddress } from 'viem'
import { mnemonicToAccount } from 'viem/accounts'

/** Hardhat's default mnemonic: its JSON-RPC server unlocks the same accounts. */
export const mnemonic = 'test test test test test test test test test test test junk'

export const account = (index: number) => mnemonicToAccount(mnemonic, { addressIndex: index })

/** Roles of the default accounts in every test. */
export const roles = {
  deployer: 0,
  oracle: 1,
  csp: 2,
  delegate: 3,
  nodeOwner: 4,
  otherCsp: 5,
  stranger: 6,
} as const

/** Worker nodes (plain addresses; the node owner holds their ND licences). */
export const nodes: Address[] = Array.from({ length: 8 }, (_, i) =>
  getAddress(`0x${(0xa000 + i).toString(16).padStart(40, '0')}`),
)
