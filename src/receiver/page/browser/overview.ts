/**
 * Browser code (inlined in the page, see kit.ts): the right-hand pane when no event is
 * open. What arrived at a glance: counts per event type and per answer (each a filter), the
 * memory limits and what they dropped, and the sender profile when the receiver learns one.
 */
import type { InboxStats } from '../../inbox-index.js';
import type { PageKit } from './kit.js';

export function overviewView(kit: PageKit) {
  const { el, count, plural, typeChip } = kit;

  type Filter = (name: 'type' | 'answer' | 'validity' | 'duplicates', value: string) => void;

  function tile(label: string, value: number, tone: string, filter?: () => void): HTMLElement {
    const node = el(
      filter ? 'button' : 'div',
      { class: `tile ${tone}`, type: filter ? 'button' : undefined },
      el('span', { class: 'v' }, count(value)),
      el('span', { class: 'l' }, label),
    );
    if (filter) node.addEventListener('click', filter);
    return node;
  }

  function bars(
    items: { label: Node | string; count: number; tone?: string; hue?: number; pick: () => void }[],
  ): HTMLElement {
    const max = Math.max(1, ...items.map((i) => i.count));
    const list = el('ul', { class: 'bars' });
    for (const item of items) {
      const fill = el('span', { class: `fill ${item.tone ?? ''}` });
      fill.style.width = `${Math.max(2, (item.count / max) * 100)}%`;
      if (item.hue !== undefined) fill.style.setProperty('--h', String(item.hue));
      const row = el(
        'button',
        { type: 'button' },
        el('span', { class: 'name' }, item.label),
        el('span', { class: 'n' }, count(item.count)),
        el('span', { class: 'track' }, fill),
      );
      row.addEventListener('click', item.pick);
      list.append(el('li', null, row));
    }
    return list;
  }

  function memory(s: InboxStats): HTMLElement {
    const lines = [
      el(
        'p',
        null,
        `Keeps the newest ${plural(s.maxRecords, 'delivery', 'deliveries')} and remembers ${plural(s.maxEventIds, 'event id')} for duplicate marks; the oldest go first.`,
      ),
      el(
        'p',
        { class: s.droppedDeliveries ? 'warn' : 'muted' },
        `${count(s.received)} received · ${count(s.kept)} kept · ${count(s.droppedDeliveries)} dropped`,
      ),
    ];
    if (s.forgottenEventIds) {
      lines.push(
        el(
          'p',
          { class: 'warn' },
          `${plural(s.forgottenEventIds, 'event id')} forgotten: a retry of one of those is not marked duplicate.`,
        ),
      );
    }
    return el('section', { class: 'card', id: 'memory' }, el('h3', null, 'Memory'), ...lines);
  }

  function render(pane: HTMLElement, s: InboxStats, filter: Filter, profile: HTMLElement | null): void {
    if (s.received === 0) {
      pane.replaceChildren(
        el(
          'div',
          { class: 'welcome' },
          el('h2', null, 'Waiting for deliveries'),
          el(
            'p',
            null,
            'Point a sender at this receiver: each delivery shows up on the left as it arrives, grouped with its retries.',
          ),
          keys(),
        ),
        ...(profile ? [profile] : []),
      );
      return;
    }
    const not200 = s.answers.filter((a) => a.tone !== 'ok').reduce((n, a) => n + a.count, 0);
    pane.replaceChildren(
      el('h2', { class: 'otitle' }, 'Overview'),
      el(
        'div',
        { class: 'tiles' },
        tile('events', s.groups, ''),
        tile('deliveries kept', s.kept, ''),
        tile('not valid', s.invalid, s.invalid ? 'fail' : '', () => filter('validity', 'invalid')),
        tile('duplicates', s.duplicates, s.duplicates ? 'dup' : '', () => filter('duplicates', 'only')),
        tile('not 200', not200, not200 ? 'fail' : '', () => filter('answer', 'not-200')),
      ),
      el(
        'section',
        { class: 'card' },
        el('h3', null, 'By event type'),
        bars(
          s.types.map((t) => ({
            label: typeChip(t.type === '(none)' ? null : t.type),
            hue: kit.hue(t.type === '(none)' ? null : t.type),
            count: t.count,
            pick: () => filter('type', t.type),
          })),
        ),
      ),
      el(
        'section',
        { class: 'card' },
        el('h3', null, 'Answers given'),
        bars(
          s.answers.map((a) => ({
            label: a.answer,
            count: a.count,
            tone: a.tone,
            pick: () => filter('answer', a.answer),
          })),
        ),
      ),
      memory(s),
      ...(profile ? [profile] : []),
      keys(),
    );
  }

  function keys(): HTMLElement {
    const k = (key: string) => el('kbd', null, key);
    return el(
      'p',
      { class: 'keys' },
      k('↑'),
      k('↓'),
      ' move · ',
      k('Enter'),
      ' open · ',
      k('/'),
      ' search · ',
      k('Esc'),
      ' back',
    );
  }

  return { render };
}

export type OverviewView = ReturnType<typeof overviewView>;
