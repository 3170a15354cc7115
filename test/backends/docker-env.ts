/**
 * Finds the isolated Docker engine started by scripts/ci-setup-docker.sh (state file
 * $BULWARK_DOCKER_DIR/env, default /tmp/bulwark-docker/env). Under CI=true a missing engine is a
 * failure; locally the compose tests are skipped with the reason and the command that fixes it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface DockerTestEnv {
  env: Record<string, string>;
  image: string;
}

export function findDocker(): { docker?: DockerTestEnv; skip?: string } {
  const stateFile = join(process.env.BULWARK_DOCKER_DIR ?? '/tmp/bulwark-docker', 'env');
  const problem = (why: string): { skip: string } => {
    const msg = `${why}; run \`bash scripts/ci-setup-docker.sh\` first`;
    if (process.env.CI === 'true') throw new Error(`Docker engine required under CI: ${msg}`);
    return { skip: msg };
  };
  if (!existsSync(stateFile)) return problem(`no Docker state file at ${stateFile}`);
  const env: Record<string, string> = {};
  for (const line of readFileSync(stateFile, 'utf8').split('\n')) {
    const m = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    if (m?.[1]) env[m[1]] = m[2] ?? '';
  }
  if (!env.DOCKER_HOST) return problem(`${stateFile} names no DOCKER_HOST`);
  try {
    execFileSync('docker', ['compose', 'version'], {
      env: { ...process.env, ...env },
      stdio: 'ignore',
      timeout: 10_000,
    });
    execFileSync('docker', ['info'], { env: { ...process.env, ...env }, stdio: 'ignore', timeout: 10_000 });
  } catch {
    return problem(`the Docker engine at ${env.DOCKER_HOST} does not answer`);
  }
  const image = env.BULWARK_TEST_IMAGE ?? 'localtest/busybox:1';
  delete env.BULWARK_TEST_IMAGE;
  return { docker: { env, image } };
}
