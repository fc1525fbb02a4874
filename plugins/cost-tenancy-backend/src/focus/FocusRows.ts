import { CsvHandlers } from './readCsv';
import { DailyCostAggregator } from './dailyCosts';
import {
  FocusCells,
  focusCharge,
  FocusColumns,
  focusColumns,
  REPEATING_COLUMNS,
} from './focusCharges';

/** Turns an export's rows, once its header is read, into daily sums. */
export class FocusRows {
  private columns?: FocusColumns;

  constructor(
    private readonly file: string,
    private readonly aggregator: DailyCostAggregator,
    /** Rows read so far. */
    readonly progress = { rows: 0 },
  ) {}

  /** Checks the header; returns which of its columns are in `wanted`. */
  header(header: string[], wanted: Set<string>): boolean[] {
    this.columns = focusColumns(header, this.file);
    return header.map(name => wanted.has(name));
  }

  get hasHeader(): boolean {
    return this.columns !== undefined;
  }

  row(cells: FocusCells, at: () => string) {
    this.aggregator.add(focusCharge(cells, this.columns!, at), at);
    this.progress.rows++;
  }

  /** Handlers for `readCsv`, naming the file and line in errors. */
  csvHandlers(): CsvHandlers {
    let line = 0;
    const at = () => `${this.file}:${line}`;
    return {
      onHeader: header => this.header(header, REPEATING_COLUMNS),
      onRecord: record => {
        line = record.line;
        this.row(record, at);
      },
    };
  }
}
