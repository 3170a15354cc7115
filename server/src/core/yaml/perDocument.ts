import type { CrdSource } from '../features/crd';
import type { Finding, Position, Range } from '../types';
import { ownCopy, type DocKey, type YamlDoc, type YamlFile } from './yamlFile';

interface Slot {
  /** Line of the document's first character when the findings were computed. */
  line: number;
  findings: Finding[];
  /** Anything else remembered with the slot (see `DocSlots.remember`). */
  data?: unknown;
  /** Re-checks what else the findings depended on (e.g. a CRD of another file); absent: nothing. */
  valid?: () => boolean;
}

/**
 * Findings computed one YAML document at a time, remembered per parsed document and per slot
 * (a check, a rule). YamlCache hands back the same document key (`YamlDoc.key`) while a
 * document's text is unchanged, so an edit costs only the documents it touched; documents that
 * moved are shifted by whole lines (documents start at a line start and a finding never leaves
 * its document, so that is exact). Entries go with their key once the parse cache drops it; the
 * key outlives the document's syntax tree, which is parsed again only if a result needs it.
 */
export class DocumentMemo {
  private readonly docs = new WeakMap<DocKey, Map<string, Slot>>();

  /** The remembered findings of document `d` of `file`. */
  at(file: YamlFile, d: YamlDoc): DocSlots {
    let slots = this.docs.get(d.key);
    if (!slots) this.docs.set(d.key, (slots = new Map()));
    return new DocSlots(slots, d.line);
  }

  /**
   * `check` run on each document alone (a view of the file with that one document), with
   * results reused for documents seen before. `crds` lookups are recorded, so a custom
   * resource is re-checked when the CRD it was checked against changes.
   */
  collect(
    slot: string,
    file: YamlFile,
    check: (view: YamlFile, crds: CrdSource | undefined) => Finding[],
    crds?: CrdSource,
  ): Finding[] {
    return this.walk(slot, file, (d, _i, dependent) => {
      let slots = this.docs.get(d.key);
      if (!slots) this.docs.set(d.key, (slots = new Map()));
      let e = slots.get(slot);
      if (!e || (e.valid && !e.valid())) {
        const recorder = crds && new RecordingCrds(crds);
        const findings = check({ ...file, docs: [d] }, recorder);
        for (const f of findings) flattenTexts(f);
        slots.set(slot, (e = { line: d.line, findings, valid: recorder?.validity() }));
      }
      if (e.valid) dependent();
      return shiftFindings(e.findings, d.line - e.line);
    });
  }

  /**
   * The findings of every document of `file` in order, `each(d)` giving those of document `d`
   * (at its current line). Documents the cache says are those of the version this walk saw
   * last (see `Reuse`) take their findings from that result, with no call and no look-up,
   * except those whose `each` called `dependent()` (their findings depend on something besides
   * their text): those are asked again. The walk over thousands of documents of a big file
   * is then a copy of the last result, plus the documents an edit touched.
   */
  walk(
    name: string,
    file: YamlFile,
    each: (d: YamlDoc, i: number, dependent: () => void) => Finding[],
  ): Finding[] {
    const docs = file.docs;
    const n = docs.length;
    const last = this.walked.get(name);
    let prefix = 0;
    let suffix = 0;
    let lineDelta = 0;
    if (last && file.version !== undefined) {
      if (last.version === file.version) prefix = n;
      else if (file.reuse?.from === last.version) ({ prefix, suffix, lineDelta } = file.reuse);
      if (last.dependent.length > 0 && prefix + suffix > 0) {
        const lastN = last.starts.length - 1;
        prefix = Math.min(prefix, last.dependent[0] as number);
        suffix = Math.min(suffix, lastN - 1 - (last.dependent[last.dependent.length - 1] as number));
      }
    }
    const out: Finding[] = [];
    const starts: number[] = [];
    const dependent: number[] = [];
    if (last && prefix > 0) {
      const end = last.starts[prefix] as number;
      for (let i = 0; i < end; i++) out.push(last.out[i] as Finding);
      for (let i = 0; i < prefix; i++) starts.push(last.starts[i] as number);
    }
    let current = -1;
    const markDependent = () => {
      if (dependent[dependent.length - 1] !== current) dependent.push(current);
    };
    for (let i = prefix; i < n - suffix; i++) {
      current = i;
      starts.push(out.length);
      const found = each(docs[i] as YamlDoc, i, markDependent);
      for (let k = 0; k < found.length; k++) out.push(found[k] as Finding);
    }
    if (last && suffix > 0) {
      const lastN = last.starts.length - 1;
      for (let s = suffix; s > 0; s--) {
        const from = last.starts[lastN - s] as number;
        const to = last.starts[lastN - s + 1] as number;
        starts.push(out.length);
        if (from === to) continue;
        const found = shiftFindings(last.out.slice(from, to), lineDelta);
        for (let k = 0; k < found.length; k++) out.push(found[k] as Finding);
      }
    }
    starts.push(out.length);
    if (file.version !== undefined) this.walked.set(name, { version: file.version, out, starts, dependent });
    else this.walked.delete(name);
    return out.slice();
  }

