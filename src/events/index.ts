/** The events area for internal use: catalog, payload readers, validator, generator, types. */
export * from './catalog.js';
export * from './payload.js';
export type * from './types.generated.js';
export { isEventOfType } from './types.generated.js';
export * from './validator.js';
