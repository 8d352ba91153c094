#!/usr/bin/env python3
"""The manual's flowcharts (templates/flowchart.xsl), checked on the FO and
on the area tree of its rendering.

usage: flowchart.py MANUAL.fo AREAS.xml ROOT CHECK
CHECK is one of: arrows, lanes, single, decision, loop, parallel, labels.
Exit status 0 when the property holds; what was found is printed."""
import re
import sys
import xml.etree.ElementTree as ET

FO = '{http://www.w3.org/1999/XSL/Format}'
SVG = '{http://www.w3.org/2000/svg}'
P = '{urn:folio:procedures}'

fo_file, areas_file, root, what = sys.argv[1:5]
fo = ET.parse(fo_file).getroot()
areas = ET.parse(areas_file).getroot()


def charts():
    """(procedure code, chart block-container) in order"""
    out = []
    for ps in fo.iter(FO + 'page-sequence'):
        flow = ps.find(FO + 'flow')
        if flow is None:
            continue
        code = None
        for b in flow:
            if b.get('id', '').startswith('XT-KF-CX-'):
                code = b.get('id')
            if b.tag == FO + 'block-container' and b.find('.//' + SVG + 'svg') is not None:
                out.append((code, b))
    return out


def num(v):
    return float(v)


def boxes(svg):
    """the boxes (steps, decisions, terminators) as (x0, y0, x1, y1)"""
    out = []
    for r in svg.iter(SVG + 'rect'):
        if r.get('stroke') == 'black':
            x, y, w, h = (num(r.get(k)) for k in ('x', 'y', 'width', 'height'))
            out.append((x, y, x + w, y + h))
    for p in svg.iter(SVG + 'polygon'):
        pts = [tuple(map(float, q.split(','))) for q in p.get('points').split()]
        xs = [a for a, _ in pts]
        ys = [b for _, b in pts]
        out.append((min(xs), min(ys), max(xs), max(ys)))
    return out


def polylines(svg):
    return [[tuple(map(float, q.split(','))) for q in p.get('points').split()]
            for p in svg.iter(SVG + 'polyline')]


def crosses(a, b, box, eps=0.5):
    """segment a-b runs through the inside of box"""
    x0, y0, x1, y1 = box[0] + eps, box[1] + eps, box[2] - eps, box[3] - eps
    (ax, ay), (bx, by) = a, b
    if ay == by:
        return y0 < ay < y1 and max(ax, bx) > x0 and min(ax, bx) < x1
    if ax == bx:
        return x0 < ax < x1 and max(ay, by) > y0 and min(ay, by) < y1
    return True   # not orthogonal


def texts(svg):
    return [t.text for t in svg.iter(SVG + 'text')]


def chart_of(code):
    for c, b in charts():
        if c == code:
            return b
    sys.exit('no chart for ' + code)


ok = True
if what == 'arrows':
    # every arrow is orthogonal and runs through no box, in every chart
    n = 0
    for code, b in charts():
        svg = b.find('.//' + SVG + 'svg')
        bx = boxes(svg)
        for pl in polylines(svg):
            for a, c in zip(pl, pl[1:]):
                n += 1
                for box in bx:
                    if crosses(a, c, box):
                        print(code, 'segment', a, c, 'crosses', box)
                        ok = False
    print(n, 'segments')
    ok = ok and n > 50
elif what == 'lanes':
    # 002: a lane for each department with steps, in the manual's order
    t = texts(chart_of('XT-KF-CX-002').find('.//' + SVG + 'svg'))
    print(t)
    ok = t[:4] == ['客服部', '工程部', '保安部', '财务部'] and '租赁部' not in t
elif what == 'single':
    # 001 and 013: one department, a compact chart without lanes, the
    # department said once below
    for code in ('XT-KF-CX-001', 'XT-KF-CX-013'):
        b = chart_of(code)
        t = texts(b.find('.//' + SVG + 'svg'))
        print(code, b.get('width'), t)
        ok = ok and b.get('width') == '250pt' and '客服部' not in t and t[:2] == ['开始', '结束']
    allt = ''.join(fo.itertext())
    ok = ok and '（本程序各步骤均由客服部办理）' in allt
elif what == 'decision':
    # 004: a diamond with a 是 and a 否 branch
    svg = chart_of('XT-KF-CX-004').find('.//' + SVG + 'svg')
    t = texts(svg)
    print(t, len(list(svg.iter(SVG + 'polygon'))))
    ok = len(list(svg.iter(SVG + 'polygon'))) == 1 and t.count('是') == 1 and t.count('否') == 1
elif what == 'loop':
    # 003 and 004: the 否 branch goes back up into an earlier step's top
    for code in ('XT-KF-CX-003', 'XT-KF-CX-004'):
        svg = chart_of(code).find('.//' + SVG + 'svg')
        up = [pl for pl in polylines(svg) if pl[-1][1] < pl[0][1]]
        print(code, up)
        ok = ok and len(up) == 1 and up[0][-2][0] == up[0][-1][0] and up[0][-2][1] < up[0][-1][1]
elif what == 'parallel':
    # 010: steps 4 (工程部) and 5 (保安部) side by side in one row
    ys = {}
    for bc in areas.iter('block'):
        if bc.get('fo') != 'block-container':
            continue
        t = ''.join(l.get('text', '') for l in bc.iter('line'))
        if t in ('4.按时开启并记录运行', '5.加班人员出入登记'):
            ys[t] = (int(bc.get('y')), int(bc.get('x')))
    print(ys)
    v = list(ys.values())
    ok = len(v) == 2 and v[0][0] == v[1][0] and v[0][1] != v[1][1]
elif what == 'labels':
    # every label line is whole words (the text between <wbr/>s), and stays
    # inside its box
    import glob
    words = {}
    for f in sorted(glob.glob(root + '/procedures/XT-KF-CX-0*.xml')):
        for i, s in enumerate(ET.parse(f).getroot().iter(P + 'step'), 1):
            lab = s.find(P + 'label')
            w = [(lab.text or '').strip()] + [(x.tail or '').strip() for x in lab]
            w[0] = '%d.%s' % (i, w[0])
            words[''.join(w)] = w
    seen = 0
    for bc in areas.iter('block'):
        if bc.get('fo') != 'block-container':
            continue
        lines = [l for l in bc.iter('line')]
        t = ''.join(l.get('text', '') for l in lines)
        if t not in words:
            continue
        seen += 1
        w = words[t]
        cuts = set()
        acc = 0
        for x in w:
            acc += len(x)
            cuts.add(acc)
        acc = 0
        for l in lines[:-1]:
            acc += len(l.get('text'))
            if acc not in cuts and len(w) > 1:
                print('broken inside a word:', [l.get('text') for l in lines], w)
                ok = False
        x0, w0 = int(bc.get('x')), int(bc.get('w'))
        for l in lines:
            if int(l.get('x')) < x0 or int(l.get('x')) + int(l.get('w')) > x0 + w0:
                print('outside its box:', l.get('text'))
                ok = False
    print(seen, 'labels of', len(words))
    ok = ok and seen == len(words)
else:
    sys.exit('unknown check ' + what)
sys.exit(0 if ok else 1)
