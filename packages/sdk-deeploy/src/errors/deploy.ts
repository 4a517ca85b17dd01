import { BaseError } from '@ratio1/sdk-core'

/** @see JobNotReadyError */
export type JobNotReadyErrorType = JobNotReadyError & { name: 'JobNotReadyError' }

/**
 * The pipeline was created but not enough instances came online before the wait ended. The job may
 * still come up: read it with `getApps` before deploying again (the payment is not lost).
 *
 * @example
 * ```ts
 * import { JobNotReadyError } from '@ratio1/sdk-deeploy'
 * if (error instanceof JobNotReadyError) console.log(error.onlineNodes, '/', error.expectedNodes)
 * ```
 */
export class JobNotReadyError extends BaseError {
  override name = 'JobNotReadyError'
  jobId: bigint
  appId: string | undefined
  onlineNodes: number
  expectedNodes: number
  constructor(parameters: {
    jobId: bigint
    appId: string | undefined
    onlineNodes: number
    expectedNodes: number
    waitedMs: number
  }) {
    super(
      `Job ${parameters.jobId} has ${parameters.onlineNodes} of ${parameters.expectedNodes} nodes online after ${Math.round(parameters.waitedMs / 1000)} s.`,
      {
        docsPath: '#jobnotreadyerror',
        metaMessages: [
          'The pipeline was sent; nodes may still be pulling images. Check it with getApps before redeploying.',
        ],
      },
    )
    this.jobId = parameters.jobId
    this.appId = parameters.appId
    this.onlineNodes = parameters.onlineNodes
    this.expectedNodes = parameters.expectedNodes
  }
}
