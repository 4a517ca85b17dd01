#!/usr/bin/env node
import { runOracle } from './server/runOracle.js'

// r1-oracle: the reference oracle service. Configuration comes from ORACLE_* variables and an optional
// JSON file (ORACLE_CONFIG_FILE); see the package README.
runOracle({ env: process.env }).catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`)
  process.exit(1)
})
