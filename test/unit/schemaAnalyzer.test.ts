import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sharedAnalyzer } from '../helpers/analyzer';
import { rows } from './schemaTestKit';

/** The schema checks' own rule ids (anti-pattern rules may add findings of their own). */
const SCHEMA_RULE = /^(?:k8s|compose)\/(?:schema-|unknown-kind|unknown-api-version|no-schema)/;

async function schemaRows(path: string, text: string) {
  const analyzer = await sharedAnalyzer();
  const result = analyzer.analyze(path, text);
  return { kind: result.kind, rows: rows(result.findings.filter((f) => SCHEMA_RULE.test(f.ruleId))) };
}

describe('schema checks through the Analyzer (schemas loaded from the built assets)', () => {
  test('a Kubernetes manifest', async () => {
    const text = `apiVersion: v1
kind: ConfigMap
metadata: {name: a}
---
apiVersion: apps/v1
kind: Deploymnet
---
apiVersion: cert-manager.io/v1
kind: Issuer
`;
    assert.deepEqual(await schemaRows('/work/app/manifests.yaml', text), {
      kind: 'kubernetes',
      rows: [
        [
          'k8s/unknown-kind',
          '6:7-6:17',
          "Unknown kind 'Deploymnet' for apiVersion 'apps/v1'; did you mean 'Deployment'?",
        ],
        [
          'k8s/no-schema',
          '9:7-9:13',
          'No schema for Issuer (cert-manager.io/v1): not a built-in Kubernetes 1.30 API, so its fields are not checked',
        ],
      ],
    });
  });

  test('a Compose file', async () => {
    const text = 'services:\n  web:\n    imagee: nginx\n    ports: ["${PORT:-80}:80"]\n';
    assert.deepEqual(await schemaRows('/work/app/compose.yaml', text), {
      kind: 'compose',
      rows: [['compose/schema-unknown-field', '3:5-3:11', "Unknown field 'imagee'; did you mean 'image'?"]],
    });
  });
});
