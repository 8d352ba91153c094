#!/usr/bin/env python3
"""Raster check of images and vector drawings: reads the area tree and the
page rendered by `pdftoppm -r DPI` (PPM, colour) and compares the colour at
known points with what must be drawn there.

usage: pixels.py AREAS.xml PAGE-PREFIX DPI

Images (from tests/mkimages.py, left half one colour, right half another
or transparent over the white page) are checked at the centre of each
half; placeholders (also of corrupt.png, truncated.png and truncated.tif,
which only the PDF writer finds bad) in their viewport.  Paths of SVG drawings are checked at the centre of their box when
they are filled rectangles or polygons with no stroke: the fill colour,
blended with white by fill-alpha; an even-odd path must show white in its
hole.  Prints one line per mismatch and exits 1 if any."""
import glob, sys, xml.etree.ElementTree as ET
import os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pnm

WHITE = (255, 255, 255)
RED, BLUE = (255, 0, 0), (0, 0, 255)
IMAGES = {
    'rgb.png': (RED, BLUE), 'rgb16.png': (RED, BLUE), 'interlaced.png': (RED, BLUE),
    'pal8.png': (RED, BLUE), 'pal4.png': (RED, BLUE),
    'pal8-trns.png': (RED, WHITE), 'pal4-trns.png': (RED, WHITE),
    'rgba.png': (RED, WHITE), 'rgb-trns.png': (RED, WHITE),
    'grey.png': ((0, 0, 0), (200, 200, 200)), 'grey16.png': ((0, 0, 0), (200, 200, 200)),
    'grey1.png': ((0, 0, 0), WHITE), 'grey-trns.png': ((0, 0, 0), WHITE),
    'ga.png': ((0, 0, 0), WHITE),
    'grey.jpg': ((0, 0, 0), (200, 200, 200)), 'rgb.jpg': (RED, BLUE),
    'cmyk.jpg': ('reddish', 'bluish'),
    'rgb.gif': (RED, BLUE), 'trns.gif': (RED, WHITE), 'anim.gif': (RED, BLUE),
    'offset.gif': (WHITE, BLUE),
    'rgb.tif': (RED, BLUE), 'grey.tif': ((0, 0, 0), (200, 200, 200)),
    'grey1.tif': ((0, 0, 0), WHITE), 'pal.tif': (RED, BLUE), 'cmyk.tif': (RED, BLUE),
    'rgba.tif': (RED, WHITE), 'pages.tif': (RED, BLUE),
}

ppm = pnm.read

def hexrgb(s):
    return (int(s[1:3], 16), int(s[3:5], 16), int(s[5:7], 16))

def matches(got, want, tol=12):
    if want == 'reddish':   # CMYK as a viewer converts it: red dominates
        return got[0] > 150 and got[1] < 100 and got[2] < 100
    if want == 'bluish':
        return got[2] > got[0] + 50 and got[2] > got[1] + 50
    return all(abs(g - w) <= tol for g, w in zip(got, want))

areas, prefix, dpi = sys.argv[1], sys.argv[2], float(sys.argv[3])
scale = dpi / 72000.0
files = sorted(glob.glob(prefix + '-*.ppm'), key=lambda p: int(p.rsplit('-', 1)[1][:-4]))
bad = checked = 0
for page, path in zip(ET.parse(areas).getroot().findall('page'), files):
    w, h, px = ppm(path)
    def at(x, y):
        i, j = int(x * scale), int(y * scale)
        o = (j * w + i) * 3
        return tuple(px[o:o + 3])
    def check(what, x, y, want):
        global bad, checked
        got = at(x, y)
        checked += 1
        if not matches(got, want):
            bad += 1
            print('pixel: %s at (%d,%d)pt is %r, expected %r' % (what, x // 1000, y // 1000, got, want))
    for vp in page.iter('viewport'):
      for im in vp.iter('image'):
        name = im.get('src').split('/')[-1].strip("')\"")
        x, y, iw, ih = (int(im.get(k)) for k in 'xywh')
        if im.get('placeholder') or name in ('corrupt.png', 'truncated.png', 'truncated.tif'):
            # a placeholder fills the viewport (the declared size)
            x, y, iw, ih = (int(vp.get(k)) for k in 'xywh')
            left = right = (240, 240, 240)
        elif name in IMAGES:
            left, right = IMAGES[name]
        else:
            continue
        check(name + ' left', x + iw // 4, y + ih // 2, left)
        check(name + ' right', x + 3 * iw // 4, y + ih // 2, right)
    for p in page.iter('path'):
        if p.get('fill', 'none') == 'none' or p.get('stroke', 'none') != 'none':
            continue
        if p.get('fo') not in ('rect', 'polygon', 'path'):
            continue
        x, y, pw, ph = (int(p.get(k)) for k in 'xywh')
        cx, cy = x + pw // 2, y + ph // 2
        if p.get('evenodd'):
            check('even-odd hole', cx, cy, WHITE)
            continue
        a = int(p.get('fill-alpha', '255')) / 255.0
        want = tuple(round(c * a + 255 * (1 - a)) for c in hexrgb(p.get('fill')))
        check('%s %s' % (p.get('fo'), p.get('fill')), cx, cy, want)
print('pixels: %d points checked, %d wrong' % (checked, bad))
sys.exit(1 if bad or checked == 0 else 0)
