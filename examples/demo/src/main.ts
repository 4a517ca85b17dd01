// Node marks its built-in SQLite (the oracles' state store) experimental; that notice is not for
// demo users. Every other warning is still printed.
process.removeAllListeners('warning')
process.on('warning', (warning) => {
  if (warning.name === 'ExperimentalWarning' && /SQLite/i.test(warning.message)) return
  process.stderr.write(`${warning.name}: ${warning.message}\n`)
})

// Output piped into `head` and the like may close early; that is not an error of the demo.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  throw error
})

// Imported after the filter is installed: the oracle's store loads node:sqlite at import time.
const { runCli } = await import('./cli.js')
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
})
