import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigResolver } from '../../server/src/core/config/config';
import type { AnalyzeOptions } from '../../server/src/core/analyzer';
import { diskHost, sharedAnalyzer } from '../helpers/analyzer';

const root = mkdtempSync(join(tmpdir(), 'bulwark-config-'));
after(() => rmSync(root, { recursive: true, force: true }));
let n = 0;

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  hostPID: true
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        privileged: true
`;

/** Writes files under a fresh folder; returns its path. */
function tree(files: Record<string, string>): string {
  const dir = join(root, String(n++));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

async function findings(
  path: string,
  options?: AnalyzeOptions,
  ids = /privileged|host-pid/,
): Promise<string[]> {
  const analyzer = await sharedAnalyzer();
  const text = diskHost().readFile(path) ?? '';
  return analyzer
    .analyze(path, text, options)
    .findings.filter((f) => ids.test(f.ruleId))
    .map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.ruleId} ${f.severity}`);
}

describe('.bulwark.yaml applies to the files below it', () => {
  test('defaults without a config', async () => {
    const dir = tree({ 'pod.yaml': POD });
    assert.deepEqual(await findings(join(dir, 'pod.yaml')), [
      '6:3 k8s/host-pid error',
      '11:9 k8s/privileged error',
    ]);
  });

  test('off and severity override; a nested config overrides its parent', async () => {
    const dir = tree({
      '.bulwark.yaml': 'rules:\n  k8s/privileged: off\n  k8s/host-pid: warning\n',
      'apps/.bulwark.yaml': 'rules:\n  k8s/privileged: info\n',
      'pod.yaml': POD,
      'apps/web/pod.yaml': POD,
    });
    assert.deepEqual(await findings(join(dir, 'pod.yaml')), ['6:3 k8s/host-pid warning']);
    assert.deepEqual(await findings(join(dir, 'apps/web/pod.yaml')), [
      '6:3 k8s/host-pid warning',
      '11:9 k8s/privileged info',
    ]);
  });

  test('exclude globs are relative to the config folder', async () => {
    const dir = tree({
      '.bulwark.yaml': 'exclude:\n  - "vendor/**"\n  - "**/*.generated.yaml"\n',
      'vendor/x/pod.yaml': POD,
      'apps/pod.generated.yaml': POD,
      'apps/pod.yaml': POD,
    });
    assert.deepEqual(await findings(join(dir, 'vendor/x/pod.yaml')), []);
    assert.deepEqual(await findings(join(dir, 'apps/pod.generated.yaml')), []);
    assert.equal((await findings(join(dir, 'apps/pod.yaml'))).length, 2);
  });

  test('editor overrides win over the file', async () => {
    const dir = tree({ '.bulwark.yaml': 'rules:\n  k8s/privileged: off\n', 'pod.yaml': POD });
    const got = await findings(join(dir, 'pod.yaml'), {
      overrides: { rules: { 'k8s/privileged': 'hint', 'k8s/host-pid': 'off' } },
    });
    assert.deepEqual(got, ['11:9 k8s/privileged hint']);
  });

  test('a suppression of a rule that is off is not reported as unused', async () => {
    const text = POD.replace(
      '        privileged: true',
      '        privileged: true # bulwark-ignore k8s/privileged -- agent',
    );
    const dir = tree({ '.bulwark.yaml': 'rules:\n  k8s/privileged: off\n', 'pod.yaml': text });
    assert.deepEqual(await findings(join(dir, 'pod.yaml'), undefined, /privileged|suppression/), []);
  });

  test('terraform settings are resolved', () => {
    const dir = tree({ '.bulwark.yaml': 'terraform:\n  requiredTags: [owner, env]\n', 'infra/main.tf': '' });
    const resolved = new ConfigResolver(diskHost()).resolve(join(dir, 'infra/main.tf'));
    assert.deepEqual(resolved.settings, { terraform: { requiredTags: ['owner', 'env'] } });
  });
});

describe('.bulwark.yaml is validated by its own schema', () => {
  async function configFindings(text: string): Promise<string[]> {
    const dir = tree({ '.bulwark.yaml': text });
    const analyzer = await sharedAnalyzer();
    const r = analyzer.analyze(join(dir, '.bulwark.yaml'), text);
    assert.equal(r.kind, 'config');
    return r.findings.map(
      (f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.ruleId} ${f.message}`,
    );
  }

  test('a valid config has no findings', async () => {
    const text =
      'rules:\n  k8s/privileged: off\n  k8s/schema-unknown-field: warning\nexclude: ["a/**"]\nterraform:\n  requiredTags: [owner]\nenvironments:\n  prod: {}\n';
    assert.deepEqual(await configFindings(text), []);
  });

  test('unknown field, wrong type, unknown rule', async () => {
    const text =
      'rule:\n  k8s/privileged: off\nrules:\n  k8s/privilegd: off\n  k8s/host-pid: loud\nexclude: vendor\n';
    assert.deepEqual(await configFindings(text), [
      "1:1 config/schema-unknown-field Unknown field 'rule'; did you mean 'rules'?",
      "4:3 config/unknown-rule Unknown rule 'k8s/privilegd'; did you mean 'k8s/privileged'?",
      "5:17 config/schema-invalid Value 'loud' is not one of 'off', 'error', 'warning', 'info', 'hint'",
      '6:10 config/schema-type Expected array but found string',
    ]);
  });

  test('environments are checked in the editor: known keys, types, window times', async () => {
    const valid = [
      'environments:',
      '  staging:',
      '    kube: {context: kind-staging, namespace: shop}',
      '    terraform: {workspace: staging, varFiles: [staging.tfvars]}',
      '    compose: {project: shop-staging, envFile: .env.staging}',
      '  prod:',
      '    protected: true',
      '    autoRollback: true',
      '    promotesFrom: staging',
      '    windows:',
      '      - {days: [mon, tue, wed, thu, fri], start: "09:00", end: "17:00", timeZone: Europe/Berlin}',
      '',
    ].join('\n');
    assert.deepEqual(await configFindings(valid), []);
    const invalid = [
      'environments:',
      '  prod:',
      '    protectd: true',
      '    autoRollback: yes please',
      '    windows:',
      '      - {days: [mon], start: "9am", end: "17:00", timeZone: UTC}',
      '',
    ].join('\n');
    const found = await configFindings(invalid);
    assert.equal(found.length, 3, found.join('\n'));
    assert.match(
      found[0] ?? '',
      /^3:5 config\/schema-unknown-field Unknown field 'protectd'; did you mean 'protected'\?/,
    );
    assert.match(found[1] ?? '', /^4:19 config\/schema-type /);
    assert.equal(found[2], "6:30 config/schema-invalid Value '9am' is not valid here: 24-hour time HH:MM.");
  });
});
