/**
 * The recipes of docs/any-language.md: each file shown there is the file the tests use; the
 * Docker Compose file and the pytest example are run for real; the CI jobs, which cannot run
 * here, are parsed as YAML and every `cswm` command in them is parsed by the real command line.
 */
import { spawnSync } from 'node:child_process';
import { chownSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { parseFormats } from '../../src/cli/commands/check.js';
import { REPORT_FORMATS } from '../../src/conformance/index.js';
import { cswmArgs, isCswmImage, parseLikeCswm, shellCommands } from './cli-invocations.js';
import { CSWM_IMAGE, describeWithImage, docker } from './docker.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RECIPES = 'test/container/recipes';
const DOC = readFileSync(join(ROOT, 'docs/any-language.md'), 'utf8');
const JUNIT_FILE = 'conformance-report.junit.xml';

function read(path: string): string {
  return readFileSync(join(ROOT, path), 'utf8');
}

/** A YAML file parsed strictly: any error or warning fails the test that reads it. */
function yamlFile(path: string): Record<string, unknown> {
  const document = parseDocument(read(path), { prettyErrors: true, uniqueKeys: true });
  expect([...document.errors, ...document.warnings].map((e) => e.message)).toEqual([]);
  return document.toJS() as Record<string, unknown>;
}

type Step = { run?: string; uses?: string; with?: Record<string, string> };

describe('docs/any-language.md', () => {
  const marked = [...DOC.matchAll(/<!-- file: (\S+) -->\n```\w+\n([\s\S]*?)\n```/g)].map((m) => ({
    file: m[1]!,
    code: m[2]!,
  }));

  it('shows every recipe file, each exactly as the tests use it', () => {
    expect(marked.map((b) => b.file)).toEqual([
      `${RECIPES}/compose/docker-compose.yml`,
      `${RECIPES}/python/receiver.py`,
      `${RECIPES}/python/conftest.py`,
      `${RECIPES}/python/test_receiver.py`,
      `${RECIPES}/github/crowdsec-conformance.yml`,
      `${RECIPES}/gitlab/gitlab-ci.yml`,
    ]);
    expect(marked.filter((b) => b.code !== read(b.file).replace(/\n$/, '')).map((b) => b.file)).toEqual([]);
  });

  it('uses only real cswm flags in the testcontainers-go and -python snippets too', () => {
    // Their argument lists: quoted words from "check" to the closing bracket or brace.
    const lists = [...DOC.matchAll(/[[{]\s*"check",([^\]}]*)[\]}]/g)].map((m) => [
      'check',
      ...[...m[1]!.matchAll(/"([^"]*)"/g)].map((w) => w[1]!),
    ]);
    expect(lists).toHaveLength(2);
    for (const args of lists) expect(parseLikeCswm(args).command).toBe('check');
  });
});

describe('the GitHub Actions job', () => {
  const workflow = yamlFile(`${RECIPES}/github/crowdsec-conformance.yml`) as {
    jobs: Record<string, { steps: Step[] }>;
  };
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
  const invocations = cswmArgs(steps.flatMap((s) => shellCommands(s.run ?? '')));

  it('runs cswm check with flags the image has, writing JUnit to the mounted /reports', () => {
    expect(invocations).toHaveLength(1);
    const { command, options } = parseLikeCswm(invocations[0]!);
    expect(command).toBe('check');
    expect(parseFormats(String(options.report), REPORT_FORMATS)).toContain('junit');
    expect(options.out).toBe('/reports');
    const dockerRun = steps
      .flatMap((s) => shellCommands(s.run ?? ''))
      .find((w) => w.some(isCswmImage) && w.includes('check'));
    expect(dockerRun).toContain('$PWD/reports:/reports');
  });

  it('publishes the JUnit file cswm writes, and keeps every report', () => {
    const junit = steps.find((s) => s.uses?.startsWith('mikepenz/action-junit-report@'));
    expect(junit?.with?.report_paths).toBe(`reports/${JUNIT_FILE}`);
    const artifact = steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'));
    expect(artifact?.with?.path).toBe('reports/');
  });
});

describe('the GitLab CI job', () => {
  const pipeline = yamlFile(`${RECIPES}/gitlab/gitlab-ci.yml`) as Record<
    string,
    { script: string[]; services: { alias: string }[]; artifacts: { reports: { junit: string } } }
  >;
  const job = pipeline['crowdsec-conformance']!;

  it('runs cswm check with flags the image has, against the receiver service', () => {
    const invocations = cswmArgs(job.script.flatMap(shellCommands));
    expect(invocations).toHaveLength(1);
    const { command, options } = parseLikeCswm(invocations[0]!);
    expect(command).toBe('check');
    expect(String(options.url)).toMatch(new RegExp(`^http://${job.services[0]!.alias}:8080/`));
    expect(parseFormats(String(options.report), REPORT_FORMATS)).toContain('junit');
    expect(job.artifacts.reports.junit).toBe(`${options.out}/${JUNIT_FILE}`);
  });
});

