/** One input a service asks for; it becomes an environment variable. */
export type ServiceInput = {
  key: string
  label: string
  /** Used when the caller gives no value; inputs without a default are required. */
  defaultValue?: string | undefined
}

/** A one-container service from Ratio1's catalogue, deployed on a service job type (50–52). */
export type ServiceTemplate = {
  /** The dApp's catalogue id. */
  id: number
  /** Stable key used by `buildServiceApp`, e.g. `postgresql`. */
  key: string
  name: string
  image: string
  /** The port the service listens on. */
  port: number
  pluginSignature: 'CONTAINER_APP_RUNNER' | 'WORKER_APP_RUNNER'
  /** How the dApp exposes the service publicly. */
  tunnelEngine: 'cloudflare' | 'ngrok'
  inputs: readonly ServiceInput[]
  env?: Readonly<Record<string, string>> | undefined
  /** Volume name → mount path. */
  volumes?: Readonly<Record<string, string>> | undefined
  buildAndRunCommands?: readonly string[] | undefined
  /** Extra plugin config keys. */
  pluginParams?: Readonly<Record<string, unknown>> | undefined
}

const openBaoConfig = JSON.stringify({
  storage: { file: { path: '/openbao/file' } },
  listener: [{ tcp: { address: '0.0.0.0:8200', tls_disable: true } }],
  ui: true,
})

/**
 * The service catalogue of Ratio1's Deeploy app (EMQX and GitLab are still disabled there and left out
 * here): image, port, required inputs, fixed env and volumes of each service.
 *
 * @example
 * ```ts
 * import { serviceTemplates } from '@ratio1/sdk-deeploy'
 * serviceTemplates.find((s) => s.key === 'postgresql')?.image // 'postgres:17'
 * ```
 */
export const serviceTemplates: readonly ServiceTemplate[] = [
  {
    id: 1,
    key: 'postgresql',
    name: 'PostgreSQL',
    image: 'postgres:17',
    port: 5432,
    pluginSignature: 'CONTAINER_APP_RUNNER',
    tunnelEngine: 'ngrok',
    inputs: [{ key: 'POSTGRES_PASSWORD', label: 'Superuser password' }],
    volumes: { postgres_data: '/var/lib/postgresql/data' },
  },
  {
    id: 2,
    key: 'mysql',
    name: 'MySQL',
    image: 'mysql',
    port: 3306,
    pluginSignature: 'CONTAINER_APP_RUNNER',
    tunnelEngine: 'ngrok',
    inputs: [{ key: 'MYSQL_ROOT_PASSWORD', label: 'Root password' }],
    volumes: { mysql_data: '/var/lib/mysql' },
  },
  {
    id: 3,
    key: 'mongodb',
    name: 'MongoDB',
    image: 'mongo',
    port: 27017,
    pluginSignature: 'CONTAINER_APP_RUNNER',
    tunnelEngine: 'ngrok',
    inputs: [
      { key: 'MONGO_INITDB_ROOT_USERNAME', label: 'Root username' },
      { key: 'MONGO_INITDB_ROOT_PASSWORD', label: 'Root password' },
    ],
    volumes: { mongo_data: '/data/db' },
  },
  {
    id: 5,
    key: 'n8n',
    name: 'n8n',
    image: 'n8nio/n8n',
    port: 5678,
    pluginSignature: 'CONTAINER_APP_RUNNER',
    tunnelEngine: 'cloudflare',
    inputs: [{ key: 'N8N_ENCRYPTION_KEY', label: 'Encryption key' }],
    volumes: { n8n_data: '/home/node/.n8n' },
  },
  {
    id: 6,
    key: 'vdo_ninja',
    name: 'VDO.Ninja',
    image: 'caddy:alpine',
    port: 80,
    pluginSignature: 'WORKER_APP_RUNNER',
    tunnelEngine: 'cloudflare',
    inputs: [],
    buildAndRunCommands: ['cp -r /app/* /usr/share/caddy'],
    pluginParams: {
      VCS_DATA: {
        REPO_URL: 'https://github.com/steveseguin/vdo.ninja',
        USERNAME: null,
        TOKEN: null,
      },
      CONTAINER_START_COMMAND: null,
    },
  },
  {
    id: 7,
    key: 'docker_registry',
    name: 'Docker Registry',
    image: 'registry:2',
    port: 5000,
    pluginSignature: 'CONTAINER_APP_RUNNER',
    tunnelEngine: 'cloudflare',
    inputs: [{ key: 'REGISTRY_HTTP_SECRET', label: 'HTTP secret' }],
    volumes: { registry_data: '/var/lib/registry' },
  },
  {
    id: 9,
    key: 'neo4j',
    name: 'Neo4j Community',
    image: 'neo4j:2026.01.4',
    port: 7474,
    pluginSignature: 'CONTAINER_APP_RUNNER',
    tunnelEngine: 'cloudflare',
    inputs: [{ key: 'NEO4J_AUTH', label: 'Auth (neo4j/<password>)' }],
    volumes: { neo4j_data: '/data' },
  },
  {
    id: 10,
    key: 'moodle',
    name: 'Moodle',
    image: 'bitnamilegacy/moodle:5.0.2-debian-12-r2',
    port: 8080,
    pluginSignature: 'CONTAINER_APP_RUNNER',
    tunnelEngine: 'cloudflare',
    inputs: [
      { key: 'MOODLE_DATABASE_HOST', label: 'Database host' },
      { key: 'MOODLE_DATABASE_PORT_NUMBER', label: 'Database port', defaultValue: '3306' },
      { key: 'MOODLE_DATABASE_NAME', label: 'Database name', defaultValue: 'moodle' },
      { key: 'MOODLE_DATABASE_USER', label: 'Database user', defaultValue: 'moodle' },
      { key: 'MOODLE_DATABASE_PASSWORD', label: 'Database password' },
      { key: 'MOODLE_USERNAME', label: 'Admin username', defaultValue: 'admin' },
      { key: 'MOODLE_PASSWORD', label: 'Admin password' },
      { key: 'MOODLE_EMAIL', label: 'Admin e-mail' },
    ],
    env: { MOODLE_DATABASE_TYPE: 'mariadb', MOODLE_REVERSEPROXY: 'yes', MOODLE_SSLPROXY: 'yes' },
    volumes: { moodle_data: '/bitnami/moodle', moodledata_data: '/bitnami/moodledata' },
  },
  {
    id: 11,
    key: 'matrix_synapse',
    name: 'Matrix Synapse',
    image: 'matrixdotorg/synapse:v1.147.0',
    port: 8008,
    pluginSignature: 'CONTAINER_APP_RUNNER',
    tunnelEngine: 'cloudflare',
    inputs: [
      { key: 'SYNAPSE_SERVER_NAME', label: 'Server name' },
      { key: 'SYNAPSE_REPORT_STATS', label: 'Report anonymous stats', defaultValue: 'no' },
    ],
    env: {
      SYNAPSE_CONFIG_DIR: '/data',
      SYNAPSE_CONFIG_PATH: '/data/homeserver.yaml',
      SYNAPSE_HTTP_PORT: '8008',
    },
    volumes: { synapse_data: '/data' },
    // Generate the homeserver config on first start only, then run the server.
    pluginParams: {
      CONTAINER_START_COMMAND:
        'sh -c "[ -f /data/homeserver.yaml ] || /start.py generate; exec /start.py"',
    },
  },
  {
    id: 12,
    key: 'openbao',
    name: 'OpenBao',
    image: 'openbao/openbao:2.5.0',
    port: 8200,
    pluginSignature: 'CONTAINER_APP_RUNNER',
    tunnelEngine: 'cloudflare',
    inputs: [],
    env: { BAO_LOCAL_CONFIG: openBaoConfig },
    volumes: { openbao_file: '/openbao/file', openbao_logs: '/openbao/logs' },
    pluginParams: { CONTAINER_START_COMMAND: 'server' },
  },
]
