/// <reference lib="dom" />
/**
 * Browser code (inlined with toString(), see kit.ts): the page's state and wiring. The list
 * is a snapshot of the groups as of one seq (`asOf`), fetched a page of rows at a time as it
 * scrolls; change notes from `/_cswm/changes` refresh what is in view when the newest rows
 * are showing, and otherwise offer "N new" so what is being read does not move.
 */
import type { GroupRow, InboxStats } from '../inbox-index.js';
import type { RecordedDelivery } from '../types.js';
import type { DetailView } from './detail.js';
import type { ExtrasView } from './extras.js';
import type { PageKit } from './kit.js';
import type { ListView } from './list.js';
import type { OverviewView } from './overview.js';

export interface GroupsAnswer {
  stats: InboxStats;
  asOf: number;
  total: number;
  rows: GroupRow[];
}

export function inboxApp(
  kit: PageKit,
  lists: ListView,
  detail: DetailView,
  overview: OverviewView,
  extras: ExtrasView,
) {
  const { el, api, count, plural, time, throttle } = kit;
  const PAGE = 50;
  const FILTERS = ['type', 'validity', 'answer', 'duplicates'] as const;
  type FilterName = (typeof FILTERS)[number];
  const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
  const ui = {
    list: $('list'),
    detail: $('detail'),
    status: $('status'),
    count: $('count'),
    newer: $('newer'),
    empty: $('empty'),
    drops: $('drops'),
    q: $<HTMLInputElement>('q'),
    exportLink: $('export'),
    selects: Object.fromEntries(FILTERS.map((f) => [f, $<HTMLSelectElement>(`f-${f}`)])) as Record<
      FilterName,
      HTMLSelectElement
    >,
  };
  const state = {
    filter: { type: '', validity: '', answer: '', duplicates: '', q: '' } as Record<FilterName | 'q', string>,
    gen: 0,
    asOf: null as number | null,
    latest: 0,
    epoch: 0,
    total: 0,
    pages: new Map<number, GroupRow[]>(),
    loading: new Set<string>(),
    stats: null as InboxStats | null,
    open: null as null | { key: string; seq: number | null; lastSeq: number },
    available: { exportable: false, resend: false, profile: false },
    profile: null as Record<string, unknown> | null,
    resendMemory: { url: '' },
    reloading: false,
    again: false,
  };

  const rowAt = (i: number) => state.pages.get(Math.floor(i / PAGE))?.[i % PAGE];
  const list = lists.createList<GroupRow>({
    root: ui.list,
    rowAt,
    draw,
    need,
    pick: (i) => void openIndex(i),
  });

  function draw(g: GroupRow): HTMLElement {
    const last = g.recent[g.recent.length - 1];
    const isOpen = state.open?.key === g.key;
    const stripe = el('span', { class: 'stripe' });
    stripe.style.setProperty('--h', String(kit.hue(g.eventType)));
    const tags = [
      g.duplicate ? el('span', { class: 'tag dup' }, g.attempts > 1 ? `×${g.attempts}` : 'duplicate') : null,
      g.valid ? null : el('span', { class: 'tag bad' }, 'not valid'),
      g.authorized ? null : el('span', { class: 'tag bad' }, 'unauthorized'),
    ];
    return el(
      'div',
      {
        class: `row tone-${last?.tone ?? 'ok'}${isOpen ? ' open' : ''}`,
        'aria-selected': String(isOpen),
        'data-key': g.key,
        title: g.summary,
      },
      stripe,
      el('div', { class: 'r1' }, el('span', { class: 'sum' }, g.summary)),
      el(
        'div',
        { class: 'r2' },
        detail.timeline(g.recent, 4),
        el('span', { class: 'tags' }, ...tags),
        el('time', { datetime: g.lastAt }, time(g.lastAt)),
      ),
    );
  }

  function query(offset: number, limit = PAGE): string {
    const p = new URLSearchParams();
    for (const [name, value] of Object.entries(state.filter)) if (value) p.set(name, value);
    p.set('offset', String(offset));
    p.set('limit', String(limit));
    if (state.asOf !== null) p.set('asOf', String(state.asOf));
    return p.toString();
  }

  async function fetchPage(page: number): Promise<GroupsAnswer> {
    return api<GroupsAnswer>(`groups?${query(page * PAGE)}`);
  }

  function need(from: number, to: number): void {
    const gen = state.gen;
    for (let page = Math.floor(from / PAGE); page <= Math.floor((to - 1) / PAGE); page++) {
      const id = `${gen}:${page}`;
      if (state.pages.has(page) || state.loading.has(id) || state.asOf === null) continue;
      state.loading.add(id);
      fetchPage(page)
        .then((data) => {
          if (gen !== state.gen) return;
          state.pages.set(page, data.rows);
          applyStats(data.stats);
          setTotal(data.total);
        })
        .catch(failed)
        .finally(() => state.loading.delete(id));
    }
  }

  /** Takes a new snapshot: the rows in view are fetched before anything on screen changes. */
  async function reload(options: { top?: boolean } = {}): Promise<void> {
    if (state.reloading) {
      state.again = true;
      return;
    }
    state.reloading = true;
    try {
      if (options.top) list.top();
      state.gen += 1;
      state.asOf = null;
      const rowH = Number.parseFloat(getComputedStyle(ui.list).getPropertyValue('--row-h')) || 64;
      const firstPage = Math.floor(ui.list.scrollTop / rowH / PAGE);
      const first = await fetchPage(firstPage);
      state.asOf = first.asOf;
      state.pages = new Map([[firstPage, first.rows]]);
      ui.newer.hidden = true;
      applyStats(first.stats);
      setTotal(first.total);
      await refreshOpen();
    } catch (error) {
      failed(error);
    } finally {
      state.reloading = false;
      if (state.again) {
        state.again = false;
        void reload();
      }
    }
  }

  function setTotal(total: number): void {
    state.total = total;
    list.setTotal(total);
    const s = state.stats;
    const filtered = Object.values(state.filter).some(Boolean);
    ui.count.textContent = !s
      ? ''
      : filtered
        ? `${plural(total, 'event')} match · ${count(s.groups)} in all`
        : `${plural(s.groups, 'event')} · ${plural(s.kept, 'delivery', 'deliveries')}`;
    ui.empty.hidden = total > 0;
    ui.empty.textContent =
      !s || s.received === 0
        ? 'No deliveries yet. Send one to this receiver: it shows up here without a reload.'
        : 'Nothing matches these filters.';
  }

  const liveReload = throttle(() => void reload(), 250);
  const statsRefresh = throttle(() => void api<InboxStats>('stats').then(applyStats, failed), 1000);
  const profileRefresh = throttle(() => void loadProfile(), 2000);

  function onChange(seq: number): void {
    state.latest = seq;
    if (state.available.profile) profileRefresh();
    if (list.atTop()) {
      liveReload();
      return;
    }
    ui.newer.hidden = false;
    ui.newer.textContent = `↑ ${count(Math.max(1, seq - (state.asOf ?? 0)))} new`;
    statsRefresh();
  }

  function applyStats(s: InboxStats): void {
    if (state.epoch && s.epoch !== state.epoch) {
      state.epoch = s.epoch;
      return void reset();
    }
    state.epoch = s.epoch;
    state.stats = s;
    fillSelect(
      'type',
      'All types',
      s.types.map((t) => [t.type, t.type === '(none)' ? 'not an event' : t.type, t.count]),
    );
    fillSelect('answer', 'Any answer', [
      ['not-200', 'not 200', null],
      ...s.answers.map((a): [string, string, number] => [a.answer, a.answer, a.count]),
    ]);
    const dropped = s.droppedDeliveries || s.forgottenEventIds;
    ui.drops.hidden = !dropped;
    ui.drops.textContent = dropped
      ? `Memory limits reached: ${count(s.droppedDeliveries)} oldest deliveries dropped (keeps ${count(s.maxRecords)}), ${count(s.forgottenEventIds)} event ids forgotten (keeps ${count(s.maxEventIds)}).`
      : '';
    if (!state.open) showOverview();
  }

  function fillSelect(name: FilterName, all: string, options: [string, string, number | null][]): void {
    const select = ui.selects[name];
    const current = state.filter[name];
    if (current && !options.some(([v]) => v === current)) options.push([current, current, 0]);
    select.replaceChildren(
      el('option', { value: '' }, all),
      ...options.map(([value, label, n]) =>
        el('option', { value }, n === null ? label : `${label} (${count(n)})`),
      ),
    );
    select.value = current;
  }

  function setFilter(name: FilterName | 'q', value: string): void {
    state.filter[name] = value;
    if (name !== 'q') ui.selects[name].value = value;
    list.setCursor(-1);
    void reload({ top: true });
  }

  async function ensureRow(index: number): Promise<GroupRow | undefined> {
    if (!rowAt(index) && state.asOf !== null) {
      const page = Math.floor(index / PAGE);
      const data = await fetchPage(page);
      state.pages.set(page, data.rows);
    }
    return rowAt(index);
  }

  async function openIndex(index: number): Promise<void> {
    const row = await ensureRow(index);
    if (row) await openGroup(row.key, null);
  }

  async function openGroup(key: string, seq: number | null): Promise<void> {
    state.open = { key, seq, lastSeq: -1 };
    document.body.classList.add('detail-open');
    list.render();
    await refreshOpen(true);
    $('detail-title')?.focus({ preventScroll: true });
  }

  /** Draws the open event again when it has new attempts (or when told), keeping the pane's scroll. */
  async function refreshOpen(force = false): Promise<void> {
    const open = state.open;
    if (!open) return;
    let g: GroupRow;
    try {
      g = await api<GroupRow>(`group?key=${encodeURIComponent(open.key)}`);
    } catch {
      if (force) ui.detail.replaceChildren(el('p', { class: 'muted' }, 'This event is no longer kept.'));
      return;
    }
    if (state.open !== open || (!force && g.lastSeq === open.lastSeq)) return;
    open.lastSeq = g.lastSeq;
    const seq = open.seq ?? g.recent[g.recent.length - 1]?.seq ?? 0;
    const d = await api<RecordedDelivery>(`deliveries/${seq}`).catch(() => null);
    if (state.open !== open) return;
    const scroll = ui.detail.scrollTop;
    detail.group(ui.detail, g, d, {
      selectedSeq: seq,
      pick: (s) => void openGroup(open.key, s),
      back: closeDetail,
      resend: state.available.resend ? (s) => extras.resendForm(s, state.resendMemory) : null,
    });
    ui.detail.scrollTop = force ? 0 : scroll;
  }

  function closeDetail(): void {
    state.open = null;
    document.body.classList.remove('detail-open');
    showOverview();
    list.render();
    ui.list.focus({ preventScroll: true });
  }

  function showOverview(): void {
    if (!state.stats) return;
    const filter = (name: FilterName, value: string) => setFilter(name, value);
    overview.render(
      ui.detail,
      state.stats,
      filter,
      state.profile ? extras.profilePanel(state.profile) : null,
    );
    const back = el('button', { type: 'button', class: 'btn back', id: 'back' }, '← Events');
    back.addEventListener('click', closeDetail);
    ui.detail.prepend(back);
  }

  async function loadProfile(): Promise<void> {
    state.profile = await extras.loadProfile();
    if (!state.open) showOverview();
  }

  function reset(): void {
    state.open = null;
    state.pages = new Map();
    document.body.classList.remove('detail-open');
    list.setCursor(-1);
    void reload({ top: true });
  }

  function failed(error: unknown): void {
    ui.status.textContent = `inbox error: ${(error as Error).message}`;
    ui.status.className = 'status bad';
  }

  function onKey(event: KeyboardEvent): void {
    const target = event.target as HTMLElement;
    const typing = target.matches('input, select, textarea');
    if (event.key === '/' && !typing) {
      event.preventDefault();
      ui.q.focus();
      ui.q.select();
    } else if (event.key === 'Escape') {
      if (target === ui.q) ui.list.focus();
      else if (document.body.classList.contains('detail-open')) closeDetail();
    } else if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && (!typing || target === ui.q)) {
      event.preventDefault();
      ui.list.focus({ preventScroll: true });
      list.move(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter' && target === ui.q) {
      event.preventDefault();
      setFilter('q', ui.q.value.trim());
      ui.list.focus();
    } else if (
      event.key === 'Enter' &&
      !typing &&
      !target.closest('button, a, summary') &&
      list.cursor >= 0
    ) {
      event.preventDefault();
      void openIndex(list.cursor);
    }
  }

  function connect(): void {
    const source = new EventSource('changes');
    source.addEventListener('open', () => {
      ui.status.textContent = 'live';
      ui.status.className = 'status live';
      liveReload();
    });
    source.addEventListener('error', () => {
      ui.status.textContent = 'reconnecting…';
      ui.status.className = 'status';
    });
    source.addEventListener('change', (e) =>
      onChange((JSON.parse((e as MessageEvent).data) as { seq: number }).seq),
    );
    source.addEventListener('clear', reset);
  }

  function wire(): void {
    document.addEventListener('keydown', onKey);
    for (const name of FILTERS)
      ui.selects[name].addEventListener('change', () => setFilter(name, ui.selects[name].value));
    let typingTimer = 0;
    ui.q.addEventListener('input', () => {
      clearTimeout(typingTimer);
      typingTimer = window.setTimeout(() => setFilter('q', ui.q.value.trim()), 250);
    });
    ui.newer.addEventListener('click', () => void reload({ top: true }));
    $('clear').addEventListener(
      'click',
      () => void api('deliveries', { method: 'DELETE' }).then(reset, failed),
    );
    $('show-overview').addEventListener('click', () => {
      document.body.classList.add('detail-open');
      showOverview();
    });
  }

  wire();
  connect();
  void reload({ top: true });
  void extras.probe().then((available) => {
    state.available = available;
    ui.exportLink.hidden = !available.exportable;
    if (available.profile) void loadProfile();
    if (state.open) void refreshOpen(true);
  });
}
