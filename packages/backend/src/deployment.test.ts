import { readFileSync, readdirSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { parseAllDocuments } from 'yaml';

// Docker and Kubernetes do not run on the development machines, so the
// production manifests and image are checked by reading them.
const repoRoot = resolvePath(__dirname, '../../..');
const deployDir = resolvePath(repoRoot, 'deploy');

type Manifest = {
  kind: string;
  metadata: { name: string };
  spec?: any;
  [key: string]: any;
};

function readManifests(): Manifest[] {
  const kustomization = parseAllDocuments(
    readFileSync(resolvePath(deployDir, 'kustomization.yaml'), 'utf8'),
  )[0].toJS();
  return kustomization.resources.flatMap((file: string) =>
    parseAllDocuments(readFileSync(resolvePath(deployDir, file), 'utf8')).map(
      doc => {
        if (doc.errors.length > 0) {
          throw new Error(`${file}: ${doc.errors[0].message}`);
        }
        return doc.toJS() as Manifest;
      },
    ),
  );
}

const manifests = readManifests();
const only = (kind: string) => {
  const found = manifests.filter(m => m.kind === kind);
  expect(found).toHaveLength(1);
  return found[0];
};
const matches = (
  selector: Record<string, string>,
  labels: Record<string, string>,
) => Object.entries(selector).every(([key, value]) => labels[key] === value);

describe('deploy/', () => {
  it('lists every manifest file in kustomization.yaml except the example Secret', () => {
    const files = readdirSync(deployDir).filter(
      file => file.endsWith('.yaml') && file !== 'kustomization.yaml',
    );
    const listed = parseAllDocuments(
      readFileSync(resolvePath(deployDir, 'kustomization.yaml'), 'utf8'),
    )[0].toJS().resources;

    expect(listed.sort()).toEqual(
      files.filter(file => file !== 'secret.example.yaml').sort(),
    );
  });

  it('runs two or more non-root replicas with requests, limits and health probes', () => {
    const deployment = only('Deployment');
    const pod = deployment.spec.template.spec;

    expect(deployment.spec.replicas).toBeGreaterThanOrEqual(2);
    expect(pod.securityContext.runAsNonRoot).toBe(true);
    expect(pod.securityContext.runAsUser).toBeGreaterThan(0);
    for (const container of pod.containers) {
      expect(container.securityContext.allowPrivilegeEscalation).toBe(false);
      expect(container.securityContext.capabilities.drop).toEqual(['ALL']);
      for (const kind of ['requests', 'limits']) {
        expect(container.resources[kind]).toEqual({
          cpu: expect.anything(),
          memory: expect.anything(),
        });
      }
      expect(container.readinessProbe.httpGet.path).toBe(
        '/.backstage/health/v1/readiness',
      );
      expect(container.livenessProbe.httpGet.path).toBe(
        '/.backstage/health/v1/liveness',
      );
      expect(container.ports).toContainEqual({
        name: 'http',
        containerPort: 7007,
      });
    }
  });

  it('takes secrets from a Secret, never from literal env values', () => {
    const pod = only('Deployment').spec.template.spec;
    const container = pod.containers[0];
    const secretNames = container.envFrom
      .filter((source: any) => source.secretRef)
      .map((source: any) => source.secretRef.name);
    const example = parseAllDocuments(
      readFileSync(resolvePath(deployDir, 'secret.example.yaml'), 'utf8'),
    )[0].toJS();
    const configMap = only('ConfigMap');

    expect(secretNames).toEqual([example.metadata.name]);
    expect(container.env ?? []).toEqual([]);
    for (const key of Object.keys(configMap.data)) {
      expect(key).not.toMatch(/PASSWORD|SECRET|TOKEN/);
    }
    // Every variable app-config.production.yaml reads is provided.
    const productionConfig = readFileSync(
      resolvePath(repoRoot, 'app-config.production.yaml'),
      'utf8',
    );
    const provided = new Set([
      ...Object.keys(configMap.data),
      ...Object.keys(example.stringData),
    ]);
    for (const [, variable] of productionConfig.matchAll(/\$\{(\w+)\}/g)) {
      expect({ variable, provided: provided.has(variable) }).toEqual({
        variable,
        provided: true,
      });
    }
  });

  it('keeps a replica up through voluntary disruptions', () => {
    const deployment = only('Deployment');
    const budget = only('PodDisruptionBudget');

    expect(budget.spec.minAvailable).toBeGreaterThanOrEqual(1);
    expect(budget.spec.minAvailable).toBeLessThan(deployment.spec.replicas);
    expect(
      matches(
        budget.spec.selector.matchLabels,
        deployment.spec.template.metadata.labels,
      ),
    ).toBe(true);
  });

  it('routes the Ingress through the Service to the backend port', () => {
    const deployment = only('Deployment');
    const service = only('Service');
    const ingress = only('Ingress');
    const backend = ingress.spec.rules[0].http.paths[0].backend.service;

    expect(
      matches(service.spec.selector, deployment.spec.template.metadata.labels),
    ).toBe(true);
    expect(service.spec.ports[0].targetPort).toBe('http');
    expect(backend.name).toBe(service.metadata.name);
    expect(backend.port.name).toBe(service.spec.ports[0].name);
    expect(ingress.spec.tls[0].hosts).toContain(ingress.spec.rules[0].host);
  });
});

describe('packages/backend/Dockerfile', () => {
  const dockerfile = readFileSync(
    resolvePath(repoRoot, 'packages/backend/Dockerfile'),
    'utf8',
  );
  const stages = dockerfile.split(/^FROM /m).slice(1);
  const runtime = stages[stages.length - 1];

  it('builds in several stages on Node 22', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) {
      expect(stage).toMatch(/^node:22[.\d]*-/);
    }
  });

  it('runs the final image as a non-root user with the production config', () => {
    const users = [...runtime.matchAll(/^USER (\S+)/gm)].map(m => m[1]);

    expect(users.length).toBeGreaterThan(0);
    expect(users[users.length - 1]).not.toMatch(/^(root|0)$/);
    expect(runtime).toMatch(/^ENV NODE_ENV=production$/m);
    expect(runtime).toContain('"--config", "app-config.production.yaml"');
  });
});
