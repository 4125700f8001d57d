/**
 * Runs an assertion that must fail and returns its message, so a test can check what a matcher
 * tells its user. Throws when the assertion passes: a matcher that never fails is a defect.
 */
export function captureFailure(assertion: () => void): string {
  try {
    assertion();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the assertion passed; a failure was expected');
}
