#!/bin/sh
# Document-wide caps (issue 15 item 10): SVG elements across all drawings,
# decoded image memory per image and per document; each cap hit is a
# warning with the FO's file:line, never a silent loss.
# Ends with "bounds: N passed, M failed".
LAYER=bounds
. "$(dirname "$0")/../lib.sh"
D=$ROOT/tests/bounds

# ---- SVG: four drawings of 111,112 elements; caps 100,000 a drawing, 250,000 a document
"$FOLIO" render "$D/svg-document-cap.fo" -o "$T/svg.pdf" 2>"$T/svg.err"
check "svg: renders" test -s "$T/svg.pdf"
check "svg: drawing 1 stops at the drawing cap" grep -q "svg-document-cap.fo:5: warning: the drawing has more than 100000 elements" "$T/svg.err"
check "svg: drawing 2 stops at the drawing cap, and says so too" grep -q "svg-document-cap.fo:6: warning: the drawing has more than 100000 elements" "$T/svg.err"
check "svg: drawing 3 stops at the document cap" grep -q "svg-document-cap.fo:7: warning: the document's drawings have more than 250000 elements in all" "$T/svg.err"
check "svg: drawing 4 is not drawn, with a warning" grep -q "svg-document-cap.fo:8: warning: the document's drawings have more than 250000 elements in all" "$T/svg.err"
check "svg: the text beside the drawings stays" sh -c "pdftotext -q '$T/svg.pdf' - | tr -d ' \n' | grep -q '图1图2图3图4'"

# ---- PNG: 40 million pixels at 16 bits: libpng reduces them to 8 a row at a
# time, so decoding takes 120 MB of samples, within the 300 MB cap
python3 "$D/mkpng.py" "$T/big16.png" 6400 6250 16 2
python3 "$D/mkpng.py" "$T/big8.png" 6400 6250 8 2
# interlaced 16-bit images are read at 16 bits (libpng's reduction garbles
# them): 40 MP of RGBA take 320 MB of samples and 40 MB of alpha
python3 "$D/mkpng.py" "$T/big16i.png" 6400 6250 16 6 1
cat >"$T/png.fo" <<FO
<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format"><fo:layout-master-set><fo:simple-page-master master-name="p" page-width="200pt" page-height="200pt" margin="20pt"><fo:region-body/></fo:simple-page-master></fo:layout-master-set><fo:page-sequence master-reference="p"><fo:flow flow-name="xsl-region-body">
<fo:block>A<fo:external-graphic src="big16.png" content-width="20pt"/></fo:block>
<fo:block>B<fo:external-graphic src="big8.png" content-width="20pt"/></fo:block>
<fo:block>C<fo:external-graphic src="big16i.png" content-width="20pt"/></fo:block>
</fo:flow></fo:page-sequence></fo:root>
FO
"$FOLIO" render "$T/png.fo" -o "$T/png.pdf" 2>"$T/png.err"
check "png: renders" test -s "$T/png.pdf"
check "png: 16 bits at 40 MP is within the limit (its data is short, nothing else)" sh -c "grep 'png.fo:2:' '$T/png.err' | grep -v 'limit' | grep -q 'corrupt PNG (truncated pixel data)'"
check "png: interlaced RGBA at 16 bits and 40 MP refused with the limit, at its line" grep -q "png.fo:4: warning: image big16i.png cannot be embedded: decoding it would take more than folio's limit of 300 MB" "$T/png.err"
check "png: 8 bits at 40 MP is within the limit (its data is short, nothing else)" sh -c "grep 'png.fo:3:' '$T/png.err' | grep -v 'limit' | grep -q 'corrupt PNG'"

# ---- PNG: the document's decoded images are capped at 1 GB (4 bytes a pixel)
blocks=
for i in 1 2 3 4 5 6 7; do
	cp "$T/big8.png" "$T/img$i.png"
	blocks="$blocks<fo:block>$i<fo:external-graphic src=\"img$i.png\" content-width=\"20pt\"/></fo:block>
"
done
cat >"$T/many.fo" <<FO
<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format"><fo:layout-master-set><fo:simple-page-master master-name="p" page-width="200pt" page-height="400pt" margin="20pt"><fo:region-body/></fo:simple-page-master></fo:layout-master-set><fo:page-sequence master-reference="p"><fo:flow flow-name="xsl-region-body">
$blocks</fo:flow></fo:page-sequence></fo:root>
FO
"$FOLIO" render "$T/many.fo" -o "$T/many.pdf" 2>"$T/many.err"
check "images: the seventh 40 MP image passes the document's 1 GB, with a warning at its line" grep -q "many.fo:8: warning: image img7.png cannot be embedded: the document's images would take more than folio's limit of 1 GB decoded" "$T/many.err"
check "images: the sixth is still decoded" sh -c "! grep 'many.fo:7:' '$T/many.err' | grep -q 'limit'"

# ---- letter- and word-spacing: bounded at ±1000pt, so no sum along a line overflows (item 7)
cat >"$T/ls.fo" <<FO
<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format"><fo:layout-master-set><fo:simple-page-master master-name="p" page-width="210mm" page-height="297mm" margin="20mm"><fo:region-body/></fo:simple-page-master></fo:layout-master-set><fo:page-sequence master-reference="p"><fo:flow flow-name="xsl-region-body">
<fo:block letter-spacing="2000000pt">ABCDEFGHIJ</fo:block>
<fo:block letter-spacing="-2000000pt" word-spacing="9000000pt">abc def ghi</fo:block>
<fo:block letter-spacing="-1000pt">QRS</fo:block>
<fo:block letter-spacing="1000pt">KLMNOP</fo:block>
<fo:block font-size="10pt" letter-spacing="350pt">XY</fo:block>
<fo:block font-size="100pt" letter-spacing="-60pt">uvw</fo:block>
</fo:flow></fo:page-sequence></fo:root>
FO
"$FOLIO" render "$T/ls.fo" -o "$T/ls.pdf" 2>"$T/ls.err"; rc=$?
check "spacing: extreme letter- and word-spacing render, exit 0" sh -c "test $rc -eq 0 || { cat '$T/ls.err'; false; }"
check "spacing: out-of-range letter-spacing warns at its line" grep -q 'ls.fo:2: warning: letter-spacing="2000000pt": expected a length from -1000pt to 1000pt' "$T/ls.err"
check "spacing: out-of-range word-spacing warns at its line" grep -q 'ls.fo:3: warning: word-spacing="9000000pt"' "$T/ls.err"
check "spacing: the text of the bounded blocks reaches the PDF" sh -c "pdftotext -q '$T/ls.pdf' - | tr -d ' \n\f' | grep -q 'ABCDEFGHIJabcdefghi.*KLMNOP'"
check "spacing: glyph gaps beyond the PDF writer's character spacing (-30 to 300pt) still placed" sh -c "pdftotext -q '$T/ls.pdf' - | tr -d ' \n\f' | grep -q 'KLMNOPXYuvw'"

summary
