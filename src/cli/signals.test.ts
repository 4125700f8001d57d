import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { exitOnSignalsAsPid1, onStopSignals, type SignalTarget } from './signals.js';

class FakeProcess extends EventEmitter implements SignalTarget {
  exits: number[] = [];
  written = '';
  stderr = { write: (text: string) => (this.written += text) };
  constructor(readonly pid: number) {
    super();
  }
  exit(code: number): never {
    this.exits.push(code);
    return undefined as never;
  }
}

describe('exitOnSignalsAsPid1', () => {
  it('ends PID 1 on SIGTERM with 143 and one line when no command handles it', () => {
    const proc = new FakeProcess(1);
    expect(exitOnSignalsAsPid1(proc)).toBe(true);
    proc.emit('SIGTERM');
    expect(proc.exits).toEqual([143]);
    expect(proc.written).toBe('cswm: stopped by SIGTERM\n');
  });

  it('ends PID 1 on SIGINT with 130', () => {
    const proc = new FakeProcess(1);
    exitOnSignalsAsPid1(proc);
    proc.emit('SIGINT');
    expect(proc.exits).toEqual([130]);
  });

  it('leaves the signal to a command that handles it', () => {
    const proc = new FakeProcess(1);
    exitOnSignalsAsPid1(proc);
    let handled = 0;
    proc.on('SIGTERM', () => handled++);
    proc.emit('SIGTERM');
    expect(handled).toBe(1);
    expect(proc.exits).toEqual([]);
  });

  it('changes nothing outside PID 1', () => {
    const proc = new FakeProcess(4242);
    expect(exitOnSignalsAsPid1(proc)).toBe(false);
    expect(proc.listenerCount('SIGTERM')).toBe(0);
  });
});

describe('onStopSignals', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)(
    'asks the command to stop on %s, and exits 1 on a second signal',
    (signal) => {
      const proc = new FakeProcess(4242);
      const stops: string[] = [];
      onStopSignals((s) => stops.push(s), proc);
      proc.emit(signal, signal);
      expect(stops).toEqual([signal]);
      expect(proc.exits).toEqual([]);
      proc.emit('SIGINT', 'SIGINT');
      expect(stops).toEqual([signal]);
      expect(proc.exits).toEqual([1]);
    },
  );

  it('removes its handlers when the command is done', () => {
    const proc = new FakeProcess(4242);
    const remove = onStopSignals(() => {}, proc);
    remove();
    expect([proc.listenerCount('SIGINT'), proc.listenerCount('SIGTERM')]).toEqual([0, 0]);
  });
});
