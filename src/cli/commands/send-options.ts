/**
 * `cswm send`'s flags turned into delivery options: a learned profile first (`--profile`),
 * then the flags, which win; and the replay policy once the source is known to be a recording.
 */
import type { SendManyOptions } from '../../delivery/types.js';
import { InvalidOptionError } from '../../errors.js';
import { authFromFlags, readCaFile } from '../options.js';
import type { SchemaFlags } from '../schemas.js';

/** The flags of `cswm send`, as commander hands them over (already parsed and range-checked). */
export interface SendFlags extends SchemaFlags {
  url: string;
  header?: string;
  bearer?: string;
  basic?: string;
  insecure?: boolean;
  ca?: string;
  count: number;
  concurrency: number;
  rate?: number;
  seed?: number;
  set: string[];
  wrapped?: boolean;
  timeout?: number;
  attempts?: number;
  backoff?: number[];
  backoffBase?: number;
  backoffFactor?: number;
  jitter?: number;
  timeScale?: number;
  allowAnyPort?: boolean;
  journal?: string;
  validate: boolean;
  profile?: string;
  keepTiming?: boolean;
  json?: boolean;
}

/** Whether the user wrote a flag (commander fills in defaults): `--concurrency` for a replay. */
export type Given = (flag: keyof SendFlags) => boolean;

/**
 * A recording goes in order (one at a time) unless --concurrency says otherwise; with
 * --keep-timing its own gaps hold the sender's retries, so each body goes once unless
 * --attempts says otherwise.
 */
export function replayPolicy(kind: string, options: SendManyOptions, flags: SendFlags, given: Given): void {
  if (kind !== 'recording') {
    if (flags.keepTiming) {
      throw new InvalidOptionError(
        '--keep-timing replays the gaps of a recording (cswm receive --record FILE); this source is not one',
      );
    }
    return;
  }
  if (!given('concurrency') && !flags.keepTiming) options.concurrency = 1;
  if (flags.keepTiming && !given('attempts')) options.maxAttempts = 1;
}

export async function buildOptions(flags: SendFlags, given: Given): Promise<SendManyOptions> {
  const options: SendManyOptions = { url: flags.url, concurrency: flags.concurrency };
  if (flags.profile !== undefined) await applyProfile(options, flags.profile, given);
  const auth = authFromFlags(flags);
  if (auth) options.auth = auth;
  if (flags.insecure) options.insecure = true;
  if (flags.ca !== undefined) options.ca = await readCaFile(flags.ca, '--ca');
  if (flags.rate !== undefined) options.ratePerSecond = flags.rate;
  if (flags.timeout !== undefined) options.timeoutMs = flags.timeout;
  if (flags.attempts !== undefined) options.maxAttempts = flags.attempts;
  if (flags.timeScale !== undefined) options.timeScale = flags.timeScale;
  if (flags.allowAnyPort) options.allowAnyPort = true;
  if (flags.journal) options.journalPath = flags.journal;
  const backoff: NonNullable<SendManyOptions['backoff']> = {};
  if (flags.backoff) backoff.delaysMs = flags.backoff;
  if (flags.backoffBase !== undefined) backoff.baseMs = flags.backoffBase;
  if (flags.backoffFactor !== undefined) backoff.factor = flags.backoffFactor;
  if (flags.jitter !== undefined) backoff.jitter = flags.jitter;
  // Any wait flag replaces the profile's schedule whole: a list and a base would not mix.
  if (Object.keys(backoff).length > 0) options.backoff = backoff;
  return options;
}

/** The profile's measured policy, said in one line on stderr; the flags applied after it win. */
async function applyProfile(options: SendManyOptions, path: string, given: Given): Promise<void> {
  const [{ loadProfilePolicy }, { describePolicy }] = await Promise.all([
    import('../../profile/read.js'),
    import('../../profile/apply.js'),
  ]);
  const policy = await loadProfilePolicy(path);
  Object.assign(options, policy);
  if (!given('json')) process.stderr.write(`cswm send: profile ${path}: ${describePolicy(policy)}\n`);
}
