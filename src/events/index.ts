/** The events area for internal use: catalog, payload readers, validator, generator, types. */
export * from './catalog.js';
export * from './generator.js';
export * from './payload.js';
export type { SetOverride, SetOverrides } from './set.js';
export { normalizeOverrides, parseSetExpression } from './set.js';
export * from './types.generated.js';
export * from './validator.js';
