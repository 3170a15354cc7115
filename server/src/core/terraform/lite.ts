import type { Language, Node, Tree, TreeCursor } from 'web-tree-sitter';

/**
 * A plain-JS copy of a tree-sitter tree, made in one cursor walk. Reading nodes through the
 * WASM `Node` API allocates and marshals on every access (most of the time of a model build on
 * large files); this copy costs one pass and is then free to read.
 */
export class LNode {
  readonly children: LNode[] = [];
  parent: LNode | undefined;
  hasError = false;
  /** Stands for a node whose subtree was not copied (see `liteTree`'s `stub`). */
  stub = false;

  constructor(
    private readonly source: string,
    readonly type: string,
    readonly isNamed: boolean,
    readonly isMissing: boolean,
    readonly startIndex: number,
    readonly endIndex: number,
  ) {}

  get isError(): boolean {
    return this.type === 'ERROR';
  }

  get text(): string {
    return this.source.slice(this.startIndex, this.endIndex);
  }

  get namedChildren(): LNode[] {
    return this.children.filter((c) => c.isNamed);
  }

  get firstChild(): LNode | undefined {
    return this.children[0];
  }

  get lastChild(): LNode | undefined {
    return this.children[this.children.length - 1];
  }

  get childCount(): number {
    return this.children.length;
  }

  descendantsOfType(type: string): LNode[] {
    const out: LNode[] = [];
    const stack: LNode[] = [...this.children];
    while (stack.length) {
      const n = stack.pop() as LNode;
      if (n.type === type) out.push(n);
      stack.push(...n.children);
    }
    return out;
  }
}

/**
 * Copies `tree`, or the subtree of a node (iteratively: 10k nested braces must not overflow the
 * stack). `stub` may stand in for a node (its subtree is then not copied). Every read through
 * the cursor is a call into WASM: a node's named-ness is looked up
 * once per node type, and `clean` (a tree without errors, hence without missing nodes) spares
 * asking each node whether it is missing.
 */
export function liteTree(
  tree: Tree | Node,
  source: string,
  clean = false,
  stub?: (c: TreeCursor, parent: LNode) => LNode | undefined,
): LNode {
  const language = 'rootNode' in tree ? tree.language : tree.tree.language;
  let named = namedByType.get(language);
  if (!named) namedByType.set(language, (named = []));
  const isNamed = named;
  const c = tree.walk();
  try {
    const make = () => {
      const id = c.nodeTypeId;
      let n = isNamed[id];
      if (n === undefined) n = isNamed[id] = language.nodeTypeIsNamed(id);
      const type = language.types[id] ?? 'ERROR';
      return new LNode(source, type, n, clean ? false : c.nodeIsMissing, c.startIndex, c.endIndex);
    };
    const root = make();
    let cur = root;
    for (;;) {
      if (c.gotoFirstChild()) {
        const n = stub?.(c, cur) ?? make();
        n.parent = cur;
        cur.children.push(n);
        cur = n;
        // A stub stands for the whole node: its subtree is not copied.
        if (!n.stub) continue;
      }
      for (;;) {
        if (cur.isError || cur.isMissing) markError(cur);
        if (c.gotoNextSibling()) {
          const parent = cur.parent as LNode;
          const n = stub?.(c, parent) ?? make();
          n.parent = parent;
          parent.children.push(n);
          cur = n;
          if (n.stub) continue;
          break;
        }
        if (!c.gotoParent() || !cur.parent) return root;
        cur = cur.parent;
      }
    }
  } finally {
    c.delete();
  }
}

const namedByType = new WeakMap<Language, boolean[]>();

function markError(n: LNode): void {
  for (let p: LNode | undefined = n; p && !p.hasError; p = p.parent) p.hasError = true;
}
