import fc from 'fast-check'
import type { Address } from 'viem'
import { describe, expect, test } from 'vitest'
import {
  canonicalNodeSet,
  consensusThresholds,
  evaluateProposals,
  hashNodeSet,
  InvalidEthAddressError,
  InvalidParameterError,
} from '../index.js'

const A: Address = '0x2539fDD57f93b267E58d5f2E6F77063C0230F6F4'
const B: Address = '0xdc4fDFd5B86aeA7BaB17d4742B7c39A2728Ff59B'
const C: Address = '0x129a21A78EBBA79aE78B8f11d5B57102950c1Fc0'
const oracle = (n: number): Address => `0x${n.toString(16).padStart(40, '0')}`

describe('consensusThresholds', () => {
  test.each([
    [1, 1, 1],
    [2, 2, 1],
    [3, 2, 2],
    [4, 3, 2],
    [5, 3, 2],
    [6, 4, 3],
    [7, 4, 3],
    [10, 6, 4],
    [20, 11, 7],
  ])('%i oracles: quorum %i, agreement %i', (n, quorum, agreement) => {
    expect(consensusThresholds(n)).toEqual({ quorum, agreement })
    expect(consensusThresholds(BigInt(n))).toEqual({ quorum, agreement })
  })

  test('needs at least one oracle', () => {
    expect(() => consensusThresholds(0)).toThrow(InvalidParameterError)
    expect(() => consensusThresholds(2.5)).toThrow(/`oracleCount`/)
  })
})

describe('node sets', () => {
  test('the oracles order: EIP-55, sorted as strings, duplicates kept', () => {
    expect(canonicalNodeSet([B, A.toLowerCase(), C, A])).toEqual([C, A, A, B])
    expect(
      canonicalNodeSet([
        '0xai_AzySbyf7ggk1UOWkujAy6GFFmDy2MID8Jz7gqxZaDhy8',
        '0xai_Aj1FpPQHISEBelp-tQ8cegwk434Dcl6xaHmuhZQT74if',
        '0xai_Amfnbt3N-qg2-qGtywZIPQBTVlAnoADVRmSAsdDhlQ-6',
      ]),
    ).toEqual([C, A, B])
    expect(() => canonicalNodeSet(['0x1234'])).toThrow(InvalidEthAddressError)
    expect(() => canonicalNodeSet(['0x2539FDD57f93b267E58d5f2E6F77063C0230F6F4'])).toThrow(
      /nodes\[0\]/,
    )
  })

  test('hash vectors', () => {
    expect(hashNodeSet([])).toBe(
      '0x569e75fc77c1a856f6daaf9e69d8a9566ca34aa47f9133711ce065a571af0cfd',
    )
    expect(hashNodeSet(canonicalNodeSet([A, B, C]))).toBe(
      '0x9e98a336820dd1c834ba9fbca72dda1d0e9496773209f4a72c0fd66d0d24de33',
    )
    expect(hashNodeSet([A, B])).not.toBe(hashNodeSet([B, A]))
  })

  test('the canonical hash does not depend on the order or case nodes are reported in', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray([A, B, C, A], { minLength: 0 }),
        fc.boolean(),
        (nodes, lower) => {
          const reported = lower ? nodes.map((node) => node.toLowerCase()) : nodes
          const sorted = [...nodes].sort()
          expect(hashNodeSet(canonicalNodeSet(reported))).toBe(
            hashNodeSet(canonicalNodeSet(sorted)),
          )
        },
      ),
    )
  })
})

