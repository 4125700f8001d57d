import { sendMany } from '../delivery/send-many.js';
import { generateEvents } from '../events/generator.js';
import { startReceiver } from '../receiver/server.js';

/**
 * One untimed exchange of every event type with a throwaway receiver before a run: the first
 * requests of a process pay for loading and compiling (HTTP client, express, schema validators),
 * and at a small time scale that one-time cost would eat into the first scenarios' timeouts.
 */
let done: Promise<void> | undefined;

/** Once per process; later calls share the first. A failure is forgotten (the run reports it). */
export function warmUp(): Promise<void> {
  done ??= exchange().catch(() => {
    done = undefined;
  });
  return done;
}

async function exchange(): Promise<void> {
  const receiver = await startReceiver({ host: '127.0.0.1', port: 0 });
  try {
    await sendMany(generateEvents('all', { seed: 1 }), {
      url: `${receiver.url}/`,
      allowAnyPort: true,
      maxAttempts: 1,
      concurrency: 4,
    });
  } finally {
    await receiver.close();
  }
}
