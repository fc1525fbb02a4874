import { FileFormatError } from './FileFormatError';

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
  serviceName: string;
  serviceCategory: string;
  provider: string;
  accountId: string;
  accountName: string;
  region: string;
  /**
   * ResourceId and ResourceName, read only when asked: they are kept only
   * for cost nothing else accounts for. Valid while the row is handled.
   */
  resource(): { id: string; name: string };
  /** The Tags cell as written; parsed once per distinct value by the aggregator. */
  tags: string;
};

/** A row's cells in header order, however the file stores them. */
export interface FocusCells {
  /** How many cells the row has. */
  readonly count: number;
  /** The cell as text; '' when the row has no such cell. */
  text(column: number): string;
  /** The cell as a number when that is quick to know; undefined leaves it to the text. */
  decimal(column: number): number | undefined;
  /** The cell as milliseconds since the epoch when that is quick to know; undefined leaves it to the text. */
  instant(column: number): number | undefined;
}

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

/** Used columns whose values repeat over many rows (all but the amounts). */
export const REPEATING_COLUMNS = new Set<string>(
  [...USED_COLUMNS].filter(name => !name.endsWith('Cost')),
);

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
  instants.set(value, ms);
  return ms;
}

function offsetMs(zone: string | undefined): number {
  if (!zone || zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (+digits.slice(0, 2) * 60 + +digits.slice(2)) * 60_000;
}

function parseDecimal(
  cells: FocusCells,
  index: number,
  column: string,
  at: () => string,
  required: boolean,
): number {
  const quick = cells.decimal(index);
  if (quick !== undefined) return quick;
  const value = cells.text(index);
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
  cells: FocusCells,
  columns: FocusColumns,
  at: () => string,
): FocusCharge {
  if (cells.count !== columns.width) {
    throw new FileFormatError(
      at(),
      `${cells.count} fields where the header has ${columns.width}`,
    );
  }
  const text = (i: number) => cells.text(i);
  const instant = (i: number, column: string) =>
    cells.instant(i) ?? parseInstant(text(i), column, at);
  const chargeStart = instant(columns.ChargePeriodStart, 'ChargePeriodStart');
  const chargeEnd = instant(columns.ChargePeriodEnd, 'ChargePeriodEnd');
  if (chargeEnd < chargeStart) {
    throw new FileFormatError(
      at(),
      `ChargePeriodEnd ${text(
        columns.ChargePeriodEnd,
      )} is before ChargePeriodStart ${text(columns.ChargePeriodStart)}`,
    );
  }
  const billingStart = instant(
    columns.BillingPeriodStart,
    'BillingPeriodStart',
  );
  const billingEnd = instant(columns.BillingPeriodEnd, 'BillingPeriodEnd');
  if (billingEnd < billingStart) {
    throw new FileFormatError(
      at(),
      `BillingPeriodEnd ${text(
        columns.BillingPeriodEnd,
      )} is before BillingPeriodStart ${text(columns.BillingPeriodStart)}`,
    );
  }
  let billingPeriod = billingPeriods.get(billingStart);
  if (billingPeriod === undefined) {
    billingPeriod = new Date(billingStart).toISOString().slice(0, 7);
    billingPeriods.set(billingStart, billingPeriod);
  }
  const currency = text(columns.BillingCurrency);
  if (!CURRENCY.test(currency)) {
    throw new FileFormatError(
      at(),
      `BillingCurrency is not an ISO 4217 code: ${JSON.stringify(currency)}`,
    );
  }
  const tags = text(columns.Tags);
  const cost = (i: number, column: string, required: boolean) =>
    parseDecimal(cells, i, column, at, required);
  return {
    billedCost: cost(columns.BilledCost, 'BilledCost', true),
    effectiveCost: cost(columns.EffectiveCost, 'EffectiveCost', true),
    listCost: cost(columns.ListCost, 'ListCost', false),
    currency,
    billingPeriod,
    chargeStart,
    chargeEnd,
    chargeCategory: text(columns.ChargeCategory),
    serviceName: text(columns.ServiceName),
    serviceCategory: text(columns.ServiceCategory),
    provider: text(columns.provider),
    accountId: text(columns.SubAccountId),
    accountName: text(columns.SubAccountName),
    region: text(columns.RegionId),
    resource: () => ({
      id: text(columns.ResourceId),
      name: text(columns.ResourceName),
    }),
    tags: tags === '{}' ? '' : tags,
  };
}
