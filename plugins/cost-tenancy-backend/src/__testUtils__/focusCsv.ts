/** The FOCUS columns the test files carry, plus an extra `x_` column to be ignored. */
export const FOCUS_HEADER = [
  'BilledCost',
  'EffectiveCost',
  'ListCost',
  'BillingCurrency',
  'BillingPeriodStart',
  'BillingPeriodEnd',
  'ChargePeriodStart',
  'ChargePeriodEnd',
  'ChargeCategory',
  'ChargeClass',
  'ServiceName',
  'ServiceCategory',
  'ProviderName',
  'SubAccountId',
  'SubAccountName',
  'RegionId',
  'ResourceId',
  'ResourceName',
  'Tags',
  'x_Discounts',
];

/** Column values by name; `day` sets the charge period, `tags` the Tags JSON. */
export type LineItem = {
  /** Day of the charge (YYYY-MM-DD); the charge period is that day. */
  day?: string;
  tags?: Record<string, string>;
  [column: string]: string | number | Record<string, string> | undefined;
};

const cell = (value: unknown) => {
  const text = String(value ?? '');
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

function nextDay(day: string) {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000)
    .toISOString()
    .slice(0, 10);
}

function monthBounds(day: string) {
  const [y, m] = day.split('-').map(Number);
  const end = new Date(Date.UTC(m === 12 ? y + 1 : y, m % 12, 1));
  return [
    `${day.slice(0, 7)}-01T00:00:00Z`,
    end.toISOString().replace('.000', ''),
  ];
}

/** One FOCUS line item with sensible defaults for every column. */
export function lineItem(item: LineItem): Record<string, string> {
  const day = item.day ?? '2026-10-01';
  const [periodStart, periodEnd] = monthBounds(day);
  const cost = (item.BilledCost as number | undefined) ?? 10;
  return {
    BilledCost: String(cost),
    EffectiveCost: String(item.EffectiveCost ?? cost),
    ListCost: String(item.ListCost ?? cost),
    BillingCurrency: 'USD',
    BillingPeriodStart: periodStart,
    BillingPeriodEnd: periodEnd,
    ChargePeriodStart: `${day}T00:00:00Z`,
    ChargePeriodEnd: `${nextDay(day)}T00:00:00Z`,
    ChargeCategory: 'Usage',
    ChargeClass: '',
    ServiceName: 'Amazon Relational Database Service',
    ServiceCategory: 'Databases',
    ProviderName: 'AWS',
    SubAccountId: '222222222222',
    SubAccountName: 'acme-prod',
    RegionId: 'eu-west-1',
    ResourceId: 'arn:aws:rds:eu-west-1:222222222222:db/payments',
    ResourceName: 'payments-db',
    Tags: item.tags ? JSON.stringify(item.tags) : '',
    x_Discounts: '[]',
    ...Object.fromEntries(
      Object.entries(item)
        .filter(([k]) => k !== 'day' && k !== 'tags')
        .map(([k, v]) => [k, String(v)]),
    ),
  };
}

/** A FOCUS CSV file of the given line items. */
export function focusCsv(items: LineItem[], header = FOCUS_HEADER): string {
  const rows = items.map(item => {
    const values = lineItem(item);
    return header.map(column => cell(values[column])).join(',');
  });
  return `${[header.join(','), ...rows].join('\n')}\n`;
}

const COST_COLUMNS = new Set(['BilledCost', 'EffectiveCost', 'ListCost']);
const TIME_COLUMNS = new Set([
  'BillingPeriodStart',
  'BillingPeriodEnd',
  'ChargePeriodStart',
  'ChargePeriodEnd',
]);

/**
 * The same line items as a Parquet export's columns, typed the way exports
 * type them: costs DOUBLE, periods TIMESTAMP, the rest STRING.
 */
export function focusColumnData(items: LineItem[], header = FOCUS_HEADER) {
  const rows = items.map(lineItem);
  return header.map(name => {
    if (COST_COLUMNS.has(name)) {
      return {
        name,
        type: 'DOUBLE' as const,
        data: rows.map(r => Number(r[name])),
      };
    }
    if (TIME_COLUMNS.has(name)) {
      return {
        name,
        type: 'TIMESTAMP' as const,
        data: rows.map(r => new Date(r[name])),
      };
    }
    return { name, type: 'STRING' as const, data: rows.map(r => r[name]) };
  });
}
