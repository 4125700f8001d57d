/** The mock receiver: its public names. */
export { makeTlsMaterial, TLS_MODES, type TlsMaterial, type TlsMode } from './certs.js';
export { explainFault, explainRule } from './faults.js';
export { DEFAULT_HOST, startReceiver } from './server.js';
export { CA_FILE_NAMES } from './tls.js';
export type {
  Fault,
  FaultRule,
  FaultType,
  Receiver,
  ReceiverAuth,
  ReceiverOptions,
  ReceiverResponse,
  RecordedDelivery,
} from './types.js';
