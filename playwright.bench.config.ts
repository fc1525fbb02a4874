import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// The page-time benchmark (make bench-frontend): the end-to-end setup, its
// own folder, no screenshots or traces to slow it down.
export default defineConfig({
  ...base,
  testDir: 'packages/app/e2e-bench',
  testMatch: '*.bench.ts',
  reporter: [['list']],
  outputDir: '.test-results/e2e-bench',
  use: { ...base.use, screenshot: 'off', trace: 'off' },
});
