import http from 'node:http';
import https from 'node:https';
import { ClusterConnection } from './clusters';
import { KubernetesObject, MANAGED_BY } from './tenantBundle';

const plural: Record<string, string> = {
  Namespace: 'namespaces',
  ResourceQuota: 'resourcequotas',
  LimitRange: 'limitranges',
  NetworkPolicy: 'networkpolicies',
  RoleBinding: 'rolebindings',
};

/** The API path of an object, e.g. /apis/rbac.authorization.k8s.io/v1/namespaces/x/rolebindings/y. */
export function objectPath(object: KubernetesObject): string {
  const group = object.apiVersion.includes('/')
    ? `/apis/${object.apiVersion}`
    : `/api/${object.apiVersion}`;
  const resource = plural[object.kind];
  if (!resource) {
    throw new Error(`No API path known for kind ${object.kind}`);
  }
  const scope = object.metadata.namespace
    ? `/namespaces/${encodeURIComponent(object.metadata.namespace)}`
    : '';
  return `${group}${scope}/${resource}/${encodeURIComponent(
    object.metadata.name,
  )}`;
}

const describe = (object: KubernetesObject) =>
  `${object.kind} ${
    object.metadata.namespace ? `${object.metadata.namespace}/` : ''
  }${object.metadata.name}`;

/**
 * Reads and server-side applies objects on one cluster. Errors name the
 * object, the cluster and the API's reason; they never contain the token.
 */
export class KubernetesApplyClient {
  constructor(private readonly cluster: ClusterConnection) {}

  /** The object as the cluster has it, or undefined when it does not exist. */
  async get(object: KubernetesObject): Promise<KubernetesObject | undefined> {
    const response = await this.request('GET', objectPath(object));
    if (response.status === 404) {
      return undefined;
    }
    return this.check(response, object, 'read');
  }

  /** Server-side apply as field manager platform-portal, without forcing conflicts. */
  async apply(object: KubernetesObject): Promise<KubernetesObject> {
    const response = await this.request(
      'PATCH',
      `${objectPath(object)}?fieldManager=${MANAGED_BY}`,
      object,
    );
    return this.check(response, object, 'apply');
  }

  private check(
    response: { status: number; body: any },
    object: KubernetesObject,
    verb: string,
  ): KubernetesObject {
    if (response.status >= 200 && response.status < 300) {
      return response.body;
    }
    const reason = response.body?.reason ?? 'Error';
    const message = response.body?.message ?? 'no message';
    throw new Error(
      `Could not ${verb} ${describe(object)} on cluster ${this.cluster.name}: ${
        response.status
      } ${reason}: ${message}`,
    );
  }

  private request(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: any }> {
    const url = new URL(path, this.cluster.url);
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const transport = url.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      const request = transport.request(
        url,
        {
          method,
          headers: {
            Accept: 'application/json',
            ...(this.cluster.token
              ? { Authorization: `Bearer ${this.cluster.token}` }
              : {}),
            ...(payload
              ? {
                  'Content-Type': 'application/apply-patch+yaml',
                  'Content-Length': Buffer.byteLength(payload),
                }
              : {}),
          },
          ca: this.cluster.caData
            ? Buffer.from(this.cluster.caData, 'base64')
            : undefined,
          rejectUnauthorized: !this.cluster.skipTLSVerify,
          timeout: 30_000,
        },
        response => {
          const chunks: Buffer[] = [];
          response.on('data', chunk => chunks.push(chunk));
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: unknown;
            try {
              parsed = text ? JSON.parse(text) : undefined;
            } catch {
              parsed = { message: text.slice(0, 200) };
            }
            resolve({ status: response.statusCode ?? 0, body: parsed });
          });
        },
      );
      request.on('timeout', () =>
        request.destroy(new Error('timed out after 30 s')),
      );
      request.on('error', error =>
        reject(
          new Error(
            `Could not reach cluster ${this.cluster.name} at ${url.origin}: ${error.message}`,
          ),
        ),
      );
      request.end(payload);
    });
  }
}
