#!/usr/bin/env python3
"""The colour of a page at given points: each point of the page rendered by
`pdftoppm -r DPI` (PPM) must have the given colour, within a tolerance.

usage: pixelat.py PAGE.ppm DPI X Y #RRGGBB [X Y #RRGGBB ...]
X and Y in points from the page's top-left corner.  Prints one line per
mismatch and exits 1 if any."""
import sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pnm

w, h, px = pnm.read(sys.argv[1])
scale = float(sys.argv[2]) / 72.0
args, bad = sys.argv[3:], 0
if len(args) == 0 or len(args) % 3:
    sys.exit('usage: pixelat.py PAGE.ppm DPI X Y #RRGGBB ...')
for i in range(0, len(args), 3):
    x, y, want = float(args[i]), float(args[i + 1]), args[i + 2]
    px_x, px_y = int(x * scale), int(y * scale)
    o = (px_y * w + px_x) * 3
    got = tuple(px[o:o + 3])
    exp = (int(want[1:3], 16), int(want[3:5], 16), int(want[5:7], 16))
    if max(abs(a - b) for a, b in zip(got, exp)) > 16:
        bad += 1
        print('at (%g, %g) pt: #%02X%02X%02X, expected %s' % (x, y, got[0], got[1], got[2], want))
sys.exit(1 if bad else 0)
