import { FileFormatError } from './FileFormatError';
import { ownString } from './ownString';

/** One FOCUS line item, with the columns the allocation uses. */
export type FocusCharge = {
  billedCost: number;
  effectiveCost: number;
  listCost: number;
  currency: string;
  /** `YYYY-MM` of BillingPeriodStart: the delivery a restated export replaces. */
  billingPeriod: string;
  chargeStart: number;
  chargeEnd: number;
  chargeCategory: string;
  chargeClass: string;
  serviceName: string;
  serviceCategory: string;
  provider: string;
  accountId: string;
  accountName: string;
  region: string;
  resourceId: string;
  resourceName: string;
  /** The Tags cell as written; parsed once per distinct value by the aggregator. */
  tags: string;
};

/** Columns every file must have (FOCUS 1.0-1.3 mandatory columns the allocation needs). */
const REQUIRED = [
  'BilledCost',
  'EffectiveCost',
  'BillingCurrency',
  'BillingPeriodStart',
  'BillingPeriodEnd',
  'ChargePeriodStart',
  'ChargePeriodEnd',
  'ChargeCategory',
  'ServiceName',
] as const;

/** Columns read when present; missing ones read as empty. */
const OPTIONAL = [
  'ListCost',
  'ChargeClass',
  'ServiceCategory',
  'SubAccountId',
  'SubAccountName',
  'RegionId',
  'ResourceId',
  'ResourceName',
  'Tags',
] as const;

/** FOCUS 1.3 renamed ProviderName to ServiceProviderName; either will do. */
const PROVIDER_COLUMNS = ['ServiceProviderName', 'ProviderName'];

/** Every column the allocation reads; a columnar reader needs no other. */
export const USED_COLUMNS = new Set<string>([
  ...REQUIRED,
  ...OPTIONAL,
  ...PROVIDER_COLUMNS,
]);

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Where each column is, from the header; fails naming the missing ones. */
export function focusColumns(header: string[], file: string) {
  const index = new Map(header.map((name, i) => [name.trim(), i]));
  const missing: string[] = REQUIRED.filter(name => !index.has(name));
  const provider = PROVIDER_COLUMNS.find(name => index.has(name));
  if (!provider) missing.push('ProviderName (or ServiceProviderName)');
  if (missing.length > 0) {
    throw new FileFormatError(
      `${file}:1`,
      `the header is not a FOCUS header: missing column${
        missing.length > 1 ? 's' : ''
      } ${missing.join(', ')}`,
    );
  }
  const at = (name: string) => index.get(name) ?? -1;
  return {
    width: header.length,
    provider: at(provider!),
    ...(Object.fromEntries(
      [...REQUIRED, ...OPTIONAL].map(name => [name, at(name)]),
    ) as Record<(typeof REQUIRED)[number] | (typeof OPTIONAL)[number], number>),
  };
}

export type FocusColumns = ReturnType<typeof focusColumns>;

/** Export files repeat the same few timestamps; parse each text once. */
const instants = new Map<string, number>();

function parseInstant(value: string, column: string, at: () => string): number {
  const cached = instants.get(value);
  if (cached !== undefined) return cached;
  const m = DATE_TIME.exec(value.trim());
  const ms = m
    ? Date.UTC(
        +m[1],
        +m[2] - 1,
        +m[3],
        +(m[4] ?? 0),
        +(m[5] ?? 0),
        +(m[6] ?? 0),
      ) - offsetMs(m[7])
    : NaN;
  if (!m || Number.isNaN(ms) || +m[2] > 12 || +m[3] > 31) {
    throw new FileFormatError(
      at(),
      `${column} is not a date and time: ${JSON.stringify(value)}`,
    );
  }
  if (instants.size > 100_000) instants.clear();
  instants.set(ownString(value), ms);
  return ms;
}

function offsetMs(zone: string | undefined): number {
  if (!zone || zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (+digits.slice(0, 2) * 60 + +digits.slice(2)) * 60_000;
}

function parseDecimal(
  value: string,
  column: string,
  at: () => string,
  required: boolean,
): number {
  const n = Number(value);
  // Number() accepts '', ' ', '0x1F' and 'Infinity'; FOCUS decimals are plain.
  if (value !== '' && !Number.isNaN(n) && DECIMAL.test(value)) return n;
  const text = value.trim();
  if (text === '' && !required) return 0;
  if (!DECIMAL.test(text)) {
    throw new FileFormatError(
      at(),
      `${column} is not a number: ${JSON.stringify(value)}`,
    );
  }
  return Number(text);
}

const CURRENCY = /^[A-Z]{3}$/;
const billingPeriods = new Map<number, string>();

/**
 * Reads one row (its cells as text, in header order) as a FOCUS charge;
 * fails naming where (file and line, or row group and row) and the column.
 */
export function focusCharge(
  f: string[],
  count: number,
  columns: FocusColumns,
  at: () => string,
): FocusCharge {
  if (count !== columns.width) {
    throw new FileFormatError(
      at(),
      `${count} fields where the header has ${columns.width}`,
    );
  }
  const text = (i: number) => (i < 0 ? '' : f[i]);
  const chargeStart = parseInstant(
    f[columns.ChargePeriodStart],
    'ChargePeriodStart',
    at,
  );
  const chargeEnd = parseInstant(
    f[columns.ChargePeriodEnd],
    'ChargePeriodEnd',
    at,
  );
  if (chargeEnd < chargeStart) {
    throw new FileFormatError(
      at(),
      `ChargePeriodEnd ${
        f[columns.ChargePeriodEnd]
      } is before ChargePeriodStart ${f[columns.ChargePeriodStart]}`,
    );
  }
  const billingStart = parseInstant(
    f[columns.BillingPeriodStart],
    'BillingPeriodStart',
    at,
  );
  const billingEnd = parseInstant(
    f[columns.BillingPeriodEnd],
    'BillingPeriodEnd',
    at,
  );
  if (billingEnd < billingStart) {
    throw new FileFormatError(
      at(),
      `BillingPeriodEnd ${
        f[columns.BillingPeriodEnd]
      } is before BillingPeriodStart ${f[columns.BillingPeriodStart]}`,
    );
  }
  let billingPeriod = billingPeriods.get(billingStart);
  if (billingPeriod === undefined) {
    billingPeriod = new Date(billingStart).toISOString().slice(0, 7);
    billingPeriods.set(billingStart, billingPeriod);
  }
  const currency = f[columns.BillingCurrency];
  if (!CURRENCY.test(currency)) {
    throw new FileFormatError(
      at(),
      `BillingCurrency is not an ISO 4217 code: ${JSON.stringify(currency)}`,
    );
  }
  const tags = text(columns.Tags);
  return {
    billedCost: parseDecimal(f[columns.BilledCost], 'BilledCost', at, true),
    effectiveCost: parseDecimal(
      f[columns.EffectiveCost],
      'EffectiveCost',
      at,
      true,
    ),
    listCost: parseDecimal(text(columns.ListCost), 'ListCost', at, false),
    currency,
    billingPeriod,
    chargeStart,
    chargeEnd,
    chargeCategory: f[columns.ChargeCategory],
    chargeClass: text(columns.ChargeClass),
    serviceName: f[columns.ServiceName],
    serviceCategory: text(columns.ServiceCategory),
    provider: f[columns.provider],
    accountId: text(columns.SubAccountId),
    accountName: text(columns.SubAccountName),
    region: text(columns.RegionId),
    resourceId: text(columns.ResourceId),
    resourceName: text(columns.ResourceName),
    tags: tags === '{}' ? '' : tags,
  };
}
