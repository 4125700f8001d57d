/**
 * Flask receivers (Debian's python3-flask, run with /usr/bin/python3), started the way Flask's
 * quickstart shows: `flask --app <module> run` (its development server, threaded), on
 * 127.0.0.1 and a free port. The apps are test/zoo/receivers/flask/*.py.
 */
import { literally, receiverFile, startOnFreePort, type ZooReceiver } from './process.js';

/** Debian's Python, which has Flask (the `python3` first on PATH may not). */
export const SYSTEM_PYTHON = '/usr/bin/python3';

export type FlaskApp =
  /** `return '', 204` */
  | 'answers_204'
  /** checks `Authorization: Bearer <token>`, abort(401) otherwise, `{"ok": true}` on success */
  | 'bearer'
  /** works `slowSeconds` before answering 200 */
  | 'slow';

export interface FlaskOptions {
  /** The token the `bearer` app expects (its WEBHOOK_TOKEN). */
  token?: string;
  /** How long the `slow` app works before answering (its SLOW_SECONDS). @default 35 */
  slowSeconds?: number;
}

export async function startFlask(app: FlaskApp, options: FlaskOptions = {}): Promise<ZooReceiver> {
  if (app === 'bearer' && options.token === undefined) throw new Error('the bearer Flask app needs a token');
  const env: Record<string, string> = {};
  if (options.token !== undefined) env.WEBHOOK_TOKEN = options.token;
  if (options.slowSeconds !== undefined) env.SLOW_SECONDS = String(options.slowSeconds);
  const { proc, port } = await startOnFreePort((p) => ({
    label: `flask ${app}`,
    command: SYSTEM_PYTHON,
    args: ['-m', 'flask', '--app', app, 'run', '--host', '127.0.0.1', '--port', String(p)],
    cwd: receiverFile('flask'),
    env,
    readyLine: literally(`Running on http://127.0.0.1:${p}`),
  }));
  return {
    name: `flask-${app.replaceAll('_', '-')}`,
    url: `http://127.0.0.1:${port}/webhook`,
    stop: () => proc.stop(),
    logs: () => proc.logs(),
  };
}
