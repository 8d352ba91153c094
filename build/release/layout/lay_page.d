build/release/layout/lay_page.o: src/layout/lay_page.c \
 src/layout/../base/limits.h src/layout/lay_int.h \
 src/layout/../area/area.h src/layout/../area/../base/base.h \
 src/layout/../fo/fo.h src/layout/../fo/../base/base.h \
 src/layout/../text/text.h src/layout/../text/../base/base.h \
 src/layout/layout.h src/layout/../base/base.h
src/layout/../base/limits.h:
src/layout/lay_int.h:
src/layout/../area/area.h:
src/layout/../area/../base/base.h:
src/layout/../fo/fo.h:
src/layout/../fo/../base/base.h:
src/layout/../text/text.h:
src/layout/../text/../base/base.h:
src/layout/layout.h:
src/layout/../base/base.h:
