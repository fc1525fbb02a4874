import { spawn } from 'node:child_process';
import http from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * A local git server speaking git's smart HTTP protocol through the real
 * `git http-backend`, for tests of providers whose repositories live behind
 * HTTPS (GitHub, GitLab). Repositories are the bare ones under `root`; every
 * request needs HTTP Basic credentials with the given password, as a forge
 * would want its token.
 */
export async function startGitHttpServer(options: {
  root: string;
  password: string;
}) {
  const requests: Array<{
    method: string;
    service: string;
    authorized: boolean;
  }> = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url!, 'http://localhost');
    const service =
      url.searchParams.get('service') ?? url.pathname.split('/').pop()!;
    const [scheme, encoded] = (req.headers.authorization ?? '').split(' ');
    const password =
      scheme === 'Basic'
        ? Buffer.from(encoded ?? '', 'base64')
            .toString()
            .split(':')[1]
        : undefined;
    const authorized = password === options.password;
    requests.push({ method: req.method!, service, authorized });
    if (!authorized) {
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="git"' });
      res.end('HTTP Basic: Access denied\n');
      return;
    }
    const backend = spawn('git', ['http-backend'], {
      env: {
        PATH: process.env.PATH,
        GIT_PROJECT_ROOT: options.root,
        GIT_HTTP_EXPORT_ALL: '1',
        REMOTE_USER: 'token-user',
        REMOTE_ADDR: '127.0.0.1',
        REQUEST_METHOD: req.method,
        PATH_INFO: url.pathname,
        QUERY_STRING: url.search.slice(1),
        CONTENT_TYPE: req.headers['content-type'] ?? '',
        CONTENT_LENGTH: req.headers['content-length'] ?? '',
        HTTP_CONTENT_ENCODING: req.headers['content-encoding'] ?? '',
        GIT_PROTOCOL: String(req.headers['git-protocol'] ?? ''),
      },
    });
    req.pipe(backend.stdin);
    // CGI output: headers (with an optional Status line), a blank line, the body.
    let head = Buffer.alloc(0);
    let headersSent = false;
    backend.stdout.on('data', (chunk: Buffer) => {
      if (headersSent) {
        res.write(chunk);
        return;
      }
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      const headers: Record<string, string> = {};
      let status = 200;
      for (const line of head.subarray(0, end).toString().split('\r\n')) {
        const [name, ...rest] = line.split(':');
        const value = rest.join(':').trim();
        if (name.toLowerCase() === 'status') status = parseInt(value, 10);
        else headers[name] = value;
      }
      res.writeHead(status, headers);
      res.write(head.subarray(end + 4));
      headersSent = true;
    });
    backend.on('close', () => {
      if (!headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    /** Each request: the git service asked for and whether the credentials were right. */
    requests,
    /** How many pushes reached a repository. */
    pushes: () =>
      requests.filter(
        r =>
          r.method === 'POST' &&
          r.service === 'git-receive-pack' &&
          r.authorized,
      ).length,
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
