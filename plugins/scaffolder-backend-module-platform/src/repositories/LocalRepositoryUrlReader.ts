import { createReadStream, promises as fs } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  resolveSafeChildPath,
  UrlReaderService,
  UrlReaderServiceReadTreeOptions,
  UrlReaderServiceReadTreeResponse,
  UrlReaderServiceReadUrlOptions,
  UrlReaderServiceReadUrlResponse,
  UrlReaderServiceSearchResponse,
} from '@backstage/backend-plugin-api';
import {
  ReaderFactory,
  ReadTreeResponseFactory,
  ReadUrlResponseFactory,
} from '@backstage/backend-defaults/urlReader';
import { NotModifiedError } from '@backstage/errors';
import { localRepositoriesDirectory } from './LocalRepositoryHost';

async function listFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, {
    recursive: true,
    withFileTypes: true,
  });
  return entries
    .filter(entry => entry.isFile())
    .map(entry => join(entry.parentPath, entry.name));
}

/**
 * Lets the catalog and TechDocs read the checkouts of local repositories
 * (file:// URLs under platform.repositories.local.directory/checkouts), as
 * they read a forge's repositories over HTTP. Nothing else on disk is
 * reachable through it.
 */
export class LocalRepositoryUrlReader implements UrlReaderService {
  static factory: ReaderFactory = ({ config, treeResponseFactory }) => {
    const checkouts = join(localRepositoriesDirectory(config), 'checkouts');
    const root = `${pathToFileURL(checkouts).href}/`;
    return [
      {
        reader: new LocalRepositoryUrlReader(checkouts, treeResponseFactory),
        predicate: (url: URL) => url.href.startsWith(root),
      },
    ];
  };

  constructor(
    private readonly checkouts: string,
    private readonly treeResponseFactory: ReadTreeResponseFactory,
  ) {}

  private pathOf(url: string): string {
    return resolveSafeChildPath(
      this.checkouts,
      relative(this.checkouts, fileURLToPath(url)),
    );
  }

  async readUrl(
    url: string,
    options?: UrlReaderServiceReadUrlOptions,
  ): Promise<UrlReaderServiceReadUrlResponse> {
    const path = this.pathOf(url);
    const stat = await fs.stat(path);
    const etag = `${stat.mtimeMs}-${stat.size}`;
    if (options?.etag === etag) {
      throw new NotModifiedError();
    }
    return ReadUrlResponseFactory.fromReadable(createReadStream(path), {
      etag,
      lastModifiedAt: stat.mtime,
    });
  }

  async readTree(
    url: string,
    options?: UrlReaderServiceReadTreeOptions,
  ): Promise<UrlReaderServiceReadTreeResponse> {
    const dir = this.pathOf(url);
    const files = await listFiles(dir);
    const stats = await Promise.all(files.map(file => fs.stat(file)));
    const etag = String(
      Math.max(0, ...stats.map(stat => stat.mtimeMs)) + files.length,
    );
    if (options?.etag === etag) {
      throw new NotModifiedError();
    }
    const response = await this.treeResponseFactory.fromReadableArray(
      files.map((file, i) => ({
        data: createReadStream(file),
        path: relative(dir, file),
        lastModifiedAt: stats[i].mtime,
      })),
    );
    return Object.assign(response, { etag });
  }

  /** Finds the file the URL names; local repositories take no glob patterns. */
  async search(url: string): Promise<UrlReaderServiceSearchResponse> {
    const path = this.pathOf(url);
    const exists = await fs
      .stat(path)
      .then(stat => stat.isFile())
      .catch(() => false);
    return {
      etag: '',
      files: exists
        ? [
            {
              url,
              content: () => fs.readFile(path),
              lastModifiedAt: undefined,
            },
          ]
        : [],
    };
  }

  toString() {
    return `local-repositories{checkouts=${this.checkouts}}`;
  }
}
