import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer } from '../../server/src/core/analyzer';
import { EditorFeatures } from '../../server/src/core/features/service';
import { FolderCache } from '../../server/src/core/rules/engine/k8s';
import type { Finding } from '../../server/src/core/types';
import { ASSETS, diskHost } from '../helpers/analyzer';
import { prng, randomEdit } from './incrementalKit';

/**
 * The files of a folder share one index of the folder's objects (each file syncs it to its own
 * view before its relating rules run). Files analysed in any order, edited, closed and opened
 * again must each get exactly the findings of a fresh analysis.
 */
describe('one folder index shared by the files of a folder', () => {
  test('one index per folder, another for another folder', () => {
    const cache = new FolderCache();
    const a = cache.folderIndex('/w/app/a.yaml');
    assert.equal(cache.folderIndex('/w/app/b.yaml'), a);
    assert.notEqual(cache.folderIndex('/w/other/a.yaml'), a);
    assert.equal(cache.folderIndex('C:\\w\\app\\c.yaml'), cache.folderIndex('C:\\w\\app\\d.yml'));
  });

  test('related files of two folders edited, analysed in any order, closed, reopened: as from scratch', async () => {
    const dir = '/bulwark-shared-folder-index';
    // The fourth file, in another folder, takes the shared index away between the others.
    const paths = [...['a', 'b', 'c'].map((n) => `${dir}/${n}.yaml`), `${dir}-2/d.yaml`];
    const files: Record<string, string> = {};
    const host = diskHost(files);
    const inc = await Analyzer.create(host, { assetsDir: ASSETS });
    const fresh = await Analyzer.create(host, { assetsDir: ASSETS });
    const rnd = prng(29);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
    const docs: string[][] = [
      [DOCS[0], DOCS[2]],
      [DOCS[3], DOCS[5]],
      [DOCS[1], DOCS[6]],
      [DOCS[0], DOCS[3]],
    ] as string[][];
    const relatingSets = new Set<string>();
    let compared = 0;
    for (let k = 0; k < 150; k++) {
      const f = Math.floor(rnd() * docs.length);
      const own = docs[f] as string[];
      const r = rnd();
      if (r < 0.3 && own.length < 6) own.splice(Math.floor(rnd() * (own.length + 1)), 0, pick(DOCS));
      else if (r < 0.5 && own.length > 1) own.splice(Math.floor(rnd() * own.length), 1);
      else {
        const i = Math.floor(rnd() * own.length);
        own[i] = randomEdit(rnd, own[i] as string, ['a', 'b', '1', '']).replace(/^-+/, '');
      }
      for (const [i, p] of paths.entries()) files[p] = (docs[i] as string[]).join('---\n');
      // A closed file drops its memo (and its hold on the shared index).
      if (rnd() < 0.15) inc.forget(pick(paths));
      const order = [...paths].sort(() => rnd() - 0.5);
      for (const p of order) {
        const got = inc.analyze(p, files[p] as string);
        for (const q of paths) fresh.forget(q);
        const want = fresh.analyze(p, files[p] as string);
        assert.deepEqual(canonical(got.findings), canonical(want.findings), `edit ${k}, ${p}`);
        compared++;
        relatingSets.add(
          want.findings
            .filter((x) => RELATING.has(x.ruleId))
            .map((x) => `${x.range.start.line}:${x.message}`)
            .join('|'),
        );
      }
    }
    assert.equal(compared, 600);
    assert.ok(relatingSets.size > 15, `relating findings changed often (${relatingSets.size} sets)`);
  });
});

/**
 * `bulwark check` releases each file's syntax trees once its checks are done, and goes on to the
 * folder's other files: their relating rules read its objects, so those must not need the tree.
 */
