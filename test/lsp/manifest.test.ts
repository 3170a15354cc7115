import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DEFAULT_SETTINGS } from '../../server/src/lsp/settings';
import { Commands } from '../../server/src/protocol';
import { ROOT } from '../helpers/analyzer';

interface Manifest {
  contributes: {
    commands: { command: string; title: string }[];
    configuration: {
      properties: Record<string, { default: unknown; description?: string; markdownDescription?: string }>;
    };
  };
  capabilities: { untrustedWorkspaces: { supported: string } };
  engines: { vscode: string };
}

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;

test('every contributed command is in the command table and the other way round', () => {
  assert.deepEqual(pkg.contributes.commands.map((c) => c.command).sort(), Object.values(Commands).sort());
});

test('every server setting is documented in package.json with the default the server uses', () => {
  const props = pkg.contributes.configuration.properties;
  const expected: Record<string, unknown> = {
    'bulwark.enable': DEFAULT_SETTINGS.enable,
    'bulwark.validate.debounceMs': DEFAULT_SETTINGS.validate.debounceMs,
    'bulwark.workspaceScan.enabled': DEFAULT_SETTINGS.workspaceScan.enabled,
    'bulwark.exclude': DEFAULT_SETTINGS.exclude,
    'bulwark.rules': DEFAULT_SETTINGS.rules,
    'bulwark.trace.server': 'off',
  };
  for (const [key, def] of Object.entries(expected)) {
    assert.ok(props[key], `${key} missing`);
    assert.deepEqual(props[key].default, def, key);
    assert.ok(
      (props[key].description ?? props[key].markdownDescription ?? '').length > 20,
      `${key} needs a description`,
    );
  }
  for (const key of Object.keys(props)) assert.match(key, /^bulwark\./);
});

test('validation runs in untrusted workspaces (limited support) on VS Code ^1.100.0', () => {
  assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
  assert.equal(pkg.engines.vscode, '^1.100.0');
});
