build/release/text/text_para.o: src/text/text_para.c src/text/text.h \
 src/text/../base/base.h
src/text/text.h:
src/text/../base/base.h:
