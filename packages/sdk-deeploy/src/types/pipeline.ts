/** One plugin instance of a pipeline: its signature plus UPPER_CASE config keys. */
export type PluginInstanceConfig = {
  plugin_signature: string
  plugin_name?: string | undefined
  instance_id?: string | undefined
  [key: string]: unknown
}

/** How the oracle treats a job's resources (spec §4.2). */
export type JobAppType = 'generic' | 'native' | 'service' | 'stack'

/** The body of `/create_pipeline` (inside `request`, before signing). */
export type CreatePipelineRequest = {
  app_alias: string
  /** The paid on-chain job id. */
  job_id: number
  plugins: PluginInstanceConfig[]
  job_app_type?: JobAppType | undefined
  target_nodes?: string[] | undefined
  target_nodes_count?: number | undefined
  job_tags?: string[] | undefined
  node_res_req?: { cpu: number; memory: string } | undefined
  /** The on-chain `projectHash`. */
  project_id?: string | undefined
  project_name?: string | undefined
  spare_nodes?: string[] | undefined
  allow_replication_in_the_wild?: boolean | undefined
  pipeline_input_type?: string | undefined
  pipeline_input_uri?: string | null | undefined
  pipeline_params?: Record<string, unknown> | null | undefined
  chainstore_response?: boolean | undefined
  dependency_tree?: [string, string][] | undefined
  return_request?: boolean | undefined
  service_replica?: string | undefined
  /** Devnet only: deploy without a paid job. */
  allow_unpaid_job?: boolean | undefined
  [key: string]: unknown
}

/** The body of `/update_pipeline`: a create request plus the running `app_id`. */
export type UpdatePipelineRequest = CreatePipelineRequest & { app_id: string }
