import { rejectsCheck } from '../auth-rejection.js';
import type { Check } from '../types.js';

/** auth.rejects-missing: with auth configured, a request without credentials is refused. */
export const rejectsMissing: Check = rejectsCheck('none');
