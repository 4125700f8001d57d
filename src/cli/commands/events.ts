import type { Command } from 'commander';
import { painter, printJson, useColor } from '../output.js';

/**
 * `cswm events`: the documented event types in the page's order and sections. Loads only the
 * catalog (plain data): this command's cold start is benchmarked.
 */
export function register(program: Command): void {
  program
    .command('events')
    .description("list the Console's documented webhook events, in the order of its documentation page")
    .option('--json', 'print one JSON object')
    .action(async (options: { json?: boolean }) => {
      const { EVENT_CATALOG, EVENT_SECTIONS, UNDOCUMENTED_EVENTS } = await import('../../events/catalog.js');
      if (options.json) {
        printJson({ events: EVENT_CATALOG, notEmitted: UNDOCUMENTED_EVENTS });
        return;
      }
      const paint = painter(useColor());
      const width = Math.max(...EVENT_CATALOG.map((e) => e.type.length));
      const lines: string[] = [];
      for (const section of EVENT_SECTIONS) {
        lines.push(paint('bold', section));
        for (const e of EVENT_CATALOG.filter((x) => x.section === section)) {
          const form =
            e.form === 'flat' ? paint('yellow', ' [documented flat; --wrapped for the envelope]') : '';
          const description = e.description || paint('dim', `(${e.note ?? 'no description'})`);
          lines.push(`  ${paint('cyan', e.type.padEnd(width))}  ${e.title}: ${description}${form}`);
        }
        for (const u of UNDOCUMENTED_EVENTS.filter((x) => x.section === section)) {
          lines.push(`  ${paint('dim', `${'-'.padEnd(width)}  ${u.title}: ${u.note}`)}`);
        }
      }
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
