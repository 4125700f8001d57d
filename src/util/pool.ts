/**
 * Runs `tasks` with at most `limit` in flight (at least one), each started as soon as a slot is
 * free, in the order given; resolves when all are done. A task that throws rejects the whole.
 *
 * @example await runPool(urls.map((u) => () => probe(u)), 8);
 */
export async function runPool(tasks: readonly (() => Promise<void>)[], limit: number): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const task = tasks[next++]!;
      await task();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, tasks.length)) }, worker));
}
