/**
 * The Node.js receivers: Express 5 and Fastify 5 with their defaults, each its own process
 * (`node test/zoo/receivers/<framework>/app.mjs`, PORT from the environment), as deployed.
 */
import { literally, receiverFile, startOnFreePort, type ZooReceiver } from './process.js';

export type NodeFramework = 'express' | 'fastify';

/** What each app prints once it listens: its own line, and Fastify's logger's. */
const READY_LINES: Record<NodeFramework, (port: number) => string> = {
  express: (port) => `Example app listening on port ${port}`,
  fastify: (port) => `Server listening at http://127.0.0.1:${port}`,
};

export async function startNodeApp(framework: NodeFramework): Promise<ZooReceiver> {
  const { proc, port } = await startOnFreePort((p) => ({
    label: framework,
    command: process.execPath,
    args: [receiverFile(framework, 'app.mjs')],
    env: { PORT: String(p) },
    readyLine: literally(READY_LINES[framework](p)),
  }));
  return {
    name: framework,
    url: `http://127.0.0.1:${port}/webhook`,
    stop: () => proc.stop(),
    logs: () => proc.logs(),
  };
}
