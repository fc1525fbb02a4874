import { createHash, Hash } from 'node:crypto';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { FileFormatError } from './FileFormatError';
import { readCsv } from './readCsv';
import { asyncBufferFromFile } from 'hyparquet';
import { readParquet } from './parquetRows';
import { DailyCostAggregator } from './dailyCosts';
import { USED_COLUMNS } from './focusCharges';
import { FocusRows } from './FocusRows';

/** A billing export file, wherever it is read from. */
export type ExportFile = {
  /** Its name in messages and as its identity within the source. */
  name: string;
  /** Its size when known before reading. */
  size?: number;
  /** Its path when it is a local file, so columnar formats can be read by range. */
  path?: string;
  open(): Promise<Readable>;
};

const GZIP = [0x1f, 0x8b];
const PARQUET = Buffer.from('PAR1');

function sizeText(bytes: number) {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GiB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  return `${bytes} bytes`;
}

/** The file's bytes, failing as soon as they pass the size cap. */
async function* cappedBytes(
  stream: Readable,
  file: ExportFile,
  maxBytes: number,
  hash: Hash,
): AsyncGenerator<Buffer> {
  let total = 0;
  for await (const chunk of stream) {
    total += chunk.length;
    hash.update(chunk);
    if (total > maxBytes) {
      stream.destroy();
      throw new FileFormatError(
        file.name,
        `the file is over the size cap of ${sizeText(
          maxBytes,
        )} (costTenancy.billing.maxFileSizeMiB)`,
      );
    }
    yield chunk;
  }
  if (total === 0) {
    throw new FileFormatError(file.name, 'the file is empty (0 bytes)');
  }
}

/** Bytes of the file, ungzipped when its content says gzip. */
async function* contentOf(
  head: Buffer,
  bytes: AsyncGenerator<Buffer>,
  file: ExportFile,
): AsyncGenerator<Buffer> {
  async function* all() {
    yield head;
    yield* bytes;
  }
  if (head[0] !== GZIP[0] || head[1] !== GZIP[1]) {
    yield* all();
    return;
  }
  try {
    // 256 KiB out at a time rather than zlib's 16 KiB: far fewer chunks
    // and thread-pool round trips. Larger chunks were up to a tenth faster
    // but left more spent buffers for V8 to collect: peak RSS over 256 MB in
    // some benchmark runs.
    yield* Readable.from(all()).pipe(createGunzip({ chunkSize: 256 * 1024 }));
  } catch (error: any) {
    if (error instanceof FileFormatError) throw error;
    throw new FileFormatError(
      file.name,
      `the gzip stream is damaged or truncated (${error.message})`,
    );
  }
}

/**
 * Reads a FOCUS export (CSV, gzip CSV or Parquet, told apart by content) into daily
 * sums, counting rows in `progress` as it goes. Any problem fails the whole
 * file with a FileFormatError naming the file, the line and what was wrong.
 * Returns the content's SHA-256.
 */
export async function readFocusFile(
  file: ExportFile,
  aggregator: DailyCostAggregator,
  options: { maxBytes: number; progress?: { rows: number } },
): Promise<{ rows: number; fingerprint: string }> {
  const progress = options.progress ?? { rows: 0 };
  const hash = createHash('sha256');
  if (file.size === 0) {
    throw new FileFormatError(file.name, 'the file is empty (0 bytes)');
  }
  if (file.size !== undefined && file.size > options.maxBytes) {
    throw new FileFormatError(
      file.name,
      `the file is ${sizeText(file.size)}, over the size cap of ${sizeText(
        options.maxBytes,
      )} (costTenancy.billing.maxFileSizeMiB)`,
    );
  }
  const bytes = cappedBytes(await file.open(), file, options.maxBytes, hash);
  const first = await bytes.next();
  const head: Buffer = first.done ? Buffer.alloc(0) : first.value;
  const rows = new FocusRows(file.name, aggregator, progress);
  if (head.subarray(0, 4).equals(PARQUET)) {
    // A local file is read by range, only the needed column pages; other
    // sources are held in memory. Either way all bytes pass the hash.
    const chunks = await collect(bytes, !file.path);
    const source = file.path
      ? await asyncBufferFromFile(file.path)
      : toArrayBuffer(Buffer.concat([head, ...chunks]));
    await readParquet(source, file.name, {
      onHeader: header => rows.header(header, USED_COLUMNS),
      onRow: (cells, at) => rows.row(cells, at),
    });
  } else {
    await readCsv(contentOf(head, bytes, file), file.name, rows.csvHandlers());
  }
  if (!rows.hasHeader) {
    throw new FileFormatError(file.name, 'the file has no header line');
  }
  return { rows: progress.rows, fingerprint: hash.digest('hex') };
}

/** Reads the rest of the bytes (so they are hashed and capped), keeping them when asked. */
async function collect(
  bytes: AsyncGenerator<Buffer>,
  keep: boolean,
): Promise<Buffer[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of bytes) if (keep) chunks.push(chunk);
  return chunks;
}

function toArrayBuffer(buffer: Buffer): ArrayBuffer {
  return buffer.buffer.slice(
    buffer.byteOffset,
    buffer.byteOffset + buffer.byteLength,
  ) as ArrayBuffer;
}
