import type { Outcome } from './types.js';

type Labeler<T extends Outcome['type']> = (outcome: Extract<Outcome, { type: T }>) => string;

const LABELS: { [T in Outcome['type']]: Labeler<T> } = {
  delivered: () => 'delivered',
  status: (o) => `status-${o.status}`,
  timeout: () => 'timeout',
  dns: () => 'dns',
  refused: () => 'refused',
  reset: () => 'reset',
  tls: (o) => `tls-${o.reason}`,
  protocol: () => 'protocol',
  network: (o) => `network-${o.code}`,
};

/**
 * The short label of an outcome, used in scenarios (`outcomes: [status-503, delivered]`),
 * timelines and journals.
 *
 * @example outcomeLabel({ type: 'tls', reason: 'self-signed' }) // 'tls-self-signed'
 */
export function outcomeLabel(outcome: Outcome): string {
  return (LABELS[outcome.type] as Labeler<Outcome['type']>)(outcome as never);
}
