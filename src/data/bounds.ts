/**
 * Bounds on parsing: how deep a document nests and how much its YAML aliases expand. Both are
 * checked before the recursive work they would otherwise break (composing the YAML tree,
 * converting it to values, schema validation, walking the data, copying it to a worker), so
 * a hostile file is refused quickly and in the same way by every command.
 */
import { isAlias, isMap, isNode, isPair, isSeq, Lexer, Parser, type CST, type Document } from 'yaml';

/** Where and why the data exceeds a bound; `offset` is a UTF-16 offset in the parsed text. */
export type BoundProblem =
  | { readonly kind: 'depth'; readonly offset: number; /** True when an alias expands past the limit. */ readonly alias: boolean }
  | { readonly kind: 'aliases'; readonly offset: number; readonly name: string }
  | { readonly kind: 'alias-loop'; readonly offset: number; readonly name: string };

/** Thrown out of {@link boundedTokens} when the text nests too deeply; caught by the parser. */
export class TooDeep extends Error {
  constructor(readonly offset: number) {
    super('nesting too deep');
  }
}

/**
 * The parser's own stack holds the document and the scalar being read besides one entry per
 * open list or mapping (measured: `[[x]]` peaks at 4 entries for 2 levels, `[[]]` at 3). The
 * exact count of levels is made on the composed tree ({@link resolveAliases}), which locates
 * the first level too many; this bound, with two levels of slack, only has to stop absurd
 * nesting before the composer recurses into it.
 */
const STACK_OVERHEAD = 4;

/**
 * The YAML syntax tokens of `text`, for the yaml package's Composer, stopping with
 * {@link TooDeep} as soon as the nesting passes `maxDepth`. The lexer and parser of the yaml
 * package keep explicit stacks (they do not recurse), so this runs in bounded stack space and
 * stops at the first token past the limit: a 100,000-deep file costs no more than a 65-deep one.
 */
export function* boundedTokens(text: string, maxDepth: number, onNewLine: (offset: number) => void): Generator<CST.Token> {
  const parser = new Parser(onNewLine);
  onNewLine(0); // as Parser.parse does: the first line starts at 0
  for (const lexeme of new Lexer().lex(text)) {
    yield* parser.next(lexeme);
    if (parser.stack.length > maxDepth + STACK_OVERHEAD) throw new TooDeep(Math.max(0, parser.offset - lexeme.length));
  }
  yield* parser.end();
}

interface Size {
  /** Nodes in the value with every alias expanded (itself included). */
  readonly nodes: number;
  /** Levels of lists and mappings in the value with every alias expanded (0 for a scalar). */
  readonly depth: number;
}

class Stop extends Error {
  constructor(readonly problem: BoundProblem) {
    super(problem.kind);
  }
}

function startOf(node: unknown): number {
  const r = (node as { range?: readonly number[] | null } | null)?.range;
  return r?.[0] ?? 0;
}

/** An alias with no anchor of its name before it. */
export interface Unresolved {
  readonly offset: number;
  readonly name: string;
}

/** What {@link resolveAliases} found: aliases without an anchor, or the first bound passed. */
export interface AliasCheck {
  readonly unresolved: readonly Unresolved[];
  readonly problem?: BoundProblem;
}

/**
 * Resolves the document's aliases in place, before anything expands them, replacing each by
 * the node its anchor names (shared, not copied), so that later steps never resolve an alias
 * themselves: the yaml package looks each one up by scanning the whole document, which makes
 * many aliases cost quadratic time. Bounds checked on the way: in all, at most `maxAliasNodes`
 * nodes may come from aliases (whatever the number of anchors: the yaml package's own cap
 * counts per anchor), the expanded data may nest at most `maxDepth` levels, and no alias may
 * refer to a node that contains it (which would expand forever).
 *
 * One walk in document order, recursing only as deep as the text nests (already bounded by
 * {@link boundedTokens}); anchors are registered when their node is entered (as the yaml
 * package does: the last anchor of a name before the alias wins), and each anchored node's
 * expanded size is remembered, so an alias costs one look-up however large its anchor is.
 */
