import { spawnSync } from 'node:child_process';
import { root } from './deployed-apps';

/** A script of scripts/ as `npm run <script>` runs it, with only PATH and `env` in its environment. */
export const runScript = (script: string, env: Record<string, string>, args: string[] = []) =>
  spawnSync(process.execPath, ['-r', '@swc-node/register', `scripts/${script}.ts`, ...args], {
    cwd: root,
    env: { PATH: process.env.PATH, ...env },
    encoding: 'utf8',
  });
