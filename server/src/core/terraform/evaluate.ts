import type { TfBlock, TfEval, TfExpr, TfModule, TfValue } from './model';

const UNKNOWN: TfEval = { known: false };

/**
 * Static value of an expression within its module: literals, templates, tuples and objects of
 * known values, `var.x` (its default) and `local.y` (recursively). Anything that needs a plan
 * (function calls, resource attributes, conditionals, operators) is unknown.
 */
export function evaluate(module: TfModule, expr: TfExpr, reads?: EvalReads): TfEval {
  return new Evaluator(module, reads).eval(expr);
}

/**
 * Set when an evaluation looked a variable or a local value up (found or not): a value that
 * looked neither up stays the same whatever the module's variables and locals become.
 */
export interface EvalReads {
  variables: boolean;
  locals: boolean;
}

/** Variables and locals of a module by name, built once per module object (once per analysis). */
interface ModuleNames {
  vars?: Map<string, TfBlock>;
  locals?: Map<string, TfExpr>;
}

const namesByModule = new WeakMap<TfModule, ModuleNames>();

class Evaluator {
  private readonly visiting = new Set<string>();
  private readonly names: ModuleNames;

  constructor(
    private readonly module: TfModule,
    private readonly reads?: EvalReads,
  ) {
    let names = namesByModule.get(module);
    if (!names) namesByModule.set(module, (names = {}));
    this.names = names;
  }

  eval(e: TfExpr): TfEval {
    switch (e.kind) {
      case 'literal':
        return e.value === undefined ? UNKNOWN : { known: true, value: e.value };
      case 'template':
        return this.template(e);
      case 'tuple': {
        const out: TfValue[] = [];
        for (const item of e.items ?? []) {
          const v = this.eval(item);
          if (!v.known) return UNKNOWN;
          out.push(v.value);
        }
        return { known: true, value: out };
      }
      case 'object': {
        const out: { [key: string]: TfValue } = {};
        for (const entry of e.entries ?? []) {
          const v = this.eval(entry.value);
          if (!v.known) return UNKNOWN;
          out[entry.key] = v.value;
        }
        return { known: true, value: out };
      }
      case 'reference':
        return this.reference(e);
      default:
        return UNKNOWN;
    }
  }

  private template(e: TfExpr): TfEval {
    if (e.value !== undefined) return { known: true, value: e.value };
    if (!e.parts) return UNKNOWN;
    // `"${x}"` alone yields x itself, not its string form.
    const lone = e.parts.length === 1 ? e.parts[0] : undefined;
    if (lone !== undefined && typeof lone !== 'string') return this.eval(lone);
    let s = '';
    for (const p of e.parts) {
      if (typeof p === 'string') {
        s += p;
        continue;
      }
      const v = this.eval(p);
      if (!v.known) return UNKNOWN;
      const str = toTemplateString(v.value);
      if (str === undefined) return UNKNOWN;
      s += str;
    }
    return { known: true, value: s };
  }

  private reference(e: TfExpr): TfEval {
    const root = e.references[0]?.name.split('.')[0];
    const steps = e.steps ?? [];
    const first = steps[0];
    if (first?.kind !== 'attr') return UNKNOWN;
    let base: TfEval;
    if (root === 'var') base = this.variable(first.name);
    else if (root === 'local') base = this.local(first.name);
    else return UNKNOWN;
    let value: TfValue | undefined = base.known ? base.value : undefined;
    if (!base.known) return UNKNOWN;
    for (const step of steps.slice(1)) {
      if (step.kind === 'splat') return UNKNOWN;
      let key: TfValue | undefined;
      if (step.kind === 'attr') key = step.name;
      else {
        const k = this.eval(step.expr);
        if (!k.known) return UNKNOWN;
        key = k.value;
      }
      value = index(value, key);
      if (value === undefined) return UNKNOWN;
    }
    return value === undefined ? UNKNOWN : { known: true, value };
  }

  private variable(name: string): TfEval {
    if (this.reads) this.reads.variables = true;
    this.names.vars ??= indexBlocks(this.module, 'variable');
    const def = this.names.vars.get(name)?.attributes.find((a) => a.name === 'default');
    return def ? this.guarded(`var.${name}`, def.expr) : UNKNOWN;
  }

  private local(name: string): TfEval {
    if (this.reads) this.reads.locals = true;
    if (!this.names.locals) {
      const locals = new Map<string, TfExpr>();
      for (const f of this.module.files)
        for (const b of f.blocks)
          if (b.type === 'locals') for (const a of b.attributes) locals.set(a.name, a.expr);
      this.names.locals = locals;
    }
    const expr = this.names.locals.get(name);
    return expr ? this.guarded(`local.${name}`, expr) : UNKNOWN;
  }

  /** Cycle guard: `local.a = local.b`, `local.b = local.a` is unknown, not a stack overflow. */
  private guarded(key: string, expr: TfExpr): TfEval {
    if (this.visiting.has(key)) return UNKNOWN;
    this.visiting.add(key);
    try {
      return this.eval(expr);
    } finally {
      this.visiting.delete(key);
    }
  }
}

function indexBlocks(module: TfModule, type: string): Map<string, TfBlock> {
  const m = new Map<string, TfBlock>();
  for (const f of module.files)
    for (const b of f.blocks) if (b.type === type && b.labels[0] !== undefined) m.set(b.labels[0], b);
  return m;
}

function index(value: TfValue | undefined, key: TfValue): TfValue | undefined {
  if (Array.isArray(value)) return typeof key === 'number' ? value[key] : undefined;
  if (value !== null && typeof value === 'object') {
    const k = typeof key === 'number' ? String(key) : key;
    return typeof k === 'string' && Object.prototype.hasOwnProperty.call(value, k) ? value[k] : undefined;
  }
  return undefined;
}

function toTemplateString(v: TfValue): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}
