/**
 * Reading a sender profile (`--profile FILE`): the file is parsed and checked against
 * schemas/sender-profile.schema.json where it enters, so the commands can trust its numbers.
 */
import { readFileSync } from 'node:fs';
import Ajv2020Module, { type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { CswmError, ErrorCodes } from '../errors.js';
import { readText } from '../util/ndjson.js';
import { type ProfilePolicy, senderProfileOptions } from './apply.js';
import type { SenderProfile } from './types.js';

/** Found relative to this module: works from src/ (tests) and dist/ (installed). */
const PROFILE_SCHEMA_URL = new URL('../../schemas/sender-profile.schema.json', import.meta.url);

// ajv and ajv-formats are CommonJS: the default import is module.exports, whose `default` is the class.
const Ajv2020 = Ajv2020Module.default;
const addFormats = addFormatsModule.default;
let validate: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (!validate) {
    const ajv = new Ajv2020({ allErrors: false, strict: false });
    addFormats(ajv);
    validate = ajv.compile(JSON.parse(readFileSync(PROFILE_SCHEMA_URL, 'utf8')));
  }
  return validate;
}

/**
 * Checks a parsed profile; returns it typed, or throws ERR_INVALID_PROFILE naming the field.
 *
 * @example checkSenderProfile(JSON.parse(text), 'profile.json').waitsMs.summary // [2000, 4000, 8000, 16000]
 */
export function checkSenderProfile(value: unknown, where: string): SenderProfile {
  const check = validator();
  if (check(value)) return value as SenderProfile;
  const error = check.errors?.[0];
  const field = error?.instancePath ? error.instancePath.slice(1).replaceAll('/', '.') : '(top level)';
  throw new CswmError(
    ErrorCodes.INVALID_PROFILE,
    `${where}: ${field} ${error?.message ?? 'does not match'} (a profile is what learn mode writes: receiver.profile(), or \`cswm receive --learn --profile-out\`; its shape: schemas/sender-profile.schema.json)`,
  );
}

/**
 * Reads and checks a profile file.
 *
 * @example const profile = await loadSenderProfile('console-profile.json');
 */
export async function loadSenderProfile(path: string): Promise<SenderProfile> {
  const text = await readText(path);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new CswmError(
      ErrorCodes.INVALID_PROFILE,
      `${path} is not JSON (a profile is what learn mode writes: receiver.profile(), or \`cswm receive --learn --profile-out\`)`,
    );
  }
  return checkSenderProfile(value, path);
}

/**
 * The delivery options a profile file stands for (`--profile FILE`).
 *
 * @example const policy = await loadProfilePolicy('console-profile.json'); // { timeoutMs: 10000, ... }
 */
export async function loadProfilePolicy(path: string): Promise<ProfilePolicy> {
  return senderProfileOptions(await loadSenderProfile(path));
}
