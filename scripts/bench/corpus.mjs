// Seeded corpora for the benchmark: multi-document Kubernetes manifests of a given size, Compose
// files, Terraform files, and a repository of many of them. Same seed, same bytes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: small, fast, good enough to vary names and shapes reproducibly. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (rnd, xs) => xs[Math.floor(rnd() * xs.length)];

function deployment(rnd, i) {
  const name = `app-${i}`;
  const digest = (Math.floor(rnd() * 2 ** 32) >>> 0).toString(16).padStart(8, '0').repeat(8);
  const image = `${pick(rnd, ['nginx:1.27', 'redis:7.2', 'ghcr.io/acme/api:2.3.1', 'busybox:1.36'])}@sha256:${digest}`;
  const replicas = 2 + Math.floor(rnd() * 4);
  const port = 8000 + (i % 1000);
  // Most documents are clean; some carry what real manifests carry: a missing limit, a typo.
  const limits =
    rnd() < 0.9 ? ['            limits:', '              cpu: 500m', '              memory: 256Mi'] : [];
  const typo = rnd() < 0.03 ? ['          imagePullPolicyy: Always'] : [];
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    `  namespace: team-${i % 17}`,
    '  labels:',
    `    app: ${name}`,
    `    tier: ${pick(rnd, ['web', 'cache', 'worker'])}`,
    '  annotations:',
    `    owner: team-${i % 17}@example.com`,
    'spec:',
    `  replicas: ${replicas}`,
    '  selector:',
    '    matchLabels:',
    `      app: ${name}`,
    '  template:',
    '    metadata:',
    '      labels:',
    `        app: ${name}`,
    '    spec:',
    '      automountServiceAccountToken: false',
    '      securityContext:',
    '        runAsNonRoot: true',
    '        seccompProfile:',
    '          type: RuntimeDefault',
    '      containers:',
    `        - name: ${name}`,
    `          image: ${image}`,
    ...typo,
    '          ports:',
    `            - containerPort: ${port}`,
    '          env:',
    '            - name: LOG_LEVEL',
    `              value: ${pick(rnd, ['debug', 'info', 'warn'])}`,
    '          securityContext:',
    '            allowPrivilegeEscalation: false',
    '            readOnlyRootFilesystem: true',
    '            capabilities:',
    '              drop: ["ALL"]',
    '          resources:',
    '            requests:',
    '              cpu: 100m',
    '              memory: 128Mi',
    ...limits,
    '          readinessProbe:',
    '            httpGet:',
    '              path: /healthz',
    `              port: ${port}`,
    '          livenessProbe:',
    '            httpGet:',
    '              path: /livez',
    `              port: ${port}`,
    ...(rnd() < 0.8 ? sidecar(digest) : []),
  ];
}

/** A log-shipping sidecar with a volume: bigger documents, as real manifests have. */
function sidecar(digest) {
  return [
    '        - name: log-shipper',
    `          image: fluent/fluent-bit:3.1@sha256:${digest}`,
    '          args: ["--config", "/etc/fluent-bit/fluent-bit.conf"]',
    '          volumeMounts:',
    '            - name: logs',
    '              mountPath: /var/log/app',
    '              readOnly: true',
    '          securityContext:',
    '            allowPrivilegeEscalation: false',
    '            readOnlyRootFilesystem: true',
    '            capabilities:',
    '              drop: ["ALL"]',
    '          resources:',
    '            requests:',
    '              cpu: 20m',
    '              memory: 32Mi',
    '            limits:',
    '              cpu: 100m',
    '              memory: 64Mi',
    '          livenessProbe:',
    '            exec:',
    '              command: ["/fluent-bit/bin/fluent-bit", "--version"]',
    '      volumes:',
    '        - name: logs',
    '          emptyDir: {}',
  ];
}

function service(rnd, i) {
  return [
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    `  name: app-${i}`,
    `  namespace: team-${i % 17}`,
    'spec:',
    '  type: ClusterIP',
    '  selector:',
    `    app: app-${i}`,
    '  ports:',
    '    - port: 80',
    `      targetPort: ${8000 + (i % 1000)}`,
  ];
}

function disruptionBudget(i) {
  return [
    'apiVersion: policy/v1',
    'kind: PodDisruptionBudget',
    'metadata:',
    `  name: app-${i}`,
    `  namespace: team-${i % 17}`,
    'spec:',
    '  minAvailable: 1',
    '  selector:',
    '    matchLabels:',
    `      app: app-${i}`,
  ];
}

function configMap(rnd, i) {
  return [
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    `  name: config-${i}`,
    `  namespace: team-${i % 17}`,
    'data:',
    `  region: ${pick(rnd, ['eu-west-1', 'us-east-1', 'ap-south-1'])}`,
    `  feature-flags: "${Math.floor(rnd() * 1e6)}"`,
  ];
}

/** The documents of one application: a Deployment with its Service and budget, or a ConfigMap. */
function k8sUnit(rnd, i) {
  if (rnd() < 0.1) return [configMap(rnd, i)];
  return [deployment(rnd, i), service(rnd, i), disruptionBudget(i)];
}

