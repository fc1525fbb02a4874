import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { UrlReaders } from '@backstage/backend-defaults/urlReader';
import { mockServices } from '@backstage/backend-test-utils';
import { LocalRepositoryUrlReader } from './LocalRepositoryUrlReader';

let directory: string;
let reader: ReturnType<typeof UrlReaders.create>;

beforeEach(async () => {
  directory = await fs.mkdtemp(join(tmpdir(), 'local-repositories-'));
  const checkout = join(directory, 'checkouts', 'refund-service');
  await fs.mkdir(join(checkout, 'docs'), { recursive: true });
  await fs.writeFile(join(checkout, 'catalog-info.yaml'), 'kind: Component\n');
  await fs.writeFile(join(checkout, 'docs', 'index.md'), '# Refunds\n');
  await fs.writeFile(join(directory, 'secret.txt'), 'not for readers\n');
  reader = UrlReaders.create({
    config: mockServices.rootConfig({
      data: { platform: { repositories: { local: { directory } } } },
    }),
    logger: mockServices.logger.mock(),
    factories: [LocalRepositoryUrlReader.factory],
  });
});
afterEach(async () => {
  await fs.rm(directory, { recursive: true, force: true });
});

const urlOf = (path: string) =>
  pathToFileURL(join(directory, 'checkouts', path)).href;

describe('LocalRepositoryUrlReader', () => {
  it('reads a file of a repository checkout, and says when it is unchanged', async () => {
    const response = await reader.readUrl(
      urlOf('refund-service/catalog-info.yaml'),
    );

    expect((await response.buffer()).toString()).toBe('kind: Component\n');
    await expect(
      reader.readUrl(urlOf('refund-service/catalog-info.yaml'), {
        etag: response.etag,
      }),
    ).rejects.toThrow(expect.objectContaining({ name: 'NotModifiedError' }));
  });

  it('reads a whole checkout as a tree, as TechDocs does', async () => {
    const tree = await reader.readTree(urlOf('refund-service'));
    const files = await tree.files();

    expect(files.map(file => file.path).sort()).toEqual([
      'catalog-info.yaml',
      'docs/index.md',
    ]);
    const docs = files.find(file => file.path === 'docs/index.md')!;
    expect((await docs.content()).toString()).toBe('# Refunds\n');
  });

  it('finds the catalog file a location names', async () => {
    const found = await reader.search(
      urlOf('refund-service/catalog-info.yaml'),
    );
    const missing = await reader.search(urlOf('refund-service/nothing.yaml'));

    expect(found.files.map(file => file.url)).toEqual([
      urlOf('refund-service/catalog-info.yaml'),
    ]);
    expect(missing.files).toEqual([]);
  });

  it('reads nothing outside the checkouts', async () => {
    await expect(
      reader.readUrl(pathToFileURL(join(directory, 'secret.txt')).href),
    ).rejects.toThrow(/not allowed/);
    await expect(
      reader.readUrl(`${urlOf('refund-service')}/../../secret.txt`),
    ).rejects.toThrow(/not allowed/);
    await expect(reader.readUrl('file:///etc/passwd')).rejects.toThrow(
      /not allowed/,
    );
  });
});
