build/release/pdf/pdf.o: src/pdf/pdf.c /usr/include/harfbuzz/hb.h \
 /usr/include/harfbuzz/hb-blob.h /usr/include/harfbuzz/hb-common.h \
 /usr/include/harfbuzz/hb-buffer.h /usr/include/harfbuzz/hb-unicode.h \
 /usr/include/harfbuzz/hb-font.h /usr/include/harfbuzz/hb-face.h \
 /usr/include/harfbuzz/hb-set.h /usr/include/harfbuzz/hb-draw.h \
 /usr/include/harfbuzz/hb.h /usr/include/harfbuzz/hb-deprecated.h \
 /usr/include/harfbuzz/hb-map.h /usr/include/harfbuzz/hb-shape.h \
 /usr/include/harfbuzz/hb-shape-plan.h /usr/include/harfbuzz/hb-style.h \
 /usr/include/harfbuzz/hb-version.h /usr/include/harfbuzz/hb-subset.h \
 /usr/include/harfbuzz/hb-ot.h /usr/include/harfbuzz/hb-ot-color.h \
 /usr/include/harfbuzz/hb-ot-name.h \
 /usr/include/harfbuzz/hb-ot-deprecated.h \
 /usr/include/harfbuzz/hb-ot-font.h /usr/include/harfbuzz/hb-ot-layout.h \
 /usr/include/harfbuzz/hb-ot-math.h /usr/include/harfbuzz/hb-ot-meta.h \
 /usr/include/harfbuzz/hb-ot-metrics.h \
 /usr/include/harfbuzz/hb-ot-shape.h /usr/include/harfbuzz/hb-ot-var.h \
 src/pdf/pdf.h src/pdf/../base/base.h src/pdf/../area/area.h \
 src/pdf/../area/../base/base.h src/pdf/../fo/fo.h \
 src/pdf/../fo/../base/base.h src/pdf/../text/text.h \
 src/pdf/../text/../base/base.h
/usr/include/harfbuzz/hb.h:
/usr/include/harfbuzz/hb-blob.h:
/usr/include/harfbuzz/hb-common.h:
/usr/include/harfbuzz/hb-buffer.h:
/usr/include/harfbuzz/hb-unicode.h:
/usr/include/harfbuzz/hb-font.h:
/usr/include/harfbuzz/hb-face.h:
/usr/include/harfbuzz/hb-set.h:
/usr/include/harfbuzz/hb-draw.h:
/usr/include/harfbuzz/hb.h:
/usr/include/harfbuzz/hb-deprecated.h:
/usr/include/harfbuzz/hb-map.h:
/usr/include/harfbuzz/hb-shape.h:
/usr/include/harfbuzz/hb-shape-plan.h:
/usr/include/harfbuzz/hb-style.h:
/usr/include/harfbuzz/hb-version.h:
/usr/include/harfbuzz/hb-subset.h:
/usr/include/harfbuzz/hb-ot.h:
/usr/include/harfbuzz/hb-ot-color.h:
/usr/include/harfbuzz/hb-ot-name.h:
/usr/include/harfbuzz/hb-ot-deprecated.h:
/usr/include/harfbuzz/hb-ot-font.h:
/usr/include/harfbuzz/hb-ot-layout.h:
/usr/include/harfbuzz/hb-ot-math.h:
/usr/include/harfbuzz/hb-ot-meta.h:
/usr/include/harfbuzz/hb-ot-metrics.h:
/usr/include/harfbuzz/hb-ot-shape.h:
/usr/include/harfbuzz/hb-ot-var.h:
src/pdf/pdf.h:
src/pdf/../base/base.h:
src/pdf/../area/area.h:
src/pdf/../area/../base/base.h:
src/pdf/../fo/fo.h:
src/pdf/../fo/../base/base.h:
src/pdf/../text/text.h:
src/pdf/../text/../base/base.h:
