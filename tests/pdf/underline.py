#!/usr/bin/env python3
"""Underline check: a decorated inline of Chinese and Latin is underlined
without gaps.  Reads the area tree and the page rendered in grey by
`pdftoppm -gray -r DPI`; for each line, the underlined runs (deco bit 1
in the dump) that follow each other form one stretch, and every pixel
column of that stretch must have ink in the band where the rule is drawn
(baseline + size/8, size/18 thick).

usage: underline.py AREAS.xml PAGE-PREFIX DPI
Prints the gaps found and exits 1 if any (or if no underline was found)."""
import glob, sys, xml.etree.ElementTree as ET
import os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pnm

areas, prefix, dpi = sys.argv[1], sys.argv[2], float(sys.argv[3])
s = dpi / 72000.0
page = ET.parse(areas).getroot().find('page')
w, h, px = pnm.read(sorted(glob.glob(prefix + '-*.pgm'))[0])
bad = stretches = 0
for line in page.iter('line'):
    runs = [r for r in line.findall("run") if int(r.get("deco") or 0) & 1]
    if not runs:
        continue
    stretches += 1
    x0 = int(runs[0].get('x'))
    x1 = int(runs[-1].get('x')) + int(runs[-1].get('w'))
    size = int(runs[0].get('size'))
    y = int(runs[0].get('baseline')) + size // 8
    top, bottom = int(y * s) - 1, int((y + size // 18) * s) + 2
    for col in range(int(x0 * s) + 1, int(x1 * s) - 1):
        if not any(px[r * w + col] < 160 for r in range(max(top, 0), min(bottom, h))):
            print('no underline at x=%.1fpt in line "%s"' % (col / s / 1000, line.get('text')))
            bad += 1
            break
if stretches == 0:
    print('no underlined line found')
    bad = 1
sys.exit(1 if bad else 0)