describe('trees released after each file of a batch run', () => {
  test('the other files get the findings of a fresh analysis, and the released file is parsed again only when asked', async () => {
    const dir = '/bulwark-released-trees';
    const files: Record<string, string> = {
      [`${dir}/a.yaml`]: [DOCS[0], DOCS[2]].join('---\n'),
      [`${dir}/b.yaml`]: [DOCS[3], DOCS[1]].join('---\n'),
      [`${dir}/c.yaml`]: [DOCS[6], DOCS[5]].join('---\n'),
    };
    const host = diskHost(files);
    const batch = await Analyzer.create(host, { assetsDir: ASSETS });
    const fresh = await Analyzer.create(host, { assetsDir: ASSETS });
    let relating = 0;
    for (const [p, text] of Object.entries(files)) {
      const got = batch.analyze(p, text);
      batch.releaseTrees(p);
      const want = fresh.analyze(p, text);
      for (const q of Object.keys(files)) fresh.forget(q);
      assert.deepEqual(canonical(got.findings), canonical(want.findings), p);
      relating += want.findings.filter((f) => RELATING.has(f.ruleId)).length;
    }
    assert.ok(relating >= 2, `relating rules reported (${relating})`);
    // Nothing above parsed a released file again: its objects were read from its values.
    assert.equal(batch.syntaxTreesReparsed, 0);
    // The released file's trees are gone: a hover on it parses its document again, while a
    // file analysed but not released answers from the tree it holds.
    const features = new EditorFeatures(batch.sources, (id) => `https://docs.invalid/${id}`);
    const at = { line: 1, character: 2 };
    const [first, text] = Object.entries(files)[0] as [string, string];
    assert.ok(features.hover(first, text, at));
    assert.equal(batch.syntaxTreesReparsed, 1);
    const held = `${dir}/d.yaml`;
    batch.analyze(held, text);
    assert.ok(features.hover(held, text, at));
    assert.equal(batch.syntaxTreesReparsed, 1);
  });
});

/**
 * A batch run (`checkedOnce`) begins every file of a folder, releasing its trees, before it
 * finishes any: the relating rules run last, on objects read from values, and the documents
 * they report on are parsed again.
 */
describe('a folder begun file by file, then finished', () => {
  test('each file gets the findings of a fresh analysis, relating ones included', async () => {
    const dir = '/bulwark-two-steps';
    const files: Record<string, string> = {
      [`${dir}/a.yaml`]: [DOCS[0], DOCS[2]].join('---\n'),
      [`${dir}/b.yaml`]: [DOCS[1], DOCS[6]].join('---\n'),
      [`${dir}/c.yaml`]: [DOCS[4], DOCS[5]].join('---\n'),
    };
    const host = diskHost(files);
    const batch = await Analyzer.create(host, { assetsDir: ASSETS, checkedOnce: true });
    const fresh = await Analyzer.create(host, { assetsDir: ASSETS });
    const begun = Object.entries(files).map(([p, text]) => {
      const pending = batch.begin(p, text);
      batch.releaseTrees(p);
      return [p, text, pending] as const;
    });
    // The relating rules have not run yet: nothing was parsed again so far.
    assert.equal(batch.syntaxTreesReparsed, 0);
    let relating = 0;
    for (const [p, text, pending] of begun) {
      const got = pending.finish();
      for (const q of Object.keys(files)) fresh.forget(q);
      const want = fresh.analyze(p, text);
      assert.deepEqual(canonical(got.findings), canonical(want.findings), p);
      relating += want.findings.filter((f) => RELATING.has(f.ruleId)).length;
    }
    assert.ok(relating >= 2, `relating rules reported (${relating})`);
    assert.ok(batch.syntaxTreesReparsed > 0, 'the documents reported on were parsed again');
  });
});

function canonical(findings: Finding[]): string[] {
  return findings.map((f) => JSON.stringify(f)).sort();
}

const RELATING = new Set([
  'k8s/missing-pod-disruption-budget',
  'k8s/service-selector-mismatch',
  'k8s/single-replica',
  'k8s/automount-service-account-token',
]);

const workload = (name: string, app: string, replicas: number, sa?: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: ${app}}
  template:
    metadata:
      labels: {app: ${app}}
    spec:
${sa ? `      serviceAccountName: ${sa}\n` : ''}      containers:
        - name: c
          image: nginx:1.27
`;

const DOCS = [
  workload('a', 'app-a', 3),
  workload('b', 'app-b', 1, 'quiet'),
  `apiVersion: v1
kind: Service
metadata:
  name: svc-a
spec:
  selector:
    app: app-a
`,
  `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: pdb-a
spec:
  minAvailable: 1
  selector:
    matchLabels: {app: app-a}
`,
  `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: hpa-b
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: b}
  minReplicas: 2
  maxReplicas: 4
`,
  `apiVersion: v1
kind: ServiceAccount
metadata:
  name: quiet
automountServiceAccountToken: false
`,
  `apiVersion: v1
kind: Service
metadata:
  name: svc-b
spec:
  selector:
    app: app-b
`,
];
