build/release/fo/fo_expr.o: src/fo/fo_expr.c src/fo/../base/limits.h \
 src/fo/fo_int.h src/fo/fo.h src/fo/../base/base.h
src/fo/../base/limits.h:
src/fo/fo_int.h:
src/fo/fo.h:
src/fo/../base/base.h:
