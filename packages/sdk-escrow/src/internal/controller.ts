/** The Controller's epoch schedule getters. */
export const controllerScheduleAbi = [
  {
    type: 'function',
    name: 'startEpochTimestamp',
    stateMutability: 'view',
    inputs: [],
    outputs: [{ type: 'uint256' }],
  },
  {
    type: 'function',
    name: 'epochDuration',
    stateMutability: 'view',
    inputs: [],
    outputs: [{ type: 'uint256' }],
  },
] as const
