import { getJobType } from '@ratio1/sdk-core'
import { describe, expect, test } from 'vitest'
import { nodeA, nodeB, projectHash } from '../../test/fixtures.js'
import { TemplateValidationError } from '../errors/template.js'
import { hashRequestPayload } from '../signing/hashRequestPayload.js'
import { type BuildGenericAppParameters, buildGenericApp } from './buildGenericApp.js'
import { type BuildNativeAppParameters, buildNativeApp } from './buildNativeApp.js'
import { type BuildServiceAppParameters, buildServiceApp } from './buildServiceApp.js'
import { formatMemory } from './formatMemory.js'
import { parseMemory } from './parseMemory.js'
import { serviceTemplates } from './services.js'

describe('memory sizes', () => {
  test.each([
    ['512m', 512],
    ['512mb', 512],
    ['512M', 512],
    ['512MiB', 512],
    ['2g', 2048],
    ['2 GB', 2048],
    ['16GiB', 16384],
    ['1.5g', 1536],
    ['0.5g', 512],
    ['1t', 1048576],
    ['1048576k', 1024],
    [' 64 ', 64],
    [256, 256],
  ])('%j → %d MiB', (value, mib) => {
    expect(parseMemory(value)).toBe(mib)
  })
  test.each(['', 'lots', '-1g', '0m', '1.3m', '12x', '2 gigs', Number.NaN, 0.5])(
    '%j is rejected',
    (value) => {
      expect(() => parseMemory(value)).toThrow(/whole MiB/)
    },
  )
  test('canonical output the oracle parses', () => {
    expect(formatMemory(2048)).toBe('2g')
    expect(formatMemory(512)).toBe('512m')
    expect(formatMemory(1536)).toBe('1536m')
    expect(() => formatMemory(0)).toThrow()
  })
})

const generic: BuildGenericAppParameters = {
  jobId: 12n,
  jobType: 1,
  alias: 'Web-App',
  image: 'nginx:1.27',
  targetNodesCount: 2,
}

