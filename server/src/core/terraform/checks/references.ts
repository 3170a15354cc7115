import type { Finding, Range } from '../../types';
import { didYouMeanSuffix } from '../../text/didYouMean';
import { BUILTIN_ROOTS } from '../coreSchema';
import type { TfBlock, TfExpr, TfModule, TfReference } from '../model';
import { BlockLists } from './blockLists';
import { finding, type TfCheckContext } from './context';
import { declarationKeys } from './declarations';

/**
 * References to `var.`, `local.`, `module.`, `data.`, `ephemeral.` and resources that nothing in
 * the folder declares. Precision over recall: the check stays silent on a module it cannot see
 * whole (`.tf.json` files, syntax errors in any file) and on names that are not clearly
 * resource addresses.
 */
export function checkReferences(ctx: TfCheckContext, complete: boolean): readonly Finding[] {
  if (!complete || ctx.module.files.some((f) => f.hasErrors)) return [];
  const names = declaredNames(ctx.module);
  const { declared } = names;
  let out: Finding[] = [];
  const visitRef = (ref: TfReference, bound: ReadonlySet<string>) => {
    const parts = ref.name.split('.');
    const root = parts[0] ?? '';
    if (bound.has(root)) return;
    let key: string | undefined;
    let what = '';
    if (root === 'var' || root === 'local' || root === 'module') {
      if (parts.length < 2) return;
      key = `${root}.${parts[1]}`;
      what = root === 'var' ? 'variable' : root === 'local' ? 'local value' : 'module';
    } else if (root === 'data' || root === 'ephemeral') {
      if (parts.length < 3) return;
      key = `${root}.${parts[1]}.${parts[2]}`;
      what = root === 'data' ? 'data source' : 'ephemeral resource';
    } else if (/^[a-z][a-z0-9]*_[a-z0-9_]+$/.test(root) && !BUILTIN_ROOTS.has(root)) {
      if (parts.length < 2) return;
      key = `${root}.${parts[1]}`;
      what = 'resource';
    }
    if (!key || declared.has(key)) return;
    // Suggest a declared name of the same kind: `var.enviroment` -> `var.environment`.
    const prefix = key.slice(0, key.lastIndexOf('.') + 1);
    const sameKind = [...declared].filter(
      (d) => d.startsWith(prefix) && d.split('.').length === key.split('.').length,
    );
    out.push(
      finding(
        'tf/undeclared-reference',
        keyRange(ref, key),
        `Reference to undeclared ${what} '${key}'.${didYouMeanSuffix(key, sameKind)}`,
      ),
    );
  };
  const visitExpr = (e: TfExpr, bound: ReadonlySet<string>) => {
    for (const r of e.references) visitRef(r, bound);
  };
  const visitBlock = (b: TfBlock, bound: ReadonlySet<string>, top: boolean) => {
    // Old and future addresses: `moved`/`removed` name things that may no longer exist, and
    // `import.to` may target config that `-generate-config-out` will write.
    if (top && (b.type === 'moved' || b.type === 'removed')) return;
    let inner = bound;
    if (b.type === 'dynamic' && !top) {
      const it = b.attributes.find((a) => a.name === 'iterator');
      const name = it ? it.expr.text.trim() : b.labels[0];
      if (name) inner = new Set([...bound, name]);
    }
    for (const a of b.attributes) {
      if (top && b.type === 'import' && a.name === 'to') continue;
      if (top && b.type === 'variable' && a.name === 'type') continue;
      if (a.name === 'provider' || a.name === 'providers' || a.name === 'iterator') continue;
      if (!top && b.type === 'lifecycle' && a.name === 'ignore_changes') continue;
      // A dynamic block's for_each is evaluated outside its own iterator.
      visitExpr(a.expr, b.type === 'dynamic' && a.name === 'for_each' ? bound : inner);
    }
    for (const n of b.blocks) visitBlock(n, inner, false);
  };
  // A block's findings depend on it and on what the folder declares: reuse them while both hold
  // (the loader keeps the block object while its text and position are unchanged).
  const findingsOf = (b: TfBlock): Finding[] => {
    const known = byBlock.get(b);
    if (known && known.names === names) return known.findings;
    out = [];
    visitBlock(b, new Set(), true);
    byBlock.set(b, { names, findings: out });
    return out;
  };
  return fileFindings.concat(ctx.file.path, ctx.file, findingsOf, names);
}

const fileFindings = new BlockLists<Finding>();

const byBlock = new WeakMap<TfBlock, { names: Declared; findings: Finding[] }>();

/**
 * What the folder declares, as `var.x`, `t.n`, `data.t.n`... keys (as `declarations()` gives
 * them, plus `data` blocks nested in `check` blocks). Keys are remembered per block (kept while
 * its text is) and the last set is kept while every block declares the same keys as before (a
 * keystroke inside a block): the same object, which blocks' findings are remembered against.
 */
function declaredNames(module: TfModule): Declared {
  // The keys of every block in order: the same list of keys, the same set declared.
  const parts = module.files.map((f) => fileKeys.concat(f.path, f, blockKeys));
  if (lastDeclared && sameLists(parts, lastDeclared.parts)) {
    lastDeclared.parts = parts;
    return lastDeclared;
  }
  const declared = new Set<string>();
  for (const keys of parts) for (const k of keys) declared.add(k);
  lastDeclared = { parts, declared };
  return lastDeclared;
}

const fileKeys = new BlockLists<string>();

interface Declared {
  /** Each file's declared keys, block after block. */
  parts: (readonly string[])[];
  declared: ReadonlySet<string>;
}

let lastDeclared: Declared | undefined;

function sameLists(a: (readonly string[])[], b: (readonly string[])[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as readonly string[];
    const y = b[i] as readonly string[];
    if (x === y) continue;
    if (x.length !== y.length) return false;
    for (let j = 0; j < x.length; j++) if (x[j] !== y[j]) return false;
  }
  return true;
}

const keysByBlock = new WeakMap<TfBlock, readonly string[]>();

function blockKeys(b: TfBlock): readonly string[] {
  let known = keysByBlock.get(b);
  if (known === undefined) {
    const keys = declarationKeys(b);
    if (b.type === 'check')
      for (const n of b.blocks)
        if (n.type === 'data' && n.labels.length === 2) keys.push(`data.${n.labels[0]}.${n.labels[1]}`);
    known = keys;
    keysByBlock.set(b, known);
  }
  return known;
}

/** The `var.x` / `aws_s3_bucket.b` part of a longer traversal, when it is written contiguously. */
function keyRange(ref: TfReference, key: string): Range {
  const { start, end } = ref.range;
  if (start.line === end.line && ref.name.startsWith(key) && end.character - start.character >= key.length) {
    return { start, end: { line: start.line, character: start.character + key.length } };
  }
  return ref.range;
}
