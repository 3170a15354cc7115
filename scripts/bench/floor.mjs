// The parse floor, measured in a fresh process (as the tools under test run): the least time
// any tool that reports positions must spend. YAML: `yaml`'s parseAllDocuments (it keeps node
// ranges); Terraform: a full tree-sitter parse. Prints the best of `runs` runs in ms.
// Usage: node floor.mjs <yaml|terraform> <runs> <file>...
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

const [lang, runsArg, ...files] = process.argv.slice(2);
const texts = files.map((f) => readFileSync(f, 'utf8'));
const root = join(fileURLToPath(import.meta.url), '..', '..', '..');
let parse;
if (lang === 'terraform') {
  const { Parser, Language } = await import('web-tree-sitter');
  await Parser.init({ locateFile: () => join(root, 'dist/web-tree-sitter.wasm') });
  const parser = new Parser();
  parser.setLanguage(await Language.load(join(root, 'dist/tree-sitter-terraform.wasm')));
  parse = (t) => parser.parse(t)?.delete();
} else parse = (t) => parseAllDocuments(t);
let best = Infinity;
for (let i = 0; i < Number(runsArg); i++) {
  const t0 = performance.now();
  for (const t of texts) parse(t);
  best = Math.min(best, performance.now() - t0);
}
process.stdout.write(String(best));
