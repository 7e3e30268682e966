/**
 * Lints code snippets as if they were files of the repository, for tests that check the rules
 * can fail (tests/unit/lint-rules.test.ts). Reads `[{ filePath, code }]` as JSON on stdin and
 * writes, for each, the ids of the rules it broke. A process of its own: the config swaps the
 * TypeScript that the parser loads (see config.js), which must not leak into a test runner.
 */
import { ESLint } from 'eslint';

const input = JSON.parse(
  await new Promise((resolve) => {
    let text = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk) => (text += chunk));
    process.stdin.on('end', () => resolve(text));
  }),
);
const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });
const out = [];
for (const { filePath, code } of input) {
  const [result] = await eslint.lintText(code, { filePath });
  out.push((result?.messages ?? []).map((m) => m.ruleId ?? `fatal: ${m.message}`));
}
process.stdout.write(JSON.stringify(out));
