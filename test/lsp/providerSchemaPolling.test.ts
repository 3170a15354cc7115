import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { TerraformProviderSchemaCache } from '../../server/src/node/terraformProviderSchemas';

/**
 * The server asks for a module's provider schemas on every check of a .tf file (each keystroke):
 * a folder terraform failed on must be answered from the cache, not loaded (and terraform and
 * PATH searched) again.
 */
test('a folder terraform failed on is current as unavailable until its lock file changes', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'bulwark-tf-poll-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const calls = join(dir, 'calls');
  const fake = join(dir, 'terraform');
  writeFileSync(fake, `#!/bin/sh\necho run >> '${calls}'\nexit 1\n`);
  chmodSync(fake, 0o755);
  writeFileSync(calls, '');
  const cache = new TerraformProviderSchemaCache({ terraformPath: fake, probeUninitialised: true });

  assert.equal(cache.current(dir), undefined, 'not loaded yet');
  assert.equal(await cache.load(dir), undefined);
  const known = cache.current(dir);
  assert.ok(known, 'known');
  assert.equal(known.schemas, undefined, 'as unavailable');
  assert.equal(cache.get(dir), undefined);
  assert.equal(readFileSync(calls, 'utf8'), 'run\n');

  writeFileSync(join(dir, '.terraform.lock.hcl'), '# locked\n');
  assert.equal(cache.current(dir), undefined, 'a new lock file makes it stale');
});
