import { promises as fs, createReadStream } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { UrlReaderService } from '@backstage/backend-plugin-api';
import { ExportFile } from '../focus/readFocusFile';

/** Where a billing export is delivered: a local file or folder, or a URL. */
export type BillingSource = { name: string; path?: string; url?: string };

/** Files that sit beside exports but are none (AWS manifests, notes). */
const NOT_EXPORTS = /(^|\/)\.|\.(json|md|txt)$/i;
const SINGLE_FILE_URL = /\.(csv|gz|parquet)$/i;

async function localFiles(root: string): Promise<ExportFile[]> {
  const stat = await fs.stat(root);
  const paths = stat.isDirectory()
    ? (await fs.readdir(root, { recursive: true, withFileTypes: true }))
        .filter(entry => entry.isFile())
        .map(entry => join(entry.parentPath, entry.name))
    : [root];
  const files: ExportFile[] = [];
  for (const path of paths.sort()) {
    const name = stat.isDirectory()
      ? relative(root, path)
      : path.split('/').pop()!;
    if (NOT_EXPORTS.test(name)) continue;
    const { size } = await fs.stat(path);
    files.push({
      name,
      size,
      path,
      open: async () => createReadStream(path, { highWaterMark: 1024 * 1024 }),
    });
  }
  return files;
}

async function urlFiles(
  url: string,
  reader: UrlReaderService,
): Promise<ExportFile[]> {
  if (SINGLE_FILE_URL.test(new URL(url).pathname)) {
    const response = await reader.readUrl(url);
    return [
      {
        name: new URL(url).pathname.split('/').pop()!,
        open: async () =>
          response.stream
            ? Readable.from(response.stream())
            : Readable.from([await response.buffer()]),
      },
    ];
  }
  const tree = await reader.readTree(url);
  const files = await tree.files();
  return files
    .filter(file => !NOT_EXPORTS.test(file.path))
    .sort((a, b) => a.path.localeCompare(b.path))
    .map(file => ({
      name: file.path,
      open: async () => Readable.from([await file.content()]),
    }));
}

/** The export files a source holds now, sorted by name. */
export async function listExportFiles(
  source: BillingSource,
  reader: UrlReaderService,
  baseDir: string,
): Promise<ExportFile[]> {
  if (source.path) return localFiles(resolve(baseDir, source.path));
  if (source.url) return urlFiles(source.url, reader);
  throw new Error(`billing source ${source.name} has neither path nor url`);
}
