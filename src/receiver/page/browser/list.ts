/**
 * Browser code (inlined in the page, see kit.ts): a virtual list. Rows have one fixed
 * height, so the list knows where row i is without having it: only the rows in view (and a
 * few around) exist in the DOM, whether the inbox holds 10 events or 100,000. A keyboard
 * cursor moves over rows that are not loaded yet; the page fills them in when asked.
 */
import type { PageKit } from './kit.js';

export interface ListOptions<T> {
  root: HTMLElement;
  rowAt: (index: number) => T | undefined;
  draw: (row: T, index: number) => HTMLElement;
  /** Rows [from, to) are in view and not all loaded. */
  need: (from: number, to: number) => void;
  /** A row was clicked. */
  pick: (index: number) => void;
}

export function listView(kit: PageKit) {
  const { el } = kit;
  /** Browsers stop growing an element somewhere above 16 million pixels. */
  const MAX_HEIGHT_PX = 15_000_000;
  const OVERSCAN = 6;

  function createList<T>(options: ListOptions<T>) {
    const { root } = options;
    const spacer = el('div', { class: 'spacer' });
    root.append(spacer);
    let total = 0;
    let cursor = -1;
    let frame = 0;
    const rowHeight = () => Number.parseFloat(getComputedStyle(root).getPropertyValue('--row-h')) || 64;

    function range(): [number, number] {
      const h = rowHeight();
      const from = Math.max(0, Math.floor(root.scrollTop / h) - OVERSCAN);
      const to = Math.min(total, Math.ceil((root.scrollTop + root.clientHeight) / h) + OVERSCAN);
      return [from, to];
    }

    function render(): void {
      frame = 0;
      const h = rowHeight();
      spacer.style.height = `${Math.min(total * h, MAX_HEIGHT_PX)}px`;
      const [from, to] = range();
      const nodes: HTMLElement[] = [];
      let missing = false;
      for (let i = from; i < to; i++) {
        const row = options.rowAt(i);
        if (row === undefined) missing = true;
        const node = row === undefined ? placeholder() : options.draw(row, i);
        node.id = `row-${i}`;
        node.dataset.index = String(i);
        node.setAttribute('role', 'option');
        node.style.top = `${i * h}px`;
        if (i === cursor) node.classList.add('cursor');
        nodes.push(node);
      }
      spacer.replaceChildren(...nodes);
      if (cursor >= 0 && cursor < total) root.setAttribute('aria-activedescendant', `row-${cursor}`);
      else root.removeAttribute('aria-activedescendant');
      if (missing) options.need(from, to);
    }

    function placeholder(): HTMLElement {
      return el(
        'div',
        { class: 'row loading', 'aria-busy': 'true' },
        el('span', { class: 'bar' }),
        el('span', { class: 'bar short' }),
      );
    }

    function schedule(): void {
      if (!frame) frame = requestAnimationFrame(render);
    }

    function reveal(index: number): void {
      const h = rowHeight();
      if (index * h < root.scrollTop) root.scrollTop = index * h;
      else if ((index + 1) * h > root.scrollTop + root.clientHeight)
        root.scrollTop = (index + 1) * h - root.clientHeight;
    }

    root.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    root.addEventListener('click', (event) => {
      const row = (event.target as HTMLElement).closest<HTMLElement>('.row');
      if (!row?.dataset.index) return;
      const index = Number(row.dataset.index);
      setCursor(index);
      options.pick(index);
    });

    function setCursor(index: number): void {
      cursor = Math.max(-1, Math.min(index, total - 1));
      if (cursor >= 0) reveal(cursor);
      render();
    }

    return {
      render,
      schedule,
      setTotal(n: number): void {
        total = n;
        if (cursor >= total) cursor = total - 1;
        render();
      },
      setCursor,
      /** Moves the cursor; the first move starts at the first row in view. */
      move(delta: number): void {
        if (total === 0) return;
        setCursor(cursor < 0 ? Math.ceil(root.scrollTop / rowHeight()) : Math.max(0, cursor + delta));
      },
      get cursor(): number {
        return cursor;
      },
      /** True when the newest rows are in view: live updates then show at once. */
      atTop(): boolean {
        return root.scrollTop < rowHeight() / 2;
      },
      top(): void {
        root.scrollTop = 0;
      },
    };
  }

  return { createList };
}

export type ListView = ReturnType<typeof listView>;