describe('evaluateProposals', () => {
  test('3 oracles: the second matching submission reaches consensus, the third is a silent no-op', () => {
    const result = evaluateProposals({
      oracleCount: 3,
      submissions: [
        { oracle: oracle(1), nodes: [A, B] },
        { oracle: oracle(2), nodes: [A, B] },
        { oracle: oracle(3), nodes: [A, B] },
      ],
    })
    expect(result).toMatchObject({
      status: 'reached',
      quorum: 2,
      agreement: 2,
      decidedBy: 1,
      changesNodes: true,
      consensus: { nodes: [A, B], hash: hashNodeSet([A, B]), participants: [oracle(1), oracle(2)] },
      outcomes: ['proposed', 'proposed', 'unchanged'],
    })
  })

  test('2 oracles: agreement is 1, so the first proposer wins even when they disagree', () => {
    const result = evaluateProposals({
      oracleCount: 2,
      submissions: [
        { oracle: oracle(1), nodes: [A] },
        { oracle: oracle(2), nodes: [B] },
      ],
    })
    expect(result.status).toBe('reached')
    expect(result.consensus?.nodes).toEqual([A])
    expect(result.consensus?.participants).toEqual([oracle(1)])
  })

  test('ties go to the hash proposed first; disagreement below the threshold keeps the round open', () => {
    const tie = evaluateProposals({
      oracleCount: 5,
      submissions: [
        { oracle: oracle(1), nodes: [B] },
        { oracle: oracle(2), nodes: [A] },
        { oracle: oracle(3), nodes: [C] },
        { oracle: oracle(4), nodes: [A] },
      ],
    })
    expect(tie.status).toBe('reached')
    expect(tie.consensus?.nodes).toEqual([A])

    const split = evaluateProposals({
      oracleCount: 6,
      submissions: [
        { oracle: oracle(1), nodes: [A] },
        { oracle: oracle(2), nodes: [B] },
        { oracle: oracle(3), nodes: [A] },
        { oracle: oracle(4), nodes: [B] },
      ],
    })
    expect(split).toMatchObject({ status: 'not-reached', proposalCount: 4, maxAgreement: 2 })
  })

  test('no-ops, duplicates, strangers and the cooldown', () => {
    const result = evaluateProposals({
      oracles: [oracle(1), oracle(2), oracle(3)],
      currentNodes: [A],
      submissions: [
        { oracle: oracle(1), nodes: [A] },
        { oracle: oracle(9), nodes: [B] },
        { oracle: oracle(1), nodes: [B] },
        { oracle: oracle(1), nodes: [C] },
        { oracle: oracle(2), nodes: [B] },
        { oracle: oracle(3), nodes: [C] },
        { oracle: oracle(3), nodes: [B] },
      ],
    })
    expect(result.outcomes).toEqual([
      'unchanged',
      'not-oracle',
      'proposed',
      'already-submitted',
      'proposed',
      'cooldown',
      'unchanged',
    ])
    expect(result.consensus?.nodes).toEqual([B])
  })

  test('an empty set closes a running job; consensus on the current set does not change it', () => {
    const close = evaluateProposals({
      oracleCount: 1,
      currentNodes: [A],
      submissions: [{ oracle: oracle(1), nodes: [] }],
    })
    expect(close).toMatchObject({ status: 'reached', changesNodes: true, consensus: { nodes: [] } })

    const confirm = evaluateProposals({
      oracleCount: 3,
      currentNodes: [A],
      openRound: [{ oracle: oracle(1), hash: hashNodeSet([B]) }],
      submissions: [
        { oracle: oracle(2), nodes: [A] },
        { oracle: oracle(3), nodes: [A] },
      ],
    })
    expect(confirm).toMatchObject({ status: 'reached', changesNodes: false, decidedBy: 1 })
    expect(evaluateProposals({ oracleCount: 3, submissions: [] }).status).toBe('idle')
    expect(
      evaluateProposals({ oracleCount: 5, submissions: [{ oracle: oracle(1), nodes: [A] }] })
        .status,
    ).toBe('awaiting-quorum')
    expect(() => evaluateProposals({ submissions: [] })).toThrow(/`oracleCount`/)
  })

  test('consensus never accepts fewer than the agreement threshold, and only after quorum', () => {
    const nodeSets = [[A], [B], [A, B], [], [C]]
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.array(
          fc.record({
            oracle: fc.integer({ min: 1, max: 12 }),
            set: fc.integer({ min: 0, max: 4 }),
          }),
          {
            maxLength: 30,
          },
        ),
        (oracleCount, picks) => {
          const result = evaluateProposals({
            oracleCount,
            submissions: picks.map((pick) => ({
              oracle: oracle(pick.oracle),
              nodes: nodeSets[pick.set]!,
            })),
          })
          const { quorum, agreement } = consensusThresholds(oracleCount)
          if (result.status === 'reached') {
            expect(result.consensus!.participants.length).toBeGreaterThanOrEqual(agreement)
            expect(result.proposalCount).toBeGreaterThanOrEqual(quorum)
            expect(new Set(result.consensus!.participants).size).toBe(
              result.consensus!.participants.length,
            )
            expect(result.consensus!.hash).toBe(hashNodeSet(result.consensus!.nodes))
          } else {
            expect(result.maxAgreement < agreement || result.proposalCount < quorum).toBe(true)
          }
        },
      ),
    )
  })
})
