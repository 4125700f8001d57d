/**
 * Replaying a recording (`cswm receive --record FILE`, or the inbox's NDJSON export): each
 * recorded body is sent again exactly as it was received, byte for byte, in the recorded
 * order. Recorded headers are never sent (their credentials are redacted anyway): a replay
 * carries the auth and headers of the send itself. Bodies are not validated: a recording is
 * evidence of what a sender sent, invalid events included.
 */
import { createReadStream } from 'node:fs';
import { RawEvent } from '../delivery/send-many.js';
import { InvalidEventError } from '../errors.js';
import { fileLines, LineSplitter } from '../util/ndjson.js';
import { isRecordingLine, type ReplayBody, replayBodyOf } from './format.js';

/** Bytes read at most to decide whether a file is a recording (its first line). */
const PEEK_BYTES = 64 * 1024 * 1024;
/** Lines that cannot be replayed named in a refusal; the rest are counted. */
const SHOWN_PROBLEMS = 3;

export interface ReplayOptions {
  /** Start each body at its recorded offset from the first (times the time scale). */
  keepTiming: boolean;
}

/** True when the file's first non-blank line is a recorded delivery. */
export async function isRecordingFile(path: string): Promise<boolean> {
  const splitter = new LineSplitter();
  let read = 0;
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 16 })) {
    for (const line of splitter.push(chunk as string)) {
      if (line.trim() !== '') return parsesAsRecording(line);
    }
    read += (chunk as string).length;
    if (read >= PEEK_BYTES) return false;
  }
  for (const line of splitter.end()) return parsesAsRecording(line);
  return false;
}

function parsesAsRecording(line: string): boolean {
  try {
    return isRecordingLine(JSON.parse(line));
  } catch {
    return false;
  }
}

/**
 * Reads a recording twice: once to check every line (each one a recorded delivery whose
 * exact body is kept, its checksum right) and find the first arrival, once to send. Memory
 * does not grow with the file.
 */
export async function recordingSource(
  path: string,
  options: ReplayOptions,
): Promise<{ kind: 'recording'; items: AsyncIterable<unknown>; total: number }> {
  const problems: string[] = [];
  let problemCount = 0;
  let total = 0;
  let firstMs: number | undefined;
  for await (const { line, value } of fileLines(path)) {
    total++;
    const body = replayBodyOf(value);
    if (typeof body === 'string') {
      problemCount++;
      if (problems.length < SHOWN_PROBLEMS) problems.push(`${path} line ${line} ${body}`);
      continue;
    }
    firstMs ??= body.receivedAtMs;
  }
  if (problemCount > 0) {
    const more = problemCount > problems.length ? `; and ${problemCount - problems.length} more` : '';
    throw new InvalidEventError(`${problems.join('; ')}${more} (nothing was sent)`);
  }
  if (total === 0) throw new InvalidEventError(`${path} holds no recorded deliveries`);
  const origin = firstMs ?? 0;
  async function* items(): AsyncGenerator<unknown> {
    let left = total;
    for await (const { value } of fileLines(path)) {
      // The file may grow while it is replayed (a receiver recording into it, the replay
      // included): only the lines checked are sent.
      if (left-- <= 0) return;
      const body = replayBodyOf(value) as ReplayBody;
      // A recording's clock may step back (NTP): a gap is never negative.
      const atMs = options.keepTiming ? Math.max(0, body.receivedAtMs - origin) : undefined;
      yield new RawEvent(body.bytes, body.eventId, body.eventType, atMs);
    }
  }
  return { kind: 'recording', items: items(), total };
}
