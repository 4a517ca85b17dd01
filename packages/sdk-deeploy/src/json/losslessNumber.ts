/**
 * A JSON number kept as the exact text it had in the document. Python renders floats with `repr`
 * (`2.0`, `1e-05`), which `JSON.parse` would turn into `2` and `0.00001`; a signed oracle response can
 * only be re-hashed if those spellings survive, so {@link parseLosslessJson} returns numbers as this class.
 *
 * @example
 * ```ts
 * import { LosslessNumber } from '@ratio1/sdk-deeploy'
 * const n = new LosslessNumber('2.0')
 * n.lexeme // '2.0'
 * n.valueOf() // 2
 * ```
 */
export class LosslessNumber {
  /** The number exactly as written in the JSON text. */
  readonly lexeme: string

  constructor(lexeme: string) {
    this.lexeme = lexeme
  }

  /** The nearest JavaScript number; may lose precision or the Python spelling. */
  valueOf(): number {
    return Number(this.lexeme)
  }

  /** The exact integer value; throws a `RangeError` or `SyntaxError` when the lexeme is not an integer. */
  toBigInt(): bigint {
    return BigInt(this.lexeme)
  }

  toString(): string {
    return this.lexeme
  }
}
