export {
  type CloudflareClient,
  type CreateCloudflareClientErrorType,
  type CreateCloudflareClientParameters,
  type CreateCloudflareClientReturnType,
  createCloudflareClient,
} from './client.js'
export {
  type ConfigureTunnelIngressErrorType,
  type ConfigureTunnelIngressParameters,
  type ConfigureTunnelIngressReturnType,
  configureTunnelIngress,
} from './configureTunnelIngress.js'
export {
  type CreatePublicHostnameErrorType,
  type CreatePublicHostnameParameters,
  type CreatePublicHostnameReturnType,
  createPublicHostname,
} from './createPublicHostname.js'
export {
  type CreateTunnelErrorType,
  type CreateTunnelParameters,
  type CreateTunnelReturnType,
  createTunnel,
} from './createTunnel.js'
export {
  type CreateTunnelDnsRecordErrorType,
  type CreateTunnelDnsRecordParameters,
  type CreateTunnelDnsRecordReturnType,
  createTunnelDnsRecord,
} from './createTunnelDnsRecord.js'
export {
  type DeleteDnsRecordErrorType,
  type DeleteDnsRecordParameters,
  type DeleteDnsRecordReturnType,
  deleteDnsRecord,
} from './deleteDnsRecord.js'
export {
  type DeleteTunnelErrorType,
  type DeleteTunnelParameters,
  type DeleteTunnelReturnType,
  deleteTunnel,
} from './deleteTunnel.js'
export {
  CloudflareApiError,
  type CloudflareApiErrorType,
  type CloudflareErrorItem,
} from './errors.js'
export {
  type GetTunnelTokenErrorType,
  type GetTunnelTokenParameters,
  type GetTunnelTokenReturnType,
  getTunnelToken,
} from './getTunnelToken.js'
export {
  type ListTunnelsErrorType,
  type ListTunnelsParameters,
  type ListTunnelsReturnType,
  listTunnels,
} from './listTunnels.js'
export type { CloudflareDnsRecord, CloudflareTunnel, IngressRule } from './schemas.js'
