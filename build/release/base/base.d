build/release/base/base.o: src/base/base.c src/base/base.h \
 src/base/limits.h
src/base/base.h:
src/base/limits.h:
