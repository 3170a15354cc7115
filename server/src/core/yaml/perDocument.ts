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
    return new DocSlots(slots, file.lines.positionAt(d.offset).line);
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
    const out: Finding[] = [];
    for (const d of file.docs) {
      const slots = this.at(file, d);
      let found = slots.get(slot);
      if (!found) {
        const recorder = crds && new RecordingCrds(crds);
        found = check({ ...file, docs: [d] }, recorder);
        slots.set(slot, found, recorder?.validity());
      }
      for (const f of found) out.push(f);
    }
    return out;
  }
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
   * A value computed once per document, with the lines the document moved by since (the
   * caller shifts what it holds; a `slot` must hold one kind of value).
   */
  remember<T>(slot: string, compute: () => T): { data: T; delta: number } {
    let e = this.slots.get(slot);
    if (!e) this.slots.set(slot, (e = { line: this.line, findings: [], data: compute() }));
    return { data: e.data as T, delta: this.line - e.line };
  }
}

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
