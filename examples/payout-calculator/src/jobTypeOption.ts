import { findJobType, getJobType, type JobType, jobTypes } from '@ratio1/sdk-core'

/** A mistake on the command line; printed with the help text, without a stack trace. */
export class UsageError extends Error {
  override name = 'UsageError'
}

/** Parses memory like `8GiB`, `8g`, `512mb` or `512` (MiB). */
export function parseMemory(value: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(g|gb|gib|m|mb|mib)?$/i.exec(value.trim())
  if (!match) throw new UsageError(`Cannot read memory "${value}"; use e.g. 8GiB or 512MiB.`)
  const amount = Number(match[1])
  return /^g/i.test(match[2] ?? 'm') ? amount * 1024 : amount
}

/**
 * Resolves `--type` (an id, a constant name or a display label) or `--cpu/--memory/--gpu` to a job type;
 * ENTRY when nothing is given.
 */
export function resolveJobType(options: {
  type?: string | undefined
  cpu?: string | undefined
  memory?: string | undefined
  gpu?: boolean | undefined
}): JobType {
  if (options.type !== undefined) {
    if (/^\d+$/.test(options.type)) return getJobType(Number(options.type))
    const normalize = (name: string) => name.toUpperCase().replace(/[\s+-]+/g, '_')
    const wanted = normalize(options.type)
    const match = jobTypes.find((type) => type.name === wanted || normalize(type.label) === wanted)
    if (!match) throw new UsageError(`Unknown job type "${options.type}". Run the "types" command.`)
    return match
  }
  if (options.cpu === undefined && options.memory === undefined && !options.gpu)
    return getJobType(1)
  return findJobType({
    cpu: options.cpu === undefined ? undefined : Number(options.cpu),
    memoryMb: options.memory === undefined ? undefined : parseMemory(options.memory),
    gpu: options.gpu,
  })
}