/** A multi-document manifest of at least `lines` lines, or of at least `bytes` bytes. */
export function k8sManifest(seed, { lines = Infinity, bytes = Infinity }) {
  const rnd = prng(seed);
  const out = [];
  let size = 0;
  let docs = 0;
  for (let i = 0; out.length < lines && size < bytes; i++) {
    for (const doc of k8sUnit(rnd, i)) {
      if (docs > 0) doc.unshift('---');
      for (const l of doc) size += l.length + 1;
      out.push(...doc);
      docs++;
    }
  }
  return { text: out.join('\n') + '\n', docs };
}

export function composeFile(seed) {
  const rnd = prng(seed);
  const out = ['services:'];
  const n = 2 + Math.floor(rnd() * 5);
  for (let i = 0; i < n; i++) {
    out.push(
      `  svc${i}:`,
      `    image: ${pick(rnd, ['postgres:16', 'redis:7', 'nginx:1.27', 'acme/api:1.4'])}`,
      '    restart: unless-stopped',
      '    environment:',
      `      LOG_LEVEL: ${pick(rnd, ['debug', 'info'])}`,
      '    ports:',
      `      - "127.0.0.1:${5000 + i}:${5000 + i}"`,
    );
    if (rnd() < 0.7) out.push('    mem_limit: 512m', '    pids_limit: 200');
    if (rnd() < 0.6) out.push('    healthcheck:', '      test: ["CMD", "true"]', '      interval: 30s');
  }
  return out.join('\n') + '\n';
}

function tfBlocks(rnd, i) {
  const r = rnd();
  if (r < 0.4) {
    return [
      `resource "aws_s3_bucket" "b${i}" {`,
      `  bucket = "bucket-${i}"`,
      '  tags = {',
      `    team  = "team-${i % 13}"`,
      '    owner = var.owner',
      '  }',
      '}',
      '',
      `resource "aws_s3_bucket_versioning" "b${i}" {`,
      `  bucket = aws_s3_bucket.b${i}.id`,
      '  versioning_configuration {',
      '    status = "Enabled"',
      '  }',
      '}',
      '',
    ];
  }
  if (r < 0.7) {
    return [
      `resource "aws_instance" "vm${i}" {`,
      '  ami           = var.ami',
      `  instance_type = "${pick(rnd, ['t3.micro', 't3.small', 'm5.large'])}"`,
      `  count         = ${1 + Math.floor(rnd() * 3)}`,
      '  tags = merge(local.tags, {',
      `    Name = "vm-${i}"`,
      '  })',
      '}',
      '',
    ];
  }
  if (r < 0.85) {
    return [
      `variable "v${i}" {`,
      '  type    = string',
      `  default = "value-${i}"`,
      '}',
      '',
      `output "o${i}" {`,
      `  value = "\${var.v${i}}-suffix"`,
      '}',
      '',
    ];
  }
  return [
    `locals {`,
    `  name_${i} = "name-${i}"`,
    `  list_${i} = [for s in ["a", "b", "c"] : upper(s)]`,
    '}',
    '',
  ];
}

const TF_HEADER = [
  'terraform {',
  '  required_providers {',
  '    aws = {',
  '      source  = "hashicorp/aws"',
  '      version = "~> 5.0"',
  '    }',
  '  }',
  '}',
  '',
  'variable "owner" {',
  '  type    = string',
  '  default = "platform"',
  '}',
  '',
  'variable "ami" {',
  '  type    = string',
  '  default = "ami-123456"',
  '}',
  '',
  'locals {',
  '  tags = { env = "bench" }',
  '}',
  '',
];

/** One .tf file of at least `lines` lines; `header` declares the variables and locals it uses. */
export function terraformFile(seed, lines, header = true) {
  const rnd = prng(seed);
  const out = header ? [...TF_HEADER] : [];
  for (let i = 0; out.length < lines; i++) out.push(...tfBlocks(rnd, i + seed * 1000));
  return out.join('\n') + '\n';
}

/**
 * The repository of the workspace-check benchmark: `manifests` Kubernetes files, `compose`
 * Compose files and `tf` Terraform files spread over `modules` folders. Returns every path.
 */
export function writeRepository(dir, { manifests = 1000, compose = 500, tf = 500, modules = 100, seed = 7 }) {
  const files = [];
  const write = (rel, text) => {
    const p = join(dir, rel);
    mkdirSync(join(p, '..'), { recursive: true });
    writeFileSync(p, text);
    files.push(p);
  };
  for (let i = 0; i < manifests; i++) {
    const lines = 40 + Math.floor(prng(seed + i)() * 200);
    write(`k8s/app-${i % 50}/manifest-${i}.yaml`, k8sManifest(seed * 10_000 + i, { lines }).text);
  }
  for (let i = 0; i < compose; i++) write(`compose/stack-${i}/compose.yaml`, composeFile(seed * 20_000 + i));
  for (let i = 0; i < tf; i++) {
    const m = i % modules;
    const first = i < modules;
    write(`infra/module-${m}/${first ? 'main' : `part-${i}`}.tf`, terraformFile(i + 1, 60, first));
  }
  return files;
}
