import { parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet';
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
 * The rows of a Parquet export, one row group at a time and only the
 * columns asked for, as text cells in `columns` order. Errors name the file
 * and the row group.
 */
export async function* parquetRows(
  buffer: Buffer,
  file: string,
  wanted: (header: string[]) => string[],
): AsyncGenerator<{ header: string[] } | { cells: string[]; where: string }> {
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
  yield { header };
  const columns = wanted(header);
  let rowStart = 0;
  for (const [index, group] of metadata.row_groups.entries()) {
    const rowEnd = rowStart + Number(group.num_rows);
    let rows: Record<string, unknown>[];
    try {
      rows = await parquetReadObjects({
        file: arrayBuffer,
        metadata,
        columns,
        rowStart,
        rowEnd,
      });
    } catch (error: any) {
      throw new FileFormatError(
        `${file}: row group ${index + 1}`,
        `cannot be read (${error.message})`,
      );
    }
    const read = new Set(columns);
    for (const [offset, row] of rows.entries()) {
      yield {
        cells: header.map(name => (read.has(name) ? text(row[name]) : '')),
        where: `${file}: row group ${index + 1}, row ${offset + 1}`,
      };
    }
    rowStart = rowEnd;
  }
}
