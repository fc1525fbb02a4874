import { defineConfig } from '@playwright/test';

// End-to-end tests run against the backend serving the production build of
// the app (`yarn build:all` first), on the embedded defaults, in Debian's
// Chromium. PLAYWRIGHT_URL points them at a portal that is already running.
const portalUrl = process.env.PLAYWRIGHT_URL ?? 'http://localhost:7007';

export default defineConfig({
  testDir: 'packages/app/e2e-tests',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  reporter: [
    ['list'],
    ['json', { outputFile: '.test-results/e2e.json' }],
    ['html', { open: 'never', outputFolder: 'e2e-test-report' }],
  ],
  outputDir: '.test-results/e2e',
  use: {
    baseURL: portalUrl,
    viewport: { width: 1440, height: 900 },
    screenshot: 'on',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // Root, no GPU and a closed network on these machines.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: process.env.PLAYWRIGHT_URL
    ? undefined
    : {
        command:
          'yarn workspace backend start --config ../../app-config.yaml --config ../../packages/app/e2e-tests/app-config.e2e.yaml',
        url: `${portalUrl}/.backstage/health/v1/readiness`,
        reuseExistingServer: !process.env.CI,
        timeout: 180_000,
        stdout: 'ignore',
        stderr: 'pipe',
      },
});
