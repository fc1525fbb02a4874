// @ts-check

/** @param {import('knex').Knex} knex */
exports.up = async function up(knex) {
  await knex.schema.createTable('cost_tenancy_daily_costs', table => {
    table.comment(
      'Billing export line items summed per day and dimensions, per export file',
    );
    table
      .string('source')
      .notNullable()
      .comment('Billing source name from config');
    table
      .string('file', 1024)
      .notNullable()
      .comment('Export file within the source that delivered the cost');
    table
      .string('billing_period', 7)
      .notNullable()
      .comment('YYYY-MM of BillingPeriodStart');
    table
      .string('day', 10)
      .notNullable()
      .comment('UTC day (YYYY-MM-DD) of the charge period');
    table
      .string('provider')
      .notNullable()
      .comment('ServiceProviderName / ProviderName');
    table.string('service').notNullable().comment('ServiceName');
    table.string('category').notNullable().comment('ServiceCategory');
    table
      .string('charge_category')
      .notNullable()
      .comment('ChargeCategory (Usage, Purchase, Tax, Credit, Adjustment)');
    table.string('account').notNullable().comment('SubAccountId');
    table.string('region').notNullable().comment('RegionId');
    table.string('currency', 3).notNullable().comment('BillingCurrency');
    table
      .string('team_tag')
      .nullable()
      .comment('Value of the first team tag key present, lowercased');
    table
      .string('environment')
      .nullable()
      .comment('Value of the environment tag, lowercased');
    table
      .string('service_tag')
      .nullable()
      .comment('Value of the service tag, lowercased');
    table
      .string('cluster')
      .nullable()
      .comment('Cluster whose nodes the cost is, from the node tags');
    table
      .string('resource_id', 1024)
      .nullable()
      .comment('ResourceId, kept only for cost no tag or cluster accounts for');
    table
      .string('resource_name', 1024)
      .nullable()
      .comment('ResourceName, kept with resource_id');
    table
      .double('effective_cost')
      .notNullable()
      .comment('Sum of EffectiveCost');
    table.double('billed_cost').notNullable().comment('Sum of BilledCost');
    table.double('list_cost').notNullable().comment('Sum of ListCost');
    table.integer('row_count').notNullable().comment('Line items summed');
    table.index(['day'], 'cost_tenancy_daily_costs_day_idx');
    table.index(['source', 'file'], 'cost_tenancy_daily_costs_file_idx');
  });

  await knex.schema.createTable('cost_tenancy_export_files', table => {
    table.comment(
      'Export files ingested, to skip unchanged ones and drop removed ones',
    );
    table
      .string('source')
      .notNullable()
      .comment('Billing source name from config');
    table
      .string('file', 1024)
      .notNullable()
      .comment('Export file within the source');
    table
      .string('fingerprint')
      .notNullable()
      .comment('SHA-256 of the file content');
    table
      .integer('rows')
      .notNullable()
      .comment('Line items read from the file');
    table
      .string('billing_periods')
      .notNullable()
      .comment('Comma-separated billing periods the file delivered');
    table
      .timestamp('ingested_at', { useTz: true })
      .notNullable()
      .comment('When the file was ingested');
    table.primary(['source', 'file']);
  });

  await knex.schema.createTable('cost_tenancy_ingestion_runs', table => {
    table.comment('History of ingestion runs, one per source and run');
    table.increments('id').comment('Run id');
    table
      .string('source')
      .notNullable()
      .comment('Billing source or cluster name');
    table
      .string('trigger')
      .notNullable()
      .comment('schedule, manual or startup');
    table
      .timestamp('started_at', { useTz: true })
      .notNullable()
      .comment('When the run started');
    table
      .integer('duration_ms')
      .nullable()
      .comment('How long it took; null while running');
    table
      .string('outcome')
      .notNullable()
      .comment('running, succeeded, partial or failed');
    table.integer('files').notNullable().defaultTo(0).comment('Files read');
    table
      .integer('rows')
      .notNullable()
      .defaultTo(0)
      .comment('Line items ingested');
    table
      .integer('rejected_rows')
      .notNullable()
      .defaultTo(0)
      .comment('Line items read from files that failed');
    table.text('error').nullable().comment('What failed, naming file and line');
  });

  await knex.schema.createTable('cost_tenancy_namespace_samples', table => {
    table.comment(
      'Per day, what each namespace of each cluster requested and was allowed',
    );
    table.string('cluster').notNullable().comment('Cluster name');
    table.string('day', 10).notNullable().comment('UTC day of the sample');
    table.string('namespace').notNullable().comment('Namespace name');
    table.text('labels').notNullable().comment('Namespace labels as JSON');
    table
      .double('cpu_requests')
      .notNullable()
      .comment('Sum of pod CPU requests, in cores');
    table
      .double('memory_requests')
      .notNullable()
      .comment('Sum of pod memory requests, in bytes');
    table.integer('pods').notNullable().comment('Pods in the namespace');
    table
      .text('quotas')
      .notNullable()
      .comment('ResourceQuota hard and used for cpu, memory and pods, as JSON');
    table
      .boolean('has_limit_range')
      .notNullable()
      .comment('Whether a LimitRange exists');
    table
      .boolean('has_network_policy')
      .notNullable()
      .comment('Whether a NetworkPolicy exists');
    table
      .string('pod_security')
      .nullable()
      .comment('pod-security.kubernetes.io/enforce level');
    table.primary(['cluster', 'day', 'namespace']);
  });

  await knex.schema.createTable('cost_tenancy_cluster_samples', table => {
    table.comment(
      'Per day, the capacity of each cluster the namespace shares are of',
    );
    table.string('cluster').notNullable().comment('Cluster name');
    table.string('day', 10).notNullable().comment('UTC day of the sample');
    table
      .double('cpu_allocatable')
      .notNullable()
      .comment('Allocatable CPU of all nodes, in cores (0: unknown)');
    table
      .double('memory_allocatable')
      .notNullable()
      .comment('Allocatable memory of all nodes, in bytes (0: unknown)');
    table
      .string('origin')
      .notNullable()
      .comment('snapshot file or live Kubernetes API');
    table.primary(['cluster', 'day']);
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('cost_tenancy_cluster_samples');
  await knex.schema.dropTable('cost_tenancy_namespace_samples');
  await knex.schema.dropTable('cost_tenancy_ingestion_runs');
  await knex.schema.dropTable('cost_tenancy_export_files');
  await knex.schema.dropTable('cost_tenancy_daily_costs');
};
