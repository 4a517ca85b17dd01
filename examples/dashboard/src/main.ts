#!/usr/bin/env node
import { runCli } from './cli.js'

const { exitCode, stdout, stderr } = await runCli(process.argv.slice(2))
if (stdout) process.stdout.write(`${stdout}\n`)
if (stderr) process.stderr.write(`${stderr}\n`)
process.exitCode = exitCode
