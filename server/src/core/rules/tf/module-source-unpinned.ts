import type { TfAttribute } from '../../terraform/model';
import type { Fix } from '../../types';
import type { TfRule } from '../types';
import { attr, known } from './helpers';

const REGISTRY =
  /^(?:[a-z0-9.-]+\.[a-z]{2,}(?::\d+)?\/)?[A-Za-z0-9][A-Za-z0-9_-]*\/[A-Za-z0-9][A-Za-z0-9_-]*\/[A-Za-z0-9][A-Za-z0-9_-]*(?:\/\/.*)?$/;
const GIT = /^(?:git::|git@|git:\/\/|(?:https?:\/\/)?(?:www\.)?(?:github\.com|bitbucket\.org)\/)/;
const HG = /^hg::/;
/** Refs naming a moving branch rather than a release. */
const BRANCHES = new Set(['main', 'master', 'head', 'develop', 'dev', 'trunk', 'latest', 'default', 'tip']);

type Source =
  | { kind: 'registry' }
  | { kind: 'git'; ref: string | undefined; vcs: 'Git' | 'Mercurial' }
  | { kind: 'other' };

function classifySource(source: string): Source {
  const s = source.trim();
  if (/^\.\.?[\\/]/.test(s) || s.startsWith('/')) return { kind: 'other' };
  if (GIT.test(s) || HG.test(s)) {
    const query = s.split('?')[1] ?? '';
    // Mercurial pins with `rev=`; its moving branch is `default` (or `tip`).
    const hg = HG.test(s);
    const ref = (hg ? /(?:^|&)rev=([^&]*)/ : /(?:^|&)ref=([^&]*)/).exec(query)?.[1];
    return { kind: 'git', ref, vcs: hg ? 'Mercurial' : 'Git' };
  }
  if (/^[a-z0-9]+::/.test(s) || /^https?:\/\//.test(s) || /^(?:s3|gcs)[:.]/.test(s)) return { kind: 'other' };
  return REGISTRY.test(s) ? { kind: 'registry' } : { kind: 'other' };
}

function addVersionFix(source: TfAttribute): Fix {
  const col = source.nameRange.start.character;
  return {
    title: 'Add a version constraint (placeholder)',
    edits: [
      {
        range: { start: source.range.end, end: source.range.end },
        newText: `\n${' '.repeat(col)}version = "x.y.z" # TODO: the version you tested`,
      },
    ],
  };
}

function addRefFix(source: TfAttribute, text: string): Fix | undefined {
  const e = source.expr;
  // Only a plain quoted string can be edited safely.
  if (!/^"[^"$%\\]*"$/.test(e.text)) return undefined;
  const at = { line: e.range.end.line, character: e.range.end.character - 1 };
  return {
    title: 'Pin the module to a ref (placeholder)',
    edits: [{ range: { start: at, end: at }, newText: `${text.includes('?') ? '&' : '?'}ref=vX.Y.Z` }],
  };
}

const rule: TfRule = {
  meta: {
    id: 'tf/module-source-unpinned',
    title: 'Module source is not pinned',
    severity: 'warning',
    category: 'maintainability',
    why: 'A registry module without `version`, or a Git module without `?ref=` (or pinned to a branch), pulls whatever is newest at `terraform init`: upstream changes, including malicious ones, reach your infrastructure without review.',
    fix: 'Add `version = "<constraint>"` to registry modules, and `?ref=<tag or commit SHA>` to Git sources (`?rev=` for Mercurial; a commit SHA is immutable, a tag is readable). Local paths (`./`, `../`) need no pin.',
    references: [
      {
        title: 'Terraform: module sources',
        url: 'https://developer.hashicorp.com/terraform/language/modules/sources',
      },
      {
        title: 'Terraform: module version constraint',
        url: 'https://developer.hashicorp.com/terraform/language/modules/syntax#version',
      },
    ],
    fixable: true,
  },
  check(ctx) {
    for (const m of ctx.blocks('module')) {
      const source = attr(m, 'source');
      const text = known(ctx, source?.expr);
      if (!source || typeof text !== 'string') continue;
      const kind = classifySource(text);
      const name = m.labels[0] ?? '';
      if (kind.kind === 'registry' && !attr(m, 'version')) {
        ctx.report(source, {
          message: `Module "${name}" uses a registry source without a version.`,
          fixes: [addVersionFix(source)],
        });
      } else if (kind.kind === 'git' && (!kind.ref || BRANCHES.has(kind.ref.toLowerCase()))) {
        const fix = kind.ref || kind.vcs !== 'Git' ? undefined : addRefFix(source, text);
        ctx.report(source, {
          message: kind.ref
            ? `Module "${name}" follows the branch "${kind.ref}" instead of a tag or commit.`
            : `Module "${name}" uses a ${kind.vcs} source without a ${kind.vcs === 'Git' ? 'ref' : 'rev'}.`,
          fixes: fix ? [fix] : undefined,
        });
      }
    }
  },
};

export default rule;
