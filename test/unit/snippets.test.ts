/**
 * Lints every contributed snippet: expanded as VS Code would insert it untouched (each
 * placeholder at its default, the first option of each choice, tabstops empty), written to a
 * file of the right kind, then run through the full Analyzer. Our templates must practise what
 * our rules preach: zero findings, schema and rules alike.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { ROOT, sharedAnalyzer } from '../helpers/analyzer';

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description?: string;
}

interface Contribution {
  language: string;
  path: string;
}

/** Which file name each snippet file is linted as. */
const FILE_NAME: Record<string, string> = {
  'kubernetes.json': 'manifest.yaml',
  'compose.json': 'compose.yaml',
  'terraform.json': 'main.tf',
};

/**
 * The text VS Code inserts for a snippet body when the user just tabs through: placeholders
 * keep their default (a tabstop repeated elsewhere mirrors it), choices their first option,
 * variables their default or nothing.
 */
export function expandSnippet(body: string): string {
  const defaults = new Map<string, string>();
  // Two passes: a bare `$1` before the `${1:default}` that defines it still mirrors the default.
  expand(body, defaults);
  return expand(body, defaults);
}

function expand(src: string, defaults: Map<string, string>): string {
  let i = 0;
  const parse = (stop: string | undefined): string => {
    let out = '';
    while (i < src.length) {
      const c = src[i]!;
      if (c === '\\' && i + 1 < src.length && '$}\\'.includes(src[i + 1]!)) {
        out += src[i + 1];
        i += 2;
      } else if (stop !== undefined && c === stop) {
        return out;
      } else if (c === '$') {
        out += dollar();
      } else {
        out += c;
        i++;
      }
    }
    if (stop !== undefined) throw new Error(`unterminated placeholder in snippet: ${src}`);
    return out;
  };
  const dollar = (): string => {
    const simple = /^\$(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(src.slice(i));
    if (simple) {
      i += simple[0].length;
      return defaults.get(simple[1]!) ?? '';
    }
    const head = /^\$\{(\d+|[A-Za-z_][A-Za-z0-9_]*)([:|}])/.exec(src.slice(i));
    if (!head) {
      i++;
      return '$';
    }
    const name = head[1]!;
    i += head[0].length;
    if (head[2] === '}') return defaults.get(name) ?? '';
    if (head[2] === '|') {
      const end = src.indexOf('|}', i);
      if (end < 0) throw new Error(`unterminated choice in snippet: ${src}`);
      const first = src
        .slice(i, end)
        .split(/(?<!\\),/)[0]!
        .replace(/\\(.)/g, '$1');
      i = end + 2;
      if (!defaults.has(name)) defaults.set(name, first);
      return first;
    }
    const text = parse('}');
    i++; // the closing brace
    if (!defaults.has(name)) defaults.set(name, text);
    return text;
  };
  return parse(undefined);
}

function contributions(): Contribution[] {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    contributes?: { snippets?: Contribution[] };
  };
  return pkg.contributes?.snippets ?? [];
}

function loadSnippets(file: string): Record<string, Snippet> {
  return JSON.parse(readFileSync(join(ROOT, 'snippets', file), 'utf8')) as Record<string, Snippet>;
}

const tmp = mkdtempSync(join(tmpdir(), 'bulwark-snippets-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

describe('snippet expansion', () => {
  test('defaults, mirrors, choices, nesting and escapes', () => {
    assert.equal(expandSnippet('a: ${1:x}\nb: $1\nc: ${2|p,q|}\nd: $0'), 'a: x\nb: x\nc: p\nd: ');
    assert.equal(expandSnippet('${1:a-${2:b}} $2'), 'a-b b');
    assert.equal(expandSnippet('s = "\\${var.x}" ${TM_FILENAME:f}'), 's = "${var.x}" f');
  });
});

describe('snippets', () => {
  const files = Object.keys(FILE_NAME);

  test('every snippet file is contributed for its languages', () => {
    const byPath = new Map<string, string[]>();
    for (const c of contributions()) byPath.set(c.path, [...(byPath.get(c.path) ?? []), c.language]);
    assert.deepEqual(byPath.get('./snippets/kubernetes.json'), ['yaml']);
    assert.deepEqual(byPath.get('./snippets/compose.json')?.sort(), ['dockercompose', 'yaml']);
    assert.deepEqual(byPath.get('./snippets/terraform.json'), ['terraform']);
  });

  test('at least 15 snippets with unique prefixes and descriptions', () => {
    const prefixes = files.flatMap((f) => Object.values(loadSnippets(f)).flatMap((s) => [s.prefix].flat()));
    assert.ok(prefixes.length >= 15, `${prefixes.length} snippets`);
    assert.equal(new Set(prefixes).size, prefixes.length, 'prefixes are unique');
    for (const f of files)
      for (const [name, s] of Object.entries(loadSnippets(f))) assert.ok(s.description, name);
  });

  for (const file of files) {
    for (const [name, snippet] of Object.entries(loadSnippets(file))) {
      test(`${file}: "${name}" has zero findings`, async () => {
        const analyzer = await sharedAnalyzer();
        const text = expandSnippet([snippet.body].flat().join('\n'));
        assert.ok(!text.includes('$'.concat('{')) || file === 'terraform.json', 'no placeholder left');
        // One folder per snippet: folder-wide rules (PDBs, backends) see only the snippet.
        const dir = mkdtempSync(join(tmp, 's-'));
        const path = join(dir, FILE_NAME[file]!);
        writeFileSync(path, text);
        const result = analyzer.analyze(path, text);
        const expectedKind =
          file === 'kubernetes.json' ? 'kubernetes' : file === 'compose.json' ? 'compose' : 'terraform';
        assert.equal(result.kind, expectedKind);
        assert.deepEqual(
          result.findings.map(
            (f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.ruleId} ${f.message}`,
          ),
          [],
          `expanded text:\n${text}`,
        );
      });
    }
  }
});
