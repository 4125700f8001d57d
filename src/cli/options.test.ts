import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { authFromFlags, readCaFile } from './options.js';

describe('authFromFlags', () => {
  it('builds each kind of auth, trimming the header parts', () => {
    expect(authFromFlags({})).toBeUndefined();
    expect(authFromFlags({ bearer: 'tok' })).toEqual({ type: 'bearer', token: 'tok' });
    expect(authFromFlags({ basic: 'u:p:q' })).toEqual({ type: 'basic', username: 'u', password: 'p:q' });
    expect(authFromFlags({ header: ' X-Api-Key :  k v ' })).toEqual({
      type: 'header',
      name: 'X-Api-Key',
      value: 'k v',
    });
  });

  it.each([
    [{ bearer: '' }, '--bearer: the token is empty'],
    [{ bearer: '  ' }, '--bearer: the token is empty'],
    [{ basic: 'user:' }, '--basic: expected USER:PASS'],
    [{ basic: ':secret-1' }, '--basic: expected USER:PASS'],
    [{ basic: 'secret-1' }, '--basic: expected USER:PASS'],
    [{ header: 'Bad Name: secret-1' }, '--header: expected "Name: value"'],
    [{ header: 'X-Key:' }, '--header: expected "Name: value"'],
    [{ header: 'secret-1' }, '--header: expected "Name: value"'],
    [{ bearer: 'secret-1', basic: 'u:secret-1' }, '--bearer, --basic: give one way of authenticating'],
  ])('refuses %j with an input error that does not echo the value', (flags, message) => {
    let thrown: unknown;
    try {
      authFromFlags(flags);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: 'ERR_INVALID_OPTION', isInputError: true });
    expect((thrown as Error).message).toContain(message);
    expect((thrown as Error).message).not.toContain('secret-1');
  });
});

describe('readCaFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cswm-options-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

  it('returns the PEM text', async () => {
    writeFileSync(join(dir, 'ca.pem'), pem);
    await expect(readCaFile(join(dir, 'ca.pem'), '--ca')).resolves.toBe(pem);
  });

  it('refuses a missing file or a folder as an unusable certificate file, naming the flag', async () => {
    await expect(readCaFile(join(dir, 'missing.pem'), '--ca')).rejects.toMatchObject({
      code: 'ERR_INVALID_CERTIFICATE',
      isInputError: true,
      message: `--ca: cannot read ${join(dir, 'missing.pem')} (no such file); give a readable PEM certificate file`,
    });
    await expect(readCaFile(dir, '--ca')).rejects.toMatchObject({
      code: 'ERR_INVALID_CERTIFICATE',
      message: `--ca: cannot read ${dir} (it is a directory); give a readable PEM certificate file`,
    });
  });

  it('refuses a file that holds no PEM certificate', async () => {
    writeFileSync(join(dir, 'key.txt'), 'not a certificate\n');
    await expect(readCaFile(join(dir, 'key.txt'), '--ca')).rejects.toMatchObject({
      code: 'ERR_INVALID_CERTIFICATE',
      isInputError: true,
      message: `--ca: ${join(dir, 'key.txt')} holds no PEM certificate (-----BEGIN CERTIFICATE-----)`,
    });
  });
});
