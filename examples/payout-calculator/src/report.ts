/** What a command produces: a title, label/value pairs and tables, plus the raw data for JSON output. */
export type Report = {
  title: string
  pairs?: (readonly [string, string])[]
  tables?: { caption?: string; headers: string[]; rows: string[][] }[]
  notes?: string[]
  data: unknown
}

/** The output formats every command supports. */
export type Format = 'table' | 'json' | 'csv'

/** Renders rows as an aligned text table; numeric-looking cells are right-aligned. */
export function renderTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)),
  )
  const numeric = headers.map(
    (_, column) =>
      rows.length > 0 && rows.every((row) => /^[-+]?[\d,._]+( \w+)?$/.test(row[column] ?? '')),
  )
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) =>
        numeric[column] ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!),
      )
      .join('  ')
      .trimEnd()
  return [
    line(headers),
    widths.map((width) => '─'.repeat(width)).join('  '),
    ...rows.map(line),
  ].join('\n')
}

function csvCell(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

/** Serializes bigints as decimal strings so JSON output stays exact. */
export function toJson(data: unknown): string {
  return JSON.stringify(
    data,
    (_, value) => (typeof value === 'bigint' ? value.toString() : value),
    2,
  )
}

/** Renders a report in the requested format. CSV holds every table, separated by a blank line. */
export function renderReport(report: Report, format: Format): string {
  if (format === 'json') return toJson(report.data)
  if (format === 'csv')
    return (report.tables ?? [])
      .map((table) =>
        [table.headers, ...table.rows].map((row) => row.map(csvCell).join(',')).join('\n'),
      )
      .join('\n\n')
  const pairs = report.pairs ?? []
  const width = Math.max(0, ...pairs.map(([label]) => label.length))
  return [
    report.title,
    ...(pairs.length
      ? ['', ...pairs.map(([label, value]) => `${label.padEnd(width)}  ${value}`)]
      : []),
    ...(report.tables ?? []).flatMap((table) => [
      '',
      ...(table.caption ? [table.caption] : []),
      renderTable(table.headers, table.rows),
    ]),
    ...(report.notes?.length ? ['', ...report.notes] : []),
  ].join('\n')
}
