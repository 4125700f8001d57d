/** Sentences the text and HTML reports share: how the run was made, lists of check ids. */
import { ALLOWED_PORTS } from '../../delivery/ports.js';
import { formatDurationMs } from '../../util/duration.js';
import type { ConformanceReport } from '../report.js';

/**
 * What the reader must know about how the run was made before reading any verdict: a local
 * run, disabled verification, a time scale (with the Console's real figures).
 */
export function runNotes(report: ConformanceReport): string[] {
  const { target } = report;
  const notes: string[] = [];
  if (target.localRun) {
    notes.push(
      `Local run (--allow-any-port): transport findings are warnings; the Console itself calls only public hosts on ports ${ALLOWED_PORTS.join(', ')}.`,
    );
  }
  if (target.insecure) {
    notes.push(
      'TLS verification off (--insecure, the destination\'s "disable SSL verification"): certificate problems are warnings.',
    );
  }
  if (target.timeScale !== 1) {
    notes.push(
      `Time scale ${target.timeScale}: the timeout here is ${formatDurationMs(target.timeoutMs)} for the Console's ${formatDurationMs(target.consoleTimeoutMs)}, and every time limit is scaled alike (the Console's figures are given beside the scaled ones).`,
    );
  }
  return notes;
}

/** `delivery.accepts.* (15), payload.large, load.burst`: families of 3 or more folded. */
export function compressIds(ids: readonly string[]): string {
  const family = (id: string) => id.slice(0, id.lastIndexOf('.'));
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(family(id), (counts.get(family(id)) ?? 0) + 1);
  const shown: string[] = [];
  const folded = new Set<string>();
  for (const id of ids) {
    const f = family(id);
    if ((counts.get(f) ?? 0) >= 3 && f.includes('.')) {
      if (!folded.has(f)) shown.push(`${f}.* (${counts.get(f)})`);
      folded.add(f);
    } else {
      shown.push(id);
    }
  }
  return shown.join(', ');
}
