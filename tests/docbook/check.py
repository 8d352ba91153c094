#!/usr/bin/env python3
"""Checks of one DocBook rendering against FOP's (tests/docbook/run.sh).

    check.py pages   FOLIO.pdf REF.pages     page count within 5 % of FOP's
    check.py text    FOLIO.txt REF.txt       FOP's text contained in folio's
    check.py labels  AREAS.xml               list labels on their item's first line
    check.py inside  AREAS.xml               no text outside its page

Text is compared as characters: every character FOP's PDF draws (white
space, leader dots and hyphens aside) is drawn by folio as often at least.
"""
import collections
import subprocess
import sys
import xml.etree.ElementTree as ET


def pages(pdf, ref):
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    n = int([l.split()[1] for l in info.splitlines() if l.startswith("Pages:")][0])
    want = int(open(ref).read().split()[0])
    if abs(n - want) > 0.05 * want:
        print(f"{pdf}: {n} pages, FOP {want}: more than 5 % apart")
        return 1
    return 0


def chars(path):
    s = open(path, encoding="utf-8").read()
    return collections.Counter(c for c in s if not c.isspace() and c not in ".-\u00ad\f")


def text(folio, ref):
    have, want = chars(folio), chars(ref)
    missing = {c: n - have[c] for c, n in want.items() if have[c] < n}
    if missing:
        shown = ", ".join(f"{c!r}×{n}" for c, n in sorted(missing.items())[:20])
        print(f"{folio}: characters FOP draws and folio does not: {shown}")
        return 1
    return 0


def lines(e):
    return [l for l in e.iter("line")]


def labels(areas):
    bad = 0
    for item in ET.parse(areas).iter("block"):
        if item.get("fo") != "list-item":
            continue
        lab = [c for c in item.iter("block") if c.get("fo") == "list-item-label"]
        body = [c for c in item.iter("block") if c.get("fo") == "list-item-body"]
        if not lab or not body or not lines(lab[0]) or not lines(body[0]):
            continue
        a, b = lines(lab[0])[0], lines(body[0])[0]
        if abs(int(a.get("baseline")) - int(b.get("baseline"))) > 500:
            print(f"{areas}: label {a.get('text')!r} at baseline {a.get('baseline')}, "
                  f"its body {b.get('text')!r} at {b.get('baseline')}")
            bad = 1
    return bad


def inside(areas):
    bad = 0
    for page in ET.parse(areas).iter("page"):
        w, h = int(page.get("w")), int(page.get("h"))
        for r in page.iter("run"):
            x, y = int(r.get("x")), int(r.get("y"))
            if x < 0 or y < 0 or x + int(r.get("w")) > w or y + int(r.get("h")) > h:
                print(f"{areas}: page {page.get('index')}: {r.get('text')!r} outside the page")
                bad = 1
    return bad


if __name__ == "__main__":
    fn = {"pages": pages, "text": text, "labels": labels, "inside": inside}[sys.argv[1]]
    sys.exit(fn(*sys.argv[2:]))
