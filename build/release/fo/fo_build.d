build/release/fo/fo_build.o: src/fo/fo_build.c src/fo/../base/limits.h \
 src/fo/../source/source.h src/fo/../source/../base/base.h \
 src/fo/fo_int.h src/fo/fo.h src/fo/../base/base.h
src/fo/../base/limits.h:
src/fo/../source/source.h:
src/fo/../source/../base/base.h:
src/fo/fo_int.h:
src/fo/fo.h:
src/fo/../base/base.h:
