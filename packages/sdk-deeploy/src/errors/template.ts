import { BaseError } from '@ratio1/sdk-core'

/** @see TemplateValidationError */
export type TemplateValidationErrorType = TemplateValidationError & {
  name: 'TemplateValidationError'
}

/**
 * A job template's input breaks one of the Deeploy rules (the dApp's form rules plus what the oracle
 * enforces). Every problem is listed as `path: what is wrong`, so the request never reaches signing or
 * payment.
 *
 * @example
 * ```ts
 * import { buildGenericApp, TemplateValidationError } from '@ratio1/sdk-deeploy'
 * try { buildGenericApp({ jobId: 1n, jobType: 1, alias: 'x', image: 'nginx' }) }
 * catch (e) { if (e instanceof TemplateValidationError) console.log(e.issues) }
 * ```
 */
export class TemplateValidationError extends BaseError {
  override name = 'TemplateValidationError'
  /** The template that was being built, e.g. `generic app`. */
  template: string
  /** Each problem as `path: message`. */
  issues: string[]
  constructor({ template, issues }: { template: string; issues: string[] }) {
    super(
      `The ${template} is not valid: ${issues.length === 1 ? issues[0] : `${issues.length} problems`}.`,
      {
        docsPath: '#templatevalidationerror',
        metaMessages: issues.length > 1 ? issues.map((issue) => `- ${issue}`) : undefined,
      },
    )
    this.template = template
    this.issues = issues
  }
}
