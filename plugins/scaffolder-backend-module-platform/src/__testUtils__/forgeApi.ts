import { execFileSync } from 'node:child_process';
import { http, HttpResponse } from 'msw';

export type ForgeRequest = {
  method: string;
  path: string;
  body: any;
  headers: Headers;
};

/** What a route answers: a status and a JSON body (none for 204). */
export type ForgeReply = [number, unknown?];

export type ForgeRoute = [
  method: string,
  path: RegExp,
  answer: (match: string[], request: ForgeRequest) => ForgeReply,
];

/**
 * One msw handler answering a forge's API paths (raw, so `%2F` in GitLab
 * project ids stays as sent) from a route table, recording every request.
 * Paths no route knows answer 501 with a message naming them, so the run
 * under test fails; requests to other hosts are unhandled and fail msw's
 * `onUnhandledRequest: 'error'`.
 */
export function forgeHandler(options: {
  baseUrl: string;
  authorized: (headers: Headers) => boolean;
  unauthorized: unknown;
  routes: ForgeRoute[];
}) {
  const requests: ForgeRequest[] = [];
  const base = new URL(options.baseUrl).pathname.replace(/\/$/, '');
  const handler = http.all(`${options.baseUrl}/*`, async ({ request }) => {
    const path = new URL(request.url).pathname.slice(base.length);
    const text = await request.text();
    const entry = {
      method: request.method,
      path,
      body: text ? JSON.parse(text) : undefined,
      headers: request.headers,
    };
    requests.push(entry);
    if (!options.authorized(request.headers)) {
      return HttpResponse.json(options.unauthorized as any, { status: 401 });
    }
    for (const [method, pattern, answer] of options.routes) {
      const match = method === request.method && pattern.exec(path);
      if (match) {
        const [status, body] = answer(match.slice(1), entry);
        return body === undefined
          ? new HttpResponse(null, { status })
          : HttpResponse.json(body as any, { status });
      }
    }
    return HttpResponse.json(
      { message: `the fake API has no route for ${request.method} ${path}` },
      { status: 501 },
    );
  });
  return {
    handler,
    requests,
    /** Requests as `METHOD path`, in order. */
    calls: () => requests.map(r => `${r.method} ${r.path}`),
  };
}

/** Makes the empty bare repository a forge makes when a repository is created. */
export function initBareRepository(path: string) {
  execFileSync('git', ['init', '--quiet', '--bare', '-b', 'main', path]);
}

/** Whether the bare repository has the branch. */
export function hasBranch(path: string, branch: string) {
  try {
    execFileSync('git', [
      '--git-dir',
      path,
      'rev-parse',
      '--verify',
      '--quiet',
      `refs/heads/${branch}`,
    ]);
    return true;
  } catch {
    return false;
  }
}
