// Sums vitest JSON reports into the single closing line CI reads: "N passed, N failed".
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const [dir, status] = process.argv.slice(2);
let passed = 0;
let failed = 0;
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
for (const file of files) {
  const report = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
  passed += report.numPassedTests ?? 0;
  // Suites that failed to load count as failures too.
  failed += (report.numFailedTests ?? 0) + (report.testResults ?? []).filter((r) => r.status === 'failed' && (r.assertionResults ?? []).length === 0).length;
  console.log(`  ${file}: ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
}
const expected = ['api-pglite.json', 'api-postgres.json', 'web-pglite.json'];
for (const name of expected) {
  if (!files.includes(name)) {
    console.log(`  ${name}: missing (the suite did not run to the end)`);
    failed += 1;
  }
}
if (failed === 0 && status !== '0') failed = 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
