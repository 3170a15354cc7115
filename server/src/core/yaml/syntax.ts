import type { YAMLError } from 'yaml';
import type { Finding } from '../types';
import type { YamlDoc, YamlFile } from './yamlFile';

export type YamlDomain = 'k8s' | 'compose' | 'config';

/** YAML parse errors and warnings of every document, as findings with absolute ranges. */
export function yamlSyntaxFindings(file: YamlFile, domain: YamlDomain): Finding[] {
  const out: Finding[] = [];
  // Index loops: this walks every document of a big file on every version.
  const docs = file.docs;
  for (let i = 0; i < docs.length; i++) {
    const d = docs[i] as YamlDoc;
    const errors = d.errors;
    const warnings = d.warnings;
    for (let k = 0; k < errors.length; k++) {
      const e = errors[k] as YAMLError;
      out.push(
        unclosedQuote(file, d.offset, d.text, e, domain) ?? toFinding(file, d.offset, e, domain, 'error'),
      );
    }
    for (let k = 0; k < warnings.length; k++)
      out.push(toFinding(file, d.offset, warnings[k] as YAMLError, domain, 'warning'));
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

/**
 * An unclosed quote swallows the rest of the document, and the parser reports it at the end.
 * The user broke the file where the quote opens: point there. Between the opener and the end
 * there is no unescaped quote of the same kind (or the string would have closed).
 */
function unclosedQuote(
  file: YamlFile,
  offset: number,
  text: string,
  e: YAMLError,
  domain: YamlDomain,
): Finding | undefined {
  const quote = e.code === 'MISSING_CHAR' ? /closing (["'])quote/.exec(e.message)?.[1] : undefined;
  if (!quote) return undefined;
  const opener = openingQuote(text, Math.min(e.pos[0], text.length), quote);
  if (opener === undefined) return undefined;
  const start = file.lines.positionAt(offset + opener);
  const lineEnd = file.lines.lineEnd(start.line);
  return {
    ruleId: `${domain}/syntax`,
    severity: 'error',
    message: `Missing closing ${quote}quote: this string runs to the end of the document`,
    range: file.lines.range(offset + opener, Math.max(offset + opener + 1, lineEnd)),
  };
}

function openingQuote(text: string, before: number, quote: string): number | undefined {
  for (let i = before - 1; i >= 0; i--) {
    if (text[i] !== quote) continue;
    if (quote === '"') {
      let slashes = 0;
      for (let j = i - 1; j >= 0 && text[j] === '\\'; j--) slashes++;
      if (slashes % 2 === 1) continue;
    } else if (text[i - 1] === "'") {
      i--; // `''` is an escaped single quote inside the string
      continue;
    }
    return i;
  }
  return undefined;
}

function firstLine(msg: string): string {
  const line = msg.split('\n')[0] ?? msg;
  return line.replace(/ at line \d+, column \d+:?$/, '');
}
