build/release/area/area.o: src/area/area.c src/area/area.h \
 src/area/../base/base.h
src/area/area.h:
src/area/../base/base.h:
