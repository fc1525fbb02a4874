import {
  AsyncBuffer,
  FileMetaData,
  parquetMetadataAsync,
  RowGroup,
  parquetRead,
  parquetSchema,
} from 'hyparquet';
import { FileFormatError } from './FileFormatError';
import { FocusCells } from './focusCharges';

/** A Parquet cell as the text a CSV export would hold. */
function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    return JSON.stringify(value, (_, v) =>
      typeof v === 'bigint' ? String(v) : v,
    );
  }
  return String(value);
}

/** One row of a decoded slice, read by header position. */
class ParquetCells implements FocusCells {
  /** The slice's values, one array per read column. */
  columns: ArrayLike<unknown>[] = [];
  /** The row within the slice. */
  row = 0;
  /** For each header position, the index of that column in `columns`, or -1. */
  constructor(private readonly indexOf: number[], readonly count: number) {}

  text(column: number): string {
    return text(this.cell(column));
  }

  decimal(column: number): number | undefined {
    const value = this.cell(column);
    return typeof value === 'number' && Number.isFinite(value)
      ? value
      : undefined;
  }

  /** A timestamp, to the second as a CSV export would write it. */
  instant(column: number): number | undefined {
    const value = this.cell(column);
    return value instanceof Date && !Number.isNaN(value.getTime())
      ? Math.floor(value.getTime() / 1000) * 1000
      : undefined;
  }

  private cell(column: number): unknown {
    const at = column < 0 ? -1 : this.indexOf[column];
    return at < 0 ? undefined : this.columns[at][this.row];
  }
}

/**
 * Rows decoded at a time where the file has a page index (offset index):
 * memory stays bounded by this rather than by the row group. Without one,
 * a row group is decoded whole, once.
 */
const SLICE_ROWS = 50_000;

function hasPageIndex(group: RowGroup): boolean {
  return group.columns.every(
    c => c.offset_index_offset !== undefined && c.offset_index_length,
  );
}

/**
 * One copy of each repeated value: a decoded column chunk holds a new
 * string (or Date) per row, and a billing export repeats a few values on
 * every row. Bounded: it starts over past 65,536 values.
 */
class Canonical {
  private readonly strings = new Map<string, string>();
  private readonly dates = new Map<number, Date>();

  of(value: unknown): unknown {
    if (typeof value === 'string') return this.from(this.strings, value, value);
    if (value instanceof Date)
      return this.from(this.dates, value.getTime(), value);
    return value;
  }

  private from<K, V>(seen: Map<K, V>, key: K, value: V): V {
    const known = seen.get(key);
    if (known !== undefined) return known;
    if (seen.size >= 65_536) seen.clear();
    seen.set(key, value);
    return value;
  }
}

/**
 * The values of `columns` for rows [start, end), one array per column.
 * Columns are decoded one at a time and their repeated values shared, so
 * only one column's decoded chunk is in memory at once.
 */
async function readSlice(
  source: AsyncBuffer,
  metadata: FileMetaData,
  columns: string[],
  start: number,
  end: number,
): Promise<unknown[][]> {
  const values: unknown[][] = [];
  for (const column of columns) {
    const into = new Array<unknown>(end - start);
    const canonical = new Canonical();
    await parquetRead({
      file: source,
      metadata,
      columns: [column],
      rowStart: start,
      rowEnd: end,
      useOffsetIndex: true,
      onChunk: chunk => {
        // A chunk may hold rows outside the slice.
        const from = Math.max(start, chunk.rowStart);
        const to = Math.min(end, chunk.rowEnd);
        for (let row = from; row < to; row++) {
          into[row - start] = canonical.of(
            chunk.columnData[row - chunk.rowStart],
          );
        }
      },
    });
    values.push(into);
  }
  return values;
}

/**
 * Reads a Parquet export one row group (or, with a page index, one slice of
 * it) at a time and only the columns the header handler asks for, handing
 * each row to `onRow` as cells in header order (the object is reused).
 * Errors name the file and row group.
 */
export async function readParquet(
  source: AsyncBuffer,
  file: string,
  handlers: {
    onHeader(header: string[]): boolean[];
    onRow(cells: FocusCells, where: () => string): void;
  },
): Promise<void> {
  let metadata: FileMetaData;
  try {
    metadata = await parquetMetadataAsync(source);
  } catch (error: any) {
    throw new FileFormatError(
      file,
      `not a complete Parquet file (${error.message}); is it truncated?`,
    );
  }
  const header = parquetSchema(metadata).children.map(c => c.element.name);
  const wanted = handlers.onHeader(header);
  const positions = header.flatMap((_, i) => (wanted[i] ? [i] : []));
  const columns = positions.map(i => header[i]);
  const indexOf = header.map(() => -1);
  positions.forEach((position, i) => {
    indexOf[position] = i;
  });
  const cells = new ParquetCells(indexOf, header.length);
  let groupStart = 0;
  for (const [index, group] of metadata.row_groups.entries()) {
    const groupEnd = groupStart + Number(group.num_rows);
    const sliceRows = hasPageIndex(group) ? SLICE_ROWS : groupEnd - groupStart;
    for (
      let sliceStart = groupStart;
      sliceStart < groupEnd;
      sliceStart += sliceRows
    ) {
      const sliceEnd = Math.min(groupEnd, sliceStart + sliceRows);
      try {
        cells.columns = await readSlice(
          source,
          metadata,
          columns,
          sliceStart,
          sliceEnd,
        );
      } catch (error: any) {
        throw new FileFormatError(
          `${file}: row group ${index + 1}`,
          `cannot be read (${error.message})`,
        );
      }
      let rowInGroup = 0;
      const where = () => `${file}: row group ${index + 1}, row ${rowInGroup}`;
      for (let r = 0; r < sliceEnd - sliceStart; r++) {
        cells.row = r;
        rowInGroup = sliceStart - groupStart + r + 1;
        handlers.onRow(cells, where);
      }
    }
    groupStart = groupEnd;
  }
}
