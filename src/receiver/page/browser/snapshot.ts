/**
 * Browser code (inlined in the page, see kit.ts): the list's data. A snapshot is the
 * groups that match the filters as of one seq (`asOf`), so the rows keep their places while
 * the page fetches more of them, a page of rows at a time, as the list scrolls. Taking a new
 * snapshot fetches the rows in view first and swaps them in at once: nothing flickers.
 */
import type { GroupRow, InboxStats } from '../../inbox-index.js';
import type { PageKit } from './kit.js';

export interface GroupsAnswer {
  stats: InboxStats;
  asOf: number;
  total: number;
  rows: GroupRow[];
}

export interface SnapshotOptions {
  /** The filters and search, as query parameters. */
  filter: () => Record<string, string>;
  /** The index of the first row in view. */
  firstInView: () => number;
  /** Every answer; `fresh` when it started a new snapshot. */
  answered: (data: GroupsAnswer, fresh: boolean) => void | Promise<void>;
  failed: (error: unknown) => void;
}

export function snapshotStore(kit: PageKit) {
  const PAGE = 50;

  function createSnapshot(options: SnapshotOptions) {
    let gen = 0;
    let asOf: number | null = null;
    let pages = new Map<number, GroupRow[]>();
    const loading = new Set<string>();
    let taking = false;
    let again = false;

    function fetchPage(page: number): Promise<GroupsAnswer> {
      const p = new URLSearchParams();
      for (const [name, value] of Object.entries(options.filter())) if (value) p.set(name, value);
      p.set('offset', String(page * PAGE));
      p.set('limit', String(PAGE));
      if (asOf !== null) p.set('asOf', String(asOf));
      return kit.api<GroupsAnswer>(`groups?${p}`);
    }

    const rowAt = (i: number): GroupRow | undefined => pages.get(Math.floor(i / PAGE))?.[i % PAGE];

    /** Fetches the pages of rows [from, to) not loaded yet, in this snapshot. */
    function need(from: number, to: number): void {
      const taken = gen;
      if (asOf === null) return;
      for (let page = Math.floor(from / PAGE); page <= Math.floor((to - 1) / PAGE); page++) {
        const id = `${taken}:${page}`;
        if (pages.has(page) || loading.has(id)) continue;
        loading.add(id);
        fetchPage(page)
          .then((data) => {
            if (taken !== gen) return;
            pages.set(page, data.rows);
            return options.answered(data, false);
          })
          .catch(options.failed)
          .finally(() => loading.delete(id));
      }
    }

    /** A new snapshot as of now; a call while one is being taken takes another right after. */
    async function take(): Promise<void> {
      if (taking) {
        again = true;
        return;
      }
      taking = true;
      try {
        gen += 1;
        asOf = null;
        const first = Math.floor(options.firstInView() / PAGE);
        const data = await fetchPage(first);
        asOf = data.asOf;
        pages = new Map([[first, data.rows]]);
        await options.answered(data, true);
      } catch (error) {
        options.failed(error);
      } finally {
        taking = false;
        if (again) {
          again = false;
          void take();
        }
      }
    }

    /** The row at `index`, fetched first when it is not loaded. */
    async function ensure(index: number): Promise<GroupRow | undefined> {
      if (!rowAt(index) && asOf !== null) {
        const page = Math.floor(index / PAGE);
        pages.set(page, (await fetchPage(page)).rows);
      }
      return rowAt(index);
    }

    return {
      rowAt,
      need,
      take,
      ensure,
      /** The seq the rows are as of (null while the first answer is awaited). */
      get asOf(): number | null {
        return asOf;
      },
      forget(): void {
        pages = new Map();
      },
    };
  }

  return { createSnapshot };
}

export type SnapshotStore = ReturnType<typeof snapshotStore>;
