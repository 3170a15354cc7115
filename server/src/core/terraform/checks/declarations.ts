import type { Finding, Range } from '../../types';
import type { TfModule } from '../model';
import { finding, where, type TfCheckContext } from './context';

export interface Declaration {
  /** `var.x`, `local.x`, `module.x`, `output.x`, `data.t.n`, `t.n`, `ephemeral.t.n`. */
  key: string;
  file: string;
  range: Range;
}

/** Every declaration of the module, in file order. `_override.tf` files merge rather than declare. */
export function declarations(module: TfModule, includeOverrides = true): Declaration[] {
  const out: Declaration[] = [];
  for (const f of module.files) {
    if (!includeOverrides && /(^|[\\/])(override|[^\\/]*_override)\.tf$/.test(f.path)) continue;
    for (const b of f.blocks) {
      const name = b.labels[b.labels.length - 1];
      const range = b.labelRanges[b.labelRanges.length - 1] ?? b.headerRange;
      switch (b.type) {
        case 'variable':
        case 'output':
        case 'module':
          if (b.labels.length === 1)
            out.push({ key: `${b.type === 'variable' ? 'var' : b.type}.${name}`, file: f.path, range });
          break;
        case 'resource':
        case 'data':
        case 'ephemeral':
          if (b.labels.length === 2) {
            const prefix = b.type === 'resource' ? '' : `${b.type}.`;
            out.push({ key: `${prefix}${b.labels[0]}.${name}`, file: f.path, range });
          }
          break;
        case 'locals':
          for (const a of b.attributes)
            out.push({ key: `local.${a.name}`, file: f.path, range: a.nameRange });
          break;
      }
    }
  }
  return out;
}

/** Same variable, output, local, module, resource or data source declared twice in the folder. */
export function checkDuplicates(ctx: TfCheckContext): Finding[] {
  const byKey = new Map<string, Declaration[]>();
  for (const d of declarations(ctx.module, false)) {
    const list = byKey.get(d.key);
    if (list) list.push(d);
    else byKey.set(d.key, [d]);
  }
  const out: Finding[] = [];
  for (const [key, list] of byKey) {
    if (list.length < 2) continue;
    for (const d of list) {
      if (d.file !== ctx.file.path) continue;
      const other = list.find((o) => o !== d);
      if (!other) continue;
      out.push(
        finding(
          'tf/duplicate-declaration',
          d.range,
          `'${key}' is declared more than once; also at ${where(other.file, other.range, ctx.file.path)}.`,
        ),
      );
    }
  }
  return out;
}
