import type { Document } from 'yaml';
import type { CrdSource } from '../features/crd';
import type { Finding, Position, Range } from '../types';
import type { YamlDoc, YamlFile } from './yamlFile';

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
 * (a check, a rule). YamlCache hands back the same `Document` object while a document's text is
 * unchanged, so an edit costs only the documents it touched; documents that moved are shifted
 * by whole lines (documents start at a line start and a finding never leaves its document, so
 * that is exact). Entries go with their `Document` once the parse cache drops it.
 */
export class DocumentMemo {
  private readonly docs = new WeakMap<Document.Parsed, Map<string, Slot>>();

  /** The remembered findings of document `d` of `file`. */
  at(file: YamlFile, d: YamlDoc): DocSlots {
    let slots = this.docs.get(d.doc);
    if (!slots) this.docs.set(d.doc, (slots = new Map()));
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
