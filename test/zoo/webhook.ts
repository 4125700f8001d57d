/**
 * adnanh/webhook (Debian's `webhook`), started as its README shows:
 *   webhook -hooks hooks.json -port N -ip 127.0.0.1 -verbose
 * and called at http://127.0.0.1:N/hooks/<id>. Two hooks files: the default (a command, no
 * trigger rule), and one whose trigger rule matches `Authorization: Bearer <token>` (the docs'
 * "match value" rule on a header, the token read from the environment by `-template`).
 */
import { literally, receiverFile, startOnFreePort, type ZooReceiver } from './process.js';

export const WEBHOOK_BINARY = '/usr/bin/webhook';
/** The hook id in both hooks files. */
const HOOK_ID = 'crowdsec';

/**
 * @param options.token with a token, the hook only triggers on `Authorization: Bearer <token>`;
 *   without, it triggers on any request.
 */
export async function startWebhook(options: { token?: string } = {}): Promise<ZooReceiver> {
  const { token } = options;
  const env: Record<string, string> = {};
  if (token !== undefined) env.WEBHOOK_TOKEN = token;
  const { proc, port } = await startOnFreePort((p) => ({
    label: 'webhook',
    command: WEBHOOK_BINARY,
    args: [
      '-hooks',
      receiverFile('webhook', token === undefined ? 'hooks.json' : 'hooks-bearer.json.tmpl'),
      ...(token === undefined ? [] : ['-template']),
      '-port',
      String(p),
      '-ip',
      '127.0.0.1',
      '-verbose',
    ],
    env,
    readyLine: literally(`serving hooks on http://127.0.0.1:${p}/hooks/`),
  }));
  return {
    name: token === undefined ? 'webhook-default' : 'webhook-bearer',
    url: `http://127.0.0.1:${port}/hooks/${HOOK_ID}`,
    stop: () => proc.stop(),
    logs: () => proc.logs(),
  };
}
