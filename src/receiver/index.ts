/** The mock receiver as `cswm receive` and the tests load it (the public names are in src/index.ts). */
export { makeTlsMaterial, TLS_MODES, type TlsMaterial, type TlsMode } from './certs.js';
export { explainFault, explainRule } from './faults.js';
export { DEFAULT_HOST, startReceiver } from './server.js';
export { CA_FILE_NAMES } from './tls.js';
export type * from './types.js';
