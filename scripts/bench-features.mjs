// `npm run bench:features`: hover, completion and outline latency of the editor features core
// on a seeded 20k-line Kubernetes manifest (about 1,000 documents), as the language server calls
// them. Three request streams, each at seeded random positions:
//   - hover / completion on the text the last check saw (the common case: the check runs first);
//   - completion right after a keystroke (a new half-typed key line), before any check ran;
//   - document symbols (outline) on the unchanged text.
// Prints p50 / p95 / max per stream. Not part of `npm test`. Needs `npm run build` (assets).
//
// Environment: FEATURES_REQUESTS (default 200) requests per stream; FEATURES_SEED (default 7).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Analyzer } from '../server/src/core/analyzer.ts';
import { EditorFeatures } from '../server/src/core/features/service.ts';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const requests = Number(process.env.FEATURES_REQUESTS ?? 200);
const seed = Number(process.env.FEATURES_SEED ?? 7);

const tmp = mkdtempSync(join(tmpdir(), 'bulwark-bench-features-'));
try {
  await main();
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

async function main() {
  const { text, docs } = k8sManifest(seed, 20_000);
  const path = join(tmp, 'm20k.yaml');
  const host = { readFile: (p) => (p === path ? text : undefined), listDir: () => [] };
  const analyzer = await Analyzer.create(host, { assetsDir: join(root, 'dist') });
  const features = new EditorFeatures(analyzer.sources, (id) => `https://example.invalid/${id}`);
  const lines = text.split('\n');
  const t0 = performance.now();
  analyzer.analyze(path, text);
  console.error(
    `manifest: ${lines.length - 1} lines, ${docs} documents; first check ${ms(performance.now() - t0)}`,
  );

  const rnd = prng(seed + 1);
  const randomPos = () => {
    const line = Math.floor(rnd() * (lines.length - 1));
    return { line, character: Math.floor(rnd() * (lines[line].length + 1)) };
  };
  const rows = [];
  // Warm the schema navigators (first use compiles per kind), as an editor session would.
  for (let i = 0; i < 20; i++) features.completion(path, text, randomPos());

  rows.push(['hover', time(requests, (p) => features.hover(path, text, p), randomPos)]);
  rows.push(['completion', time(requests, (p) => features.completion(path, text, p), randomPos)]);

  // A keystroke: a half-typed key on a new line under a random container key, then completion.
  let current = text;
  rows.push([
    'completion after a keystroke',
    time(
      requests,
      (at) => features.completion(path, at.text, at.pos),
      () => {
        const at = keyLineAt(current.split('\n'), rnd);
        current = at.text;
        return at;
      },
    ),
  ]);
  analyzer.analyze(path, text);
  rows.push(['outline (document symbols)', time(Math.min(requests, 50), () => features.symbols(path, text))]);

  console.log('| request | n | p50 | p95 | max |');
  console.log('|---|---:|---:|---:|---:|');
  for (const [name, t] of rows)
    console.log(`| ${name} | ${t.n} | ${ms(t.p50)} | ${ms(t.p95)} | ${ms(t.max)} |`);
}

/** A new line `<indent>re` typed below a random `key:` line that opens a mapping. */
function keyLineAt(lines, rnd) {
  for (;;) {
    const l = Math.floor(rnd() * (lines.length - 1));
    const m = /^(\s*(?:- )?)[\w.-]+:\s*$/.exec(lines[l]);
    if (!m) continue;
    const indent = ' '.repeat(m[1].length + 2);
    const typed = `${indent}re`;
    const out = [...lines.slice(0, l + 1), typed, ...lines.slice(l + 1)];
    return { text: out.join('\n'), pos: { line: l + 1, character: typed.length } };
  }
}

/** Times `f` n times; `prepare` (untimed) makes each call's argument. */
function time(n, f, prepare = () => undefined) {
  const samples = [];
  for (let i = 0; i < n; i++) {
    const arg = prepare();
    const t = performance.now();
    f(arg);
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  const q = (p) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))];
  return { n, p50: q(0.5), p95: q(0.95), max: samples.at(-1) };
}

function ms(x) {
  return `${x.toFixed(1)} ms`;
}

/** mulberry32: small, fast, reproducible. */
function prng(s) {
  let a = s >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Deployment + Service + PodDisruptionBudget units (some ConfigMaps) up to `minLines` lines. */
function k8sManifest(s, minLines) {
  const rnd = prng(s);
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const out = [];
  let docs = 0;
  const push = (doc) => {
    if (docs++ > 0) out.push('---');
    out.push(...doc);
  };
  for (let i = 0; out.length < minLines; i++) {
    const name = `app-${i}`;
    const ns = `team-${i % 17}`;
    if (rnd() < 0.1) {
      push([
        'apiVersion: v1',
        'kind: ConfigMap',
        'metadata:',
        `  name: ${name}`,
        `  namespace: ${ns}`,
        'data:',
        `  region: ${pick(['eu-west-1', 'us-east-1'])}`,
      ]);
      continue;
    }
    const port = 8000 + (i % 1000);
    push([
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      `  name: ${name}`,
      `  namespace: ${ns}`,
      '  labels:',
      `    app: ${name}`,
      'spec:',
      `  replicas: ${2 + Math.floor(rnd() * 4)}`,
      '  selector:',
      '    matchLabels:',
      `      app: ${name}`,
      '  template:',
      '    metadata:',
      '      labels:',
      `        app: ${name}`,
      '    spec:',
      '      securityContext:',
      '        runAsNonRoot: true',
      '      containers:',
      `        - name: ${name}`,
      `          image: ${pick(['nginx:1.27', 'redis:7.2', 'ghcr.io/acme/api:2.3.1'])}`,
      ...(rnd() < 0.03 ? ['          imagePullPolicyy: Always'] : []),
      '          ports:',
      `            - containerPort: ${port}`,
      '          env:',
      '            - name: LOG_LEVEL',
      `              value: ${pick(['debug', 'info', 'warn'])}`,
      '          securityContext:',
      '            allowPrivilegeEscalation: false',
      '            readOnlyRootFilesystem: true',
      '          resources:',
      '            requests:',
      '              cpu: 100m',
      '              memory: 128Mi',
      '            limits:',
      '              cpu: 500m',
      '              memory: 256Mi',
      '          readinessProbe:',
      '            httpGet:',
      '              path: /healthz',
      `              port: ${port}`,
    ]);
    push([
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      `  name: ${name}`,
      `  namespace: ${ns}`,
      'spec:',
      '  selector:',
      `    app: ${name}`,
      '  ports:',
      '    - port: 80',
      `      targetPort: ${port}`,
    ]);
    push([
      'apiVersion: policy/v1',
      'kind: PodDisruptionBudget',
      'metadata:',
      `  name: ${name}`,
      `  namespace: ${ns}`,
      'spec:',
      '  minAvailable: 1',
      '  selector:',
      '    matchLabels:',
      `      app: ${name}`,
    ]);
  }
  return { text: out.join('\n') + '\n', docs };
}
