/**
 * Browser code (inlined in the page, see kit.ts): the right-hand pane. For a selected
 * event: its sentence, the attempts as a timeline (answers and the waits between them), the
 * answer given, the validation errors pointing at their fields, the payload, the headers (auth
 * already redacted by the recorder) and, when the receiver offers it, a re-send form.
 */
import type { AttemptBrief, GroupRow } from '../../inbox-index.js';
import type { RecordedDelivery } from '../../types.js';
import type { JsonView } from './json-view.js';
import type { PageKit } from './kit.js';

export interface GroupOptions {
  selectedSeq: number;
  pick: (seq: number) => void;
  back: () => void;
  resend: ((seq: number) => HTMLElement) | null;
}

export function detailView(kit: PageKit, json: JsonView) {
  const { el, plural, wait, time, bytes, typeChip } = kit;

  const FAULT_WORDS: Record<string, string> = {
    hang: 'Never answered (hang): the sender waits until its timeout.',
    reset: 'Reset the connection without answering.',
    malformed: 'Answered bytes that are not HTTP, then closed the connection.',
    'huge-body': 'Answered 200 with a huge body, streamed.',
    'drop-response': 'Processed the delivery, then dropped the connection before answering.',
    delay: 'Waited before answering (delay).',
  };

  function answerWords(d: RecordedDelivery): string {
    const r = d.response;
    const upstream = d.upstreamStatus !== undefined ? ` Your receiver answered ${d.upstreamStatus}.` : '';
    if (r.type === 'status') {
      return r.status === 200
        ? 'Answered 200: the Console counts it as delivered.'
        : `Answered ${r.status}: the Console counts only 200 as delivered, so it tries again (up to 5 attempts).`;
    }
    if (r.type === 'unauthorized') return `Answered ${r.status}: the credentials were missing or wrong.`;
    if (r.type === 'proxied') return `Forwarded to your receiver, which answered ${r.status}.`;
    return (FAULT_WORDS[r.fault] ?? `Fault: ${r.fault}.`) + upstream;
  }

  function pill(a: AttemptBrief, selected = false): HTMLElement {
    return el(
      'span',
      { class: `att ${a.tone}${selected ? ' sel' : ''}`, title: `#${a.seq} ${a.answer}` },
      a.answer,
    );
  }

  /** The attempts as pills joined by their waits: 503 ─1.0 s─ 503 ─2.0 s─ 200. */
  function timeline(attempts: AttemptBrief[], max: number, selected?: number): HTMLElement {
    const line = el('span', { class: 'tl' });
    const shown = attempts.slice(-max);
    const hidden = attempts.length - shown.length;
    if (hidden > 0) line.append(el('span', { class: 'more' }, `+${hidden}`));
    shown.forEach((a, i) => {
      if (i > 0 || hidden > 0)
        line.append(el('span', { class: 'wait' }, a.waitMs === null ? '' : wait(a.waitMs)));
      line.append(pill(a, a.seq === selected));
    });
    return line;
  }

  function card(title: string, ...children: (Node | string | null)[]): HTMLElement {
    return el('section', { class: 'card' }, el('h3', null, title), ...children);
  }

  function head(g: GroupRow, back: () => void): HTMLElement {
    const backButton = el('button', { type: 'button', class: 'btn back', id: 'back' }, '← Events');
    backButton.addEventListener('click', back);
    const span = Date.parse(g.lastAt) - Date.parse(g.firstAt);
    const okAt = g.recent.findIndex((a) => a.tone === 'ok');
    const facts = [
      g.attempts === 1 ? '1 attempt' : `${plural(g.attempts, 'attempt')} over ${wait(span)}`,
      g.delivered
        ? okAt >= 0 && g.attempts > 1
          ? `delivered on attempt ${g.attempts - g.recent.length + okAt + 1}`
          : 'delivered'
        : 'not delivered (no 200 yet)',
      g.valid ? null : 'not valid',
      g.authorized ? null : 'unauthorized',
    ].filter(Boolean);
    return el(
      'header',
      { class: 'dhead' },
      backButton,
      el(
        'div',
        { class: 'eyebrow' },
        typeChip(g.eventType),
        g.eventId ? el('code', { class: 'eid' }, g.eventId) : null,
      ),
      el('h2', { id: 'detail-title', tabindex: -1 }, g.summary),
      el('p', { class: 'facts' }, facts.join(' · ')),
    );
  }

  function group(pane: HTMLElement, g: GroupRow, d: RecordedDelivery | null, o: GroupOptions): void {
    const header = head(g, o.back);
    const attempts = el('ol', { class: 'attempts' });
    g.recent.forEach((a) => {
      const item = el(
        'li',
        null,
        el(
          'button',
          { type: 'button', class: a.seq === o.selectedSeq ? 'attempt sel' : 'attempt', 'data-seq': a.seq },
          pill(a),
          el('span', { class: 'num' }, `#${a.seq}`),
          el('span', { class: 'when' }, time(a.receivedAt, true)),
          el('span', { class: 'gap' }, a.waitMs === null ? 'first' : `+${wait(a.waitMs)}`),
          a.duplicate ? el('span', { class: 'tag dup' }, 'duplicate') : null,
        ),
      );
      item.querySelector('button')?.addEventListener('click', () => o.pick(a.seq));
      attempts.append(item);
    });
    const more =
      g.attempts > g.recent.length
        ? el('p', { class: 'muted' }, `and ${plural(g.attempts - g.recent.length, 'earlier attempt')}`)
        : null;
    // With retries, the story at a glance first: answers and the waits between them.
    const story = g.recent.length > 1 ? timeline(g.recent, 12, o.selectedSeq) : null;
    const parts: HTMLElement[] = [header, card('Attempts', story, attempts, more)];
    if (d) parts.push(...delivery(d, o));
    else parts.push(el('p', { class: 'muted' }, 'This attempt is no longer kept.'));
    pane.replaceChildren(...parts);
  }

  function delivery(d: RecordedDelivery, o: GroupOptions): HTMLElement[] {
    const meta = el(
      'p',
      { class: 'meta' },
      `#${d.seq} · ${d.method} ${d.path} · ${time(d.receivedAt, true)} · ${bytes(d.bodyBytes)}${d.bodyTruncated ? ' (cut at 1 MiB)' : ''}${d.form ? ` · ${d.form}` : ''}`,
    );
    const view = json.view(d.body, d.payload, d.valid ? [] : d.errors);
    const validation = d.valid
      ? el('p', { class: 'ok-line' }, `✓ Valid: matches the ${d.eventType} schema.`)
      : el(
          'ul',
          { class: 'errors' },
          ...d.errors.slice(0, 50).map((e) => {
            const target = view.marks.get(e.path);
            const path = el('button', { type: 'button', class: 'path', disabled: !target }, e.path || '$');
            path.addEventListener('click', () => {
              target?.scrollIntoView({ block: 'center' });
              target?.classList.add('flash');
            });
            return el('li', null, path, ' ', e.message);
          }),
        );
    const headers = el('table', { class: 'headers' });
    for (const [name, value] of Object.entries(d.headers)) {
      headers.append(el('tr', null, el('th', { scope: 'row' }, name), el('td', null, value)));
    }
    const parts = [
      card('Answer', el('p', { class: 'said' }, answerWords(d)), meta),
      card(d.valid ? 'Validation' : `Validation: ${plural(d.errors.length, 'error')}`, validation),
      card('Payload', view.node),
      card('Headers', headers),
    ];
    if (o.resend) parts.push(card('Re-send', o.resend(d.seq)));
    return parts;
  }

  return { group, timeline, pill };
}

export type DetailView = ReturnType<typeof detailView>;
