import { join } from 'node:path';
import { Language, Parser, type Tree } from 'web-tree-sitter';

/**
 * Loads tree-sitter and the Terraform grammar once per process. Imported as CommonJS: tsx and
 * the esbuild bundle (which aliases the package to its `.cjs` build) both resolve the CJS entry,
 * so `import.meta.url` is never needed.
 */
let loading: Promise<Language> | undefined;

async function loadLanguage(assetsDir: string): Promise<Language> {
  await Parser.init({ locateFile: () => join(assetsDir, 'web-tree-sitter.wasm') });
  return Language.load(join(assetsDir, 'tree-sitter-terraform.wasm'));
}

/** Parses Terraform text; one instance holds one tree-sitter parser (not re-entrant). */
export class TfParser {
  private constructor(private readonly parser: Parser) {}

  static async create(assetsDir: string): Promise<TfParser> {
    loading ??= loadLanguage(assetsDir);
    const language = await loading;
    const parser = new Parser();
    parser.setLanguage(language);
    return new TfParser(parser);
  }

  /**
   * Parses only `text[start, end)`, as a piece of the whole text: node offsets are those of the
   * whole text. `from` and `to` are the piece's bounds as tree-sitter points.
   */
  parseRange(
    text: string,
    start: number,
    end: number,
    from: { row: number; column: number },
    to: { row: number; column: number },
  ): Tree | undefined {
    return (
      this.parser.parse(text, undefined, {
        progressCallback: deadline(2000),
        includedRanges: [{ startIndex: start, endIndex: end, startPosition: from, endPosition: to }],
      }) ?? undefined
    );
  }

  /** Full parse; an old tree is used for incremental reparse once it has been `edit`ed. */
  parse(text: string, old?: Tree): Tree | undefined {
    // A budget keeps pathological input (10k nested braces) from hanging the caller.
    return this.parser.parse(text, old, { progressCallback: deadline(2000) }) ?? undefined;
  }
}

function deadline(ms: number): () => boolean {
  const end = Date.now() + ms;
  return () => Date.now() > end;
}
