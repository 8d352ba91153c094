build/release/text/text_break.o: src/text/text_break.c src/text/text.h \
 src/text/../base/base.h
src/text/text.h:
src/text/../base/base.h:
