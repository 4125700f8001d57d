/**
 * `cswm receive --learn`'s flags and output: the learn options, `--profile-out`, and the
 * summary printed when the receiver stops.
 */
import { InvalidOptionError } from '../../errors.js';
import { DEFAULT_PROBES, PROBES, type Probe, type SenderProfile } from '../../profile/types.js';
import type { Receiver, ReceiverOptions } from '../../receiver/index.js';
import { formatDurationMs } from '../../util/duration.js';
import { shown } from '../options.js';

/** The flags this file reads (commander hands them over with the others). */
export interface LearnFlags {
  learn?: boolean;
  learnProbes?: string;
  profileOut?: string;
  timeScale?: number;
  proxy?: string;
}

export const LEARN_HELP = `
Learning the sender (--learn):
  Point the sender (the real Console, through a public address) at this receiver and let it
  send a few events. Each new event (new event_id, or new body) gets the next probe:
    retry     503 to every attempt: the waits between attempts and how many it makes
    timeout   the first attempt is not answered (for 5 min times --time-scale at most,
              then 200): how long the sender waits before giving up; later ones get 200
    redirect  the first attempt gets 302 to /cswm-learn/redirected/N: whether the sender
              follows it (a request there) or retries instead; later attempts get 200
    accept    200 at once: an event only observed (e.g. first, while a sender warms up)
  Once the probes are used, events get 200. Every request is measured: waits (from the end
  of one exchange to the next attempt's arrival), headers and User-Agent, body form and key
  order, HTTP version, connections open at once. The profile is at /_cswm/profile and in
  --profile-out FILE; cswm send, check and scenario run take it with --profile FILE.
`;

export type ProfileWriter = Awaited<ReturnType<typeof import('./profile-out.js').createProfileWriter>>;

/** `--profile-out`: written now (a bad path exits 2 before any delivery), then on each change. */
export async function startProfileOut(receiver: Receiver, flags: LearnFlags): Promise<ProfileWriter | null> {
  if (flags.profileOut === undefined) return null;
  const { createProfileWriter } = await import('./profile-out.js');
  const writer = await createProfileWriter(
    flags.profileOut,
    () => receiver.profile() as NonNullable<ReturnType<Receiver['profile']>>,
  );
  receiver.onProfileChange(() => writer.changed());
  return writer;
}

/** The learn flags: --learn-probes, --profile-out and --time-scale only with --learn. */
export function learnOptions(flags: LearnFlags, options: ReceiverOptions): void {
  if (!flags.learn) {
    const given = (['learnProbes', 'profileOut', 'timeScale'] as const).filter((k) => flags[k] !== undefined);
    if (given.length > 0) {
      const names = given.map((k) => `--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`);
      const verb = names.length === 1 ? 'goes' : 'go';
      throw new InvalidOptionError(
        `${names.join(', ')} ${verb} with --learn: add --learn, or leave ${names.length === 1 ? 'it' : 'them'} out`,
      );
    }
    return;
  }
  if (options.faults && options.faults.length > 0) {
    throw new InvalidOptionError(
      '--learn chooses the answers itself: leave out --respond, --delay and --fault (and --times, --path, --event-type)',
    );
  }
  if (flags.proxy !== undefined)
    throw new InvalidOptionError('--learn and --proxy exclude each other: choose one');
  const probes = flags.learnProbes === undefined ? undefined : parseProbes(flags.learnProbes);
  options.learn = {
    ...(probes ? { probes } : {}),
    ...(flags.timeScale !== undefined ? { timeScale: flags.timeScale } : {}),
  };
}

/**
 * Parses `--learn-probes retry,timeout,redirect` (a kind may repeat: `retry,retry,retry`
 * collects three samples of the waits).
 *
 * @example parseProbes('accept,retry,retry') // ['accept', 'retry', 'retry']
 */
export function parseProbes(text: string): Probe[] {
  const parts = text.split(',').map((p) => p.trim());
  const bad = parts.filter((p) => !(PROBES as readonly string[]).includes(p));
  if (bad.length > 0) {
    throw new InvalidOptionError(
      `--learn-probes: ${shown(bad[0] as string)} is not a probe (allowed: ${PROBES.join(', ')}, comma-separated, each may repeat)`,
    );
  }
  if (parts.length > 100) {
    throw new InvalidOptionError(`--learn-probes: ${parts.length} probes is too many (at most 100)`);
  }
  return parts as Probe[];
}

export function learnProbesOf(options: ReceiverOptions): string[] {
  const learn = options.learn;
  return [...((typeof learn === 'object' ? learn.probes : undefined) ?? DEFAULT_PROBES)];
}

/** What was learned, for people: the measured policy and where it differs from the emitter. */
export function profileSummary(p: SenderProfile, path: string | undefined): string {
  const lines = [
    `cswm receive: learned from ${p.deliveries} requests, ${p.events} events${path ? ` (profile: ${path})` : ''}`,
  ];
  const waits = p.waitsMs.summary.map((ms) => formatDurationMs(ms)).join(', ');
  lines.push(
    `  waits ${waits || '(not measured)'}; attempts ${p.maxAttempts ?? '(not measured)'}; timeout ${p.timeoutMs === null ? '(not measured)' : formatDurationMs(p.timeoutMs)}`,
  );
  lines.push(
    `  User-Agent ${p.userAgent ?? '(none)'}; redirects ${p.redirects.followed === null ? '(not measured)' : p.redirects.followed ? 'followed' : 'not followed'}; at most ${p.maxConcurrentConnections} connection${p.maxConcurrentConnections === 1 ? '' : 's'} at once`,
  );
  for (const d of p.differences) lines.push(`  differs: ${d}`);
  return `${lines.join('\n')}\n`;
}