  /** Forgets the last result of a walk (its findings were not kept as returned). */
  forgetWalk(name: string): void {
    this.walked.delete(name);
  }

  /** The last result of `walk` per name, for the next version of the file. */
  private readonly walked = new Map<string, Walked>();
}

interface Walked {
  /** `YamlFile.version` the result is for. */
  version: object;
  out: Finding[];
  /** Where each document's findings start in `out` (one more entry: the end). */
  starts: number[];
  /** Documents whose findings depend on something besides their text, in order. */
  dependent: number[];
}

/** One document's remembered findings, read and written at its current line. */
export class DocSlots {
  constructor(
    private readonly slots: Map<string, Slot>,
    readonly line: number,
  ) {}

  get(slot: string): Finding[] | undefined {
    const e = this.slots.get(slot);
    if (!e || (e.valid && !e.valid())) return undefined;
    return shiftFindings(e.findings, this.line - e.line);
  }

  set(slot: string, findings: Finding[], valid?: () => boolean): void {
    for (const f of findings) flattenTexts(f);
    this.slots.set(slot, { line: this.line, findings, valid });
  }

  /**
   * A value computed once per document (`compute(arg)`), with the line it was computed at: the
   * caller shifts what it holds by `this.line - line` (a `slot` must hold one kind of value).
   * Returns the stored entry itself: this runs for every document of a big file per version.
   */
  remember<T, A>(slot: string, compute: (arg: A) => T, arg: A): { readonly data: T; readonly line: number } {
    let e = this.slots.get(slot);
    if (!e) this.slots.set(slot, (e = { line: this.line, findings: NO_FINDINGS, data: compute(arg) }));
    return e as { data: T; line: number };
  }
}

const NO_FINDINGS: Finding[] = Object.freeze([]) as unknown as Finding[];

/**
 * Messages and fix texts are built by concatenation (a probe snippet is a chain of some 40
 * pieces), and V8 keeps such a string as a tree of pieces until something reads it whole:
 * 100,000 tree nodes (4 MB, plus the pieces) for the 2,300 remembered fixes of a 5 MiB manifest.
 * One flat copy each, made when the findings are remembered.
 */
function flattenTexts(f: Finding): void {
  f.message = ownCopy(f.message);
  for (const x of f.fixes ?? []) {
    x.title = ownCopy(x.title);
    for (const e of x.edits) e.newText = ownCopy(e.newText);
  }
}

/** A CrdSource that remembers what it answered, to tell later whether the answers still hold. */
class RecordingCrds implements CrdSource {
  private readonly answers: (() => boolean)[] = [];

  constructor(private readonly inner: CrdSource) {}

  validator(apiVersion: string, kind: string): ReturnType<CrdSource['validator']> {
    const v = this.inner.validator(apiVersion, kind);
    this.answers.push(() => this.inner.validator(apiVersion, kind) === v);
    return v;
  }

  schema(apiVersion: string, kind: string): ReturnType<CrdSource['schema']> {
    const s = this.inner.schema(apiVersion, kind);
    this.answers.push(() => this.inner.schema(apiVersion, kind) === s);
    return s;
  }

  validity(): (() => boolean) | undefined {
    const answers = this.answers;
    return answers.length === 0 ? undefined : () => answers.every((a) => a());
  }
}

/** Findings moved down (or up) by `delta` lines; the same objects when `delta` is 0. */
export function shiftFindings(findings: Finding[], delta: number): Finding[] {
  if (delta === 0) return findings;
  return findings.map((f) => {
    const moved: Finding = { ...f, range: shiftRange(f.range, delta) };
    if (f.fixes) {
      moved.fixes = f.fixes.map((x) => ({
        ...x,
        edits: x.edits.map((e) => ({ ...e, range: shiftRange(e.range, delta) })),
      }));
    }
    return moved;
  });
}

export function shiftRange(r: Range, delta: number): Range {
  return { start: shiftPos(r.start, delta), end: shiftPos(r.end, delta) };
}

function shiftPos(p: Position, delta: number): Position {
  return { line: p.line + delta, character: p.character };
}