export function resolveAliases(doc: Document.Parsed, maxAliasNodes: number, maxDepth: number): AliasCheck {
  const anchors = new Map<string, unknown>();
  const sizes = new Map<unknown, Size>();
  const open = new Set<unknown>();
  const unresolved: Unresolved[] = [];
  let aliased = 0;
  /** The size of `node`, and what replaces it in its parent (the anchored node, for an alias). */
  const walk = (node: unknown, level: number): { size: Size; node: unknown } => {
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (target === undefined) {
        unresolved.push({ offset: startOf(node), name: node.source });
        return { size: { nodes: 1, depth: 0 }, node };
      }
      if (open.has(target)) throw new Stop({ kind: 'alias-loop', offset: startOf(node), name: node.source });
      const size = sizes.get(target) ?? { nodes: 1, depth: 0 };
      aliased += size.nodes;
      if (aliased > maxAliasNodes) throw new Stop({ kind: 'aliases', offset: startOf(node), name: node.source });
      if (level + size.depth > maxDepth) throw new Stop({ kind: 'depth', offset: startOf(node), alias: true });
      return { size, node: target };
    }
    if (isNode(node) && node.anchor) anchors.set(node.anchor, node);
    if (!isMap(node) && !isSeq(node)) return { size: { nodes: 1, depth: 0 }, node };
    // The exact count of levels (the token check before allows a level or two of slack).
    if (level + 1 > maxDepth) throw new Stop({ kind: 'depth', offset: startOf(node), alias: false });
    let nodes = 1;
    let depth = 0;
    open.add(node);
    const visit = (child: unknown): unknown => {
      const r = walk(child, level + 1);
      nodes += r.size.nodes;
      depth = Math.max(depth, r.size.depth);
      return r.node;
    };
    const items = node.items as unknown[];
    items.forEach((item, i) => {
      if (isPair(item)) {
        item.key = visit(item.key);
        item.value = visit(item.value);
      } else items[i] = visit(item);
    });
    open.delete(node);
    const size = { nodes, depth: depth + 1 };
    sizes.set(node, size);
    return { size, node };
  };
  try {
    walk(doc.contents, 0);
    return { unresolved };
  } catch (e) {
    if (e instanceof Stop) return { unresolved, problem: e.problem };
    throw e;
  }
}

/**
 * Whether a plain value (an API caller's `data`) can be turned into text safely: `cycle` when
 * it contains itself, `depth` when it nests more than `maxDepth` levels, `size` when it holds
 * more than `maxNodes` values counting shared ones each time (as JSON text would); undefined
 * when it is fine. Counted without recursion, and stops at the first bound passed.
 */
export function valueProblem(value: unknown, maxDepth: number, maxNodes: number): 'cycle' | 'depth' | 'size' | undefined {
  const stack: { v: unknown; level: number }[] = [{ v: value, level: 0 }];
  const ancestors: { v: unknown; level: number }[] = [];
  const onPath = new Set<unknown>();
  let nodes = 0;
  while (stack.length > 0) {
    const top = stack.pop() as { v: unknown; level: number };
    // Leaving a subtree: the nodes at this level or deeper are no longer ancestors.
    while (ancestors.length > 0 && (ancestors[ancestors.length - 1] as { level: number }).level >= top.level) onPath.delete(ancestors.pop()?.v);
    if (++nodes > maxNodes) return 'size';
    const { v, level } = top;
    if (typeof v !== 'object' || v === null) continue;
    if (onPath.has(v)) return 'cycle';
    if (level + 1 > maxDepth) return 'depth';
    onPath.add(v);
    ancestors.push(top);
    const count = Array.isArray(v) ? v.length : Object.keys(v).length;
    if (nodes + stack.length + count > maxNodes) return 'size';
    for (const child of Object.values(v)) stack.push({ v: child, level: level + 1 });
  }
  return undefined;
}
