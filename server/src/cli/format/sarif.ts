import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Severity } from '../../core/types';
import { SEVERITY_RANK, type Report, type Reported } from '../report';
import { describeRuleId, INFORMATION_URI, ruleDocsUrl, ruleMeta } from '../ruleCatalog';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
  hint: 'note',
};

/**
 * SARIF 2.1.0 as GitHub code scanning ingests it: one run, a `rules[]` entry for every rule
 * reported, URIs relative to %SRCROOT%, and a partial fingerprint per result so an alert keeps its
 * identity when unrelated lines move.
 */
export function formatSarif(report: Report, toolVersion: string): string {
  const ruleIds = [...new Set(report.findings.map((f) => f.ruleId))].sort();
  const index = new Map(ruleIds.map((id, i) => [id, i]));
  const rules = ruleIds.map((id) => describeRule(id, report.findings));
  const occurrences = new Map<string, number>();
  const results: Result[] = report.findings.map((f) => {
    const hash = lineHash(f);
    const n = (occurrences.get(hash) ?? 0) + 1;
    occurrences.set(hash, n);
    return {
      ruleId: f.ruleId,
      ruleIndex: index.get(f.ruleId) ?? 0,
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: relativeUri(f.file), uriBaseId: '%SRCROOT%' },
            region: {
              startLine: f.line,
              startColumn: f.column,
              endLine: f.endLine,
              endColumn: f.endColumn,
            },
          },
        },
      ],
      partialFingerprints: { primaryLocationLineHash: `${hash}:${n}` },
    };
  });
  const log: Log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'bulwark', version: toolVersion, informationUri: INFORMATION_URI, rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(report.cwd.replace(/[\\/]*$/, '/')).href } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function describeRule(id: string, findings: readonly Reported[]): ReportingDescriptor {
  const meta = ruleMeta(id);
  const short = meta?.title ?? describeRuleId(id);
  const severity = meta?.severity ?? mostSevere(id, findings);
  const rule: ReportingDescriptor = {
    id,
    name: id,
    shortDescription: { text: short },
    fullDescription: { text: meta ? `${meta.title}. ${meta.why}` : short },
    helpUri: ruleDocsUrl(id),
    help: { text: meta ? meta.fix : `See ${ruleDocsUrl(id)}` },
    defaultConfiguration: { level: LEVEL[severity] },
  };
  if (meta) rule.properties = { tags: [meta.category] };
  return rule;
}

function mostSevere(id: string, findings: readonly Reported[]): Severity {
  let best: Severity = 'hint';
  for (const f of findings)
    if (f.ruleId === id && SEVERITY_RANK[f.severity] > SEVERITY_RANK[best]) best = f.severity;
  return best;
}

/** Stable across commits that do not touch the line: rule, file and the line's trimmed text. */
function lineHash(f: Reported): string {
  return createHash('sha256')
    .update(`${f.ruleId}\u0000${f.file}\u0000${f.lineText.trim().replace(/\s+/g, ' ')}`)
    .digest('hex')
    .slice(0, 32);
}

/** A relative path as a URI reference: each segment percent-encoded, separators kept. */
function relativeUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}
