import { describe, expect, it } from 'vitest';
import { RecordingContext } from '../../src/charts/index.js';
import type { DrawOp, PathSeg } from '../../src/charts/index.js';
import { textWidth } from '../../src/text/measure.js';

function paths(ops: readonly DrawOp[]): Extract<DrawOp, { kind: 'path' }>[] {
  return ops.flatMap((op) => (op.kind === 'path' ? [op] : []));
}

function end(s: PathSeg | undefined): [number, number] {
  if (!s || s.op === 'Z') throw new Error('no end point');
  return [s.x, s.y];
}

describe('RecordingContext', () => {
  it('records transformed rectangles with rgba split into colour and opacity', () => {
    const ctx = new RecordingContext();
    ctx.translate(10, 20);
    ctx.scale(2, 2);
    ctx.globalAlpha = 0.5;
    ctx.fillStyle = 'rgba(255, 0, 0, 0.5)';
    ctx.fillRect(1, 1, 5, 5);
    const [op] = paths(ctx.ops);
    expect(op?.paint).toEqual({ fill: '#ff0000', opacity: 0.25 });
    expect(op?.segments).toEqual([
      { op: 'M', x: 12, y: 22 },
      { op: 'L', x: 22, y: 22 },
      { op: 'L', x: 22, y: 32 },
      { op: 'L', x: 12, y: 32 },
      { op: 'Z' },
    ]);
  });

  it('turns arcs into cubic Béziers ending on the circle', () => {
    const ctx = new RecordingContext();
    ctx.beginPath();
    ctx.arc(50, 50, 10, 0, Math.PI * 2);
    ctx.strokeStyle = '#123456';
    ctx.lineWidth = 2;
    ctx.stroke();
    const [op] = paths(ctx.ops);
    const segs = op?.segments ?? [];
    expect(segs[0]).toEqual({ op: 'M', x: 60, y: 50 });
    expect(segs.filter((s) => s.op === 'C')).toHaveLength(4);
    expect(end(segs[segs.length - 1])).toEqual([60, 50]);
    expect(end(segs[1])).toEqual([50, 60]);
    expect(op?.paint).toMatchObject({ stroke: '#123456', lineWidth: 2, opacity: 1 });
  });

  it('keeps save/restore balanced around clips and skips invisible paint', () => {
    const ctx = new RecordingContext();
    ctx.save();
    ctx.save();
    ctx.beginPath();
    ctx.rect(0, 0, 10, 10);
    ctx.clip();
    ctx.clip();
    ctx.fillStyle = 'transparent';
    ctx.fill();
    ctx.restore();
    ctx.restore();
    ctx.restore();
    expect(ctx.ops.map((o) => o.kind)).toEqual(['save', 'clip', 'clip', 'restore']);
  });

  it('ignores invalid colours like canvas does', () => {
    const ctx = new RecordingContext();
    ctx.fillStyle = '#00ff00';
    ctx.fillStyle = undefined;
    ctx.fillRect(0, 0, 1, 1);
    expect(paths(ctx.ops)[0]?.paint.fill).toBe('#00ff00');
  });

  it('measures with our fonts and places text at the baseline-left point', () => {
    const ctx = new RecordingContext();
    ctx.font = "600 8px 'Source Sans 3', 'Noto Sans KR'";
    const w = ctx.measureText('$2.2 B').width;
    expect(w).toBeCloseTo(textWidth('$2.2 B', 'semibold', 8), 6);
    ctx.textAlign = 'right';
    ctx.textBaseline = 'alphabetic';
    ctx.fillStyle = '#1a1a1a';
    ctx.fillText('$2.2 B', 100, 50);
    ctx.textAlign = 'center';
    ctx.translate(200, 100);
    ctx.rotate(-Math.PI / 2);
    ctx.fillText('Up', 0, 0);
    const [a, b] = ctx.ops;
    expect(a).toMatchObject({ kind: 'text', face: 'semibold', size: 8, y: 50, rotation: 0, color: '#1a1a1a' });
    expect(a?.kind === 'text' && a.x).toBeCloseTo(100 - w, 3);
    expect(b).toMatchObject({ kind: 'text', text: 'Up', rotation: -1.570796 });
    // Centred on the rotated axis: the start is below the origin (x along -y).
    const half = textWidth('Up', 'semibold', 8) / 2;
    expect(b?.kind === 'text' && b.y).toBeCloseTo(100 + half, 3);
    expect(ctx.families).toEqual(new Set(['Source Sans 3']));
  });

  it('maps CSS weights and styles to our faces', () => {
    const ctx = new RecordingContext();
    ctx.fillStyle = '#000';
    for (const font of ['bold 8px x', 'italic 8px x', 'italic bold 8px x', '300 8px x', '600 8px x']) {
      ctx.font = font;
      ctx.fillText('a', 0, 0);
    }
    expect(ctx.ops.map((o) => (o.kind === 'text' ? o.face : ''))).toEqual([
      'bold',
      'italic',
      'boldItalic',
      'regular',
      'semibold',
    ]);
  });
});
