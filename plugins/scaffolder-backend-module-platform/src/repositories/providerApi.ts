/** A JSON HTTP API of a git provider (GitHub's REST API, GitLab's API v4). */
export type ProviderApi = {
  /** The provider's name, for messages: GitHub, GitLab. */
  provider: string;
  baseUrl: string;
  headers: Record<string, string>;
};

export type ApiResponse<T = any> = { status: number; body: T };

/** The provider's own explanation of a failed request. */
function explanation(body: any): string {
  if (typeof body === 'string') return body;
  const message = body?.message ?? body?.error;
  const details = Array.isArray(body?.errors)
    ? body.errors.map((e: any) => e?.message ?? JSON.stringify(e)).join('; ')
    : '';
  const text =
    typeof message === 'string' ? message : JSON.stringify(message ?? body);
  return details ? `${text} (${details})` : text;
}

/**
 * Calls the API and returns the status and parsed body. Statuses outside
 * 2xx fail with the method, path, status and the provider's message (never
 * the request's headers) unless `allow` lists them.
 */
export async function callApi<T = any>(
  api: ProviderApi,
  method: string,
  path: string,
  options: { body?: unknown; allow?: number[] } = {},
): Promise<ApiResponse<T>> {
  const response = await fetch(`${api.baseUrl}${path}`, {
    method,
    headers: {
      ...api.headers,
      ...(options.body !== undefined && {
        'Content-Type': 'application/json',
      }),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  let body: any = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text for the message
  }
  if (!response.ok && !options.allow?.includes(response.status)) {
    const hint =
      response.status === 401 || response.status === 403
        ? `; check the credentials of the ${api.provider} integration`
        : '';
    throw new Error(
      `${api.provider} answered ${
        response.status
      } to ${method} ${path}: ${explanation(body)}${hint}`,
    );
  }
  return { status: response.status, body };
}
