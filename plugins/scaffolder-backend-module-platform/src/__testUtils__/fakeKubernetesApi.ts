import http from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * A local stand-in for a Kubernetes API server, for tests: it answers the
 * paths the namespace action uses (GET, server-side apply PATCH) with the
 * API's real object and Status JSON, keeps objects in memory, and can be told
 * to answer one path with a 409 Conflict.
 */
export async function startFakeKubernetesApi() {
  const objects = new Map<string, any>();
  const requests: Array<{
    method: string;
    path: string;
    authorization?: string;
  }> = [];
  const conflicts = new Set<string>();
  let version = 1000;

  const status = (code: number, reason: string, message: string) => ({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    code,
  });

  const server = http.createServer((req, res) => {
    const url = new URL(req.url!, 'http://localhost');
    const path = decodeURIComponent(url.pathname);
    requests.push({
      method: req.method!,
      path,
      authorization: req.headers.authorization,
    });
    const send = (code: number, body: unknown) => {
      res.writeHead(code, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    const chunks: Buffer[] = [];
    req.on('data', chunk => chunks.push(chunk));
    req.on('end', () => {
      const name = path.split('/').pop();
      const namespaceOf = /\/namespaces\/([^/]+)\//.exec(path)?.[1];
      if (req.method === 'GET') {
        const object = objects.get(path);
        send(
          object ? 200 : 404,
          object ?? status(404, 'NotFound', `"${name}" not found`),
        );
        return;
      }
      if (req.method !== 'PATCH') {
        send(405, status(405, 'MethodNotAllowed', 'method not allowed'));
        return;
      }
      if (
        req.headers['content-type'] !== 'application/apply-patch+yaml' ||
        !url.searchParams.get('fieldManager')
      ) {
        send(
          415,
          status(
            415,
            'UnsupportedMediaType',
            'expected server-side apply with a fieldManager',
          ),
        );
        return;
      }
      if (conflicts.has(path)) {
        send(
          409,
          status(
            409,
            'Conflict',
            `Apply failed with 1 conflict: conflict with "kubectl-edit" using v1: .spec`,
          ),
        );
        return;
      }
      if (namespaceOf && !objects.has(`/api/v1/namespaces/${namespaceOf}`)) {
        send(
          404,
          status(404, 'NotFound', `namespaces "${namespaceOf}" not found`),
        );
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      const existing = objects.get(path);
      const { metadata, ...rest } = body;
      const unchanged =
        existing &&
        JSON.stringify({ ...existing, metadata: existing.metadata.labels }) ===
          JSON.stringify({ ...rest, metadata: metadata.labels });
      const stored = {
        ...rest,
        metadata: {
          ...metadata,
          uid: existing?.metadata.uid ?? `uid-${version}`,
          resourceVersion: unchanged
            ? existing.metadata.resourceVersion
            : String(++version),
          creationTimestamp:
            existing?.metadata.creationTimestamp ?? new Date().toISOString(),
          managedFields: [
            {
              manager: url.searchParams.get('fieldManager'),
              operation: 'Apply',
              apiVersion: body.apiVersion,
            },
          ],
        },
      };
      objects.set(path, stored);
      send(existing ? 200 : 201, stored);
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    objects,
    requests,
    conflicts,
    close: () => new Promise<void>(resolve => server.close(() => resolve())),
  };
}
