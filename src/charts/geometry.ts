/**
 * Affine transforms and curve conversion for the recording canvas. Canvas 2D transforms are
 * `[a, b, c, d, e, f]`, mapping (x, y) to (a·x + c·y + e, b·x + d·y + f); all lengths in pt.
 */

/** An affine transform in canvas order `[a, b, c, d, e, f]`. */
export type Matrix = readonly [number, number, number, number, number, number];

/** The identity transform. */
export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** `m` then `n` applied in `m`'s local space (what canvas `transform(n)` does to `m`). */
export function multiply(m: Matrix, n: Matrix): Matrix {
  const [a, b, c, d, e, f] = m;
  const [a2, b2, c2, d2, e2, f2] = n;
  return [
    a * a2 + c * b2,
    b * a2 + d * b2,
    a * c2 + c * d2,
    b * c2 + d * d2,
    a * e2 + c * f2 + e,
    b * e2 + d * f2 + f,
  ];
}

/** Applies `m` to a point. */
export function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** The inverse of `m`, or undefined when it is singular. */
export function invert(m: Matrix): Matrix | undefined {
  const [a, b, c, d, e, f] = m;
  const det = a * d - b * c;
  if (!Number.isFinite(det) || Math.abs(det) < 1e-12) return undefined;
  return [d / det, -b / det, -c / det, a / det, (c * f - d * e) / det, (b * e - a * f) / det];
}

/** The mean scale factor of `m` (square root of the absolute determinant). */
export function scaleOf(m: Matrix): number {
  return Math.sqrt(Math.abs(m[0] * m[3] - m[1] * m[2]));
}

/** Rounds to 1/1000 pt: keeps recorded ops compact and free of float noise. */
export function r3(v: number): number {
  const r = Math.round(v * 1000) / 1000;
  return r === 0 ? 0 : r;
}

/** One cubic Bézier in user space: two control points and the end point. */
export type Cubic = readonly [number, number, number, number, number, number];

/**
 * The signed sweep (radians) of a canvas arc from `start` to `end`, following the canvas rules:
 * a sweep of a full turn or more draws the whole circle once.
 */
export function arcSweep(start: number, end: number, ccw: boolean): number {
  const TAU = Math.PI * 2;
  if (!ccw && end - start >= TAU) return TAU;
  if (ccw && start - end >= TAU) return -TAU;
  if (!ccw) {
    let s = (end - start) % TAU;
    if (s < 0) s += TAU;
    return s;
  }
  let s = (start - end) % TAU;
  if (s < 0) s += TAU;
  return -s;
}

/**
 * An elliptical arc as cubic Béziers (at most a quarter turn each), in user space.
 * Returns the start point and the curves.
 */
export function ellipseToCubics(
  cx: number,
  cy: number,
  rx: number,
  ry: number,
  rotation: number,
  start: number,
  sweep: number,
): { start: [number, number]; curves: Cubic[] } {
  const cosR = Math.cos(rotation);
  const sinR = Math.sin(rotation);
  const pt = (t: number): [number, number] => {
    const ux = rx * Math.cos(t);
    const uy = ry * Math.sin(t);
    return [cx + ux * cosR - uy * sinR, cy + ux * sinR + uy * cosR];
  };
  const n = Math.max(1, Math.ceil(Math.abs(sweep) / (Math.PI / 2) - 1e-9));
  const step = sweep / n;
  const k = (4 / 3) * Math.tan(step / 4);
  const curves: Cubic[] = [];
  let t = start;
  for (let i = 0; i < n; i++) {
    const t2 = t + step;
    const c1 = controlPoint(cx, cy, rx, ry, cosR, sinR, t, k, 1);
    const c2 = controlPoint(cx, cy, rx, ry, cosR, sinR, t2, k, -1);
    const [x, y] = pt(t2);
    curves.push([c1[0], c1[1], c2[0], c2[1], x, y]);
    t = t2;
  }
  return { start: pt(start), curves };
}

/** A Bézier control point: the arc point at `t` moved along its tangent by `dir·k`. */
function controlPoint(
  cx: number,
  cy: number,
  rx: number,
  ry: number,
  cosR: number,
  sinR: number,
  t: number,
  k: number,
  dir: number,
): [number, number] {
  const ux = rx * Math.cos(t) - dir * k * rx * Math.sin(t);
  const uy = ry * Math.sin(t) + dir * k * ry * Math.cos(t);
  return [cx + ux * cosR - uy * sinR, cy + ux * sinR + uy * cosR];
}
