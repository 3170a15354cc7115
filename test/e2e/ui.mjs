// Thin Playwright checks of what a user sees in the workbench, with the VSIX installed: squiggles
// on a manifest, the Problems panel showing a rule id, a command run from the palette, the Bulwark
// activity-bar container showing its Targets view. The logic
// is asserted in the extension-host suite; these only prove it reaches the screen. Every check
// waits on a locator (60 s) and saves a screenshot under .test-output/e2e/, passed or failed.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  freePort,
  installVsix,
  killGroup,
  launchChromium,
  makeRunDir,
  OUTPUT_DIR,
  seedUserSettings,
  startCodeServer,
  workbenchUrl,
} from './lib/codeServer.mjs';

const LOCATOR_MS = 60_000;

async function openFromExplorer(page, path) {
  const parts = path.split('/');
  for (const [i, name] of parts.entries()) {
    const row = page
      .locator('.explorer-folders-view .monaco-list-row')
      .filter({ hasText: new RegExp(`^${name.replace('.', '\\.')}$`) });
    const expanded = await row.first().getAttribute('aria-expanded', { timeout: LOCATOR_MS });
    if (i < parts.length - 1 && expanded === 'true') continue;
    await row.first().click();
  }
}

/** The palette title of a command the installed extension contributes, e.g. "Bulwark: Show Output". */
function paletteTitle(extensionsDir, id) {
  const dir = readdirSync(extensionsDir).find((d) => d.startsWith('bulwark.bulwark-'));
  if (!dir) throw new Error(`bulwark is not installed in ${extensionsDir}`);
  const manifest = JSON.parse(readFileSync(join(extensionsDir, dir, 'package.json'), 'utf8'));
  const c = (manifest.contributes?.commands ?? []).find((x) => x.command === id);
  if (!c) throw new Error(`package.json contributes no command ${id}`);
  return c.category ? `${c.category}: ${c.title}` : c.title;
}

const CHECKS = [
  {
    name: 'squiggles appear on a broken Kubernetes manifest',
    async run(page) {
      await openFromExplorer(page, 'k8s/broken.yaml');
      await page.locator('.monaco-editor .squiggly-error').first().waitFor({ state: 'visible' });
    },
  },
  {
    name: 'the Problems panel lists the finding with its rule id',
    async run(page) {
      const status = page.locator('#status\\.problems');
      await status.waitFor({ state: 'visible' });
      await page.waitForFunction(
        () =>
          /Errors: [1-9]/.test(
            globalThis.document.querySelector('#status\\.problems')?.getAttribute('aria-label') ?? '',
          ),
        undefined,
        { timeout: LOCATOR_MS },
      );
      await page.keyboard.press('Control+Shift+M');
      await page
        .locator('.markers-panel .monaco-list-row')
        .filter({ hasText: 'k8s/syntax' })
        .first()
        .waitFor({ state: 'visible' });
    },
  },
  {
    name: 'a command runs from the palette (Show Output)',
    async run(page, run) {
      const title = paletteTitle(run.extensionsDir, 'bulwark.showOutput');
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input.input');
      await input.waitFor({ state: 'visible' });
      await input.fill(`>${title}`);
      await page
        .locator('.quick-input-list .monaco-list-row')
        .filter({ hasText: title })
        .first()
        .waitFor({ state: 'visible' });
      await page.keyboard.press('Enter');
      // The Output view opens on the Bulwark channel (its picker shows the channel name).
      await page
        .locator('.part.panel .output-view .view-lines')
        .filter({ hasText: /\S/ })
        .first()
        .waitFor({ state: 'visible' });
      await page.waitForFunction(
        () =>
          [...globalThis.document.querySelectorAll('.part.panel select.monaco-select-box')].some(
            (select) => select.selectedOptions[0]?.textContent?.trim() === 'Bulwark',
          ),
        undefined,
        { timeout: LOCATOR_MS },
      );
    },
  },
  {
    name: 'the Bulwark activity-bar container opens on its Targets view',
    async run(page) {
      await page.locator('.activitybar [aria-label^="Bulwark"]').first().click();
      await page.locator('.pane-header').filter({ hasText: 'Targets' }).first().waitFor({ state: 'visible' });
      // The tree rendered the extension's data: the environment row of the fixture's .bulwark.yaml.
      await page
        .locator('.pane-body .monaco-list-row')
        .filter({ hasText: 'Environment: dev' })
        .first()
        .waitFor({ state: 'visible' });
    },
  },
];

function slug(s) {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export async function runUiChecks({ vsix, folder }) {
  const result = { suite: 'ui', passes: 0, failures: 0, pending: 0, failed: [], metrics: {} };
  mkdirSync(OUTPUT_DIR, { recursive: true });
  const run = makeRunDir('bulwark-e2e-ui-');
  seedUserSettings(run.userDataDir);
  let server;
  let browser;
  try {
    await installVsix(run, vsix);
    const t0 = Date.now();
    server = await startCodeServer(run, { port: await freePort() });
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(LOCATOR_MS);
    await page.goto(workbenchUrl(server, { folder }));
    await page.locator('.monaco-workbench').waitFor({ state: 'visible' });
    result.metrics.uiWorkbenchVisibleMs = Date.now() - t0;
    for (const [i, check] of CHECKS.entries()) {
      const shot = join(OUTPUT_DIR, `ui-${i + 1}-${slug(check.name)}`);
      const checkStart = Date.now();
      try {
        await check.run(page, run);
        result.passes++;
        console.log(`  ✔ ${check.name} (${Date.now() - checkStart} ms)`);
        await page.screenshot({ path: `${shot}.png` });
      } catch (err) {
        result.failures++;
        result.failed.push(check.name);
        console.log(
          `  ✖ ${check.name}\n    ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`,
        );
        await page.screenshot({ path: `${shot}-failed.png` }).catch(() => {});
      }
      if (i === 0) result.metrics.uiServerStartToSquigglesMs = Date.now() - t0;
    }
  } catch (err) {
    result.failures++;
    result.failed.push(`setup: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    await browser?.close().catch(() => {});
    if (server) killGroup(server.child);
    run.remove();
  }
  return result;
}
