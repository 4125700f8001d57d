/**
 * Every error this project throws on purpose is a {@link CswmError} with a stable `code`,
 * so callers match on `error.code`, never on the message. A receiver failing a check or a
 * delivery failing is a result, not an error: those never throw.
 *
 * One model: the code says what went wrong. A subclass exists where the error carries more
 * than its message (the event type, the file, the port, ...), and each subclass always has the
 * same code; every other code is thrown as a plain CswmError. No code is thrown by two classes.
 */

/** Stable error codes. Adding one is a minor change; renaming one is a breaking change. */
export const ErrorCodes = {
  /** A command-line flag or library option has a value outside what is allowed. */
  INVALID_OPTION: 'ERR_INVALID_OPTION',
  /** A duration such as `30s` could not be parsed. */
  INVALID_DURATION: 'ERR_INVALID_DURATION',
  /** An event type that the Console does not document. */
  UNKNOWN_EVENT_TYPE: 'ERR_UNKNOWN_EVENT_TYPE',
  /** An event (generated, overridden with --set, or read from a file) does not match its schema. */
  INVALID_EVENT: 'ERR_INVALID_EVENT',
  /**
   * A custom event schema (`--schema FILE`) that cannot be used: not JSON, not valid JSON Schema
   * (draft 2020-12 or draft-07), no object at its root, no event type, or a documented type
   * redefined without `--override`.
   */
  INVALID_SCHEMA: 'ERR_INVALID_SCHEMA',
  /** Input that is not JSON / NDJSON. */
  INVALID_JSON: 'ERR_INVALID_JSON',
  /** A `--set PATH=VALUE` expression that cannot be applied. */
  INVALID_SET: 'ERR_INVALID_SET',
  /** A file that cannot be read. */
  UNREADABLE_FILE: 'ERR_UNREADABLE_FILE',
  /** A destination URL that is malformed or uses a scheme other than http/https. */
  INVALID_URL: 'ERR_INVALID_URL',
  /** A destination port the Console will not call (allowed: 80, 8080, 443, 8443). */
  PORT_NOT_ALLOWED: 'ERR_PORT_NOT_ALLOWED',
  /** A scenario file that cannot be parsed or does not match scenario.schema.json. */
  INVALID_SCENARIO: 'ERR_INVALID_SCENARIO',
  /** A scenario id that is not bundled and not a file. */
  UNKNOWN_SCENARIO: 'ERR_UNKNOWN_SCENARIO',
  /** A conformance check id or prefix that matches no check. */
  UNKNOWN_CHECK: 'ERR_UNKNOWN_CHECK',
  /** Certificate or key files for TLS that are missing or unusable. */
  INVALID_CERTIFICATE: 'ERR_INVALID_CERTIFICATE',
  /** A receiver could not listen (port in use, permission denied). */
  LISTEN_FAILED: 'ERR_LISTEN_FAILED',
  /** Waiting for something (deliveries at a receiver) took longer than allowed. */
  WAIT_TIMEOUT: 'ERR_WAIT_TIMEOUT',
  /** Docker or a container is not usable for the testcontainers helper. */
  CONTAINER: 'ERR_CONTAINER',
  /** A sender profile file (`--profile`) that cannot be parsed or does not match sender-profile.schema.json. */
  INVALID_PROFILE: 'ERR_INVALID_PROFILE',
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

/** Base class of every error this project throws on purpose. */
export class CswmError extends Error {
  override name = 'CswmError';
  readonly code: ErrorCode;
  /** True when the error is the caller's input (exit code 2 on the command line). */
  readonly isInputError: boolean;

  constructor(code: ErrorCode, message: string, options: { cause?: unknown; isInputError?: boolean } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.isInputError = options.isInputError ?? true;
  }
}

/** A flag or option value outside what is allowed: always ERR_INVALID_OPTION. */
export class InvalidOptionError extends CswmError {
  override name = 'InvalidOptionError';
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(ErrorCodes.INVALID_OPTION, message, options);
  }
}

/** An event type the Console does not document. */
export class UnknownEventTypeError extends CswmError {
  override name = 'UnknownEventTypeError';
  constructor(
    readonly eventType: string,
    validTypes: readonly string[],
  ) {
    super(
      ErrorCodes.UNKNOWN_EVENT_TYPE,
      `unknown event type "${eventType}" (valid: ${validTypes.join(', ')}); run \`cswm events\` to list them, or define it with a custom schema (\`schemas\`)`,
    );
  }
}

/**
 * An event that does not match its schema. A generated event that does not (a generator bug)
 * throws it too, with `isInputError: false`.
 */
export class InvalidEventError extends CswmError {
  override name = 'InvalidEventError';
  constructor(
    message: string,
    readonly errors: readonly { path: string; rule: string; message: string }[] = [],
    options: { cause?: unknown; isInputError?: boolean } = {},
  ) {
    super(ErrorCodes.INVALID_EVENT, message, options);
  }
}

/**
 * A custom event schema that cannot be used. `file` is the schema's file (or `<schema N>` for
 * one given as an object), `path` the JSON path inside it (`$.properties.details.type`).
 */
export class InvalidSchemaError extends CswmError {
  override name = 'InvalidSchemaError';
  constructor(
    readonly file: string,
    readonly path: string,
    problem: string,
    options: { cause?: unknown } = {},
  ) {
    super(ErrorCodes.INVALID_SCHEMA, `${file}: ${path}: ${problem}`, options);
  }
}

/** A destination URL that is malformed or not http/https. */
export class InvalidUrlError extends CswmError {
  override name = 'InvalidUrlError';
  constructor(message: string) {
    super(ErrorCodes.INVALID_URL, message);
  }
}

/** A destination port the Console will not call. */
export class PortNotAllowedError extends CswmError {
  override name = 'PortNotAllowedError';
  constructor(
    readonly port: number,
    readonly allowedPorts: readonly number[],
  ) {
    super(
      ErrorCodes.PORT_NOT_ALLOWED,
      `port ${port} is not allowed by the CrowdSec Console (allowed: ${allowedPorts.join(', ')}); pass \`allowAnyPort: true\` to test locally`,
    );
  }
}

/** A scenario file that cannot be parsed or is invalid. */
export class InvalidScenarioError extends CswmError {
  override name = 'InvalidScenarioError';
  constructor(
    message: string,
    readonly location: { file?: string; line?: number; column?: number; field?: string } = {},
    options: { cause?: unknown } = {},
  ) {
    super(ErrorCodes.INVALID_SCENARIO, message, options);
  }
}

/** A file that cannot be read. */
export class UnreadableFileError extends CswmError {
  override name = 'UnreadableFileError';
  constructor(
    readonly file: string,
    reason: string,
    options: { cause?: unknown } = {},
  ) {
    super(ErrorCodes.UNREADABLE_FILE, `cannot read ${file}: ${reason}`, options);
  }
}

/** True for errors this project threw on purpose. */
export function isCswmError(error: unknown): error is CswmError {
  return error instanceof CswmError;
}