describe('the Docker Compose file', () => {
  const compose = yamlFile(`${RECIPES}/compose/docker-compose.yml`) as {
    services: Record<string, { image: string; command?: string[]; volumes?: string[]; depends_on?: object }>;
  };

  it('runs cswm check with flags the image has, after the receiver is healthy, reports in ./reports', () => {
    const cswm = compose.services.cswm!;
    expect(isCswmImage(cswm.image)).toBe(true);
    const { command, options } = parseLikeCswm(cswm.command!);
    expect(command).toBe('check');
    expect(parseFormats(String(options.report), REPORT_FORMATS)).toContain('junit');
    expect(cswm.volumes).toEqual(['./reports:/reports']);
    expect(cswm.depends_on).toEqual({ receiver: { condition: 'service_healthy' } });
  });
});

function missingTool(command: string, args: string[], what: string): string | undefined {
  const run = spawnSync(command, args, { encoding: 'utf8', timeout: 30_000 });
  return run.status === 0 ? undefined : `${what} is not installed (.ci/run installs it)`;
}

describeWithImage(
  'the Docker Compose recipe, run with docker-compose',
  () => {
    it('checks the receiver service and leaves the four reports in ./reports, owned by CSWM_USER', async () => {
      const project = mkdtempSync(join(tmpdir(), 'cswm-compose-'));
      const reports = join(project, 'reports');
      mkdirSync(reports);
      const user =
        process.getuid?.() === 0
          ? { uid: 4321, gid: 4321 }
          : { uid: process.getuid!(), gid: process.getgid!() };
      if (process.getuid?.() === 0) chownSync(reports, user.uid, user.gid);
      const name = `cswmrecipe${process.pid}`;
      const files = [
        '-f',
        join(ROOT, RECIPES, 'compose/docker-compose.yml'),
        '-f',
        join(ROOT, RECIPES, 'compose/receiver.test-override.yml'),
      ];
      const base = ['-p', name, '--project-directory', project, ...files];
      const env = {
        ...process.env,
        CSWM_IMAGE,
        WEBHOOK_TOKEN: 'compose-token',
        CSWM_USER: `${user.uid}:${user.gid}`,
      };
      try {
        const up = await runCompose([...base, 'up', '--exit-code-from', 'cswm'], env);
        expect({ code: up.code, tail: up.stdout.split('\n').slice(-12).join('\n') }).toMatchObject({
          code: 0,
        });
        expect(up.stdout).toMatch(/ready for the Console/);
        const written = readdirSync(reports).sort();
        expect(written).toEqual([
          'conformance-report.html',
          'conformance-report.json',
          'conformance-report.junit.xml',
          'conformance-report.txt',
        ]);
        expect(written.map((f) => statSync(join(reports, f)).uid)).toEqual(written.map(() => user.uid));
        const report = JSON.parse(readFileSync(join(reports, 'conformance-report.json'), 'utf8'));
        expect(
          report.checks
            .filter((c: { id: string }) => c.id.startsWith('auth.'))
            .map((c: { result: string }) => c.result),
        ).toEqual(['skip', 'pass', 'pass']);
      } finally {
        await runCompose([...base, 'down', '-v', '--remove-orphans', '-t', '2'], env);
        rmSync(project, { recursive: true, force: true });
      }
    }, 300_000);
  },
  missingTool('docker-compose', ['version'], "Debian's docker-compose"),
);

function runCompose(args: string[], env: NodeJS.ProcessEnv) {
  return docker(args, { timeoutMs: 240_000, env, command: 'docker-compose' });
}

describeWithImage(
  'the pytest recipe, run with /usr/bin/python3',
  () => {
    it('passes both tests: the Flask receiver is ready for the Console', () => {
      const run = spawnSync(
        '/usr/bin/python3',
        ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', join(ROOT, RECIPES, 'python')],
        {
          encoding: 'utf8',
          timeout: 240_000,
          env: { ...process.env, CSWM_IMAGE, PYTHONDONTWRITEBYTECODE: '1' },
        },
      );
      expect({ status: run.status, output: run.stdout.slice(-2000) + run.stderr.slice(-1000) }).toMatchObject(
        { status: 0 },
      );
      expect(run.stdout).toMatch(/\b2 passed\b/);
    }, 300_000);
  },
  missingTool(
    '/usr/bin/python3',
    ['-c', 'import flask, pytest'],
    "Debian's python3-flask and python3-pytest",
  ),
);
