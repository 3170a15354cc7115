/**
 * A small Kubernetes API server on 127.0.0.1 that the REAL kubectl accepts: discovery, OpenAPI v3
 * (so kubectl sends fieldValidation=Strict instead of validating itself), server-side apply,
 * JSON/merge patches, list + watch, and a tiny deployment controller (ReplicaSets with revision
 * annotations and pod-template-hash, status moving up one replica per tick, an image whose name
 * contains "fail" ending in ProgressDeadlineExceeded, undo reusing the old ReplicaSet).
 * A test double for the cluster only: the product always runs real kubectl against real contexts.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface ResourceType {
  group: string;
  version: string;
  name: string;
  kind: string;
  namespaced: boolean;
  shortNames: string[];
}

const RESOURCES: ResourceType[] = [
  { group: '', version: 'v1', name: 'namespaces', kind: 'Namespace', namespaced: false, shortNames: ['ns'] },
  { group: '', version: 'v1', name: 'pods', kind: 'Pod', namespaced: true, shortNames: ['po'] },
  { group: '', version: 'v1', name: 'services', kind: 'Service', namespaced: true, shortNames: ['svc'] },
  { group: '', version: 'v1', name: 'configmaps', kind: 'ConfigMap', namespaced: true, shortNames: ['cm'] },
  {
    group: 'apps',
    version: 'v1',
    name: 'deployments',
    kind: 'Deployment',
    namespaced: true,
    shortNames: ['deploy'],
  },
  {
    group: 'apps',
    version: 'v1',
    name: 'replicasets',
    kind: 'ReplicaSet',
    namespaced: true,
    shortNames: ['rs'],
  },
];
const VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const REVISION = 'deployment.kubernetes.io/revision';

interface Watcher {
  res: ResourceType;
  namespace?: string;
  name?: string;
  labels?: Record<string, string>;
  out: ServerResponse;
}

interface Route {
  res: ResourceType;
  namespace?: string;
  name?: string;
  sub?: string;
}

export interface KubeApiServerOptions {
  /** Controller period; each tick moves a rollout by one replica. */
  tickMs?: number;
}

export class KubeApiServer {
  readonly requests: string[] = [];
  private server?: Server;
  private timer?: NodeJS.Timeout;
  private rv = 1;
  private readonly store = new Map<string, Obj>();
  private readonly watchers = new Set<Watcher>();
  /** Per deployment uid: template hash being rolled out and when it started. */
  private readonly progress = new Map<string, { hash: string; since: number }>();
  private dir = '';
  port = 0;
  kubeconfig = '';
  cacheDir = '';

  constructor(private readonly opts: KubeApiServerOptions = {}) {}

