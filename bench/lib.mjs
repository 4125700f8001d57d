// Helpers shared by the benchmark areas.
import { readFileSync } from 'node:fs';

/** The median; the mean of the two middle values for an even count. */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** The documented alert_triggered as one line, its event_id replaced by `__ID__` for the senders to fill. */
export function alertTemplate() {
  const event = JSON.parse(
    readFileSync(new URL('../schemas/examples/alert_triggered.json', import.meta.url), 'utf8'),
  );
  event.details.event_id = '__ID__';
  return JSON.stringify(event);
}
