/**
 * The inbox page's questions, as data: which groups of attempts to list (filters, search) and
 * which slice of them. Parsed once from the query string, where they enter; every mistake is an
 * InvalidOptionError the route answers with 400 and one line.
 */
import { InvalidOptionError } from '../errors.js';

/** The `type` filter value that selects deliveries whose event type was not recognised. */
export const NO_TYPE = '(none)';

/** The `answer` filter value that selects groups with any attempt not answered 200. */
export const NOT_200 = 'not-200';

export interface InboxFilter {
  /** An event type, or {@link NO_TYPE}. */
  type?: string;
  validity?: 'valid' | 'invalid';
  /** An answer label (`200`, `503`, `401 unauthorized`, `proxied 200`, `hang`, ...) or {@link NOT_200}. */
  answer?: string;
  /** `only`: events delivered more than once; `none`: events delivered once. */
  duplicates?: 'only' | 'none';
  /** Text searched for in the payloads, the event ids and the paths, ignoring case. */
  q?: string;
}

export interface InboxSlice {
  offset: number;
  limit: number;
  /** Only attempts up to this seq: a snapshot that later deliveries do not shift. */
  asOf?: number;
}

/** Most rows one request returns: a screenful or two, never the whole inbox. */
export const MAX_LIMIT = 200;
const MAX_TEXT = 200;

/** Reads the filter from a query string. */
export function parseFilter(params: URLSearchParams): InboxFilter {
  const filter: InboxFilter = {};
  const type = text(params, 'type');
  if (type) filter.type = type;
  const validity = oneOf(params, 'validity', ['valid', 'invalid'] as const);
  if (validity) filter.validity = validity;
  const answer = text(params, 'answer');
  if (answer) filter.answer = answer;
  const duplicates = oneOf(params, 'duplicates', ['only', 'none'] as const);
  if (duplicates) filter.duplicates = duplicates;
  const q = params.get('q')?.trim();
  if (q) {
    if (q.length > MAX_TEXT)
      throw new InvalidOptionError(`q: at most ${MAX_TEXT} characters (got ${q.length})`);
    filter.q = q;
  }
  return filter;
}

/** Reads the slice (offset, limit, asOf) from a query string. */
export function parseSlice(params: URLSearchParams, defaultLimit = 50): InboxSlice {
  const slice: InboxSlice = {
    offset: whole(params, 'offset', 0, Number.MAX_SAFE_INTEGER) ?? 0,
    limit: whole(params, 'limit', 1, MAX_LIMIT) ?? defaultLimit,
  };
  const asOf = whole(params, 'asOf', 0, Number.MAX_SAFE_INTEGER);
  if (asOf !== undefined) slice.asOf = asOf;
  return slice;
}

/** A whole number parameter within [min, max], or undefined when absent. */
export function whole(params: URLSearchParams, name: string, min: number, max: number): number | undefined {
  const raw = params.get(name);
  if (raw === null || raw === '') return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new InvalidOptionError(
      `${name}: "${raw.slice(0, 20)}" is not allowed (a whole number from ${min} to ${max})`,
    );
  }
  return Number(raw);
}

function text(params: URLSearchParams, name: string): string | undefined {
  const value = params.get(name);
  if (value === null || value === '') return undefined;
  if (value.length > MAX_TEXT) {
    throw new InvalidOptionError(`${name}: at most ${MAX_TEXT} characters (got ${value.length})`);
  }
  return value;
}

function oneOf<T extends string>(
  params: URLSearchParams,
  name: string,
  allowed: readonly T[],
): T | undefined {
  const value = params.get(name);
  if (value === null || value === '') return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new InvalidOptionError(
      `${name}: "${value.slice(0, 20)}" is not allowed (allowed: ${allowed.join(', ')})`,
    );
  }
  return value as T;
}
