#!/bin/sh
# The PDF writer under test: one page with every border style, backgrounds,
# coloured, synthetic bold and oblique text, decorations and links; what the
# area tree says is checked in the pixels (pdftoppm) and in the annotations
# (qpdf --json) by writer.py.  `make mutate` breaks the writer line by line
# and expects this layer to notice (docs/testing.md).
# usage: writer.sh FOLIO ; ends with "writer: N passed, M failed".
LAYER=writer
. "$(dirname "$0")/../lib.sh"

# WenQuanYi Zen Hei has no bold and no italic: both are synthesised
cat > "$T/w.fo" <<'FO'
<?xml version="1.0" encoding="UTF-8"?>
<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format" language="zh" font-family="WenQuanYi Zen Hei">
<fo:layout-master-set><fo:simple-page-master master-name="p" page-width="400pt" page-height="1000pt" margin="20pt">
<fo:region-body margin-top="30pt"/><fo:region-before extent="20pt" background-color="#D0E8FF"/></fo:simple-page-master></fo:layout-master-set>
<fo:page-sequence master-reference="p">
<fo:static-content flow-name="xsl-region-before"><fo:block font-size="8pt" text-align="center">页眉</fo:block></fo:static-content>
<fo:flow flow-name="xsl-region-body">
<fo:block border="4pt solid #C00000" padding="18pt 6pt" space-after="6pt" end-indent="150pt">solid</fo:block>
<fo:block border="4pt dashed #00A000" padding="30pt 6pt" space-after="6pt" end-indent="150pt">dashed</fo:block>
<fo:block border="6pt dotted #0000C0" padding="18pt 6pt" space-after="6pt" end-indent="150pt">dotted</fo:block>
<fo:block border="6pt double #A000A0" padding="18pt 6pt" space-after="6pt" end-indent="150pt">double</fo:block>
<fo:block border="4pt groove #806000" padding="18pt 6pt" space-after="6pt" end-indent="150pt">groove</fo:block>
<fo:block border="4pt ridge #008080" padding="18pt 6pt" space-after="6pt" end-indent="150pt">ridge</fo:block>
<fo:block border="4pt inset #604080" padding="18pt 6pt" space-after="6pt" end-indent="150pt">inset</fo:block>
<fo:block border="4pt outset #408060" padding="18pt 6pt" space-after="6pt" end-indent="150pt">outset</fo:block>
<fo:block background-color="#FFD700" padding="10pt" space-after="6pt">背景 background</fo:block>
<fo:table space-after="6pt"><fo:table-body><fo:table-row><fo:table-cell background-color="#90EE90" padding="8pt"><fo:block>表格</fo:block></fo:table-cell><fo:table-cell padding="8pt"><fo:block>无</fo:block></fo:table-cell></fo:table-row></fo:table-body></fo:table>
<fo:block font-size="40pt"><fo:inline color="#E00000">国</fo:inline><fo:inline color="#0000E0">国</fo:inline>国 <fo:inline color="#008000">lIl</fo:inline></fo:block>
<fo:block font-size="40pt">国国　<fo:inline font-weight="bold">国国</fo:inline></fo:block>
<fo:block font-size="40pt"><fo:inline font-style="italic">llll</fo:inline>　　llll　<fo:inline font-style="italic">国</fo:inline>　国</fo:block>
<fo:block font-size="30pt"><fo:inline text-decoration="underline">iiiiii</fo:inline> <fo:inline text-decoration="line-through">iiiiii</fo:inline> <fo:inline text-decoration="overline">iiiiii</fo:inline></fo:block>
<fo:block id="top">链接 <fo:basic-link internal-destination="top">内部链接</fo:basic-link> 和 <fo:basic-link external-destination="url('https://example.com/')">外部 link</fo:basic-link></fo:block>
</fo:flow></fo:page-sequence></fo:root>
FO
check "render the writer's test page" "$FOLIO" render "$T/w.fo" -o "$T/w.pdf" --areas "$T/w.xml"
pdftoppm -r 144 "$T/w.pdf" "$T/w" 2>/dev/null
qpdf --json "$T/w.pdf" > "$T/w.json" 2>/dev/null
W() { python3 tests/pdf/writer.py "$T/w.xml" "$T/w" 144 "$@"; }

check "border-style solid: four full bands in the border colour, nothing outside" W border solid '#C00000'
check "border-style dashed: dashes and gaps of 3 widths on every side" W border dashed '#00A000'
check "border-style dotted: round dots of one width, one every 2 widths" W border dotted '#0000C0'
check "border-style double: two lines of a third each, white between" W border double '#A000A0'
check "border-style groove: drawn solid in its colour" W border groove '#806000'
check "border-style ridge: drawn solid in its colour" W border ridge '#008080'
check "border-style inset: drawn solid in its colour" W border inset '#604080'
check "border-style outset: drawn solid in its colour" W border outset '#408060'
check "backgrounds of a region, a block and a table cell fill their boxes" W backgrounds
check "text is drawn in its colour (red, blue, green, black)" W text-colour
check "synthetic bold (a face without bold) puts 1.25 times the ink or more" W synthetic-bold
check "synthetic oblique (a face without italic) leans 0.2" W synthetic-oblique
check "underline: one rule, 1/8 em below the baseline, 1/18 em thick" W decoration underline
check "line-through: one rule, 0.3 em above the baseline, 1/18 em thick" W decoration line-through
check "overline: one rule, 0.9 em above the baseline, 1/18 em thick" W decoration overline
check "link rectangles (qpdf --json) are the area tree's within a point" W links "$T/w.json"
check "the test page uses a synthesised bold and oblique" sh -c "grep -q 'synth-bold=\"1\"' '$T/w.xml' && grep -q 'synth-italic=\"1\"' '$T/w.xml'"

summary
