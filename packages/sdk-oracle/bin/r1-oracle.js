#!/usr/bin/env node
// The `r1-oracle` command. A committed launcher, so package managers can link the bin before the package
// is built; the service itself is the built `dist/bin.js`.
import '../dist/bin.js'
