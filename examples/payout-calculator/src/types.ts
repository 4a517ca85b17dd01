import { formatUsdc, jobTypes } from '@ratio1/sdk-core'
import type { Report } from './report.js'

/** The job-type catalogue. */
export function typesReport(): Report {
  return {
    title: 'Job types',
    tables: [
      {
        headers: [
          'id',
          'name',
          'category',
          'vCPU',
          'RAM GiB',
          'storage GiB',
          'GPU',
          'USDC/epoch',
          'USDC/30 epochs',
        ],
        rows: jobTypes.map((type) => [
          `${type.id}`,
          type.label,
          type.category,
          `${type.resources.cpu}`,
          `${type.resources.memoryMb / 1024}`,
          type.resources.storageMb ? `${type.resources.storageMb / 1024}` : 'full',
          type.resources.gpu?.label ?? '',
          formatUsdc(type.pricePerEpoch),
          formatUsdc(type.pricePerEpoch * 30n),
        ]),
      },
    ],
    data: jobTypes,
  }
}