  async start(): Promise<void> {
    this.dir = mkdtempSync(join(tmpdir(), 'bulwark-kube-'));
    this.cacheDir = join(this.dir, 'cache');
    this.server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (body += c));
      req.on('end', () => {
        try {
          this.handle(req, res, body);
        } catch (e) {
          this.status(res, 500, 'InternalError', String(e));
        }
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    this.kubeconfig = join(this.dir, 'kubeconfig');
    writeFileSync(
      this.kubeconfig,
      [
        'apiVersion: v1',
        'kind: Config',
        'clusters:',
        `- name: test\n  cluster:\n    server: http://127.0.0.1:${this.port}`,
        'users:',
        '- name: test\n  user: {}',
        'contexts:',
        '- name: test-ctx\n  context:\n    cluster: test\n    user: test\n    namespace: default',
        'current-context: test-ctx',
        '',
      ].join('\n'),
    );
    this.timer = setInterval(() => this.reconcile(), this.opts.tickMs ?? 50);
  }

  /** Environment for kubectl: this server's kubeconfig and a private discovery cache. */
  env(): Record<string, string> {
    return { KUBECONFIG: this.kubeconfig, KUBECACHEDIR: this.cacheDir };
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    for (const w of this.watchers) w.out.end();
    this.watchers.clear();
    if (this.server) {
      this.server.closeAllConnections();
      await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    }
    rmSync(this.dir, { recursive: true, force: true });
  }

  get(resource: string, namespace: string | undefined, name: string): Obj | undefined {
    const res = RESOURCES.find((r) => r.name === resource);
    return res ? this.store.get(key(res, namespace, name)) : undefined;
  }

  list(resource: string, namespace?: string): Obj[] {
    const res = RESOURCES.find((r) => r.name === resource)!;
    return [...this.store.values()].filter(
      (o) => o.kind === res.kind && (namespace === undefined || o.metadata.namespace === namespace),
    );
  }

  // ---- HTTP ----

  private handle(req: IncomingMessage, res: ServerResponse, body: string): void {
    const url = new URL(req.url ?? '/', 'http://x');
    const method = req.method ?? 'GET';
    this.requests.push(`${method} ${url.pathname}${url.search}`);
    const p = url.pathname.replace(/\/$/, '');
    if (p === '/version') {
      return json(res, 200, { major: '1', minor: '30', gitVersion: 'v1.30.0', platform: 'linux/amd64' });
    }
    if (p === '/api') {
      return json(res, 200, {
        kind: 'APIVersions',
        versions: ['v1'],
        serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: `127.0.0.1:${this.port}` }],
      });
    }
    if (p === '/apis') {
      const gv = { groupVersion: 'apps/v1', version: 'v1' };
      return json(res, 200, {
        kind: 'APIGroupList',
        apiVersion: 'v1',
        groups: [{ name: 'apps', versions: [gv], preferredVersion: gv }],
      });
    }
    if (p === '/api/v1' || p === '/apis/apps/v1')
      return json(res, 200, resourceList(p === '/api/v1' ? '' : 'apps'));
    if (p === '/openapi/v3') {
      return json(res, 200, {
        paths: {
          'api/v1': { serverRelativeURL: '/openapi/v3/api/v1?hash=core1' },
          'apis/apps/v1': { serverRelativeURL: '/openapi/v3/apis/apps/v1?hash=apps1' },
          'apis/stable.example.com/v1': {
            serverRelativeURL: '/openapi/v3/apis/stable.example.com/v1?hash=crontab1',
          },
        },
      });
    }
    if (p === '/openapi/v3/api/v1') return json(res, 200, openApiDoc(''));
    if (p === '/openapi/v3/apis/apps/v1') return json(res, 200, openApiDoc('apps'));
    if (p === '/openapi/v3/apis/stable.example.com/v1') return json(res, 200, cronTabOpenApiDoc());
    const route = parseRoute(p);
    if (!route)
      return this.status(res, 404, 'NotFound', `the server could not find the requested resource (${p})`);
    return this.resource(req, res, url, method, route, body);
  }

  private resource(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    method: string,
    r: Route,
    body: string,
  ): void {
    const dryRun = url.searchParams.get('dryRun') === 'All';
    const k = r.name ? key(r.res, r.namespace, r.name) : '';
    if (method === 'GET' && !r.name) {
      const fieldName = /metadata\.name=([^,]+)/.exec(url.searchParams.get('fieldSelector') ?? '')?.[1];
      const labels = parseSelector(url.searchParams.get('labelSelector'));
      if (url.searchParams.get('watch') === 'true' || url.searchParams.get('watch') === '1') {
        return this.watch(
          res,
          { res: r.res, namespace: r.namespace, name: fieldName, labels, out: res },
          url,
        );
      }
      const items = [...this.store.values()].filter((o) =>
        matches(o, { res: r.res, namespace: r.namespace, name: fieldName, labels }),
      );
      return json(res, 200, {
        kind: `${r.res.kind}List`,
        apiVersion: apiVersion(r.res),
        metadata: { resourceVersion: String(this.rv) },
        items,
      });
    }
    const existing = r.name ? this.store.get(k) : undefined;
    if (method === 'GET') {
      return existing ? json(res, 200, existing) : this.notFound(res, r);
    }
    if (method === 'DELETE') {
      if (!existing) return this.notFound(res, r);
      if (!dryRun) this.remove(k);
      return json(res, 200, existing);
    }
    if (method === 'POST') {
      const obj = parseBody(body);
      const name = obj.metadata?.name as string;
      const nk = key(r.res, r.namespace, name);
      if (this.store.has(nk))
        return this.status(res, 409, 'AlreadyExists', `${r.res.name} "${name}" already exists`);
      const created = this.prepare(r, undefined, obj);
      if (!dryRun) this.put(nk, created);
      return json(res, 201, created);
    }
    if (method === 'PATCH' || method === 'PUT') {
      const type = (req.headers['content-type'] ?? '').split(';')[0];
      const patch = parseBody(body);
      if (r.sub === 'scale') {
        if (!existing) return this.notFound(res, r);
        const next = clone(existing);
        next.spec.replicas = patch.spec?.replicas ?? next.spec.replicas;
        const saved = this.prepare(r, existing, next);
        if (!dryRun) this.put(k, saved);
        return json(res, 200, {
          kind: 'Scale',
          apiVersion: 'autoscaling/v1',
          spec: { replicas: saved.spec.replicas },
        });
      }
      let next: Obj;
      if (method === 'PUT') next = patch;
      else if (type === 'application/apply-patch+yaml') next = applyPatch(existing, patch);
      else if (!existing) return this.notFound(res, r);
      else if (type === 'application/json-patch+json') next = jsonPatch(existing, patch as unknown as Obj[]);
      else next = mergePatch(existing, patch);
      if (existing && r.sub === 'status') next = { ...existing, status: next.status };
      const saved = this.prepare(r, existing, next);
      if (!dryRun) this.put(k, saved);
      return json(res, existing ? 200 : 201, saved);
    }
    return this.status(res, 405, 'MethodNotAllowed', `${method} not allowed`);
  }

  private watch(res: ServerResponse, w: Watcher, url: URL): void {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' });
    res.flushHeaders(); // without this `kubectl rollout status` waits for headers forever
    const since = Number(url.searchParams.get('resourceVersion') ?? '0');
    for (const o of this.store.values()) {
      if (matches(o, w) && Number(o.metadata.resourceVersion) > since) send(w, 'MODIFIED', o);
    }
    this.watchers.add(w);
    res.on('close', () => this.watchers.delete(w));
  }

  private notFound(res: ServerResponse, r: Route): void {
    this.status(
      res,
      404,
      'NotFound',
      `${r.res.name}${r.res.group ? '.' + r.res.group : ''} "${r.name}" not found`,
      {
        name: r.name,
        group: r.res.group,
        kind: r.res.name,
      },
    );
  }

  private status(res: ServerResponse, code: number, reason: string, message: string, details?: Obj): void {
    json(res, code, {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message,
      reason,
      details,
      code,
    });
  }

  // ---- storage ----

  /** Fills server-owned metadata; bumps generation when the spec changed. */
  private prepare(r: Route, existing: Obj | undefined, next: Obj): Obj {
    const o = clone(next);
    o.apiVersion = apiVersion(r.res);
    o.kind = r.res.kind;
    o.metadata = { ...(o.metadata ?? {}) };
    if (r.res.namespaced) o.metadata.namespace = r.namespace ?? 'default';
    o.metadata.uid = existing?.metadata.uid ?? randomUUID();
    o.metadata.creationTimestamp = existing?.metadata.creationTimestamp ?? new Date().toISOString();
    delete o.metadata.managedFields;
    if (r.res.kind === 'Deployment') {
      o.spec = withDeploymentDefaults(o.spec ?? {});
      const prevGen = existing?.metadata.generation ?? 0;
      const changed = !existing || JSON.stringify(existing.spec) !== JSON.stringify(o.spec);
      o.metadata.generation = changed ? prevGen + 1 : prevGen;
      o.status = existing?.status ?? {};
    }
    return o;
  }

  private put(k: string, o: Obj): void {
    const existed = this.store.has(k);
    o.metadata.resourceVersion = String(++this.rv);
    this.store.set(k, o);
    for (const w of this.watchers) if (matches(o, w)) send(w, existed ? 'MODIFIED' : 'ADDED', o);
  }

  private remove(k: string): void {
    const o = this.store.get(k);
    if (!o) return;
    this.store.delete(k);
    ++this.rv;
    for (const w of this.watchers) if (matches(o, w)) send(w, 'DELETED', o);
  }

  // ---- deployment controller ----

  private reconcile(): void {
    const rsType = RESOURCES.find((r) => r.name === 'replicasets')!;
    for (const d of this.list('deployments')) {
      const ns = d.metadata.namespace as string;
      const desired = d.spec.replicas as number;
      const hash = templateHash(d.spec.template);
      const owned = this.list('replicasets', ns).filter((rs) =>
        (rs.metadata.ownerReferences ?? []).some((o: Obj) => o.uid === d.metadata.uid),
      );
      const maxRev = Math.max(0, ...owned.map(revisionOf));
      let current = owned.find((rs) => rs.metadata.labels?.['pod-template-hash'] === hash);
      const sets: Record<string, Obj> = {};
      if (!current) {
        current = this.newReplicaSet(d, hash, maxRev + 1);
        sets[current.metadata.name] = current;
      } else if (revisionOf(current) < maxRev) {
        // Rolling back to an old template reuses its ReplicaSet under a new revision, as k8s does.
        current = clone(current);
        current.metadata.annotations = { ...current.metadata.annotations, [REVISION]: String(maxRev + 1) };
        sets[current.metadata.name] = current;
      }
      const p = this.progress.get(d.metadata.uid);
      if (!p || p.hash !== hash) this.progress.set(d.metadata.uid, { hash, since: Date.now() });
      const since = this.progress.get(d.metadata.uid)!.since;
      const failing = ((d.spec.template?.spec?.containers ?? []) as Obj[]).some((c) =>
        String(c.image).includes('fail'),
      );
      const olds = owned.filter((rs) => rs.metadata.name !== current!.metadata.name && rs.spec.replicas > 0);
      const scale = (rs: Obj, n: number, ready: number): void => {
        const copy = clone(sets[rs.metadata.name] ?? rs);
        copy.spec.replicas = n;
        copy.status = { replicas: n, readyReplicas: ready, availableReplicas: ready, observedGeneration: 1 };
        sets[copy.metadata.name] = copy;
      };
      const curReplicas = current.spec.replicas as number;
      if (failing) {
        if (curReplicas < 1) scale(current, 1, 0);
      } else if (curReplicas < desired) scale(current, curReplicas + 1, curReplicas + 1);
      else if (curReplicas > desired) scale(current, curReplicas - 1, curReplicas - 1);
      else if (olds[0]) scale(olds[0], olds[0].spec.replicas - 1, olds[0].spec.replicas - 1);
      else if ((current.status?.readyReplicas ?? 0) !== curReplicas) scale(current, curReplicas, curReplicas);
      for (const rs of Object.values(sets)) {
        const k = key(rsType, ns, rs.metadata.name);
        if (JSON.stringify(this.store.get(k)) !== JSON.stringify(rs)) this.put(k, rs);
      }
      const all = [...owned.filter((rs) => !sets[rs.metadata.name]), ...Object.values(sets)];
      const cur = sets[current.metadata.name] ?? current;
      const replicas = all.reduce((n, rs) => n + rs.spec.replicas, 0);
      const ready = all.reduce((n, rs) => n + (rs.status?.readyReplicas ?? 0), 0);
      const updated = cur.spec.replicas as number;
      const complete = !failing && updated === desired && replicas === desired && ready === desired;
      const deadline = (d.spec.progressDeadlineSeconds as number) * 1000;
      const exceeded = !complete && Date.now() - since > deadline;
      const now = new Date(since).toISOString();
      const status = {
        observedGeneration: d.metadata.generation,
        replicas,
        updatedReplicas: updated,
        readyReplicas: ready,
        availableReplicas: ready,
        unavailableReplicas: Math.max(0, desired - ready),
        conditions: [
          {
            type: 'Available',
            status: ready >= desired - Math.floor(desired / 4) ? 'True' : 'False',
            reason:
              ready >= desired - Math.floor(desired / 4)
                ? 'MinimumReplicasAvailable'
                : 'MinimumReplicasUnavailable',
            message: 'Deployment availability',
            lastUpdateTime: now,
            lastTransitionTime: now,
          },
          {
            type: 'Progressing',
            status: exceeded ? 'False' : 'True',
            reason: exceeded
              ? 'ProgressDeadlineExceeded'
              : complete
                ? 'NewReplicaSetAvailable'
                : 'ReplicaSetUpdated',
            message: exceeded
              ? `ReplicaSet "${cur.metadata.name}" has timed out progressing.`
              : `ReplicaSet "${cur.metadata.name}" is progressing.`,
            lastUpdateTime: now,
            lastTransitionTime: now,
          },
        ],
      };
      const next = clone(d);
      next.status = status;
      next.metadata.annotations = {
        ...(next.metadata.annotations ?? {}),
        [REVISION]: String(revisionOf(cur)),
      };
      if (JSON.stringify(next) !== JSON.stringify(d)) this.put(key(RESOURCES[4]!, ns, d.metadata.name), next);
    }
  }

  private newReplicaSet(d: Obj, hash: string, revision: number): Obj {
    const template = clone(d.spec.template);
    template.metadata = { ...(template.metadata ?? {}) };
    template.metadata.labels = { ...(template.metadata.labels ?? {}), 'pod-template-hash': hash };
    return {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: `${d.metadata.name}-${hash}`,
        namespace: d.metadata.namespace,
        uid: randomUUID(),
        creationTimestamp: new Date().toISOString(),
        generation: 1,
        labels: { ...template.metadata.labels },
        annotations: { [REVISION]: String(revision), ...pickChangeCause(d) },
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            name: d.metadata.name,
            uid: d.metadata.uid,
            controller: true,
          },
        ],
      },
      spec: {
        replicas: 0,
        selector: { matchLabels: { ...(d.spec.selector?.matchLabels ?? {}), 'pod-template-hash': hash } },
        template,
      },
      status: { replicas: 0, observedGeneration: 1 },
    };
  }
}

