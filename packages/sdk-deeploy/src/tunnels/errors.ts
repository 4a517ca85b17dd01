import { BaseError } from '@ratio1/sdk-core'

/** One entry of Cloudflare's `errors` array. */
export type CloudflareErrorItem = { code: number; message: string }

/** @see CloudflareApiError */
export type CloudflareApiErrorType = CloudflareApiError & { name: 'CloudflareApiError' }

/**
 * Cloudflare's v4 API refused a call (`success: false` or a non-2xx status). The API token never
 * appears in the message, the details or the cause.
 *
 * @example
 * ```ts
 * import { CloudflareApiError } from '@ratio1/sdk-deeploy/tunnels'
 * if (error instanceof CloudflareApiError && error.status === 403) console.log('token lacks Tunnel:Edit')
 * ```
 */
export class CloudflareApiError extends BaseError {
  override name = 'CloudflareApiError'
  status: number
  /** Method and path, e.g. `POST /accounts/…/cfd_tunnel`. */
  operation: string
  errors: CloudflareErrorItem[]
  constructor(parameters: { operation: string; status: number; errors: CloudflareErrorItem[] }) {
    const first = parameters.errors[0]
    super(
      `Cloudflare ${parameters.operation} failed (HTTP ${parameters.status})${first ? `: ${first.message} (code ${first.code})` : '.'}`,
      {
        docsPath: '#cloudflareapierror',
        metaMessages: [
          ...parameters.errors.slice(1).map((e) => `${e.message} (code ${e.code})`),
          ...(parameters.status === 403 || parameters.status === 401
            ? [
                'The token needs Account › Cloudflare Tunnel › Edit and Zone › DNS › Edit on the zone.',
              ]
            : []),
        ],
      },
    )
    this.status = parameters.status
    this.operation = parameters.operation
    this.errors = parameters.errors
  }
}
