#!/usr/bin/env node
// Generates the demo billing exports (FOCUS 1.2 columns) and cluster
// snapshots for the demo organisation in examples/org.yaml. Deterministic:
// the same script always writes the same bytes.
//
//   node examples/billing/generate.mjs
//
// Writes:
//   examples/billing/aws/BILLING_PERIOD=YYYY-MM/focus-00001.csv.gz
//   examples/billing/gcp/BILLING_PERIOD=YYYY-MM/focus-00001.csv
//   examples/clusters/prod-eu-cluster.json, staging-eu-cluster.json
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const FIRST_DAY = '2025-12-01';
const LAST_DAY = '2026-11-25';

/** mulberry32: a small seeded random generator. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = random(20261126);

const COLUMNS = [
  'BilledCost',
  'BillingAccountId',
  'BillingAccountName',
  'BillingCurrency',
  'BillingPeriodEnd',
  'BillingPeriodStart',
  'ChargeCategory',
  'ChargeClass',
  'ChargeDescription',
  'ChargeFrequency',
  'ChargePeriodEnd',
  'ChargePeriodStart',
  'ConsumedQuantity',
  'ConsumedUnit',
  'EffectiveCost',
  'InvoiceIssuerName',
  'ListCost',
  'ProviderName',
  'PublisherName',
  'RegionId',
  'ResourceId',
  'ResourceName',
  'ResourceType',
  'ServiceCategory',
  'ServiceName',
  'SubAccountId',
  'SubAccountName',
  'Tags',
  'x_CostCategories',
];

const DAY_MS = 86_400_000;
const dayMs = day => Date.parse(`${day}T00:00:00Z`);
const iso = ms => new Date(ms).toISOString().replace('.000Z', 'Z');
const money = n => n.toFixed(6);

function csvCell(value) {
  const text = String(value ?? '');
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const ACCOUNTS = {
  AWS: {
    billing: ['111111111111', 'Acme Commerce'],
    prod: ['222222222222', 'acme-prod'],
    staging: ['333333333333', 'acme-staging'],
  },
  'Google Cloud': {
    billing: ['01A2B3-C4D5E6-F7G8H9', 'Acme Commerce GCP'],
    prod: ['acme-analytics', 'Acme Analytics'],
  },
};

// Each team's tagged services: [provider, service, category, resource, daily cost, environment, service tag, team tag]
const TAGGED = [
  [
    'AWS',
    'Amazon Relational Database Service',
    'Databases',
    'payments-db',
    38,
    'prod',
    'payments-api',
    'payments',
  ],
  [
    'AWS',
    'Amazon Simple Storage Service',
    'Storage',
    'payments-receipts',
    6,
    'prod',
    'ledger-service',
    'pay',
  ],
  [
    'AWS',
    'AWS Key Management Service',
    'Security',
    'payments-keys',
    3,
    'prod',
    'payments-api',
    'payments',
  ],
  [
    'AWS',
    'Amazon Relational Database Service',
    'Databases',
    'orders-db',
    31,
    'prod',
    'order-service',
    'checkout',
  ],
  [
    'AWS',
    'Amazon ElastiCache',
    'Databases',
    'checkout-redis',
    14,
    'prod',
    'cart-service',
    'checkout',
  ],
  [
    'AWS',
    'Amazon CloudFront',
    'Networking',
    'checkout-web-cdn',
    9,
    'prod',
    'checkout-web',
    'checkout',
  ],
  [
    'AWS',
    'Amazon OpenSearch Service',
    'Analytics',
    'search-index',
    44,
    'prod',
    'search-api',
    'search',
  ],
  [
    'AWS',
    'Amazon Simple Storage Service',
    'Storage',
    'search-snapshots',
    4,
    'prod',
    'search-indexer',
    'search',
  ],
  [
    'AWS',
    'Amazon Elastic Container Registry',
    'Storage',
    'platform-ecr',
    5,
    'prod',
    'ci-runners',
    'platform',
  ],
  [
    'AWS',
    'Amazon Managed Streaming for Apache Kafka',
    'Analytics',
    'events-kafka',
    27,
    'prod',
    'event-pipeline',
    'data',
  ],
  [
    'AWS',
    'Amazon Relational Database Service',
    'Databases',
    'payments-db-staging',
    7,
    'staging',
    'payments-api',
    'payments',
  ],
  [
    'Google Cloud',
    'BigQuery',
    'Analytics',
    'warehouse',
    52,
    'prod',
    'warehouse-loader',
    'data',
  ],
  [
    'Google Cloud',
    'Vertex AI',
    'AI and Machine Learning',
    'ranking-model',
    18,
    'prod',
    'ranking-model',
    'search',
  ],
];

// Node groups of the two clusters: [cluster, node group, nodes, daily cost per node, environment, tag style]
const NODE_GROUPS = [
  ['prod-eu-cluster', 'general', 4, 4.6, 'prod', 'owned'],
  ['prod-eu-cluster', 'memory', 2, 6.1, 'prod', 'owned'],
  ['staging-eu-cluster', 'general', 2, 4.6, 'staging', 'eks'],
];

function dayFactor(ms, index) {
  const months = (ms - dayMs(FIRST_DAY)) / (30 * DAY_MS);
  const weekday = new Date(ms).getUTCDay();
  const weekend = weekday === 0 || weekday === 6 ? 0.82 : 1;
  return (
    (1 + 0.02 * months) *
    weekend *
    (0.93 + 0.14 * rand()) *
    (1 + (index % 3) * 0.01)
  );
}

function row(provider, o) {
  const acct =
    ACCOUNTS[provider][o.environment === 'staging' ? 'staging' : 'prod'];
  const [billingId, billingName] = ACCOUNTS[provider].billing;
  const start = o.start;
  const end = o.end ?? start + DAY_MS;
  const billed = o.billed;
  return {
    BilledCost: money(billed),
    BillingAccountId: billingId,
    BillingAccountName: billingName,
    BillingCurrency: 'USD',
    BillingPeriodStart: iso(o.periodStart),
    BillingPeriodEnd: iso(o.periodEnd),
    ChargeCategory: o.category ?? 'Usage',
    ChargeClass: o.chargeClass ?? '',
    ChargeDescription: o.description,
    ChargeFrequency: o.frequency ?? 'Usage-Based',
    ChargePeriodStart: iso(start),
    ChargePeriodEnd: iso(end),
    ConsumedQuantity: o.quantity ?? '',
    ConsumedUnit: o.unit ?? '',
    EffectiveCost: money(o.effective ?? billed),
    InvoiceIssuerName:
      provider === 'AWS' ? 'Amazon Web Services, Inc.' : 'Google LLC',
    ListCost: money(o.list ?? billed * 1.12),
    ProviderName: provider,
    PublisherName:
      provider === 'AWS' ? 'Amazon Web Services, Inc.' : 'Google LLC',
    RegionId: provider === 'AWS' ? 'eu-west-1' : 'europe-west1',
    ResourceId: o.resourceId ?? '',
    ResourceName: o.resourceName ?? '',
    ResourceType: o.resourceType ?? '',
    ServiceCategory: o.serviceCategory,
    ServiceName: o.service,
    SubAccountId: o.account?.[0] ?? acct[0],
    SubAccountName: o.account?.[1] ?? acct[1],
    Tags: o.tags ? JSON.stringify(o.tags) : '',
    x_CostCategories: '{}',
  };
}

function monthsBetween(first, last) {
  const months = [];
  for (let m = first.slice(0, 7); m <= last.slice(0, 7); ) {
    months.push(m);
    const [y, mm] = m.split('-').map(Number);
    m = mm === 12 ? `${y + 1}-01` : `${y}-${String(mm + 1).padStart(2, '0')}`;
  }
  return months;
}

function periodRows(provider, month) {
  const periodStart = dayMs(`${month}-01`);
  const [y, m] = month.split('-').map(Number);
  const periodEnd = Date.UTC(m === 12 ? y + 1 : y, m === 12 ? 0 : m, 1);
  const rows = [];
  const add = o => rows.push(row(provider, { periodStart, periodEnd, ...o }));
  for (
    let ms = periodStart;
    ms < periodEnd && ms <= dayMs(LAST_DAY);
    ms += DAY_MS
  ) {
    TAGGED.filter(t => t[0] === provider).forEach(
      (
        [
          ,
          service,
          serviceCategory,
          resource,
          daily,
          environment,
          serviceTag,
          team,
        ],
        i,
      ) => {
        const billed = daily * dayFactor(ms, i);
        add({
          start: ms,
          billed,
          service,
          serviceCategory,
          environment,
          description: `${service} usage`,
          resourceId:
            provider === 'AWS'
              ? `arn:aws:${service
                  .split(' ')
                  .pop()
                  .toLowerCase()}:eu-west-1:222222222222:${resource}`
              : `//${service
                  .toLowerCase()
                  .replace(
                    / /g,
                    '',
                  )}.googleapis.com/projects/acme-analytics/${resource}`,
          resourceName: resource,
          tags: {
            team,
            service: serviceTag,
            environment,
            'cost-center': `cc-${team}`,
          },
        });
      },
    );
    if (provider !== 'AWS') continue;
    NODE_GROUPS.forEach(
      ([cluster, group, nodes, perNode, environment, style], i) => {
        for (let n = 0; n < nodes; n++) {
          const billed = perNode * dayFactor(ms, i);
          add({
            start: ms,
            billed,
            effective: billed * 0.72,
            service: 'Amazon Elastic Compute Cloud',
            serviceCategory: 'Compute',
            environment,
            description: `${group} node of ${cluster} (m6i.xlarge)`,
            quantity: 24,
            unit: 'Hours',
            resourceType: 'Instance',
            resourceId: `i-0${cluster.slice(0, 4)}${group.slice(
              0,
              3,
            )}${n}`.padEnd(19, '0'),
            resourceName: `${cluster}-${group}-${n}`,
            tags:
              style === 'owned'
                ? {
                    [`kubernetes.io/cluster/${cluster}`]: 'owned',
                    'eks:nodegroup-name': group,
                  }
                : { 'eks:cluster-name': cluster, 'eks:nodegroup-name': group },
          });
        }
      },
    );
    add({
      start: ms,
      billed: 21 * dayFactor(ms, 1),
      service: 'Amazon Virtual Private Cloud',
      serviceCategory: 'Networking',
      description: 'NAT gateway hours and data processed',
      resourceId: 'nat-0a1b2c3d4e5f60718',
      resourceName: 'prod-nat',
    });
    add({
      start: ms,
      billed: 8 * dayFactor(ms, 2),
      service: 'AWS Data Transfer',
      serviceCategory: 'Networking',
      description: 'Inter-AZ data transfer',
    });
    add({
      start: ms,
      billed: 11 * dayFactor(ms, 0),
      service: 'Amazon Simple Storage Service',
      serviceCategory: 'Storage',
      description: 'Untagged bucket',
      resourceId: 'arn:aws:s3:::acme-legacy-exports',
      resourceName: 'acme-legacy-exports',
    });
    add({
      start: ms,
      billed: 6.5 * dayFactor(ms, 1),
      service: 'Amazon Elastic Compute Cloud',
      serviceCategory: 'Compute',
      description: 'Untagged instance',
      resourceId: 'i-0f9e8d7c6b5a49382',
      resourceName: 'bastion-old',
    });
  }
  if (provider === 'AWS') {
    // The compute savings plan, bought monthly: billed, amortised into EffectiveCost of the nodes.
    add({
      start: periodStart,
      end: periodEnd,
      billed: 520,
      effective: 0,
      list: 0,
      category: 'Purchase',
      frequency: 'Recurring',
      service: 'AWS Savings Plans',
      serviceCategory: 'Compute',
      description: 'Compute Savings Plan, 1 year, no upfront',
      resourceId: 'arn:aws:savingsplans::111111111111:savingsplan/sp-0001',
      resourceName: 'compute-savings-plan',
    });
    if (month === '2026-03') {
      add({
        start: periodStart,
        end: periodEnd,
        billed: -250,
        effective: -250,
        list: 0,
        category: 'Credit',
        frequency: 'One-Time',
        service: 'AWS Support (Business)',
        serviceCategory: 'Other',
        description: 'Service credit for the February incident',
      });
    }
    if (month === '2026-06') {
      // A correction of May's payments database charge, delivered with June's export.
      add({
        start: dayMs('2026-05-14'),
        billed: -120,
        effective: -120,
        list: 0,
        category: 'Adjustment',
        chargeClass: 'Correction',
        service: 'Amazon Relational Database Service',
        serviceCategory: 'Databases',
        description: 'Correction: duplicate storage charge on 2026-05-14',
        resourceName: 'payments-db',
        resourceId: 'arn:aws:service:eu-west-1:222222222222:payments-db',
        tags: {
          team: 'payments',
          service: 'payments-api',
          environment: 'prod',
        },
      });
    }
  }
  return rows;
}

/** The bill per month and measure, summed here from the rows, to check the portal's figures against. */
const bill = {};

