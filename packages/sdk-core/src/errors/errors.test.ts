import { BaseError as ViemBaseError } from 'viem'
import { describe, expect, test } from 'vitest'
import { BaseError, EpochsBelowMinimumError, quoteJob, setErrorConfig } from '../index.js'

describe('BaseError', () => {
  test('message layout: short message, meta lines, Docs, Details, Version', () => {
    const error = new BaseError('Something failed.', {
      details: 'low-level detail',
      docsPath: '#something',
      metaMessages: ['first line', 'second line'],
    })
    expect(error.message).toMatchInlineSnapshot(`
      "Something failed.

      first line
      second line

      Docs: docs/guides/errors.md#something
      Details: low-level detail
      Version: @ratio1/sdk-core@x.y.z"
    `)
    expect(error.name).toBe('Ratio1Error')
    expect(error).toBeInstanceOf(Error)
  })

  test('inherits details and docs from a BaseError cause, and details from any error', () => {
    const inner = new BaseError('inner', { details: 'deep', docsPath: '#inner' })
    const outer = new BaseError('outer', { cause: inner })
    expect(outer.details).toBe('deep')
    expect(outer.docsPath).toBe('#inner')
    expect(outer.cause).toBe(inner)
    expect(new BaseError('x', { cause: new Error('plain') }).details).toBe('plain')
  })

  test('walk() follows the cause chain across viem errors', () => {
    const viemError = new ViemBaseError('execution reverted')
    const middle = new BaseError('middle', { cause: viemError })
    const outer = new BaseError('outer', { cause: middle })
    expect(outer.walk()).toBe(viemError)
    expect(outer.walk((error) => error instanceof ViemBaseError)).toBe(viemError)
    expect(outer.walk((error) => error === middle)).toBe(middle)
    expect(outer.walk(() => false)).toBeNull()
  })

  test('subclasses are typed and named', () => {
    try {
      quoteJob({ jobType: 1, nodes: 1, epochs: 1 })
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(EpochsBelowMinimumError)
      expect(error).toBeInstanceOf(BaseError)
      const typed = error as EpochsBelowMinimumError
      expect(typed.name).toBe('EpochsBelowMinimumError')
      expect(typed.epochs).toBe(1n)
      expect(typed.minimum).toBe(30n)
      expect(typed.docsPath).toBe('#epochsbelowminimumerror')
      expect(typed.version).toBe('@ratio1/sdk-core@x.y.z')
    }
  })

  test('errors name the package that threw them unless the version is pinned', () => {
    setErrorConfig({ version: undefined })
    try {
      expect(new BaseError('x').version).toMatch(/^@ratio1\/sdk-core@\d+\.\d+\.\d+/)
      expect(new BaseError('x', { version: '@ratio1/sdk-escrow@1.2.3' }).message).toContain(
        'Version: @ratio1/sdk-escrow@1.2.3',
      )
    } finally {
      setErrorConfig({ version: '@ratio1/sdk-core@x.y.z' })
    }
    expect(new BaseError('x', { version: '@ratio1/sdk-escrow@1.2.3' }).version).toBe(
      '@ratio1/sdk-core@x.y.z',
    )
  })

  test('setErrorConfig changes the docs base', () => {
    setErrorConfig({ docsBaseUrl: 'https://docs.example/errors' })
    try {
      expect(new BaseError('x', { docsPath: '#y' }).message).toContain(
        'Docs: https://docs.example/errors#y',
      )
    } finally {
      setErrorConfig({ docsBaseUrl: 'docs/guides/errors.md' })
    }
  })
})