// ---- helpers ----

function json(res: ServerResponse, code: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(code, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function send(w: Watcher, type: string, object: Obj): void {
  w.out.write(JSON.stringify({ type, object }) + '\n');
}

function clone<T>(o: T): T {
  return JSON.parse(JSON.stringify(o)) as T;
}

function key(res: ResourceType, namespace: string | undefined, name: string): string {
  return `${res.group}/${res.name}/${res.namespaced ? (namespace ?? 'default') : ''}/${name}`;
}

function apiVersion(res: ResourceType): string {
  return res.group ? `${res.group}/${res.version}` : res.version;
}

function parseRoute(p: string): Route | undefined {
  const m =
    /^\/(?:api\/v1|apis\/([^/]+)\/v1)(?:\/namespaces\/([^/]+)(?=\/))?\/([^/]+)(?:\/([^/]+))?(?:\/([^/]+))?$/.exec(
      p,
    );
  if (!m) return undefined;
  const group = m[1] ?? '';
  const res = RESOURCES.find((r) => r.group === group && r.name === m[3]);
  if (!res) return undefined;
  return { res, namespace: m[2], name: m[4], sub: m[5] };
}

function parseSelector(sel: string | null): Record<string, string> | undefined {
  if (!sel) return undefined;
  const out: Record<string, string> = {};
  for (const part of sel.split(',')) {
    const [k, v] = part.split('=');
    if (k) out[k] = v ?? '';
  }
  return out;
}

function matches(o: Obj, w: Omit<Watcher, 'out'>): boolean {
  if (o.kind !== w.res.kind) return false;
  if (w.namespace !== undefined && o.metadata.namespace !== w.namespace) return false;
  if (w.name !== undefined && o.metadata.name !== w.name) return false;
  for (const [k, v] of Object.entries(w.labels ?? {})) if (o.metadata.labels?.[k] !== v) return false;
  return true;
}

function parseBody(body: string): Obj {
  if (!body.trim()) return {};
  return (parseYaml(body) as Obj) ?? {};
}

function revisionOf(rs: Obj): number {
  return Number(rs.metadata.annotations?.[REVISION] ?? 0);
}

function pickChangeCause(d: Obj): Obj {
  const c = d.metadata.annotations?.['kubernetes.io/change-cause'];
  return c ? { 'kubernetes.io/change-cause': c } : {};
}

function withDeploymentDefaults(spec: Obj): Obj {
  return {
    replicas: 1,
    revisionHistoryLimit: 10,
    progressDeadlineSeconds: 600,
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
    ...spec,
  };
}

/** Canonical form: sorted keys, no nulls or empty objects, no pod-template-hash label. */
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v !== null && typeof v === 'object') {
    const out: Obj = {};
    for (const k of Object.keys(v).sort()) {
      if (k === 'pod-template-hash') continue;
      const c = canonical((v as Obj)[k]);
      if (c === null || c === undefined) continue;
      if (typeof c === 'object' && !Array.isArray(c) && Object.keys(c).length === 0) continue;
      out[k] = c;
    }
    return out;
  }
  return v;
}

