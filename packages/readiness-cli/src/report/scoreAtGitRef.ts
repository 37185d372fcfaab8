import { execFile } from 'node:child_process';
import { realpathSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { InputError } from '@backstage/errors';

const run = promisify(execFile);

async function git(cwd: string, args: string[]): Promise<string> {
  const { stdout } = await run('git', ['-C', cwd, ...args], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout.trim();
}

/**
 * Runs `work` on a checkout of `ref` of the git repository holding `cwd`:
 * a detached `git worktree` in a temporary directory, removed afterwards.
 * `work` gets the directory that corresponds to `cwd` in that checkout, and
 * a function mapping an absolute path of the current checkout into it.
 *
 * @param cwd - a directory inside the git work tree
 * @param ref - a commit, branch or tag (`origin/main`, `HEAD~1`)
 * @param work - what to do with the checkout
 * @throws InputError when `cwd` is not in a git work tree or `ref` is unknown
 * @public
 */
export async function withGitRefCheckout<T>(
  cwd: string,
  ref: string,
  work: (refCwd: string, mapPath: (absolute: string) => string) => Promise<T>,
): Promise<T> {
  let top: string;
  try {
    top = await git(cwd, ['rev-parse', '--show-toplevel']);
  } catch {
    throw new InputError(
      `--baseline-ref ${ref} needs a git work tree, and ${cwd} is not in one`,
    );
  }
  let commit: string;
  try {
    commit = await git(top, ['rev-parse', '--verify', `${ref}^{commit}`]);
  } catch {
    throw new InputError(
      `Unknown git ref "${ref}" for --baseline-ref (fetch it first, e.g. git fetch origin main)`,
    );
  }
  const parent = await fs.mkdtemp(path.join(os.tmpdir(), 'readiness-base-'));
  const checkout = path.join(parent, 'checkout');
  try {
    await git(top, [
      'worktree',
      'add',
      '--detach',
      '--quiet',
      checkout,
      commit,
    ]);
    const real = (p: string) => {
      try {
        return realpathSync(p);
      } catch {
        return p;
      }
    };
    const mapPath = (absolute: string) =>
      path.join(checkout, path.relative(real(top), real(absolute)));
    return await work(mapPath(cwd), mapPath);
  } finally {
    await git(top, ['worktree', 'remove', '--force', checkout]).catch(
      () => undefined,
    );
    await fs.rm(parent, { recursive: true, force: true });
    await git(top, ['worktree', 'prune']).catch(() => undefined);
  }
}
