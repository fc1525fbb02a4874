import { attr, block, expr, HclBodyItem, HclValue } from './hcl';

/** A sizing variable of a module kind, set per environment in terraform.tfvars. */
export type SizingVariable = {
  name: string;
  description: string;
  type: 'string' | 'number';
  /** Value for production environments, and for all others. */
  production: string | number;
  other: string | number;
};

export type ModuleKindSpec = {
  title: string;
  sizing: SizingVariable[];
  resources: HclBodyItem[];
  outputs: Array<{ name: string; description: string; value: string }>;
};

const tags = attr('tags', expr('local.tags'));

const resource = (type: string, body: HclBodyItem[]) =>
  block('resource', [type, 'this'], body);

/** What each kind of module provisions on AWS. */
export const moduleKinds = {
  'object-bucket': {
    title: 'S3 bucket, versioned, encrypted and private',
    sizing: [
      {
        name: 'noncurrent_version_days',
        description: 'Days to keep old object versions.',
        type: 'number',
        production: 90,
        other: 7,
      },
    ],
    resources: [
      resource('aws_s3_bucket', [
        attr('bucket', expr('var.name')),
        'blank',
        tags,
      ]),
      'blank',
      resource('aws_s3_bucket_versioning', [
        attr('bucket', expr('aws_s3_bucket.this.id')),
        'blank',
        block('versioning_configuration', [], [attr('status', 'Enabled')]),
      ]),
      'blank',
      resource('aws_s3_bucket_lifecycle_configuration', [
        attr('bucket', expr('aws_s3_bucket.this.id')),
        'blank',
        block(
          'rule',
          [],
          [
            attr('id', 'expire-old-versions'),
            attr('status', 'Enabled'),
            'blank',
            block('filter', [], [attr('prefix', '')]),
            'blank',
            block(
              'noncurrent_version_expiration',
              [],
              [attr('noncurrent_days', expr('var.noncurrent_version_days'))],
            ),
          ],
        ),
      ]),
      'blank',
      resource('aws_s3_bucket_server_side_encryption_configuration', [
        attr('bucket', expr('aws_s3_bucket.this.id')),
        'blank',
        block(
          'rule',
          [],
          [
            block(
              'apply_server_side_encryption_by_default',
              [],
              [attr('sse_algorithm', 'aws:kms')],
            ),
          ],
        ),
      ]),
      'blank',
      resource('aws_s3_bucket_public_access_block', [
        attr('bucket', expr('aws_s3_bucket.this.id')),
        attr('block_public_acls', true),
        attr('block_public_policy', true),
        attr('ignore_public_acls', true),
        attr('restrict_public_buckets', true),
      ]),
    ],
    outputs: [
      {
        name: 'bucket_name',
        description: 'Name of the bucket.',
        value: 'aws_s3_bucket.this.id',
      },
      {
        name: 'bucket_arn',
        description: 'ARN of the bucket.',
        value: 'aws_s3_bucket.this.arn',
      },
    ],
  },
  postgresql: {
    title: 'PostgreSQL on RDS, encrypted, with a managed master password',
    sizing: [
      {
        name: 'instance_class',
        description: 'RDS instance class.',
        type: 'string',
        production: 'db.m7g.large',
        other: 'db.t4g.micro',
      },
      {
        name: 'allocated_storage',
        description: 'Storage in GiB.',
        type: 'number',
        production: 100,
        other: 20,
      },
    ],
    resources: [
      resource('aws_db_instance', [
        attr('identifier', expr('var.name')),
        attr('engine', 'postgres'),
        attr('engine_version', '16'),
        attr('instance_class', expr('var.instance_class')),
        attr('allocated_storage', expr('var.allocated_storage')),
        attr('storage_encrypted', true),
        attr('username', 'app'),
        attr('manage_master_user_password', true),
        attr('deletion_protection', true),
        attr('skip_final_snapshot', false),
        attr('final_snapshot_identifier', expr('format("%s-final", var.name)')),
        'blank',
        tags,
      ]),
    ],
    outputs: [
      {
        name: 'endpoint',
        description: 'Host and port to connect to.',
        value: 'aws_db_instance.this.endpoint',
      },
      {
        name: 'master_user_secret_arn',
        description: 'Secrets Manager secret holding the master password.',
        value: 'aws_db_instance.this.master_user_secret[0].secret_arn',
      },
    ],
  },
  redis: {
    title: 'Redis on ElastiCache, encrypted at rest and in transit',
    sizing: [
      {
        name: 'node_type',
        description: 'ElastiCache node type.',
        type: 'string',
        production: 'cache.m7g.large',
        other: 'cache.t4g.micro',
      },
      {
        name: 'num_cache_clusters',
        description: 'Number of nodes (primary and replicas).',
        type: 'number',
        production: 2,
        other: 1,
      },
    ],
    resources: [
      resource('aws_elasticache_replication_group', [
        attr('replication_group_id', expr('var.name')),
        attr(
          'description',
          expr('format("Redis for %s (%s)", var.service, var.environment)'),
        ),
        attr('engine', 'redis'),
        attr('node_type', expr('var.node_type')),
        attr('num_cache_clusters', expr('var.num_cache_clusters')),
        attr('at_rest_encryption_enabled', true),
        attr('transit_encryption_enabled', true),
        'blank',
        tags,
      ]),
    ],
    outputs: [
      {
        name: 'primary_endpoint',
        description: 'Address of the primary node.',
        value:
          'aws_elasticache_replication_group.this.primary_endpoint_address',
      },
    ],
  },
} satisfies Record<string, ModuleKindSpec>;

export type ModuleKind = keyof typeof moduleKinds;

export const moduleKindNames = Object.keys(moduleKinds) as [
  ModuleKind,
  ...ModuleKind[],
];

export function sizingValue(
  variable: SizingVariable,
  production: boolean,
): HclValue {
  return production ? variable.production : variable.other;
}