export function templateHash(template: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(canonical(template)))
    .digest('hex')
    .slice(0, 10);
}

/** Server-side apply, simplified: the applier's fields replace what it owned before. */
function applyPatch(existing: Obj | undefined, patch: Obj): Obj {
  if (!existing) return patch;
  const next = clone(existing);
  const annotations = { ...(existing.metadata.annotations ?? {}), ...(patch.metadata?.annotations ?? {}) };
  next.metadata = { ...existing.metadata, labels: patch.metadata?.labels ?? existing.metadata.labels };
  if (Object.keys(annotations).length > 0) next.metadata.annotations = annotations;
  for (const [k, v] of Object.entries(patch))
    if (!['metadata', 'status', 'apiVersion', 'kind'].includes(k)) next[k] = v;
  return next;
}

function mergePatch(target: unknown, patch: unknown): Obj {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch as Obj;
  const out: Obj =
    target !== null && typeof target === 'object' && !Array.isArray(target) ? clone(target as Obj) : {};
  for (const [k, v] of Object.entries(patch as Obj)) {
    if (k === '$patch' || k.startsWith('$setElementOrder')) continue;
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

function jsonPatch(doc: Obj, ops: Obj[]): Obj {
  const out = clone(doc);
  for (const op of ops) {
    const parts = String(op.path)
      .split('/')
      .slice(1)
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    const last = parts.pop()!;
    let parent: Obj = out;
    for (const p of parts) parent = parent[p] ??= {};
    if (op.op === 'remove') delete parent[last];
    else if (op.op === 'add' || op.op === 'replace') parent[last] = op.value;
    else if (op.op === 'test' && JSON.stringify(parent[last]) !== JSON.stringify(op.value)) {
      throw new Error(`json patch test failed at ${op.path}`);
    }
  }
  return out;
}

function resourceList(group: string): Obj {
  const resources: Obj[] = [];
  for (const r of RESOURCES.filter((x) => x.group === group)) {
    const singularName = r.kind.toLowerCase();
    resources.push({
      name: r.name,
      singularName,
      namespaced: r.namespaced,
      kind: r.kind,
      verbs: VERBS,
      shortNames: r.shortNames,
    });
    if (r.name === 'deployments') {
      resources.push({
        name: 'deployments/status',
        singularName: '',
        namespaced: true,
        kind: 'Deployment',
        verbs: ['get', 'patch', 'update'],
      });
      resources.push({
        name: 'deployments/scale',
        singularName: '',
        namespaced: true,
        group: 'autoscaling',
        version: 'v1',
        kind: 'Scale',
        verbs: ['get', 'patch', 'update'],
      });
    }
  }
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: group ? `${group}/v1` : 'v1', resources };
}

/** Just enough OpenAPI v3 for kubectl to see that the server validates fields itself. */
function openApiDoc(group: string): Obj {
  const paths: Obj = {};
  const params = ['fieldValidation', 'dryRun', 'fieldManager', 'force'].map((name) => ({
    name,
    in: 'query',
    schema: { type: 'string', uniqueItems: true },
  }));
  for (const r of RESOURCES.filter((x) => x.group === group)) {
    const base = group ? `/apis/${group}/v1` : '/api/v1';
    const path = r.namespaced
      ? `${base}/namespaces/{namespace}/${r.name}/{name}`
      : `${base}/${r.name}/{name}`;
    paths[path] = {
      patch: {
        operationId: `patch${r.kind}`,
        parameters: params,
        responses: { '200': { description: 'OK' } },
        'x-kubernetes-action': 'patch',
        'x-kubernetes-group-version-kind': { group, version: 'v1', kind: r.kind },
      },
    };
  }
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: 'v1.30.0' },
    paths,
    components: { schemas: {} },
  };
}

