build/release/main.o: src/main.c src/base/base.h src/source/source.h \
 src/source/../base/base.h src/fo/fo.h src/fo/../base/base.h \
 src/text/text.h src/text/../base/base.h src/area/area.h \
 src/area/../base/base.h src/layout/layout.h src/layout/../base/base.h \
 src/pdf/pdf.h src/pdf/../base/base.h
src/base/base.h:
src/source/source.h:
src/source/../base/base.h:
src/fo/fo.h:
src/fo/../base/base.h:
src/text/text.h:
src/text/../base/base.h:
src/area/area.h:
src/area/../base/base.h:
src/layout/layout.h:
src/layout/../base/base.h:
src/pdf/pdf.h:
src/pdf/../base/base.h:
