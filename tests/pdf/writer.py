#!/usr/bin/env python3
"""The PDF writer under test: what the area tree says must be drawn is
found in the pixels of the page (rendered by `pdftoppm -r DPI`, PPM) or,
for link rectangles, in the PDF's annotations (`qpdf --json`).

usage: writer.py AREAS.xml PAGE-PREFIX DPI CHECK [ARGS…]

  border STYLE #RRGGBB   the block with borders of that colour: every side
                         looks as STYLE is drawn (docs/testing.md)
  backgrounds            every background of a region or block fills its box
  text-colour            every glyph run of 20pt or more is drawn in its colour
  synthetic-bold         runs marked synth-bold carry more ink per glyph than
                         the same glyphs without
  synthetic-oblique      runs marked synth-italic lean right by 0.2; others
                         stand upright
  decoration KIND        underline, line-through or overline: one full-width
                         rule, at its place and of its thickness, nothing else
  links PDF-JSON         each link of the area tree is one /Link annotation
                         whose /Rect is the link's box within a point

The one page of the area tree is the first page rendered.  Prints what is
wrong and exits 1 if anything is (or if nothing was checked)."""
import glob, json, os, statistics, sys, xml.etree.ElementTree as ET
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pnm

areas, prefix, dpi, what = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4]
args = sys.argv[5:]
S = dpi / 72000.0          # pixels per millipoint
PX = 1 / S                 # millipoints per pixel
page = ET.parse(areas).getroot().find('page')
files = sorted(glob.glob(prefix + '-*.ppm'), key=lambda p: int(p.rsplit('-', 1)[1][:-4]))
W, H, PIX = pnm.read(files[0])
bad = []
checked = 0


def rgb(x, y):
    """The colour at (x, y) millipoints."""
    i = min(max(int(x * S), 0), W - 1)
    j = min(max(int(y * S), 0), H - 1)
    o = (j * W + i) * 3
    return tuple(PIX[o:o + 3])


def hexrgb(s):
    return (int(s[1:3], 16), int(s[3:5], 16), int(s[5:7], 16))


def near(c, want, tol=40):
    return all(abs(a - b) <= tol for a, b in zip(c, want))


def white(c):
    return min(c) >= 230


def inked(c):
    return 255 - min(c) >= 128


def box(a):
    return tuple(int(a.get(k)) for k in 'xywh')


def fail(msg):
    bad.append(msg)


def finish():
    for m in bad:
        print(m)
    print('%s: %d checked, %d wrong' % (what, checked, len(bad)))
    sys.exit(1 if bad or checked == 0 else 0)


# ---------------------------------------------------------------- borders

SIDES = ('before', 'after', 'start', 'end')


def side_point(a, side, bw, along, across):
    """A point of side `side` of block a: `along` millipoints from the
    side's start, `across` millipoints in from the box's outer edge."""
    x, y, w, h = box(a)
    if side == 'before':
        return x + along, y + across
    if side == 'after':
        return x + along, y + h - across
    if side == 'start':
        return x + across, y + along
    return x + w - across, y + along


def side_length(a, side):
    x, y, w, h = box(a)
    return w if side in ('before', 'after') else h


def runs_along(a, side, bw, across, colour):
    """Ink and gap runs (in millipoints) along the side at `across` from the
    outer edge, corners left out; a gap must be white, not another colour."""
    n = side_length(a, side)
    seq = []
    for k in range(int((bw + PX) * S), int((n - bw - PX) * S)):
        c = rgb(*side_point(a, side, bw, k * PX, across))
        # anti-aliased edges: the nearer of the two
        seq.append(1 if sum((p - q) ** 2 for p, q in zip(c, colour)) < sum((p - 255) ** 2 for p in c) else 0)
    out = []
    for v in seq:
        if out and out[-1][0] == v:
            out[-1][1] += PX
        else:
            out.append([v, PX])
    return seq, out


def check_border(style, colour):
    global checked
    want = hexrgb(colour)
    blocks = [b for b in page.iter() if b.get('border-before') and b.get('border-before').endswith(colour.upper())]
    if len(blocks) != 1:
        fail('border %s: %d boxes with border colour %s in the area tree' % (style, len(blocks), colour))
        return
    a = blocks[0]
    for side in SIDES:
        spec = a.get('border-' + side)
        if spec is None:
            fail('border %s: no %s border in the area tree' % (style, side))
            continue
        bw = int(spec.split()[0])
        checked += 1
        where = 'border %s, %s side' % (style, side)
        # nothing of the border's colour just outside it or inside it
        for along in (side_length(a, side) // 3, side_length(a, side) * 2 // 3):
            for across in (-1500, bw + 1500):
                c = rgb(*side_point(a, side, bw, along, across))
                if near(c, want, 60):
                    fail('%s: border colour %s %.1fpt from the outer edge, outside the border' % (where, c, across / 1000))
        if style in ('solid', 'groove', 'ridge', 'inset', 'outset'):
            # groove, ridge, inset and outset are drawn solid in their colour
            seq, _ = runs_along(a, side, bw, bw // 2, want)
            if not seq or seq.count(1) < len(seq):
                fail('%s: not solid along its middle (%d of %d pixels in %s)' % (where, seq.count(1), len(seq), colour))
            for along in (side_length(a, side) // 4, side_length(a, side) // 2):
                for across in range(int(PX), int(bw - PX), int(PX)):
                    c = rgb(*side_point(a, side, bw, along, across))
                    if not near(c, want, 60):
                        fail('%s: %s at %.1fpt into the border, expected %s' % (where, c, across / 1000, colour))
                        break
        elif style == 'double':
            t = bw / 3
            for name, across, ink in (('outer line', t / 2, 1), ('gap', 1.5 * t, 0), ('inner line', 2.5 * t, 1)):
                seq, _ = runs_along(a, side, bw, int(across), want)
                n = seq.count(1) if ink else seq.count(0)
                if not seq or n < len(seq):
                    fail('%s: the %s is not %s (%d of %d pixels)' % (where, name, 'drawn' if ink else 'white', n, len(seq)))
        elif style in ('dashed', 'dotted'):
            seq, runs = runs_along(a, side, bw, bw // 2, want)
            ink = [r[1] for r in runs[1:-1] if r[0] == 1]
            gap = [r[1] for r in runs[1:-1] if r[0] == 0]
            if len(ink) < 2 or len(gap) < 2:
                fail('%s: %d marks and %d gaps along its middle, expected a %s line' % (where, len(ink), len(gap), style))
                continue
            mi, mg = statistics.median(ink) / bw, statistics.median(gap) / bw
            # dashed: dashes and gaps of 3 widths; dotted: round dots of one
            # width, one every 2 widths
            lo, hi = ((2.3, 3.7), (2.3, 3.7)) if style == 'dashed' else ((0.6, 1.4), (0.6, 1.4))
            if not (lo[0] <= mi <= lo[1] and hi[0] <= mg <= hi[1]):
                fail('%s: marks of %.2f and gaps of %.2f border widths, expected %s' % (where, mi, mg, style))
            if style == 'dotted':
                # round: the corners of a dot's square are white
                k = [i for i, r in enumerate(runs) if r[0] == 1][len(ink) // 2]
                mid = bw + PX + sum(q[1] for q in runs[:k]) + runs[k][1] / 2
                corners = [rgb(*side_point(a, side, bw, mid + da * bw, dc * bw))
                           for da in (-0.42, 0.42) for dc in (0.08, 0.92)]
                if sum(1 for c in corners if near(c, want, 100)) > 1:
                    fail('%s: the dots are square, not round (%s)' % (where, corners))
        else:
            fail('border %s: no check for this style' % style)


# ---------------------------------------------------------------- backgrounds

def check_backgrounds():
    global checked
    for a in page.iter():
        bg = a.get('background')
        if bg is None or a.tag not in ('region', 'block', 'viewport'):
            continue
        want = hexrgb(bg)
        x, y, w, h = box(a)
        # the corners and the middle of the top edge, 2pt in: padding, no text
        for px, py in ((x + 2000, y + 2000), (x + w - 2000, y + 2000), (x + 2000, y + h - 2000),
                       (x + w - 2000, y + h - 2000), (x + w // 2, y + 2000)):
            checked += 1
            c = rgb(px, py)
            if not near(c, want, 12):
                fail('background %s of the %s at line %s: %s at (%.1f, %.1f)pt' % (
                    bg, a.get('fo'), a.get('src-line'), c, px / 1000, py / 1000))


# ---------------------------------------------------------------- text

def glyph_runs(min_size=20000):
    for r in page.iter('run'):
        if r.get('text').strip() and int(r.get('size')) >= min_size:
            yield r


def ink_pixels(r, right=0):
    """The inked pixels in r's box, widened by `right` millipoints."""
    x, y, w, h = box(r)
    out = []
    for j in range(int(y * S), int((y + h) * S) + 1):
        for i in range(int(x * S), int((x + w + right) * S) + 1):
            if 0 <= i < W and 0 <= j < H:
                o = (j * W + i) * 3
                c = tuple(PIX[o:o + 3])
                if inked(c):
                    out.append((i, j, c))
    return out


def check_text_colour():
    global checked
    for r in glyph_runs():
        if r.get('deco'):
            continue
        checked += 1
        ink = ink_pixels(r)
        want = hexrgb(r.get('color'))
        if len(ink) < 20:
            fail('text colour: %r drew no ink' % r.get('text'))
            continue
        med = tuple(statistics.median(p[2][k] for p in ink) for k in range(3))
        if not near(med, want, 40):
            fail('text colour: %r is drawn in %s, its colour is %s' % (r.get('text'), med, r.get('color')))


def glyph_count(r):
    return len(r.get('text').replace(' ', ''))


def check_bold():
    global checked
    plain, bold = {}, {}
    for r in glyph_runs():
        key = (r.get('text').strip()[0], r.get('font'), r.get('size'))
        per = len(ink_pixels(r)) / glyph_count(r)
        (bold if r.get('synth-bold') else plain).setdefault(key, []).append(per)
    for key, v in bold.items():
        if key not in plain:
            continue
        checked += 1
        ratio = min(v) / max(plain[key])
        if ratio < 1.25:
            fail('synthetic bold: %r in %s at %spt has %.2f times the ink of the regular weight, expected 1.25 or more' % (
                key[0], key[1], int(key[2]) // 1000, ratio))
    if not bold:
        fail('synthetic bold: no run with synth-bold in the area tree')


def slant(r):
    """Horizontal shift of the ink's middle per unit of height, positive
    when the top leans right (least squares over the rows); the box is
    widened by a quarter em for the lean."""
    rows = {}
    for i, j, c in ink_pixels(r, int(r.get('size')) // 4):
        rows.setdefault(j, []).append(i)
    # rows with as much ink as most: a stem's rounded or cut end would
    # weigh as much as its whole length
    m = statistics.median(len(v) for v in rows.values()) if rows else 0
    pts = [(j, sum(v) / len(v)) for j, v in rows.items() if len(v) >= 0.8 * m]
    if len(pts) < 10:
        return None
    mj = sum(p[0] for p in pts) / len(pts)
    mi = sum(p[1] for p in pts) / len(pts)
    num = sum((j - mj) * (i - mi) for j, i in pts)
    den = sum((j - mj) ** 2 for j, i in pts)
    return -num / den


def check_oblique():
    """Each run marked synth-italic against the same text upright (a glyph
    need not be symmetric): 0.2 more lean, as the text matrix slants."""
    global checked
    upright, oblique = {}, []
    for r in glyph_runs():
        key = (r.get('text'), r.get('font'), r.get('size'), r.get('synth-bold'))
        if r.get('synth-italic'):
            oblique.append((key, r))
        else:
            upright.setdefault(key, r)
    for key, r in oblique:
        if key not in upright:
            continue
        checked += 1
        k, k0 = slant(r), slant(upright[key])
        if k is None or k0 is None or not 0.15 <= k - k0 <= 0.25:
            fail('synthetic oblique: %r leans %s against %s upright, expected 0.2 more' % (key[0], k, k0))
    if not oblique:
        fail('synthetic oblique: no run with synth-italic in the area tree')


# ---------------------------------------------------------------- decorations

DECO = {'underline': (1, 1 / 8), 'line-through': (2, -3 / 10), 'overline': (4, -9 / 10)}


def check_decoration(kind):
    """Rows fully inked across the decorated runs (the glyphs, "i", leave
    gaps): one band, where the rule goes (its top at baseline + k × size,
    size / 18 thick), within a pixel."""
    global checked
    bit, k = DECO[kind]
    for r in page.iter('run'):
        if not int(r.get('deco') or 0) & bit:
            continue
        checked += 1
        x, y, w, h = box(r)
        size, base = int(r.get('size')), int(r.get('baseline'))
        top, th = base + size * k, size / 18
        cols = range(int(x * S) + 2, int((x + w) * S) - 2)
        full = []
        for j in range(int((y - size // 2) * S), int((y + h + size // 2) * S)):
            if 0 <= j < H and all(inked(tuple(PIX[(j * W + i) * 3:(j * W + i) * 3 + 3])) for i in cols):
                full.append(j)
        if not full:
            fail('%s of %r: no rule across it' % (kind, r.get('text')))
            continue
        if full[-1] - full[0] + 1 != len(full):
            fail('%s of %r: more than one rule (rows %s)' % (kind, r.get('text'), full))
            continue
        got_top, got_bot = full[0] * PX, (full[-1] + 1) * PX
        if abs(got_top - top) > 1.5 * PX or abs(got_bot - (top + th)) > 1.5 * PX:
            fail('%s of %r: rule from %.2fpt to %.2fpt below the baseline, expected %.2fpt to %.2fpt' % (
                kind, r.get('text'), (got_top - base) / 1000, (got_bot - base) / 1000,
                (top - base) / 1000, (top + th - base) / 1000))


# ---------------------------------------------------------------- links

def check_links(path):
    global checked
    j = json.load(open(path))
    objs = j['qpdf'][1]
    ph = int(page.get('h')) / 1000
    pg = objs['obj:' + j['pages'][0]['object']]['value']
    annots = pg.get('/Annots', [])
    if isinstance(annots, str):
        annots = objs['obj:' + annots]['value']
    rects = []
    for ref in annots:
        v = objs['obj:' + ref]['value'] if isinstance(ref, str) else ref
        if v.get('/Subtype') == '/Link':
            rects.append([float(q) for q in v['/Rect']])
    links = page.findall('link')
    if len(rects) != len(links):
        fail('links: %d in the area tree, %d /Link annotations' % (len(links), len(rects)))
    runs = [r for r in page.iter('run') if r.get('link-dest') or r.get('link-uri')]
    for l, got in zip(links, rects):
        checked += 1
        x, y, w, h = (int(l.get(k)) / 1000 for k in 'xywh')
        want = [x, ph - y - h, x + w, ph - y]
        if any(abs(a - b) > 1 for a, b in zip(got, want)):
            fail('link to %s: /Rect %s, the area tree says %s' % (l.get('dest') or l.get('uri'),
                 ['%.2f' % v for v in got], ['%.2f' % v for v in want]))
        target = l.get('dest') or l.get('uri')
        for r in runs:
            if (r.get('link-dest') or r.get('link-uri')) != target:
                continue
            rx, rw = int(r.get('x')) / 1000, int(r.get('w')) / 1000
            if rx < got[0] - 1 or rx + rw > got[2] + 1:
                fail('link to %s: its text %r (%.2f to %.2fpt) is not inside /Rect %s' % (
                    target, r.get('text'), rx, rx + rw, got))


if what == 'border':
    check_border(args[0], args[1])
elif what == 'backgrounds':
    check_backgrounds()
elif what == 'text-colour':
    check_text_colour()
elif what == 'synthetic-bold':
    check_bold()
elif what == 'synthetic-oblique':
    check_oblique()
elif what == 'decoration':
    check_decoration(args[0])
elif what == 'links':
    check_links(args[0])
else:
    sys.exit('writer.py: unknown check ' + what)
finish()
