import { rejectsCheck } from '../auth-rejection.js';
import type { Check } from '../types.js';

/** auth.rejects-wrong: with auth configured, a request with wrong credentials is refused. */
export const rejectsWrong: Check = rejectsCheck('wrong');
