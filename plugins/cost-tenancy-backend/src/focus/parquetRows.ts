import { parquetMetadata, parquetRead, parquetSchema } from 'hyparquet';
import { FileFormatError } from './csvRecords';

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

/**
 * Reads a Parquet export one row group at a time and only the columns the
 * header handler asks for, handing each row to `onRow` as text cells in
 * header order (the array is reused). Errors name the file and row group.
 */
export async function readParquet(
  buffer: Buffer,
  file: string,
  handlers: {
    onHeader(header: string[]): boolean[];
    onRow(cells: string[], where: () => string): void;
  },
): Promise<void> {
  const arrayBuffer = buffer.buffer.slice(
    buffer.byteOffset,
    buffer.byteOffset + buffer.byteLength,
  ) as ArrayBuffer;
  let metadata;
  try {
    metadata = parquetMetadata(arrayBuffer);
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
  const cells = new Array<string>(header.length).fill('');
  let rowStart = 0;
  for (const [index, group] of metadata.row_groups.entries()) {
    const rowEnd = rowStart + Number(group.num_rows);
    let rows: any[][] = [];
    try {
      await parquetRead({
        file: arrayBuffer,
        metadata,
        columns,
        rowStart,
        rowEnd,
        rowFormat: 'array',
        onComplete: result => {
          rows = result;
        },
      });
    } catch (error: any) {
      throw new FileFormatError(
        `${file}: row group ${index + 1}`,
        `cannot be read (${error.message})`,
      );
    }
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      for (let c = 0; c < positions.length; c++) {
        cells[positions[c]] = text(row[c]);
      }
      handlers.onRow(
        cells,
        () => `${file}: row group ${index + 1}, row ${r + 1}`,
      );
    }
    rowStart = rowEnd;
  }
}
