import type { YAMLError } from 'yaml';
import type { Finding } from '../types';
import type { YamlFile } from './yamlFile';

export type YamlDomain = 'k8s' | 'compose' | 'config';

/** YAML parse errors and warnings of every document, as findings with absolute ranges. */
export function yamlSyntaxFindings(file: YamlFile, domain: YamlDomain): Finding[] {
  const out: Finding[] = [];
  for (const d of file.docs) {
    for (const e of d.doc.errors) out.push(toFinding(file, d.offset, e, domain, 'error'));
    for (const w of d.doc.warnings) out.push(toFinding(file, d.offset, w, domain, 'warning'));
  }
  return out;
}

function toFinding(
  file: YamlFile,
  offset: number,
  e: YAMLError,
  domain: YamlDomain,
  severity: 'error' | 'warning',
): Finding {
  const [s, t] = e.pos;
  const start = offset + s;
  const end = Math.max(start + 1, offset + t);
  const duplicate = e.code === 'DUPLICATE_KEY';
  return {
    ruleId: duplicate ? `${domain}/duplicate-key` : `${domain}/syntax`,
    severity,
    message: firstLine(e.message),
    range: file.lines.range(start, Math.min(end, file.text.length)),
  };
}

function firstLine(msg: string): string {
  const line = msg.split('\n')[0] ?? msg;
  return line.replace(/ at line \d+, column \d+:?$/, '');
}
