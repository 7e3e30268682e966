/**
 * Builds a variant of the extension for tests that need two versions of it (a dataset upgrade):
 * the working tree's build inputs are copied to a temporary directory, `patch` edits the copy,
 * and `scripts/build.ts` runs there with FF_OUT_DIR pointing at `outDir`. The repository and
 * the shipped dataset are never touched.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');
const INPUTS = [
  'src',
  'public',
  'scripts',
  'manifest.json',
  'package.json',
  'vite.config.ts',
  'tsconfig.json',
  'tsconfig.base.json',
  'tsconfig.browser.json',
  'tsconfig.node.json',
];

/** Builds both browsers' extensions from a patched copy of the tree into outDir/{chrome,firefox}. */
export function buildVariant(outDir: string, patch: (root: string) => void): void {
  const root = mkdtempSync(join(tmpdir(), 'ff-variant-src-'));
  try {
    for (const input of INPUTS) if (existsSync(join(ROOT, input))) cpSync(join(ROOT, input), join(root, input), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
    patch(root);
    execFileSync(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/build.ts'], {
      cwd: root,
      env: { ...process.env, FF_OUT_DIR: outDir },
      stdio: 'pipe',
      timeout: 120_000,
    });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Edits a JSON file of the copied tree in place. */
export function editJson<T>(root: string, path: string, edit: (value: T) => T | void): void {
  const file = join(root, path);
  const value = JSON.parse(readFileSync(file, 'utf8')) as T;
  writeFileSync(file, `${JSON.stringify(edit(value) ?? value, null, 2)}\n`);
}
