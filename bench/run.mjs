#!/usr/bin/env node
// `npm run bench`: every figure is a ratio measured side by side in this one run, because
// absolute times on shared machines drift. Each area adds a module beside this file that
// exports `title` and `run()` -> { rows: [{ name, value, unit, target?, pass? }], figures: {...} }.
// Usage: npm run bench [-- --json] [-- --only events,delivery]
import { existsSync } from 'node:fs';

const areas = ['events', 'delivery', 'receiver', 'receiver-memory', 'scenarios', 'conformance', 'image'];
const args = process.argv.slice(2);
const json = args.includes('--json');
const onlyIndex = args.indexOf('--only');
const only = onlyIndex >= 0 ? new Set(String(args[onlyIndex + 1] ?? '').split(',')) : null;

if (
  !existsSync(new URL('../dist/index.js', import.meta.url)) ||
  !existsSync(new URL('../dist/cli/main.js', import.meta.url))
) {
  console.error('bench: dist/ is missing; run `npm run build` first');
  process.exit(2);
}

const results = {};
let failed = false;
for (const area of areas) {
  if (only && !only.has(area)) continue;
  const file = new URL(`./${area}.mjs`, import.meta.url);
  const mod = await import(file.href);
  if (!json) process.stderr.write(`bench: ${area}...\n`);
  const out = await mod.run();
  results[area] = out;
  for (const row of out.rows) if (row.pass === false) failed = true;
}

if (json) {
  process.stdout.write(
    `${JSON.stringify({ node: process.version, date: new Date().toISOString(), results }, null, 2)}\n`,
  );
} else {
  for (const [area, out] of Object.entries(results)) {
    console.log(`\n${area}`);
    const width = Math.max(...out.rows.map((r) => r.name.length));
    for (const r of out.rows) {
      const value =
        typeof r.value === 'number'
          ? Math.abs(r.value) >= 100
            ? r.value.toFixed(0)
            : r.value.toFixed(2)
          : r.value;
      const target = r.target ? `  target ${r.target}` : '';
      const verdict = r.pass === undefined ? '' : r.pass ? '  ok' : '  MISSED';
      console.log(
        `  ${r.name.padEnd(width)}  ${String(value).padStart(10)} ${r.unit ?? ''}${target}${verdict}`,
      );
    }
  }
}
process.exitCode = failed ? 1 : 0;
