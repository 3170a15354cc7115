// `npm run test:e2e`: Bulwark in a real VS Code.
//  1. installs or reuses code-server 4.100.3 and Debian's Chromium (scripts/e2e-setup.sh);
//  2. packages the VSIX (scripts/package.mjs) and bundles the extension-host suite;
//  3. installs the VSIX into a fresh extensions dir and runs the mocha suite through
//     @vscode/test-electron's runTests, with test/e2e/bin/code (code-server + Chromium) as the
//     VS Code executable: in the fixture workspace (trusted, then untrusted) and in an empty
//     window;
//  4. runs the Playwright UI checks (test/e2e/ui.mjs) against the installed VSIX;
//  5. prints the counts and ends with `e2e: N passed, M failed`.
// Options: --skip-setup, --skip-package (reuse the VSIX), --vsix PATH (test that VSIX), --desktop (download a desktop VS Code
// with test-electron instead of code-server, where the internet is reachable; UI checks skipped).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { installVsix, makeRunDir, OUTPUT_DIR, ROOT } from './lib/codeServer.mjs';
import { startKubeServer } from './lib/kubeServer.mjs';

const rawArgs = process.argv.slice(2);
const argv = new Set(rawArgs);
const vsixArg = rawArgs.includes('--vsix') ? rawArgs[rawArgs.indexOf('--vsix') + 1] : undefined;
const desktop = argv.has('--desktop');
const started = Date.now();
const OVERALL_MS = Number(process.env.BULWARK_E2E_OVERALL_MS ?? 480_000);

// A hard stop so CI never hangs: each step kills its own process groups; this ends the runner.
const watchdog = setTimeout(() => {
  console.error(`e2e: overall timeout of ${OVERALL_MS} ms reached`);
  console.log('e2e: 0 passed, 1 failed');
  process.exit(1);
}, OVERALL_MS);
watchdog.unref();

function step(title, args, opts = {}) {
  console.log(`\n== ${title}`);
  const r = spawnSync(args[0], args.slice(1), { cwd: ROOT, stdio: 'inherit', ...opts });
  if (r.status !== 0) throw new Error(`${title} failed (${r.status ?? r.signal})`);
}

