import { isScalar } from 'yaml';
import { suggestionSuffix } from '../text/didYouMean';
import { firstKey, issueFindings } from '../schema/findings';
import { jsonType, schemaIssues, type SchemaIssue } from '../schema/issues';
import type { CrdSource } from '../features/crd';
import type { SchemaStore } from '../schema/store';
import type { Finding, Range, Severity } from '../types';
import {
  locate,
  nodeRange,
  pathRange,
  type PathSegment,
  type YamlDoc,
  type YamlFile,
} from '../yaml/yamlFile';
import { resolveKind, unknownKind } from './resolve';
import { KubernetesSchemas } from './schemas';

/**
 * Schema checks of every Kubernetes object in the file: each document, and the items of a `kind: List`.
 * Custom resources are checked against `crds` (CRDs of the workspace) when it has their kind.
 */
export function checkKubernetes(file: YamlFile, store: SchemaStore, crds?: CrdSource): Finding[] {
  const schemas = store.memo('kubernetes', KubernetesSchemas.load);
  const out: Finding[] = [];
  for (const d of file.docs) {
    if (!isObject(d.value)) continue;
    const v = d.value;
    // A document with neither field is not a resource (e.g. a values file next to manifests).
    if (!('apiVersion' in v) && !('kind' in v)) continue;
    new ObjectChecker(file, d, schemas, out, crds).check(v, []);
  }
  return out;
}

/** YAML 1.1 booleans: Kubernetes reads manifests as YAML 1.1, where `yes`/`on` are booleans. */
const YAML11_BOOL = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/;

class ObjectChecker {
  constructor(
    private readonly file: YamlFile,
    private readonly d: YamlDoc,
    private readonly schemas: KubernetesSchemas | undefined,
    private readonly out: Finding[],
    private readonly crds?: CrdSource,
  ) {}

  check(obj: Record<string, unknown>, prefix: PathSegment[]): void {
    const { apiVersion, kind } = obj;
    let ok = true;
    for (const field of ['apiVersion', 'kind'] as const) {
      if (obj[field] === undefined || obj[field] === null) {
        this.report('k8s/schema-required', this.objectRange(prefix), `Missing required field '${field}'`);
        ok = false;
      } else if (typeof obj[field] !== 'string') {
        const message = `Expected string but found ${jsonType(obj[field])}`;
        this.report('k8s/schema-type', this.range([...prefix, field]), message);
        ok = false;
      }
    }
    if (!ok || !this.schemas || typeof apiVersion !== 'string' || typeof kind !== 'string') return;
    const resolution = resolveKind(this.schemas, apiVersion, kind);
    const version = this.schemas.kubernetesVersion;
    const kindRange = (): Range => this.range([...prefix, 'kind']);
    const apiRange = (): Range => this.range([...prefix, 'apiVersion']);
    switch (resolution.type) {
      case 'no-schema': {
        const crd = this.crds?.validator(apiVersion, kind);
        if (crd) {
          if (!crd(obj)) {
            const issues = schemaIssues(crd.errors ?? []).filter((i) => !this.isFalseAlarm(i, prefix));
            this.out.push(...issueFindings(this.file, this.d, issues, 'k8s', prefix));
          }
          return;
        }
        this.report(
          'k8s/no-schema',
          kindRange(),
          `No schema for ${kind} (${apiVersion}): not a built-in Kubernetes ${version} API, so its fields are not checked`,
          'info',
        );
        return;
      }
      case 'unknown-kind': {
        const s = resolution.suggestion;
        const where = resolution.suggestionApiVersion ? ` (${resolution.suggestionApiVersion})` : '';
        const message = `Unknown kind '${kind}' for apiVersion '${apiVersion}'${s ? `; did you mean '${s}'${where}?` : ''}`;
        this.report('k8s/unknown-kind', kindRange(), message, 'error', s);
        return;
      }
      case 'unknown-api-version': {
        const s = resolution.suggestion;
        const what = resolution.alsoUnknownKind
          ? `apiVersion '${apiVersion}'`
          : `${kind} in apiVersion '${apiVersion}'`;
        const message = `Kubernetes ${version} does not serve ${what}${suggestionSuffix(s)}`;
        this.report('k8s/unknown-api-version', apiRange(), message, 'error', s);
        if (resolution.alsoUnknownKind) {
          const inGroup = s ? this.schemas.kindsOf(s) : [];
          const k = unknownKind(this.schemas, kind, inGroup);
          if (k.type === 'unknown-kind' && !this.schemas.apiVersionsOf(kind).length) {
            const msg = `Unknown kind '${kind}'${k.suggestion ? `; did you mean '${k.suggestion}'?` : ''}`;
            this.report('k8s/unknown-kind', kindRange(), msg, 'error', k.suggestion);
          }
        }
        return;
      }
      case 'schema':
        break;
    }
    const validate = this.schemas.validator(resolution.ref);
    if (validate && !validate(obj)) {
      const issues = schemaIssues(validate.errors ?? []).filter((i) => !this.isFalseAlarm(i, prefix));
      this.out.push(...issueFindings(this.file, this.d, issues, 'k8s', prefix));
    }
    if (kind === 'List' && apiVersion === 'v1' && Array.isArray(obj.items)) {
      obj.items.forEach((item, i) => {
        if (isObject(item)) this.check(item, [...prefix, 'items', i]);
      });
    }
  }

  /** Type errors Kubernetes itself would not raise. */
  private isFalseAlarm(issue: SchemaIssue, prefix: PathSegment[]): boolean {
    if (issue.kind !== 'type') return false;
    // The API server treats an explicit null as "not set".
    if (issue.data === null) return true;
    if (
      issue.expected?.includes('boolean') &&
      typeof issue.data === 'string' &&
      YAML11_BOOL.test(issue.data)
    ) {
      const node = locate(this.d.doc, [...prefix, ...issue.path]).value;
      return isScalar(node) && node.type === 'PLAIN';
    }
    return false;
  }

  private report(
    ruleId: string,
    range: Range,
    message: string,
    severity: Severity = 'error',
    fix?: string,
  ): void {
    const finding: Finding = { ruleId, severity, message, range };
    if (fix) finding.fixes = [{ title: `Change to '${fix}'`, edits: [{ range, newText: fix }] }];
    this.out.push(finding);
  }

  private range(path: PathSegment[]): Range {
    return pathRange(this.file, this.d, path);
  }

  /** The first key of the object at `prefix` (the document, or a List item). */
  private objectRange(prefix: PathSegment[]): Range {
    const node = locate(this.d.doc, prefix).value;
    return nodeRange(this.file, this.d, firstKey(node)) ?? pathRange(this.file, this.d, prefix);
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
