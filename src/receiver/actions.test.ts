import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { type ActionContext, runFault } from './actions.js';

/** A response that takes one chunk at a time, like a client reading slowly. */
class SlowResponse extends EventEmitter {
  written = 0;
  ended = false;
  destroyed = false;
  writeHead(): this {
    return this;
  }
  write(chunk: Buffer): boolean {
    this.written += chunk.length;
    return false;
  }
  end(chunk?: Buffer): void {
    this.written += chunk?.length ?? 0;
    this.ended = true;
  }
  destroy(): void {
    this.destroyed = true;
  }
}

function hugeBody(bytes: number) {
  const res = new SlowResponse();
  const cuts = new Set<() => void>();
  const recorded: unknown[] = [];
  const ctx = {
    res,
    rt: { cuts },
    record: (response: unknown) => recorded.push(response),
  } as unknown as ActionContext;
  runFault(ctx, { type: 'huge-body', bytes });
  return { res, cuts, recorded };
}

describe('the huge-body fault', () => {
  it('writes one chunk per drain and ends at the announced size', () => {
    const { res, recorded } = hugeBody(3 * 64 * 1024 + 5);
    expect(recorded).toEqual([{ type: 'fault', fault: 'huge-body' }]);
    expect(res.written).toBe(64 * 1024);
    for (let i = 0; i < 3; i++) res.emit('drain');
    expect([res.written, res.ended]).toEqual([3 * 64 * 1024 + 5, true]);
  });

  it('writes nothing more once the client goes away, and leaves nothing for shutdown to cut', () => {
    const { res, cuts } = hugeBody(1024 ** 4);
    res.emit('drain');
    const before = res.written;
    expect(before).toBe(2 * 64 * 1024);
    expect(cuts.size).toBe(1);
    res.emit('close');
    res.emit('drain');
    expect(res.written).toBe(before);
    expect(res.ended).toBe(false);
    expect(cuts.size).toBe(0);
  });

  it('is cut at shutdown', () => {
    const { res, cuts } = hugeBody(1024 ** 4);
    for (const cut of cuts) cut();
    res.emit('drain');
    expect(res.destroyed).toBe(true);
    expect(res.written).toBe(64 * 1024);
  });
});
