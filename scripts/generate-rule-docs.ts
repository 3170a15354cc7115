// Writes docs/rules/<domain>/<name>.md for every rule (and engine finding) from its metadata,
// plus docs/rules/README.md, the catalogue. Run with `npm run docs:rules`; the meta-test fails
// when a page is missing or out of date.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { formatRuleCatalogue } from '../server/src/core/rules/catalogue';
import { DOCS_MARKER, ruleDocMarkdown } from '../server/src/core/rules/docs';
import { allMetas } from '../server/src/core/rules/registry';

const docsDir = join(__dirname, '..', 'docs', 'rules');
const metas = allMetas();
const wanted = new Set<string>();
for (const meta of metas) {
  const file = join(docsDir, `${meta.id}.md`);
  wanted.add(file);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, ruleDocMarkdown(meta));
}
// Pages of rules that no longer exist go too (only generated ones).
for (const domain of readdirSync(docsDir, { withFileTypes: true })) {
  if (!domain.isDirectory()) continue;
  for (const name of readdirSync(join(docsDir, domain.name))) {
    const file = join(docsDir, domain.name, name);
    if (!wanted.has(file) && readFileSync(file, 'utf8').includes(DOCS_MARKER)) rmSync(file);
  }
}
writeFileSync(join(docsDir, 'README.md'), formatRuleCatalogue('markdown', metas));
console.log(`wrote ${metas.length} rule pages to docs/rules`);
