import type { Outcome, TlsReason } from './types.js';

type Labeler<T extends Outcome['type']> = (outcome: Extract<Outcome, { type: T }>) => string;

/** Every TLS reason, each once (the type checks that none is missing). */
export const TLS_REASONS = Object.keys({
  'self-signed': true,
  expired: true,
  'hostname-mismatch': true,
  'unknown-ca': true,
  other: true,
} satisfies Record<TlsReason, true>) as TlsReason[];

/** Each outcome's label, and the forms its labels take in words (a pattern shown as `<code>`). */
const LABELS: { [T in Outcome['type']]: { label: Labeler<T>; forms: readonly string[] } } = {
  delivered: { label: () => 'delivered', forms: ['delivered'] },
  status: { label: (o) => `status-${o.status}`, forms: ['status-<code>'] },
  timeout: { label: () => 'timeout', forms: ['timeout'] },
  dns: { label: () => 'dns', forms: ['dns'] },
  refused: { label: () => 'refused', forms: ['refused'] },
  reset: { label: () => 'reset', forms: ['reset'] },
  tls: { label: (o) => `tls-${o.reason}`, forms: TLS_REASONS.map((r) => `tls-${r}`) },
  protocol: { label: () => 'protocol', forms: ['protocol'] },
  network: { label: (o) => `network-${o.code}`, forms: ['network-<CODE>'] },
};

/**
 * Every label an outcome may have, in words: `delivered`, `status-<code>`, ..., `network-<CODE>`.
 * What a scenario's `outcomes` may name (schemas/scenario.schema.json spells the same as a pattern).
 */
export const OUTCOME_LABEL_FORMS: readonly string[] = Object.values(LABELS).flatMap((l) => l.forms);

/**
 * The short label of an outcome, used in scenarios (`outcomes: [status-503, delivered]`),
 * timelines and journals.
 *
 * @example outcomeLabel({ type: 'tls', reason: 'self-signed' }) // 'tls-self-signed'
 */
export function outcomeLabel(outcome: Outcome): string {
  return (LABELS[outcome.type].label as Labeler<Outcome['type']>)(outcome as never);
}
