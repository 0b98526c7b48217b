import type { Box, StructNode, StructRole } from './types.js';

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

  build(): StructNode[] {
    return this.nodes.map((n) => {
      const bbox = this.boxes.get(n.id);
      return bbox ? { ...n, bbox } : n;
    });
  }
}
