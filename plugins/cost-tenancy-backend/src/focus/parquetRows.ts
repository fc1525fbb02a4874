import {
  AsyncBuffer,
  FileMetaData,
  parquetMetadataAsync,
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

/** One decoded row, read by header position. */
class ParquetCells implements FocusCells {
  row: unknown[] = [];
  /** For each header position, the row's index of that column, or -1. */
  constructor(private readonly indexOf: number[], readonly count: number) {}

  text(column: number): string {
    return column < 0 ? '' : text(this.row[this.indexOf[column]]);
  }

  decimal(column: number): number | undefined {
    const value = column < 0 ? undefined : this.row[this.indexOf[column]];
    return typeof value === 'number' && Number.isFinite(value)
      ? value
      : undefined;
  }
}

/** Rows decoded at a time: with the file's page index, memory stays bounded by this, not by the row group. */
const SLICE_ROWS = 50_000;

/**
 * Reads a Parquet export one row group, and within it one slice of rows, at
 * a time and only the columns the header handler asks for, handing each row
 * to `onRow` as cells in header order (the object is reused). Errors name
 * the file and row group.
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
    for (
      let sliceStart = groupStart;
      sliceStart < groupEnd;
      sliceStart += SLICE_ROWS
    ) {
      const sliceEnd = Math.min(groupEnd, sliceStart + SLICE_ROWS);
      let rows: any[][] = [];
      try {
        await parquetRead({
          file: source,
          metadata,
          columns,
          rowStart: sliceStart,
          rowEnd: sliceEnd,
          rowFormat: 'array',
          useOffsetIndex: true,
          onComplete: result => {
            rows = result;
          },
        } as Parameters<typeof parquetRead>[0]);
      } catch (error: any) {
        throw new FileFormatError(
          `${file}: row group ${index + 1}`,
          `cannot be read (${error.message})`,
        );
      }
      let rowInGroup = 0;
      const where = () => `${file}: row group ${index + 1}, row ${rowInGroup}`;
      for (let r = 0; r < rows.length; r++) {
        cells.row = rows[r];
        rowInGroup = sliceStart - groupStart + r + 1;
        handlers.onRow(cells, where);
      }
    }
    groupStart = groupEnd;
  }
}
