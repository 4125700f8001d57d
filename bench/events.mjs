// Events benchmark (run through `npm run bench`; uses dist/, so build first).
// Side by side in one run, medians of several rounds:
//   - realistic valid events per second: cswm's generateEvents (generate + validate every event)
//   - plain json-schema-faker generating from the same 15 schemas (seeded per call, so it does
//     not repeat one object; generation only, no validation)
//   - ajv validating alone (the same events, already built)
//   - cold start of `node dist/cli/main.js events` against `node -e 0`
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { median } from './lib.mjs';

const ROUNDS = 5;
const PER_TYPE_OURS = 400;
const PER_TYPE_JSF = 40;
const COLD_ROUNDS = 9;

function timeRate(count, fn) {
  const start = process.hrtime.bigint();
  fn();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return count / seconds;
}

function coldStartMs(args) {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, args, {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  if (run.status !== 0) throw new Error(`${args.join(' ')} failed: ${run.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export const title = 'events';

export async function run() {
  const { generateEvents } = await import('../dist/events/generator.js');
  const { validateEvent, precompileValidators } = await import('../dist/events/validator.js');
  const { schemaOf } = await import('../dist/events/schemas.js');
  const { EVENT_TYPES } = await import('../dist/events/catalog.js');
  const { generateSync } = await import('json-schema-faker');

  precompileValidators();
  const schemas = EVENT_TYPES.map((t) => JSON.parse(JSON.stringify(schemaOf(t))));
  // Warm both up so neither pays JIT or lazy compilation inside a timed round.
  for (const _ of generateEvents('all', { seed: 1, count: 50 }));
  for (const s of schemas) for (let i = 0; i < 5; i++) generateSync(s, { seed: i + 1 });

  const ours = [];
  const jsf = [];
  const ajvRates = [];
  let jsfValid = 0;
  let jsfTotal = 0;
  const built = [...generateEvents('all', { seed: 99, count: 100 })];
  for (let round = 0; round < ROUNDS; round++) {
    ours.push(
      timeRate(EVENT_TYPES.length * PER_TYPE_OURS, () => {
        for (const _ of generateEvents('all', { seed: 1000 + round, count: PER_TYPE_OURS }));
      }),
    );
    const jsfOut = [];
    jsf.push(
      timeRate(schemas.length * PER_TYPE_JSF, () => {
        let seed = round * 100_000 + 1;
        for (const s of schemas)
          for (let i = 0; i < PER_TYPE_JSF; i++) jsfOut.push(generateSync(s, { seed: seed++ }));
      }),
    );
    for (const e of jsfOut) {
      jsfTotal++;
      if (validateEvent(e).valid) jsfValid++;
    }
    ajvRates.push(
      timeRate(built.length * 5, () => {
        for (let k = 0; k < 5; k++) for (const e of built) validateEvent(e);
      }),
    );
  }

  const cli = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
  const baseline = [];
  const events = [];
  coldStartMs(['-e', '0']);
  coldStartMs([cli, 'events']);
  for (let i = 0; i < COLD_ROUNDS; i++) {
    baseline.push(coldStartMs(['-e', '0']));
    events.push(coldStartMs([cli, 'events']));
  }

  const oursRate = median(ours);
  const jsfRate = median(jsf);
  const ratio = oursRate / jsfRate;
  const coldRatio = median(events) / median(baseline);
  return {
    rows: [
      { name: 'realistic valid events/s (generate + validate)', value: oursRate, unit: 'events/s' },
      { name: 'json-schema-faker events/s (generate only)', value: jsfRate, unit: 'events/s' },
      { name: 'realistic vs json-schema-faker', value: ratio, unit: 'x', target: '>= 2', pass: ratio >= 2 },
      { name: 'ajv validating alone', value: median(ajvRates), unit: 'events/s' },
      { name: 'json-schema-faker output that validates', value: (100 * jsfValid) / jsfTotal, unit: '%' },
      { name: 'cold start `node -e 0`', value: median(baseline), unit: 'ms' },
      { name: 'cold start `cswm events`', value: median(events), unit: 'ms' },
      {
        name: '`cswm events` vs `node -e 0`',
        value: coldRatio,
        unit: 'x',
        target: '<= 2.5',
        pass: coldRatio <= 2.5,
      },
    ],
    figures: {
      rounds: ROUNDS,
      oursEventsPerSecond: ours,
      jsonSchemaFakerEventsPerSecond: jsf,
      ajvEventsPerSecond: ajvRates,
      jsonSchemaFakerValidShare: jsfValid / jsfTotal,
      coldStartBaselineMs: baseline,
      coldStartEventsMs: events,
      ratio,
      coldRatio,
    },
  };
}
