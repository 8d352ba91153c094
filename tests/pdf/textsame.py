#!/usr/bin/env python3
"""The text of the area tree equals the text the PDF draws.

usage: textsame.py FOLIO TMPDIR FILE...
FILE is an FO document or a layout test case (tests/layout/*.xml, whose
<fo> element holds the document).  Each is rendered with --areas; the
characters of every run in the area tree (white space aside) must be the
characters pdftotext reads from the PDF, as many times each.  This catches
content that is laid out but never painted.  Runs with visibility hidden
(hidden="1") are not painted on purpose and are left out.  Characters that folio warned
no font draws are left out of both sides.  Prints one line per failing
file and exits non-zero if any failed.
"""
import collections
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

FO_NS = "http://www.w3.org/1999/XSL/Format"


def fo_of(path, tmp):
    """The FO document of path, as a file; None when the case has none."""
    if not path.endswith(".xml"):
        return path
    root = ET.parse(path).getroot()
    if root.tag != "testcase":
        return None
    fo = root.find("fo")
    doc = fo.find("{%s}root" % FO_NS) if fo is not None else None
    if doc is None:
        return None
    out = os.path.join(tmp, os.path.basename(path)[:-4] + ".fo")
    ET.register_namespace("fo", FO_NS)
    ET.ElementTree(doc).write(out, encoding="utf-8", xml_declaration=True)
    return out


# pdftotext marks right-to-left text it reorders with embedding codes
# (U+202A-U+202E) of its own; folio draws none (docs/fonts.md)
BIDI = "\u202a\u202b\u202c\u202d\u202e"


def chars(s):
    return collections.Counter(c for c in s if not c.isspace() and c not in "\ufffc\u200b\u00ad" + BIDI)


def check(folio, path, tmp):
    fo = fo_of(path, tmp)
    if fo is None:
        return None
    base = os.path.join(tmp, "t")
    for f in (base + ".pdf", base + ".xml"):
        if os.path.exists(f):
            os.remove(f)
    r = subprocess.run([folio, "render", os.path.abspath(fo), "-o", base + ".pdf", "--areas", base + ".xml"],
                       cwd=os.path.dirname(os.path.abspath(path)),
                       capture_output=True, text=True)
    if not os.path.exists(base + ".pdf"):
        return None   # an error case: nothing to compare
    blank = set()
    for m in re.finditer(r"left blank: (.*)", r.stderr):
        blank.update(chr(int(h, 16)) for h in re.findall(r"U\+([0-9A-F]{4,6})", m.group(1)))
    area = "".join(e.get("text", "") for e in ET.parse(base + ".xml").iter("run")
                   if e.get("hidden") != "1")
    # the whole plane, not just the page: text that overflows the page was
    # warned about and is still drawn
    pdf = subprocess.run(["pdftotext", "-q", "-x", "-10000", "-y", "-10000", "-W", "30000",
                          "-H", "30000", base + ".pdf", "-"], capture_output=True,
                         text=True).stdout
    a, p = chars(area), chars(pdf)
    # pdftotext joins a line that ends in "-" to the next one and drops
    # the "-" (a hyphenated word, docs/hyphenation.md); its -raw mode keeps
    # every "-" the PDF draws
    raw = subprocess.run(["pdftotext", "-q", "-raw", "-x", "-10000", "-y", "-10000", "-W", "30000",
                          "-H", "30000", base + ".pdf", "-"], capture_output=True,
                         text=True).stdout
    p["-"] = chars(raw)["-"]
    if p["-"] == 0:
        del p["-"]
    for c in blank:
        a.pop(c, None)
        p.pop(c, None)
    if a == p:
        return ""
    lost = "".join(sorted((a - p).elements()))
    extra = "".join(sorted((p - a).elements()))
    return "laid out, not in the PDF: %r; in the PDF only: %r" % (lost[:80], extra[:80])


def main():
    folio, tmp, files = os.path.abspath(sys.argv[1]), sys.argv[2], sys.argv[3:]
    bad = 0
    n = 0
    for path in files:
        why = check(folio, path, tmp)
        if why is None:
            continue
        n += 1
        if why:
            bad += 1
            print("%s: %s" % (path, why))
    print("%d documents compared, %d differ" % (n, bad))
    sys.exit(1 if bad or n == 0 else 0)


if __name__ == "__main__":
    main()
