import { resolve as resolvePath } from 'node:path';
import { ConfigSources } from '@backstage/config-loader';

const repoRoot = resolvePath(__dirname, '../../..');

// Loads the config files the way the backend does for `--config` arguments,
// with every ${VARIABLE} replaced by a recognisable value.
async function loadConfig(files: string[]) {
  const source = ConfigSources.defaultForTargets({
    rootDir: repoRoot,
    targets: files.map(file => ({
      type: 'path' as const,
      target: resolvePath(repoRoot, file),
    })),
    substitutionFunc: async name => `<${name}>`,
  });
  const config = await ConfigSources.toConfig(source);
  config.close();
  return config;
}

describe('app-config.yaml (the embedded defaults)', () => {
  it('runs on SQLite with guest sign-in', async () => {
    const config = await loadConfig(['app-config.yaml']);

    expect(config.getString('backend.database.client')).toBe('better-sqlite3');
    expect(config.has('auth.providers.guest')).toBe(true);
    expect(config.getOptionalString('auth.environment')).toBeUndefined();
  });
});

describe('app-config.production.yaml', () => {
  it('runs on PostgreSQL with the connection from the environment', async () => {
    const config = await loadConfig([
      'app-config.yaml',
      'app-config.production.yaml',
    ]);

    expect(config.getString('backend.database.client')).toBe('pg');
    expect(config.get('backend.database.connection')).toEqual({
      host: '<POSTGRES_HOST>',
      port: '<POSTGRES_PORT>',
      user: '<POSTGRES_USER>',
      password: '<POSTGRES_PASSWORD>',
    });
  });

  it('signs in through OIDC only, with no guest provider', async () => {
    const config = await loadConfig([
      'app-config.yaml',
      'app-config.production.yaml',
    ]);

    expect(config.getString('auth.environment')).toBe('production');
    expect(config.getConfig('auth.providers').keys()).toEqual(['oidc']);
    expect(
      config.getString('auth.providers.oidc.production.clientSecret'),
    ).toBe('<AUTH_OIDC_CLIENT_SECRET>');
  });
});
