import { dirname, join } from 'node:path';
import type { FeatureSources } from '../analyzer';
import { classify } from '../classify';
import type { Finding, Position, Range } from '../types';
import { composeLenses, kubernetesLenses, terraformLenses, type LensData } from './codeLenses';
import {
  composeCompletion,
  kubernetesCompletion,
  terraformCompletion,
  type CompletionEntry,
} from './completion';
import { composeDefinition, composeReferences } from './composeNav';
import { composeHover, findingHover, kubernetesHover, terraformHover, type HoverInfo } from './hover';
import { composeSymbols, kubernetesSymbols, terraformSymbols, type DocSymbol } from './symbols';
import {
  contains,
  declarationAt,
  findDeclaration,
  referencedAddress,
  referencesTo,
  tfSpotAt,
} from './terraformNav';

/** A place in a file, for definitions and references. */
export interface FileRange {
  path: string;
  range: Range;
}

/**
 * The editor features for one file, routed by what the file is (the same classification the
 * checks use). Every method takes the file's path and current text and returns plain data.
 */
export class EditorFeatures {
  constructor(
    private readonly sources: FeatureSources,
    private readonly docsUrl: (ruleId: string) => string,
  ) {}

  /** Schema or language docs at the position, and the rules behind findings there. */
  hover(
    path: string,
    text: string,
    pos: Position,
    findings: readonly Pick<Finding, 'ruleId' | 'range'>[] = [],
  ): HoverInfo | undefined {
    const rule = findingHover(findings as Finding[], pos, this.docsUrl);
    const doc = this.docHover(path, text, pos);
    if (!rule) return doc;
    if (!doc) return rule;
    return { markdown: `${rule.markdown}\n\n---\n\n${doc.markdown}`, range: doc.range ?? rule.range };
  }

  private docHover(path: string, text: string, pos: Position): HoverInfo | undefined {
    const s = this.sources;
    switch (classify(path, text)) {
      case 'kubernetes': {
        const file = s.yaml(path, text);
        return kubernetesHover(file, file.lines.offsetAt(pos), s.schemas, s.crds);
      }
      case 'compose': {
        const file = s.yaml(path, text);
        return composeHover(file, file.lines.offsetAt(pos), s.schemas);
      }
      case 'terraform':
        return terraformHover(s.terraform(path, text), path, pos, s.host.providerSchemas?.(dirname(path)));
      default:
        return undefined;
    }
  }

  completion(path: string, text: string, pos: Position): CompletionEntry[] {
    const s = this.sources;
    switch (classify(path, text)) {
      case 'kubernetes':
        return kubernetesCompletion(s.yaml(path, text), pos, s.schemas, s.crds);
      case 'compose':
        return composeCompletion(s.yaml(path, text), pos, s.schemas);
      case 'terraform':
        return terraformCompletion(
          s.terraform(path, text),
          path,
          text,
          pos,
          s.host.providerSchemas?.(dirname(path)),
        );
      default:
        return [];
    }
  }

  symbols(path: string, text: string): DocSymbol[] {
    const s = this.sources;
    switch (classify(path, text)) {
      case 'kubernetes':
        return kubernetesSymbols(s.yaml(path, text));
      case 'compose':
        return composeSymbols(s.yaml(path, text));
      case 'terraform':
        return terraformSymbols(s.terraform(path, text), path);
      default:
        return [];
    }
  }

  definition(path: string, text: string, pos: Position): FileRange[] {
    const s = this.sources;
    const kind = classify(path, text);
    if (kind === 'compose') {
      const file = s.yaml(path, text);
      const r = composeDefinition(file, file.lines.offsetAt(pos));
      return r ? [{ path, range: r }] : [];
    }
    if (kind !== 'terraform') return [];
    const module = s.terraform(path, text);
    const file = module.files.find((f) => f.path === path);
    if (!file) return [];
    const source = this.moduleSource(file.blocks, path, pos);
    if (source) return [source];
    const spot = tfSpotAt(file, pos);
    if (spot?.kind !== 'reference') return [];
    const decl = findDeclaration(module, referencedAddress(spot.ref.name));
    return decl ? [{ path: decl.file, range: decl.selectionRange }] : [];
  }

  /** `source = "./x"` of a module call: the folder's main.tf (or its first .tf file). */
  private moduleSource(
    blocks: { type: string; attributes: { name: string; range: Range; expr: { value?: unknown } }[] }[],
    path: string,
    pos: Position,
  ): FileRange | undefined {
    for (const b of blocks) {
      if (b.type !== 'module') continue;
      const src = b.attributes.find((a) => a.name === 'source' && contains(a.range, pos));
      const value = src?.expr.value;
      if (typeof value !== 'string' || !/^\.\.?[\\/]/.test(value)) continue;
      const dir = join(dirname(path), value);
      const names = (this.sources.host.listDir(dir) ?? []).filter((n) => n.endsWith('.tf')).sort();
      const main = names.includes('main.tf') ? 'main.tf' : names[0];
      if (!main) return undefined;
      const zero = { line: 0, character: 0 };
      return { path: join(dir, main), range: { start: zero, end: zero } };
    }
    return undefined;
  }

  references(path: string, text: string, pos: Position, includeDeclaration: boolean): FileRange[] {
    const s = this.sources;
    const kind = classify(path, text);
    if (kind === 'compose') {
      const file = s.yaml(path, text);
      return composeReferences(file, file.lines.offsetAt(pos), includeDeclaration).map((range) => ({
        path,
        range,
      }));
    }
    if (kind !== 'terraform') return [];
    const module = s.terraform(path, text);
    const file = module.files.find((f) => f.path === path);
    if (!file) return [];
    const spot = tfSpotAt(file, pos);
    const address =
      spot?.kind === 'reference'
        ? referencedAddress(spot.ref.name)
        : declarationAt(module, path, pos)?.address;
    if (!address) return [];
    const out: FileRange[] = [];
    const decl = findDeclaration(module, address);
    if (includeDeclaration && decl) out.push({ path: decl.file, range: decl.selectionRange });
    for (const u of referencesTo(module, address)) out.push({ path: u.file, range: u.range });
    return out;
  }

  codeLenses(path: string, text: string): LensData[] {
    const s = this.sources;
    switch (classify(path, text)) {
      case 'kubernetes':
        return kubernetesLenses(s.yaml(path, text), path);
      case 'compose':
        return composeLenses(s.yaml(path, text), path);
      case 'terraform':
        return terraformLenses(s.terraform(path, text), path);
      default:
        return [];
    }
  }
}