function writeExports(provider, folder, gzip) {
  rmSync(join(here, folder), { recursive: true, force: true });
  let total = 0;
  for (const month of monthsBetween(FIRST_DAY, LAST_DAY)) {
    const rows = periodRows(provider, month);
    total += rows.length;
    for (const r of rows) {
      // Costs count in the month of their charge period's days, spread by time.
      const start = Date.parse(r.ChargePeriodStart);
      const end = Date.parse(r.ChargePeriodEnd);
      for (let day = start; day < Math.max(end, start + 1); day += DAY_MS) {
        const share =
          end > start ? (Math.min(end, day + DAY_MS) - day) / (end - start) : 1;
        const key = new Date(day).toISOString().slice(0, 7);
        bill[key] ??= { EffectiveCost: 0, BilledCost: 0 };
        bill[key].EffectiveCost += Number(r.EffectiveCost) * share;
        bill[key].BilledCost += Number(r.BilledCost) * share;
      }
    }
    const text =
      [
        COLUMNS.join(','),
        ...rows.map(r => COLUMNS.map(c => csvCell(r[c])).join(',')),
      ].join('\n') + '\n';
    const dir = join(here, folder, `BILLING_PERIOD=${month}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, `focus-00001.csv${gzip ? '.gz' : ''}`),
      gzip ? gzipSync(text, { level: 9 }) : text,
    );
  }
  return total;
}

// Cluster snapshots: what `kubectl get namespaces,resourcequotas,limitranges,networkpolicies,pods,nodes -A -o json` prints.
const TEAMS = ['payments', 'checkout', 'search', 'platform', 'data'];
const COMPONENTS = {
  payments: 'payments-api',
  checkout: 'cart-service',
  search: 'search-api',
  platform: 'cluster-addons',
  data: 'event-pipeline',
};

function snapshot(cluster, environment, nodeCount, scale) {
  const items = [];
  for (let n = 0; n < nodeCount; n++) {
    items.push({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name: `ip-10-0-${n + 1}-10.eu-west-1.compute.internal`,
        labels: { 'eks.amazonaws.com/nodegroup': 'general' },
      },
      status: {
        allocatable: { cpu: '3920m', memory: '15136204Ki', pods: '58' },
        capacity: { cpu: '4', memory: '16073932Ki', pods: '58' },
      },
    });
  }
  const namespaces = [
    ...TEAMS.map(team => ({
      name: `${team}-${environment}`,
      team,
      psa: team === 'data' ? 'baseline' : 'restricted',
      policy: team !== 'search',
      limits: team !== 'data',
    })),
    {
      name: 'kube-system',
      team: 'platform',
      psa: 'privileged',
      policy: false,
      limits: false,
      system: true,
    },
    {
      name: 'experiments',
      team: null,
      psa: null,
      policy: false,
      limits: false,
    },
  ];
  namespaces.forEach((ns, i) => {
    const labels = { 'kubernetes.io/metadata.name': ns.name };
    if (ns.team)
      Object.assign(labels, {
        team: ns.team,
        tenant: ns.team,
        environment,
        'cost-center': `cc-${ns.team}`,
      });
    if (ns.team && !ns.system)
      Object.assign(labels, {
        'app.kubernetes.io/managed-by': 'platform-portal',
        'app.kubernetes.io/part-of': COMPONENTS[ns.team],
      });
    if (ns.psa)
      Object.assign(labels, {
        'pod-security.kubernetes.io/enforce': ns.psa,
        'pod-security.kubernetes.io/enforce-version': 'latest',
      });
    items.push({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: ns.name, labels },
      status: { phase: 'Active' },
    });
    const pods = Math.max(1, Math.round((2 + (i % 4)) * scale));
    const cpu = [250, 500, 750, 1000][i % 4];
    const memory = [256, 512, 1024, 768][i % 4];
    for (let p = 0; p < pods; p++) {
      items.push({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name: `${ns.team ? COMPONENTS[ns.team] : 'scratch'}-${p}`,
          namespace: ns.name,
        },
        spec: {
          containers: [
            {
              name: 'app',
              image: 'registry.acme.example/app:1',
              resources: {
                requests: { cpu: `${cpu}m`, memory: `${memory}Mi` },
                limits: { cpu: `${cpu * 2}m`, memory: `${memory * 2}Mi` },
              },
            },
          ],
        },
        status: { phase: 'Running' },
      });
    }
    if (ns.team && !ns.system) {
      const hardCpu = Math.ceil((pods * cpu * 1.6) / 1000);
      const hardMemGi = Math.ceil((pods * memory * 1.6) / 1024);
      items.push({
        apiVersion: 'v1',
        kind: 'ResourceQuota',
        metadata: { name: 'tenant-quota', namespace: ns.name },
        spec: {
          hard: {
            'requests.cpu': String(hardCpu),
            'requests.memory': `${hardMemGi}Gi`,
            pods: String(pods * 3),
            persistentvolumeclaims: '10',
          },
        },
        status: {
          hard: {
            'requests.cpu': String(hardCpu),
            'requests.memory': `${hardMemGi}Gi`,
            pods: String(pods * 3),
            persistentvolumeclaims: '10',
          },
          used: {
            'requests.cpu': `${pods * cpu}m`,
            'requests.memory': `${pods * memory}Mi`,
            pods: String(pods),
            persistentvolumeclaims: '1',
          },
        },
      });
    }
    if (ns.limits)
      items.push({
        apiVersion: 'v1',
        kind: 'LimitRange',
        metadata: { name: 'tenant-defaults', namespace: ns.name },
        spec: {
          limits: [
            {
              type: 'Container',
              default: { cpu: '500m', memory: '512Mi' },
              defaultRequest: { cpu: '100m', memory: '128Mi' },
            },
          ],
        },
      });
    if (ns.policy)
      items.push({
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: { name: 'default-deny', namespace: ns.name },
        spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
      });
  });
  writeFileSync(
    join(here, '..', 'clusters', `${cluster}.json`),
    `${JSON.stringify(
      {
        apiVersion: 'v1',
        kind: 'List',
        metadata: { resourceVersion: '' },
        items,
      },
      null,
      2,
    )}\n`,
  );
  return items.length;
}

const aws = writeExports('AWS', 'aws', true);
const gcp = writeExports('Google Cloud', 'gcp', false);
const prod = snapshot('prod-eu-cluster', 'prod', 6, 1.5);
const staging = snapshot('staging-eu-cluster', 'staging', 2, 0.5);
const rounded = Object.fromEntries(
  Object.entries(bill)
    .sort()
    .map(([month, m]) => [
      month,
      {
        EffectiveCost: +m.EffectiveCost.toFixed(4),
        BilledCost: +m.BilledCost.toFixed(4),
      },
    ]),
);
writeFileSync(
  join(here, 'bill-by-month.json'),
  `${JSON.stringify(rounded, null, 2)}\n`,
);
console.log(
  JSON.stringify({
    awsRows: aws,
    gcpRows: gcp,
    prodObjects: prod,
    stagingObjects: staging,
  }),
);
