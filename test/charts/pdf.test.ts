import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { renderCharts } from '../../src/charts/index.js';
import type { ChartAsset } from '../../src/charts/index.js';
import { drawChart } from '../../src/render/chart.js';
import { FONT_IDS, fontPath } from '../../src/text/fonts.js';
import { briefing, input, spec } from './fixtures.js';

/** Writes the charts into a one-page A4 PDF, the last one running into the bottom margin. */
async function writePdf(assets: readonly ChartAsset[], file: string): Promise<void> {
  const doc = new PDFDocument({ size: 'A4', margin: 72, info: { CreationDate: new Date(0) } });
  for (const id of FONT_IDS) doc.registerFont(id, fontPath(id));
  const done = new Promise<void>((resolve, reject) => {
    const out = createWriteStream(file);
    out.on('finish', resolve);
    out.on('error', reject);
    doc.pipe(out);
  });
  let y = 60;
  for (const a of assets) {
    drawChart(doc, a, { x: 72, y, width: a.width, height: a.height }, (id) => id);
    y += a.height + 30;
  }
  doc.end();
  await done;
}

const run = (cmd: string, args: string[]): string => execFileSync(cmd, args, { encoding: 'utf8' });

describe('charts in a PDF', () => {
  it('are vectors with extractable text, on one page', async () => {
    const charts = [
      spec({ series: [{ field: 'exports', label: '수출 Exports' }, { field: 'imports', label: 'Imports from Korea' }] }),
      spec({ name: 'balance', type: 'balance', series: [{ field: 'balance', label: 'Trade balance' }] }),
      spec({ name: 'shares', type: 'doughnut', year: 1994 }),
    ];
    const { assets, diagnostics } = renderCharts(input(briefing(charts)));
    expect(diagnostics).toEqual([]);
    const file = join(mkdtempSync(join(tmpdir(), 'briefkit-charts-')), 'charts.pdf');
    await writePdf([...assets.values()], file);

    const text = run('pdftotext', ['-layout', file, '-']).replace(/\u00a0/g, ' ');
    for (const s of ['1993*', '1994', '$2.2 B', '$2.5 B', '$0 B', '−$0.3 B', 'Deficit', '수출 Exports', 'Imports from Korea', 'Derived values (*)', '47%']) {
      expect(text).toContain(s);
    }
    const images = run('pdfimages', ['-list', file]).trim().split('\n');
    expect(images).toHaveLength(2); // the header lines only: no images
    expect(run('pdfinfo', [file])).toMatch(/Pages:\s+1\n/);
    const fonts = run('pdffonts', [file]);
    expect(fonts).toContain('SourceSans3');
    expect(fonts).toContain('NotoSansKR');
  });
});
