import assert from 'node:assert/strict';
import { test } from 'node:test';
import { yamlSyntaxFindings } from '../../server/src/core/yaml/syntax';
import { parseYaml } from '../../server/src/core/yaml/yamlFile';

/** `line:col-line:col message`, 1-based, of the syntax findings. */
function syntax(text: string): string[] {
  return yamlSyntaxFindings(parseYaml(text), 'k8s').map(
    (f) =>
      `${f.range.start.line + 1}:${f.range.start.character + 1}-${f.range.end.line + 1}:${f.range.end.character + 1} ${f.message}`,
  );
}

const CASES: { name: string; text: string; expect: string[] }[] = [
  {
    name: 'an unclosed double quote is reported where it opens, not at the end',
    text: 'apiVersion: v1\nkind: ConfigMap\ndata:\n  greeting: "hello\n  mode: fast\n',
    expect: ['4:13-4:19 Missing closing "quote: this string runs to the end of the document'],
  },
  {
    name: 'escaped quotes inside the string are skipped',
    text: 'a: 1\nb: "say \\"hi\\" and\nc: 2\n',
    expect: ['2:4-2:19 Missing closing "quote: this string runs to the end of the document'],
  },
  {
    name: "an unclosed single quote, with '' inside",
    text: "a: 1\nb: 'it''s\nc: 2\n",
    expect: ["2:4-2:10 Missing closing 'quote: this string runs to the end of the document"],
  },
  {
    name: 'in the second document: absolute lines',
    text: 'a: 1\n---\nb: "x\nc: 2\n',
    expect: ['3:4-3:6 Missing closing "quote: this string runs to the end of the document'],
  },
];

for (const c of CASES) {
  test(c.name, () => {
    assert.deepEqual(syntax(c.text), c.expect);
  });
}
