#!/usr/bin/env node
// Gzipped size of the production app's JavaScript (packages/app/dist, built
// by `yarn build:all`, or the dist folder given as the argument): all of it,
// what index.html loads first, and the cost plugin's lazily loaded chunks.
// Prints one JSON line.
const { readFileSync, readdirSync } = require('node:fs');
const { join } = require('node:path');
const { gzipSync } = require('node:zlib');

// A stock app of the same release, measured with this script on 2026-11-26:
// `npx @backstage/create-app@0.9.2` (Backstage 1.55.0), this repository's
// .yarnrc.yml age gate so it resolves the same 1.55 packages,
// `yarn install && yarn workspace app build`, then
// `node packages/app/e2e-bench/bundleSize.js <stock app>/packages/app/dist`.
const STOCK_APP_GZIP_MB = 3.49;

const dist = process.argv[2] ?? join(__dirname, '..', 'dist');
const staticDir = join(dist, 'static');
const gz = file => gzipSync(readFileSync(file), { level: 9 }).length;
const scripts = readdirSync(staticDir).filter(name => name.endsWith('.js'));
const sizes = Object.fromEntries(
  scripts.map(name => [name, gz(join(staticDir, name))]),
);
const total = Object.values(sizes).reduce((s, n) => s + n, 0);
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const initial = [...html.matchAll(/static\/([^"']+\.js)/g)].map(m => m[1]);
const initialBytes = initial.reduce((s, name) => s + (sizes[name] ?? 0), 0);
const costChunks = scripts.filter(name =>
  readFileSync(join(staticDir, name), 'utf8').includes('cost-tenancy'),
);
const mb = bytes => Math.round((bytes / 1024 / 1024) * 100) / 100;
// eslint-disable-next-line no-console -- a benchmark prints its figures
console.log(
  JSON.stringify({
    benchmark: 'bundle',
    allJsGzipMB: mb(total),
    initialJsGzipMB: mb(initialBytes),
    stockCreateAppGzipMB: STOCK_APP_GZIP_MB,
    ratioToStock: Math.round((mb(total) / STOCK_APP_GZIP_MB) * 100) / 100,
    chunksMentioningCostTenancy: costChunks.length,
    initialScripts: initial,
  }),
);
