// Node.js-only helpers (they use `node:fs`), kept out of the main entry so browser bundles stay clean.
export { createFileStore } from './stores/createFileStore.js'
