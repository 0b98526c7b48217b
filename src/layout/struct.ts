import type { Box, StructNode, StructRole } from './types.js';

const HEADINGS: readonly StructRole[] = ['H1', 'H2', 'H3', 'H4'];

/** Collects structure elements in document order; ids are indices. */
export class StructBuilder {
  private readonly nodes: StructNode[] = [];
  private readonly boxes = new Map<number, Box & { page: number }>();

  add(role: StructRole, parent: number, extra: { alt?: string; scope?: 'Column' | 'Row'; lang?: string } = {}): number {
    const id = this.nodes.length;
    this.nodes.push({ id, role, parent, ...extra });
    return id;
  }

  setBox(id: number, box: Box & { page: number }): void {
    this.boxes.set(id, box);
  }

  /** The elements, with figure boxes and heading levels that never skip one (see {@link headingLevels}). */
  build(): StructNode[] {
    const levels = headingLevels(this.nodes);
    return this.nodes.map((n) => {
      const bbox = this.boxes.get(n.id);
      const role = levels.get(n.id) ?? n.role;
      return bbox || role !== n.role ? { ...n, role, ...(bbox ? { bbox } : {}) } : n;
    });
  }
}

/**
 * Heading roles such that, in reading order (the structure tree depth first), no heading is
 * more than one level below the heading before it, and the first is H1 (Matterhorn 14-002,
 * 14-003: "H3 directly after H1" fails PDF/UA). A panel's H3 right after the title's H1
 * becomes H2; going back up any number of levels is fine. Visual styles are not touched:
 * only the tag says the level. Returns the changed roles by node id.
 */
export function headingLevels(nodes: readonly StructNode[]): Map<number, StructRole> {
  const children = new Map<number, number[]>();
  for (const n of nodes) {
    const list = children.get(n.parent);
    if (list) list.push(n.id);
    else children.set(n.parent, [n.id]);
  }
  const out = new Map<number, StructRole>();
  let prev = 0;
  // Depth first without recursion: structure trees of long packs are deep enough to matter.
  const stack = [...(children.get(-1) ?? [])].reverse();
  while (stack.length) {
    const id = stack.pop() as number;
    const n = nodes[id];
    if (!n) continue;
    const level = HEADINGS.indexOf(n.role) + 1;
    if (level > 0) {
      const fixed = Math.min(level, prev + 1);
      if (fixed !== level) out.set(id, HEADINGS[fixed - 1] as StructRole);
      prev = fixed;
    }
    const kids = children.get(id);
    if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as number);
  }
  return out;
}