async function bundleSuite() {
  const esbuild = await import('esbuild');
  const outdir = join(ROOT, 'out', 'e2e', 'suite');
  await esbuild.build({
    entryPoints: [join(ROOT, 'test/e2e/suite/workspace.ts'), join(ROOT, 'test/e2e/suite/empty.ts')],
    outdir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return outdir;
}

function readResult(file, suite) {
  if (!existsSync(file))
    return {
      suite,
      passes: 0,
      failures: 1,
      pending: 0,
      failed: ['the suite reported nothing'],
      metrics: {},
    };
  return JSON.parse(readFileSync(file, 'utf8'));
}

async function runSuite({ name, testsPath, folder, runDir, env = {} }) {
  const { runTests } = await import('@vscode/test-electron');
  const results = join(runDir.dir, `results-${name}.json`);
  const launchArgs = [`--user-data-dir=${runDir.userDataDir}`, `--extensions-dir=${runDir.extensionsDir}`];
  if (folder) launchArgs.unshift(folder);
  console.log(`\n== extension-host suite: ${name}`);
  const t0 = Date.now();
  try {
    await runTests({
      // With a desktop VS Code the extension runs from source (development mode); here it is
      // the installed VSIX, and the development path only carries the test runner.
      vscodeExecutablePath: desktop ? undefined : join(ROOT, 'test/e2e/bin/code'),
      version: desktop ? '1.100.3' : undefined,
      extensionDevelopmentPath: desktop ? ROOT : join(ROOT, 'test/e2e/host-extension'),
      extensionTestsPath: testsPath,
      launchArgs: desktop ? [...launchArgs, '--disable-extensions'] : launchArgs,
      extensionTestsEnv: {
        BULWARK_E2E_RESULTS: results,
        BULWARK_E2E_SCREENSHOT: join(OUTPUT_DIR, `suite-${name}.png`),
        ...env,
      },
    });
  } catch (err) {
    console.error(`suite ${name}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const result = { ...readResult(results, name), suite: name };
  result.metrics = Object.fromEntries(Object.entries(result.metrics).map(([k, v]) => [`${name}.${k}`, v]));
  result.metrics[`${name}.suiteWallMs`] = Date.now() - t0;
  return result;
}

async function main() {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const results = [];
  if (!argv.has('--skip-setup') && !desktop)
    step('setup (code-server, chromium)', ['bash', join(ROOT, 'scripts/e2e-setup.sh')]);
  const { name, version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const vsix = vsixArg ? resolve(vsixArg) : join(ROOT, `${name}-${version}.vsix`);
  if (!vsixArg && (!argv.has('--skip-package') || !existsSync(vsix)))
    step('package', [process.execPath, join(ROOT, 'scripts/package.mjs')]);
  const suiteDir = await bundleSuite();

  const work = mkdtempSync(join(tmpdir(), 'bulwark-e2e-ws-'));
  const runDir = makeRunDir();
  let kube;
  try {
    const workspace = join(work, 'workspace');
    cpSync(join(ROOT, 'test/e2e/workspace'), workspace, { recursive: true });
    if (!desktop) {
      console.log(`\n== install ${vsix}`);
      await installVsix(runDir, vsix);
    }
    // The extension's real kubectl deploys to the kube test API server (KUBECONFIG in the
    // environment code-server, and so the extension host, inherits).
    kube = await startKubeServer();
    console.log(`\n== kube test API server on 127.0.0.1:${kube.port}`);
    results.push(
      await runSuite({
        name: 'workspace',
        testsPath: join(suiteDir, 'workspace.js'),
        folder: workspace,
        runDir,
        env: kube.env,
      }),
    );
    await kube.stop();
    kube = undefined;
    if (!desktop) {
      // The same suite with workspace trust on: the folder opens untrusted (restricted mode).
      cpSync(join(ROOT, 'test/e2e/workspace'), join(work, 'untrusted'), { recursive: true });
      results.push(
        await runSuite({
          name: 'workspace-untrusted',
          testsPath: join(suiteDir, 'workspace.js'),
          folder: join(work, 'untrusted'),
          runDir,
          env: { BULWARK_E2E_TRUST: '1' },
        }),
      );
    }
    results.push(await runSuite({ name: 'empty', testsPath: join(suiteDir, 'empty.js'), runDir }));

    if (!desktop) {
      cpSync(join(ROOT, 'test/e2e/workspace'), join(work, 'ui'), { recursive: true });
      const { runUiChecks } = await import('./ui.mjs');
      console.log('\n== UI checks (Playwright)');
      results.push(await runUiChecks({ vsix, folder: join(work, 'ui') }));
    }
  } finally {
    await kube?.stop();
    runDir.remove();
    rmSync(work, { recursive: true, force: true });
  }
  return results;
}

let results = [];
let fatal;
try {
  results = await main();
} catch (err) {
  fatal = err instanceof Error ? err.message : String(err);
}

const passed = results.reduce((n, r) => n + r.passes, 0);
const failed = results.reduce((n, r) => n + r.failures, 0) + (fatal ? 1 : 0);
console.log('\n== e2e summary');
for (const r of results)
  console.log(
    `${r.suite}: ${r.passes} passing, ${r.failures} failing${r.pending ? `, ${r.pending} pending` : ''}`,
  );
for (const r of results) for (const f of r.failed) console.log(`  failed: ${r.suite}: ${f}`);
if (fatal) console.log(`  error: ${fatal}`);
const metrics = Object.assign({}, ...results.map((r) => r.metrics));
for (const [k, v] of Object.entries(metrics)) console.log(`metric ${k}: ${v} ms`);
console.log(`metric total: ${Date.now() - started} ms`);
console.log(`screenshots: ${OUTPUT_DIR}`);
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
