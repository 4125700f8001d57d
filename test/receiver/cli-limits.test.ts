import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { type ReceiveProcess, startReceive } from '../helpers/receive.js';
import { alertEvent, get, post, response } from './helpers.js';

let running: ReceiveProcess | undefined;
afterEach(async () => {
  await running?.stop('SIGKILL');
  running = undefined;
});

describe('cswm receive memory limits', () => {
  it('states its limits, keeps the newest --max-records, forgets beyond --max-event-ids, and says so when it stops', async () => {
    const run = await startReceive(['--max-records', '2', '--max-event-ids', '2']);
    running = run;
    expect(run.stdout()).toContain(
      'memory: keeps the newest 2 deliveries and 2 event_ids (oldest dropped; --max-records, --max-event-ids)',
    );
    for (const id of ['l-1', 'l-2', 'l-3', 'l-1']) await post(`${run.url}/hook`, alertEvent(id));
    const stats = JSON.parse(response(await get(`${run.url}/_cswm/stats`)).body) as Record<string, number>;
    expect(stats).toMatchObject({ received: 4, kept: 2, droppedDeliveries: 2, forgottenEventIds: 2 });
    expect(await run.stop('SIGTERM')).toBe(0);
    // l-1 came back after it was forgotten: not marked duplicate.
    expect(run.stdout()).not.toContain('duplicate');
    expect(run.stderr()).toContain('stopped (SIGTERM), 4 deliveries recorded, the newest 2 kept');
  });

  it('states the defaults in --help', async () => {
    const help = await runCli(['receive', '--help']);
    expect(help.stdout.replace(/\s+/g, ' ')).toMatch(/--max-records <n> .* \(default: 10000\)/);
    expect(help.stdout.replace(/\s+/g, ' ')).toMatch(/--max-event-ids <n> .* \(default: 100000\)/);
  });

  it.each([
    ['--max-records', '0'],
    ['--max-event-ids', 'many'],
  ])('refuses %s %s with one line and exit 2', async (flag, value) => {
    const run = await runCli(['receive', '--port', '0', flag, value]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(`${flag}:`);
  });
});
