/**
 * Every check, in report order, and the selection by `only` / `skip` (ids or prefixes:
 * `payload`, `delivery.accepts`). A selector that matches nothing is an input error listing
 * the valid ids, so a typo never silently runs (or skips) the wrong thing.
 */
import { CswmError, ErrorCodes } from '../errors.js';
import type { CheckId } from './check-options.js';
import { rejectsMissing } from './checks/auth.rejects-missing.js';
import { rejectsWrong } from './checks/auth.rejects-wrong.js';
import { authRequired } from './checks/auth.required.js';
import { ACCEPTS_CHECKS } from './checks/delivery.accepts.js';
import { responseTime } from './checks/delivery.response-time.js';
import { duplicateEventId } from './checks/idempotency.duplicate-event-id.js';
import { burst } from './checks/load.burst.js';
import { blockingSafeIpForms } from './checks/payload.blocking-safe-ip-forms.js';
import { large } from './checks/payload.large.js';
import { nullableFields } from './checks/payload.nullable-fields.js';
import { unknownEventType } from './checks/payload.unknown-event-type.js';
import { unknownFields } from './checks/payload.unknown-fields.js';
import { certificateTrusted } from './checks/tls.certificate-trusted.js';
import { portAllowed } from './checks/transport.port-allowed.js';
import { publicAddress } from './checks/transport.public-address.js';
import type { Check, Severity } from './types.js';

/** Every check, in the order reports list them. */
export const ALL_CHECKS: readonly Check[] = Object.freeze([
  portAllowed,
  publicAddress,
  certificateTrusted,
  ...ACCEPTS_CHECKS,
  responseTime,
  nullableFields,
  unknownFields,
  unknownEventType,
  blockingSafeIpForms,
  large,
  authRequired,
  rejectsMissing,
  rejectsWrong,
  duplicateEventId,
  burst,
] as Check[]);

/** The public list: id, title, severity and why it matters, in report order. */
export const CHECKS: readonly { id: CheckId; title: string; severity: Severity; rationale: string }[] =
  Object.freeze(
    ALL_CHECKS.map(({ id, title, severity, rationale }) =>
      Object.freeze({ id: id as CheckId, title, severity, rationale }),
    ),
  );

/** True when `selector` is the id itself or a dotted prefix of it (`payload`, `delivery.accepts`). */
export function matches(id: string, selector: string): boolean {
  return id === selector || id.startsWith(`${selector}.`);
}

/** Splits `a,b` lists (and repeated flags) into trimmed selectors. */
function parseSelectors(values: readonly string[] | undefined): string[] {
  return (values ?? [])
    .flatMap((v) => v.split(','))
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** The checks `only` and `skip` leave, in report order; throws ERR_UNKNOWN_CHECK for a selector matching none. */
export function selectChecks(
  checks: readonly Check[],
  selection: { only?: readonly string[]; skip?: readonly string[] } = {},
): Check[] {
  const only = parseSelectors(selection.only);
  const skip = parseSelectors(selection.skip);
  for (const [option, selectors] of [
    ['only', only],
    ['skip', skip],
  ] as const) {
    const given = selection[option];
    if (given !== undefined && given.length > 0 && selectors.length === 0) {
      throw new CswmError(
        ErrorCodes.UNKNOWN_CHECK,
        `\`${option}\`: the list is empty (give check ids or prefixes, comma-separated, e.g. "payload,delivery.accepts"; leave \`${option}\` out to select all)`,
      );
    }
    const unknown = selectors.filter((s) => !checks.some((c) => matches(c.id, s)));
    if (unknown.length > 0) {
      throw new CswmError(
        ErrorCodes.UNKNOWN_CHECK,
        `\`${option}\`: no check matches ${unknown.map((s) => `"${s}"`).join(', ')} (valid: ${checks.map((c) => c.id).join(', ')}; a prefix such as "payload" or "delivery.accepts" selects a group)`,
      );
    }
  }
  return checks.filter(
    (c) => (only.length === 0 || only.some((s) => matches(c.id, s))) && !skip.some((s) => matches(c.id, s)),
  );
}
