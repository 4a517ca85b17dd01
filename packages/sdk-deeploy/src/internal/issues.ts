import type * as z from 'zod/mini'

/**
 * @internal `path: message` lines for a zod error. zod/mini ships no locale (to stay small), so its
 * default message is just "Invalid input"; the expected type or format is added from the issue itself.
 */
export function formatIssues(prefix: string, error: z.core.$ZodError): string[] {
  return error.issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.')
    const detail =
      issue.code === 'invalid_type'
        ? `expected ${issue.expected}`
        : issue.code === 'invalid_value'
          ? `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`
          : issue.code === 'invalid_format'
            ? `expected format ${issue.format}`
            : undefined
    const message =
      issue.message === 'Invalid input' && detail ? `invalid input, ${detail}` : issue.message
    return `${path}: ${message}`
  })
}
