import { Parser, Language } from 'web-tree-sitter';
import { join } from 'node:path';
const A = '/work/main/dist';
(async () => {
  await Parser.init({ locateFile: () => join(A, 'web-tree-sitter.wasm') });
  const lang = await Language.load(join(A, process.argv[3] ?? 'tree-sitter-terraform.wasm'));
  const p = new Parser(); p.setLanguage(lang);
  const src = require('fs').readFileSync(process.argv[2], 'utf8');
  const t = p.parse(src)!;
  console.log(t.rootNode.toString());
  const walk = (n: any, d: number) => { console.log(' '.repeat(d*2) + (n.isNamed ? n.type : JSON.stringify(n.type)) + (n.isMissing ? ' MISSING' : '') + ` [${n.startPosition.row}:${n.startPosition.column}-${n.endPosition.row}:${n.endPosition.column}]` + (n.childCount === 0 ? ' ' + JSON.stringify(n.text) : '') + (n.parent && n.parent.fieldNameForChild ? '' : '')); for (const c of n.children) walk(c, d+1); };
  walk(t.rootNode, 0);
})();
