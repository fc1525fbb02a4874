import { InputError } from '@backstage/errors';

/**
 * Converts amounts into the report currency with configured rates: `rates`
 * gives each currency's value in the base currency (the base is 1).
 * Amounts of a currency with no rate cannot be converted and are kept
 * apart, never summed.
 */
export class CurrencyConverter {
  private constructor(
    readonly target: string,
    private readonly rates: Record<string, number>,
  ) {}

  /** A converter into `target`; a 400 when `target` itself has no rate. */
  static to(
    target: string,
    base: string,
    rates: Record<string, number>,
    dataCurrencies: string[],
  ): CurrencyConverter {
    const all = { ...rates, [base]: 1 };
    const needed = dataCurrencies.some(c => c !== target);
    if (needed && all[target] === undefined) {
      throw new InputError(
        `currency: no exchange rate for ${target}; configured rates (costTenancy.currency.rates against ${base}) exist for ${Object.keys(
          all,
        )
          .sort()
          .join(', ')}`,
      );
    }
    return new CurrencyConverter(target, all);
  }

  /** The amount in the target currency, or undefined when it cannot be converted. */
  convert(amount: number, currency: string): number | undefined {
    if (currency === this.target) return amount;
    const from = this.rates[currency];
    const to = this.rates[this.target];
    return from === undefined || to === undefined
      ? undefined
      : (amount * from) / to;
  }
}
