import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ReceiverStartError, startOnFreePort, startProcess, waitForReady } from './process.js';

const node = (script: string) => ({
  label: 'test process',
  command: process.execPath,
  args: ['-e', script],
  readyLine: /^listening$/m,
});
const listen = (port: number) =>
  `require('node:net').createServer().listen(${port}, '127.0.0.1', () => console.log('listening'))`;

describe('starting and stopping a zoo receiver', () => {
  it('fails with what the process printed when it exits before listening', async () => {
    const started = startOnFreePort(() => node('console.error("no config here"); process.exit(3)'));
    await expect(started).rejects.toThrow(
      /test process exited with code 3 before listening .*\n.*no config here/s,
    );
  });

  it('is not fooled by another process listening on its port, and knows to retry elsewhere', async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const { port } = holder.address() as { port: number };
    try {
      const error = await waitForReady(startProcess(node(listen(port))), port).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ReceiverStartError);
      expect((error as ReceiverStartError).portTaken).toBe(true);
    } finally {
      holder.close();
    }
  });

  it('kills a process that ignores SIGTERM once the grace is over', async () => {
    const { proc } = await startOnFreePort((port) =>
      node(`process.on('SIGTERM', () => console.log('ignoring SIGTERM')); ${listen(port)}`),
    );
    await proc.stop(100);
    expect(proc.exitDescription).toBe('killed by SIGKILL');
    expect(proc.logs()).toContain('ignoring SIGTERM');
  });

  it('stops a process that honours SIGTERM without escalating', async () => {
    const { proc } = await startOnFreePort((port) => node(listen(port)));
    await proc.stop();
    expect(proc.exitDescription).toBe('killed by SIGTERM');
  });
});
