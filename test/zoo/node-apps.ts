/**
 * The Node.js receivers: Express 5 and Fastify 5 with their defaults, each its own process
 * (`node test/zoo/receivers/<framework>/app.mjs`, PORT from the environment), as deployed.
 */
import { receiverFile, startOnFreePort, type ZooReceiver } from './process.js';

export type NodeFramework = 'express' | 'fastify';

export async function startNodeApp(framework: NodeFramework): Promise<ZooReceiver> {
  const { proc, port } = await startOnFreePort((p) => ({
    label: framework,
    command: process.execPath,
    args: [receiverFile(framework, 'app.mjs')],
    env: { PORT: String(p) },
  }));
  return {
    name: framework,
    url: `http://127.0.0.1:${port}/webhook`,
    stop: () => proc.stop(),
    logs: () => proc.logs(),
  };
}
