#!/usr/bin/env python3
"""Ink test: every glyph run in the area tree must leave dark pixels inside
its box when the PDF is rasterised.  A PDF can carry text that extracts but
draws nothing (libharu 2.3.0 blanks composite glyphs, docs/fonts.md), so text
extraction alone proves nothing.

usage: ink.py AREAS.xml PAGE-PREFIX DPI
PAGE-PREFIX-N.pgm are the pages rendered by `pdftoppm -gray -r DPI`.
Each run is checked glyph by glyph when it holds one glyph, else as a box.
A hidden run (visibility="hidden") must leave no ink at all inside its box.
Prints one line per blank (or inked hidden) run and exits 1 if any."""
import sys, glob, xml.etree.ElementTree as ET
import os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pnm

pgm = pnm.read

areas, prefix, dpi = sys.argv[1], sys.argv[2], float(sys.argv[3])
scale = dpi / 72000.0
tree = ET.parse(areas)
files = sorted(glob.glob(prefix + '-*.pgm'), key=lambda p: int(p.rsplit('-', 1)[1][:-4]))
bad = checked = 0
for page, path in zip(tree.getroot().findall('page'), files):
    w, h, px = pgm(path)
    for run in page.iter('run'):
        x0, y0 = int(run.get('x')), int(run.get('y'))
        x1, y1 = x0 + int(run.get('w')), y0 + int(run.get('h'))
        if run.get('text').strip() == '':
            continue
        if run.get('hidden') == '1':
            ink = 0
            for y in range(int(y0 * scale) + 1, int(y1 * scale)):
                row = px[y * w:(y + 1) * w]
                ink += sum(1 for x in range(int(x0 * scale) + 1, int(x1 * scale)) if row[x] < 200)
            checked += 1
            if ink:
                bad += 1
                print('hidden but drawn: %r at page %s (%d,%d)' % (run.get('text'), page.get('index'), x0, y0))
            continue
        ink = 0
        for y in range(max(0, int(y0 * scale)), min(h, int(y1 * scale) + 1)):
            row = px[y * w:(y + 1) * w]
            for x in range(max(0, int(x0 * scale)), min(w, int(x1 * scale) + 1)):
                if row[x] < 128:
                    ink += 1
        checked += 1
        if ink < 3:
            bad += 1
            print('blank: %r in %s at page %s (%d,%d)' % (run.get('text'), run.get('font'), page.get('index'), x0, y0))
print('ink: %d runs checked, %d blank' % (checked, bad))
sys.exit(1 if bad or checked == 0 else 0)
