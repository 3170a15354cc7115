import type { Node, Tree } from 'web-tree-sitter';

/**
 * A plain-JS copy of a tree-sitter tree, made in one cursor walk. Reading nodes through the
 * WASM `Node` API allocates and marshals on every access (most of the time of a model build on
 * large files); this copy costs one pass and is then free to read.
 */
export class LNode {
  readonly children: LNode[] = [];
  parent: LNode | undefined;
  hasError = false;

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

/** Copies `tree`, or the subtree of a node (iteratively: 10k nested braces must not overflow the stack). */
export function liteTree(tree: Tree | Node, source: string): LNode {
  const c = tree.walk();
  try {
    const make = () =>
      new LNode(source, c.nodeType, c.nodeIsNamed, c.nodeIsMissing, c.startIndex, c.endIndex);
    const root = make();
    let cur = root;
    for (;;) {
      if (c.gotoFirstChild()) {
        const n = make();
        n.parent = cur;
        cur.children.push(n);
        cur = n;
        continue;
      }
      for (;;) {
        if (cur.isError || cur.isMissing) markError(cur);
        if (c.gotoNextSibling()) {
          const parent = cur.parent as LNode;
          const n = make();
          n.parent = parent;
          parent.children.push(n);
          cur = n;
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

function markError(n: LNode): void {
  for (let p: LNode | undefined = n; p && !p.hasError; p = p.parent) p.hasError = true;
}