describe('buildGenericApp', () => {
  test('a container image app with everything', () => {
    const request = buildGenericApp({
      ...generic,
      registry: { server: 'ghcr.io', username: 'acme', password: 'registry-pass' },
      port: 80,
      ports: [{ hostPort: 32080, containerPort: 80 }],
      tunnel: { token: 'cf-tunnel-token' },
      env: { MODE: 'prod' },
      dynamicEnv: { SELF: [{ type: 'static', value: 'http://' }, { type: 'host_ip' }] },
      volumes: { data: '/data' },
      fileVolumes: { 'app.conf': { content: 'x=1', mountingPoint: '/etc/app.conf' } },
      restartPolicy: 'on-failure',
      kyb: true,
      countries: ['fr', 'IT'],
      tags: ['REG:EU'],
      projectId: projectHash,
      projectName: 'demo',
      custom: { CONTAINER_START_COMMAND: 'nginx -g "daemon off;"' },
    })
    expect(request).toEqual({
      app_alias: 'web-app',
      job_id: 12,
      target_nodes: [],
      target_nodes_count: 2,
      spare_nodes: [],
      allow_replication_in_the_wild: true,
      job_tags: ['REG:EU', 'IS_KYB', 'CT:FR||CT:IT'],
      project_id: projectHash,
      project_name: 'demo',
      chainstore_response: true,
      job_app_type: 'generic',
      pipeline_input_type: 'void',
      pipeline_input_uri: null,
      plugins: [
        {
          plugin_signature: 'CONTAINER_APP_RUNNER',
          IMAGE: 'nginx:1.27',
          CONTAINER_RESOURCES: { cpu: 1, memory: '2g', ports: { '32080': 80 } },
          PORT: 80,
          TUNNEL_ENGINE: 'cloudflare',
          TUNNEL_ENGINE_ENABLED: true,
          CLOUDFLARE_TOKEN: 'cf-tunnel-token',
          ENV: { MODE: 'prod' },
          DYNAMIC_ENV: { SELF: [{ type: 'static', value: 'http://' }, { type: 'host_ip' }] },
          VOLUMES: { data: '/data' },
          FILE_VOLUMES: { 'app.conf': { content: 'x=1', mounting_point: '/etc/app.conf' } },
          RESTART_POLICY: 'on-failure',
          IMAGE_PULL_POLICY: 'always',
          CR_DATA: { SERVER: 'ghcr.io', USERNAME: 'acme', PASSWORD: 'registry-pass' },
          CONTAINER_START_COMMAND: 'nginx -g "daemon off;"',
        },
      ],
    })
    // Hashable as-is: what the builder returns is what gets signed.
    expect(hashRequestPayload(request)).toMatch(/^[0-9a-f]{64}$/)
  })

  test('resources follow the paid job type (MICRO: 0.25 cores, 512m)', () => {
    const request = buildGenericApp({ ...generic, jobType: 53 })
    expect(request.plugins[0]!.CONTAINER_RESOURCES).toEqual({ cpu: 0.25, memory: '512m' })
    const tier = getJobType(53)
    expect(
      parseMemory(String((request.plugins[0]!.CONTAINER_RESOURCES as { memory: string }).memory)),
    ).toBe(tier.resources.memoryMb)
  })

  test('stated resources are normalised to the form the oracle parses', () => {
    const request = buildGenericApp({
      ...generic,
      jobType: 53,
      resources: { cpu: 0.25, memory: '512mb' },
    })
    expect(request.plugins[0]!.CONTAINER_RESOURCES).toEqual({ cpu: 0.25, memory: '512m' })
    const large = buildGenericApp({
      ...generic,
      jobType: 8,
      resources: { cpu: 16, memory: '62GiB' },
    })
    expect(large.plugins[0]!.CONTAINER_RESOURCES).toEqual({ cpu: 16, memory: '62g' })
  })

  test('a GitHub repository build runs on the Worker App Runner', () => {
    const request = buildGenericApp({
      jobId: 3,
      jobType: 2,
      alias: 'api',
      targetNodes: [nodeA, nodeB],
      repository: {
        url: 'https://github.com/acme/api',
        token: 'ghp_x',
        commands: ['npm ci', 'npm start'],
      },
    })
    expect(request.target_nodes).toEqual([nodeA, nodeB])
    expect(request.target_nodes_count).toBe(0)
    expect(request.plugins[0]).toMatchObject({
      plugin_signature: 'WORKER_APP_RUNNER',
      IMAGE: 'node:22',
      BUILD_AND_RUN_COMMANDS: ['npm ci', 'npm start'],
      VCS_DATA: {
        PROVIDER: 'github',
        REPO_URL: 'https://github.com/acme/api',
        USERNAME: null,
        TOKEN: 'ghp_x',
      },
      TUNNEL_ENGINE_ENABLED: false,
    })
  })

  // Each rule: an input that passes and one that fails with the given message.
  test.each<
    [string, Partial<BuildGenericAppParameters>, Partial<BuildGenericAppParameters>, RegExp]
  >([
    ['alias length', { alias: 'abc' }, { alias: 'ab' }, /alias: at least 3 characters/],
    ['alias charset', { alias: 'a_b-c' }, { alias: 'a b c' }, /alias: only letters/],
    ['alias max', { alias: 'a'.repeat(36) }, { alias: 'a'.repeat(37) }, /at most 36/],
    ['image length', { image: 'abc' }, { image: 'ab' }, /image: images are 3–256/],
    [
      'image or repository',
      { image: 'nginx' },
      { image: undefined },
      /give an image or a repository/,
    ],
    [
      'node address format',
      { targetNodes: [nodeA], targetNodesCount: undefined },
      { targetNodes: ['0xnode'], targetNodesCount: undefined },
      /targetNodes\.0: expected a node address/,
    ],
    [
      'unique target nodes',
      { targetNodes: [nodeA, nodeB], targetNodesCount: 2 },
      { targetNodes: [nodeA, nodeA], targetNodesCount: 2 },
      /target nodes must be unique/,
    ],
    [
      'count or nodes',
      { targetNodesCount: 1 },
      { targetNodesCount: undefined },
      /give targetNodes or targetNodesCount/,
    ],
    [
      'count matches nodes',
      { targetNodes: [nodeA], targetNodesCount: 1 },
      { targetNodes: [nodeA], targetNodesCount: 3 },
      /must equal the number of targetNodes \(1\)/,
    ],
    ['node count range', { targetNodesCount: 100 }, { targetNodesCount: 101 }, /at most 100 nodes/],
    [
      'spare nodes max',
      { spareNodes: [nodeA] },
      { spareNodes: Array.from({ length: 26 }, (_, i) => `0xai_n${i}`) },
      /at most 25 spare nodes/,
    ],
    ['country codes', { countries: ['RO'] }, { countries: ['ROU'] }, /ISO-3166/],
    ['project id', { projectId: projectHash }, { projectId: '0x1234' }, /bytes32 projectHash/],
    ['port range', { port: 65535 }, { port: 65536 }, /port: ports are 1–65535/],
    [
      'unique host ports',
      {
        ports: [
          { hostPort: 1, containerPort: 80 },
          { hostPort: 2, containerPort: 80 },
        ],
      },
      {
        ports: [
          { hostPort: 1, containerPort: 80 },
          { hostPort: 1, containerPort: 81 },
        ],
      },
      /host ports must be unique/,
    ],
    [
      'tunnel needs a port',
      { tunnel: { token: 'tok' }, port: 80 },
      { tunnel: { token: 'tok' } },
      /tunnel needs the port/,
    ],
    [
      'tunnel token length',
      { tunnel: { token: 'tok' }, port: 1 },
      { tunnel: { token: 'to' }, port: 1 },
      /tunnel tokens are 3–512/,
    ],
    ['env names', { env: { A_1: 'x' } }, { env: { '1A': 'x' } }, /environment variable names/],
    [
      'env count',
      { env: Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`V${i}`, 'x'])) },
      { env: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`V${i}`, 'x'])) },
      /at most 50 variables/,
    ],
    [
      'dynamic env parts',
      { dynamicEnv: { A: [{ type: 'host_ip' }] } },
      { dynamicEnv: { A: [] } },
      /at least 1 part/,
    ],
    [
      'dynamic env types',
      { dynamicEnv: { A: [{ type: 'static', value: 'x' }] } },
      { dynamicEnv: { A: [{ type: 'container_ip' } as never] } },
      /dynamicEnv\.A\.0/,
    ],
    [
      'shmem path',
      { dynamicEnv: { A: [{ type: 'shmem', path: ['p', 'PORT'] }] } },
      { dynamicEnv: { A: [{ type: 'shmem', path: ['p', ''] }] } },
      /key required/,
    ],
    [
      'mount paths',
      { volumes: { d: '/data' } },
      { volumes: { d: 'data' } },
      /mount paths are absolute/,
    ],
    [
      'file volume content',
      { fileVolumes: { ab: { content: 'x', mountingPoint: '/x' } } },
      { fileVolumes: { ab: { content: '', mountingPoint: '/x' } } },
      /file content cannot be empty/,
    ],
    [
      'file volume size',
      { fileVolumes: { ab: { content: 'x'.repeat(1_048_576), mountingPoint: '/x' } } },
      { fileVolumes: { ab: { content: 'x'.repeat(1_048_577), mountingPoint: '/x' } } },
      /at most 1 MB/,
    ],
    [
      'registry host',
      { registry: { server: 'docker.io', username: 'abc', password: 'abc' } },
      { registry: { server: 'localhost', username: 'abc', password: 'abc' } },
      /registry host/,
    ],
    [
      'registry credentials',
      { registry: { username: 'abc', password: 'abc' } },
      { registry: { username: 'abc', password: 'ab' } },
      /passwords are 3–256/,
    ],
    [
      'GitHub only',
      { image: undefined, repository: { url: 'https://github.com/a/b.git' } },
      { image: undefined, repository: { url: 'https://gitlab.com/a/b' } },
      /GitHub repository URL/,
    ],
    [
      'unique commands',
      {
        image: undefined,
        repository: { url: 'https://github.com/a/b', commands: ['npm ci', 'npm start'] },
      },
      {
        image: undefined,
        repository: { url: 'https://github.com/a/b', commands: ['npm ci', 'npm ci'] },
      },
      /commands must be unique/,
    ],
    [
      'no registry for builds',
      { image: undefined, repository: { url: 'https://github.com/a/b' } },
      {
        image: undefined,
        repository: { url: 'https://github.com/a/b' },
        registry: { username: 'abc', password: 'abc' },
      },
      /registry credentials apply to images/,
    ],
    [
      'reserved custom keys',
      { custom: { CONTAINER_USER: '1000' } },
      { custom: { image: 'evil' } },
      /image is set by the template/,
    ],
    [
      'restart policy',
      { restartPolicy: 'no' },
      { restartPolicy: 'sometimes' as never },
      /restartPolicy/,
    ],
    ['unknown fields', {}, { imagee: 'x' } as never, /Unrecognized key/],
    [
      'generic job type',
      { jobType: 9 },
      { jobType: 16 },
      /is a native job type; a generic app needs/,
    ],
    ['GPU on a generic tier', { jobType: 21 }, { jobType: 23 }, /is a native job type/],
    ['known job type', { jobType: 53 }, { jobType: 999 }, /jobType: /],
    ['deprecated job type', { jobType: 54 }, { jobType: 10 }, /jobType: /],
    ['job id', { jobId: 1 }, { jobId: 0 }, /the on-chain job id is positive/],
    [
      'stated resources equal the tier',
      { resources: { cpu: 1, memory: '2GiB' } },
      { resources: { cpu: 1, memory: '4g' } },
      /resources: 1 cores and 4096 MiB do not equal what job type 1 pays for \(1 cores, 2048 MiB\)/,
    ],
    [
      'stated memory parses',
      { resources: { cpu: 1, memory: '2048mb' } },
      { resources: { cpu: 1, memory: '2 gigs' } },
      /resources\.memory: Invalid `memory`/,
    ],
  ])('%s', (_rule, passing, failing, message) => {
    expect(() => buildGenericApp({ ...generic, ...passing })).not.toThrow()
    const error = (() => {
      try {
        buildGenericApp({ ...generic, ...failing })
      } catch (e) {
        return e
      }
    })() as TemplateValidationError
    expect(error).toBeInstanceOf(TemplateValidationError)
    expect(error.issues.join('\n')).toMatch(message)
  })

  test('error message lists every problem', () => {
    expect(() =>
      buildGenericApp({ jobId: 0, jobType: 1, alias: 'a' } as BuildGenericAppParameters),
    ).toThrowErrorMatchingInlineSnapshot(`
      [TemplateValidationError: The generic app is not valid: 4 problems.

      - jobId: the on-chain job id is positive
      - alias: at least 3 characters
      - targetNodesCount: give targetNodes or targetNodesCount
      - image: give an image or a repository

      Docs: docs/guides/errors.md#templatevalidationerror
      Version: @ratio1/sdk-deeploy@x.y.z]
    `)
  })
})

const native: BuildNativeAppParameters = {
  jobId: 7n,
  jobType: 16,
  alias: 'agent',
  targetNodesCount: 1,
  plugins: [{ name: 'llm', signature: 'LLM_INFERENCE_API', port: 5002 }],
}

describe('buildNativeApp', () => {
  test('native and container plugins with derived dependencies', () => {
    const request = buildNativeApp({
      ...native,
      plugins: [
        { name: 'llm', signature: 'LLM_INFERENCE_API', port: 5002, config: { MODEL: 'llama' } },
        {
          name: 'ui',
          container: {
            image: 'ghcr.io/acme/ui:1',
            port: 3000,
            tunnel: { token: 'tok' },
            dynamicEnv: {
              API: [
                { type: 'static', value: 'http://' },
                { type: 'shmem', path: ['llm', 'HOST'] },
              ],
            },
          },
        },
      ],
      pipelineParams: { LABEL: 'x' },
    })
    expect(request).toMatchObject({
      job_app_type: 'native',
      node_res_req: { cpu: 3, memory: '14g' },
      dependency_tree: [['ui', 'llm']],
      pipeline_input_type: 'void',
      pipeline_input_uri: null,
      pipeline_params: { LABEL: 'x' },
    })
    expect(request.plugins).toEqual([
      {
        plugin_signature: 'LLM_INFERENCE_API',
        plugin_name: 'llm',
        PORT: 5002,
        TUNNEL_ENGINE_ENABLED: false,
        MODEL: 'llama',
      },
      expect.objectContaining({
        plugin_signature: 'CONTAINER_APP_RUNNER',
        plugin_name: 'ui',
        CONTAINER_RESOURCES: { cpu: 3, memory: '14g' },
        CLOUDFLARE_TOKEN: 'tok',
      }),
    ])
  })

  test.each<[string, Partial<BuildNativeAppParameters>, Partial<BuildNativeAppParameters>, RegExp]>(
    [
      [
        '1–5 plugins',
        {
          plugins: Array.from({ length: 5 }, (_, i) => ({
            name: `p${i}`,
            signature: 'CUSTOM_EXEC_01',
          })),
        },
        {
          plugins: Array.from({ length: 6 }, (_, i) => ({
            name: `p${i}`,
            signature: 'CUSTOM_EXEC_01',
          })),
        },
        /1–5 plugins/,
      ],
      ['at least one plugin', {}, { plugins: [] }, /1–5 plugins/],
      [
        'unique plugin names',
        {
          plugins: [
            { name: 'a', signature: 'AAA' },
            { name: 'b', signature: 'AAA' },
          ],
        },
        {
          plugins: [
            { name: 'a', signature: 'AAA' },
            { name: 'a', signature: 'AAA' },
          ],
        },
        /used twice/,
      ],
      [
        'plugin name charset',
        { plugins: [{ name: 'a-1', signature: 'AAA' }] },
        { plugins: [{ name: 'a 1', signature: 'AAA' }] },
        /plugin names are letters/,
      ],
      [
        'forbidden signature',
        { plugins: [{ name: 'a', signature: 'AAA' }] },
        { plugins: [{ name: 'a', signature: 'admin_container_app_runner' }] },
        /forbidden/,
      ],
      [
        'containers use `container`',
        { plugins: [{ name: 'a', signature: 'AAA' }] },
        { plugins: [{ name: 'a', signature: 'CONTAINER_APP_RUNNER' }] },
        /use `container`/,
      ],
      [
        'dependencies name plugins',
        {
          plugins: [
            { name: 'a', signature: 'AAA' },
            { name: 'b', signature: 'BBB' },
          ],
          dependencies: [['a', 'b']],
        },
        { plugins: [{ name: 'a', signature: 'AAA' }], dependencies: [['a', 'zzz']] },
        /"zzz" is not one of the plugins/,
      ],
      [
        'no dependency cycles',
        {
          plugins: [
            { name: 'a', signature: 'AAA' },
            { name: 'b', signature: 'BBB' },
          ],
          dependencies: [['a', 'b']],
        },
        {
          plugins: [
            { name: 'a', signature: 'AAA' },
            { name: 'b', signature: 'BBB' },
          ],
          dependencies: [
            ['a', 'b'],
            ['b', 'a'],
          ],
        },
        /cycle/,
      ],
      [
        'shmem providers exist',
        {
          plugins: [
            { name: 'a', signature: 'AAA' },
            {
              name: 'c',
              container: {
                image: 'abc',
                dynamicEnv: { X: [{ type: 'shmem', path: ['a', 'PORT'] }] },
              },
            },
          ],
        },
        {
          plugins: [
            {
              name: 'c',
              container: {
                image: 'abc',
                dynamicEnv: { X: [{ type: 'shmem', path: ['nope', 'PORT'] }] },
              },
            },
          ],
        },
        /"nope" is not one of the plugins/,
      ],
      [
        'pipeline URI',
        { pipelineInputUri: 'https://x.io' },
        { pipelineInputUri: 'ftp://x.io' },
        /start with http/,
      ],
      [
        'pipeline input type',
        { pipelineInputType: 'Loopback' },
        { pipelineInputType: 'Kafka' as never },
        /pipelineInputType/,
      ],
      [
        'native job type',
        { jobType: 20 },
        { jobType: 1 },
        /is a generic job type; a native app needs/,
      ],
      ['GPU on a native tier', { jobType: 24 }, { jobType: 25 }, /is a generic job type/],
      [
        'plugin tunnel needs port',
        { plugins: [{ name: 'a', signature: 'AAA', port: 1, tunnel: { token: 'abc' } }] },
        { plugins: [{ name: 'a', signature: 'AAA', tunnel: { token: 'abc' } }] },
        /tunnel needs the port/,
      ],
    ],
  )('%s', (_rule, passing, failing, message) => {
    expect(() => buildNativeApp({ ...native, ...passing })).not.toThrow()
    expect(() => buildNativeApp({ ...native, ...failing })).toThrow(TemplateValidationError)
    try {
      buildNativeApp({ ...native, ...failing })
    } catch (error) {
      expect((error as TemplateValidationError).issues.join('\n')).toMatch(message)
    }
  })
})

const service: BuildServiceAppParameters = {
  service: 'postgresql',
  jobId: 9n,
  jobType: 50,
  inputs: { POSTGRES_PASSWORD: 'change-me' },
}

describe('buildServiceApp', () => {
  test('every catalogue service builds with its required inputs', () => {
    for (const template of serviceTemplates) {
      const inputs = Object.fromEntries(
        template.inputs.map((i) => [i.key, i.defaultValue ?? `value-${i.key}`]),
      )
      const request = buildServiceApp({
        service: template.key,
        jobId: 1,
        jobType: 51,
        inputs,
        hostPort: 32100,
      })
      const plugin = request.plugins[0]!
      expect(plugin.plugin_signature).toBe(template.pluginSignature)
      expect(plugin.IMAGE).toBe(template.image)
      expect(plugin.PORT).toBe(template.port)
      expect(plugin.VOLUMES).toEqual(template.volumes ?? {})
      expect(plugin.CONTAINER_RESOURCES).toEqual({
        cpu: 3,
        memory: '12g',
        ports: { '32100': template.port },
      })
      expect(request.target_nodes_count).toBe(1)
      for (const key of Object.keys(inputs))
        expect((plugin.ENV as Record<string, string>)[key]).toBe(inputs[key])
    }
  })

  test('public PostgreSQL through ngrok, MongoDB by id, n8n through Cloudflare', () => {
    const pg = buildServiceApp({
      ...service,
      public: { engine: 'ngrok', authToken: 'ngrok-tok', edgeLabel: 'edge-1' },
    })
    expect(pg.plugins[0]).toMatchObject({
      IMAGE: 'postgres:17',
      TUNNEL_ENGINE: 'ngrok',
      TUNNEL_ENGINE_ENABLED: true,
      NGROK_AUTH_TOKEN: 'ngrok-tok',
      NGROK_EDGE_LABEL: 'edge-1',
      ENV: { POSTGRES_PASSWORD: 'change-me' },
      CONTAINER_RESOURCES: { cpu: 1, memory: '2g' },
    })
    expect(pg.app_alias).toBe('postgresql')
    const mongo = buildServiceApp({
      service: 3,
      jobId: 1,
      jobType: 50,
      targetNodes: [nodeA],
      inputs: { MONGO_INITDB_ROOT_USERNAME: 'root', MONGO_INITDB_ROOT_PASSWORD: 'pw' },
    })
    expect(mongo.target_nodes).toEqual([nodeA])
    const n8n = buildServiceApp({
      service: 'n8n',
      jobId: 1,
      jobType: 52,
      inputs: { N8N_ENCRYPTION_KEY: 'k' },
      public: { engine: 'cloudflare', token: 'cf-tok' },
    })
    expect(n8n.plugins[0]).toMatchObject({
      TUNNEL_ENGINE: 'cloudflare',
      CLOUDFLARE_TOKEN: 'cf-tok',
    })
  })

  test.each<
    [string, Partial<BuildServiceAppParameters>, Partial<BuildServiceAppParameters>, RegExp]
  >([
    [
      'known service',
      { service: 'mysql', inputs: { MYSQL_ROOT_PASSWORD: 'x' } },
      { service: 'redis' as never },
      /service/,
    ],
    ['required inputs', {}, { inputs: {} }, /needs Superuser password \(POSTGRES_PASSWORD\)/],
    ['no unknown inputs', {}, { inputs: { POSTGRES_PASSWORD: 'x', FOO: 'y' } }, /has no input FOO/],
    [
      'one node',
      { targetNodes: [nodeA] },
      { targetNodes: [nodeA, nodeB] },
      /a service runs on one node/,
    ],
    [
      'service job type',
      { jobType: 52 },
      { jobType: 1 },
      /is a generic job type; a PostgreSQL service needs/,
    ],
    [
      'tunnel engine of the service',
      { public: { engine: 'ngrok', authToken: 'abc', edgeLabel: 'abc' } },
      { public: { engine: 'cloudflare', token: 'abc' } },
      /exposed through ngrok/,
    ],
    [
      'ngrok edge label',
      { public: { engine: 'ngrok', authToken: 'abc', edgeLabel: 'abc' } },
      { public: { engine: 'ngrok', authToken: 'abc', edgeLabel: 'ab' } },
      /edge labels are 3–64/,
    ],
    [
      'host port only when private',
      { hostPort: 32001 },
      { hostPort: 32001, public: { engine: 'ngrok', authToken: 'abc', edgeLabel: 'abc' } },
      /not a host port/,
    ],
  ])('%s', (_rule, passing, failing, message) => {
    expect(() => buildServiceApp({ ...service, ...passing })).not.toThrow()
    try {
      buildServiceApp({ ...service, ...failing })
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(TemplateValidationError)
      expect((error as TemplateValidationError).issues.join('\n')).toMatch(message)
    }
  })
})
