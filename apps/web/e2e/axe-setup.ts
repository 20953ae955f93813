import { afterEach } from 'vitest';
import { finishAccessibilityChecks } from './axe';

// A test fails when a page it visited has an axe violation or reported a CSP violation.
afterEach(async () => {
  const problems = await finishAccessibilityChecks();
  if (problems.length) throw new Error(`${problems.length} accessibility/CSP problem(s):\n${problems.join('\n')}`);
});