/**
 * The OpenAPI v3 document an API server serves for a CustomResourceDefinition's group-version
 * (`stable.example.com/v1` `CronTab`, the Kubernetes docs' example), in the shape it really has:
 * kinds tagged with `x-kubernetes-group-version-kind`, metadata as an `allOf` reference. Only
 * schemas: no CronTab objects are stored or served.
 */
export function cronTabOpenApiDoc(): Obj {
  const gvk = (kind: string) => [{ group: 'stable.example.com', version: 'v1', kind }];
  const meta = '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes CRD Swagger', version: 'v0.1.0' },
    paths: {},
    components: {
      schemas: {
        'com.example.stable.v1.CronTab': {
          type: 'object',
          description: 'A periodic job, from the CustomResourceDefinition example.',
          properties: {
            apiVersion: { type: 'string', description: 'APIVersion defines the versioned schema.' },
            kind: { type: 'string', description: 'Kind is a string value representing the REST resource.' },
            metadata: { description: "Standard object's metadata.", allOf: [{ $ref: meta }] },
            spec: {
              type: 'object',
              required: ['cronSpec', 'image'],
              properties: {
                cronSpec: { type: 'string', description: 'The schedule, in cron format.' },
                image: { type: 'string', description: 'Container image to run.' },
                replicas: { type: 'integer', format: 'int32', minimum: 1 },
              },
            },
          },
          'x-kubernetes-group-version-kind': gvk('CronTab'),
        },
        'com.example.stable.v1.CronTabList': {
          type: 'object',
          required: ['items'],
          properties: {
            apiVersion: { type: 'string' },
            items: { type: 'array', items: { $ref: '#/components/schemas/com.example.stable.v1.CronTab' } },
            kind: { type: 'string' },
          },
          'x-kubernetes-group-version-kind': gvk('CronTabList'),
        },
        'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta': {
          type: 'object',
          properties: {
            name: { type: 'string' },
            namespace: { type: 'string' },
            labels: { type: 'object', additionalProperties: { type: 'string' } },
            annotations: { type: 'object', additionalProperties: { type: 'string' } },
          },
        },
      },
    },
  };
}
