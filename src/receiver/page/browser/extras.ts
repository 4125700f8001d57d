/**
 * Browser code (inlined in the page, see kit.ts): the controls that need optional inbox
 * routes (export as NDJSON, re-send one delivery, the learned sender profile). Each control
 * shows only when its route answers: a receiver without the route answers 404 and the page
 * simply has no such control.
 */
import type { PageKit } from './kit.js';

export interface Available {
  exportable: boolean;
  resend: boolean;
  profile: boolean;
}

export interface ResendAnswer {
  outcome: string;
  status?: number;
  durationMs: number;
}

export function extrasView(kit: PageKit) {
  const { el, api } = kit;

  /** Asks each optional route whether it is there, without side effects. */
  async function probe(): Promise<Available> {
    const [exportable, resend, profile] = await Promise.all([
      // The JSON list answers without `format` support: only an NDJSON answer counts.
      fetch('deliveries?format=ndjson', { method: 'HEAD', cache: 'no-store' })
        .then((r) => r.ok && (r.headers.get('content-type') ?? '').includes('ndjson'))
        .catch(() => false),
      // An empty request: a route that exists refuses it (4xx) and sends nothing.
      fetch('resend', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
        .then((r) => r.status !== 404)
        .catch(() => false),
      fetch('profile', { cache: 'no-store' })
        .then((r) => r.ok)
        .catch(() => false),
    ]);
    return { exportable, resend, profile };
  }

  /** A form that re-sends one recorded delivery to a URL and says what came back. */
  function resendForm(seq: number, memory: { url: string }): HTMLElement {
    const input = el('input', {
      type: 'url',
      name: 'url',
      required: true,
      placeholder: 'http://127.0.0.1:3000/webhook',
      'aria-label': 'Target URL',
      value: memory.url || undefined,
    }) as HTMLInputElement;
    const output = el('output', { class: 'resend-out', role: 'status' });
    const button = el('button', { type: 'submit', class: 'btn primary' }, `Re-send #${seq}`);
    const form = el('form', { class: 'resend', id: 'resend-form' }, input, button, output) as HTMLFormElement;
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      memory.url = input.value;
      output.className = 'resend-out';
      output.textContent = 'sending…';
      try {
        const r = await api<ResendAnswer>('resend', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ seq, url: input.value }),
        });
        output.classList.add(r.outcome === 'delivered' ? 'ok' : 'fail');
        output.textContent = `${r.outcome}${r.status !== undefined ? ` (${r.status})` : ''} in ${Math.round(r.durationMs)} ms`;
      } catch (error) {
        output.classList.add('fail');
        output.textContent = (error as Error).message;
      }
    });
    return form;
  }

  const LABELS: Record<string, string> = {
    userAgent: 'User-Agent',
    timeoutMs: 'Timeout',
    form: 'Payload form',
    maxConcurrentConnections: 'Concurrent connections (most)',
  };

  /** The learned sender profile, its differences from cswm's emitter first. */
  function profilePanel(profile: Record<string, unknown>): HTMLElement {
    const diffs = Array.isArray(profile.differences) ? profile.differences.map(String) : [];
    const facts = el('dl', { class: 'facts-list' });
    for (const [key, label] of Object.entries(LABELS)) {
      const value = profile[key];
      if (value === undefined || value === null) continue;
      facts.append(
        el('dt', null, label),
        el('dd', null, key === 'timeoutMs' ? `${value} ms` : String(value)),
      );
    }
    const headers =
      profile.headers && typeof profile.headers === 'object' ? Object.entries(profile.headers) : [];
    const table = el('table', { class: 'headers' });
    for (const [name, value] of headers)
      table.append(
        el(
          'tr',
          null,
          el('th', { scope: 'row' }, name),
          el('td', null, typeof value === 'string' ? value : JSON.stringify(value)),
        ),
      );
    return el(
      'section',
      { class: 'card', id: 'profile' },
      el('h3', null, 'Sender profile'),
      el('p', { class: 'muted' }, 'Learned from the deliveries so far.'),
      diffs.length
        ? el('ul', { class: 'diffs' }, ...diffs.map((d) => el('li', null, d)))
        : el('p', { class: 'ok-line' }, '✓ No difference from cswm’s emitter defaults.'),
      facts,
      headers.length ? table : null,
      el(
        'details',
        null,
        el('summary', null, 'Everything learned (JSON)'),
        el('pre', { class: 'raw' }, JSON.stringify(profile, null, 2)),
      ),
    );
  }

  async function loadProfile(): Promise<Record<string, unknown> | null> {
    try {
      return await api<Record<string, unknown>>('profile');
    } catch {
      return null;
    }
  }

  return { probe, resendForm, profilePanel, loadProfile };
}

export type ExtrasView = ReturnType<typeof extrasView>;
