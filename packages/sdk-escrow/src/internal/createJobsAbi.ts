import { escrowFragments, revertErrorFragments } from './fragments.js'

/** `createJobs` with every error it can revert with: all the ABI an app buying jobs needs to bundle. */
export const createJobsCallAbi = /* @__PURE__ */ (() =>
  [...escrowFragments, ...revertErrorFragments] as const)()
