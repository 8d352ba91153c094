# folio — build, test, benchmark.  GNU make.
# make [BUILD=release|debug|asan]; make test; make asan; make fuzz; make mutate; make bench; make demo

BUILD   ?= release
O       := build/$(BUILD)
PKGS    := libxml-2.0 libxslt libexslt fontconfig harfbuzz harfbuzz-subset libunibreak libmicrohttpd json-c libpng libtiff-4 fribidi
CC      ?= cc
WARN    := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wwrite-strings
CFLAGS_release := -O2 -g -DNDEBUG   # fo_check, area_check and assert() off
CFLAGS_debug   := -O0 -g
CFLAGS_asan    := -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
CFLAGS_fuzz    := -O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
CFLAGS  := -std=c11 -D_GNU_SOURCE $(WARN) $(CFLAGS_$(BUILD)) $(shell pkg-config --cflags $(PKGS)) $(EXTRA_CFLAGS)
LDFLAGS_asan := -fsanitize=address,undefined
LDFLAGS_fuzz := -fsanitize=address,undefined
# minizip's --cflags would put its folder first on the include path, where
# its crypt.h hides libc's: its headers are included as <minizip/unzip.h>
LDLIBS  := $(shell pkg-config --libs $(PKGS)) $(shell pkg-config --libs minizip) -lcsv -lgif -lhyphen -lhpdf -ldeflate -lz -lm -lcrypt -lpthread $(LDFLAGS_$(BUILD))

PREFIX    ?= /usr/local
BINDIR    ?= $(PREFIX)/bin
DATADIR   ?= $(PREFIX)/share/folio
MANDIR    ?= $(PREFIX)/share/man
LOCALEDIR ?= $(PREFIX)/share/locale
CFLAGS  += -DLOCALEDIR='"$(LOCALEDIR)"' -DDATADIR='"$(DATADIR)"'

-include config.mk

BASE_OBJS   := base/base.o base/diag.o base/intl.o base/sha256.o base/file.o base/color.o
SOURCE_OBJS := source/source.o source/source_tree.o source/source_rng.o source/source_xslt.o
FO_OBJS     := fo/fo_build.o fo/fo_elem.o fo/fo_names.o fo/fo_rx.o fo/fo_content.o fo/fo_meta.o \
               fo/fo_prop.o fo/fo_shorthand.o fo/fo_value.o fo/fo_style.o fo/fo_expr.o fo/fo_check.o
TEXT_OBJS   := text/text_font.o text/text_break.o text/text_para.o text/text_fit.o \
               text/text_justify.o text/text_hyph.o text/text_shape.o text/text_subset.o
AREA_OBJS   := area/area.o area/area_check.o
IMAGE_OBJS  := image/image.o image/image_png.o image/image_gif.o image/image_tiff.o
SVG_OBJS    := svg/svg_draw.o svg/svg_style.o svg/svg_path.o svg/svg_text.o
LAYOUT_OBJS := layout/lay_line.o layout/lay_items.o layout/lay_report.o layout/lay_gather.o layout/lay_hyph.o layout/lay_shape.o layout/lay_bidi.o layout/lay_block.o layout/lay_page.o layout/lay_regions.o layout/lay_columns.o layout/lay_notes.o \
               layout/lay_cite.o layout/lay_index.o layout/lay_pass.o layout/lay_ids.o layout/lay_master.o \
               layout/lay_object.o layout/lay_fill.o layout/lay_table.o layout/lay_table_grid.o \
               layout/lay_table_widths.o layout/lay_table_borders.o layout/lay_row.o \
               layout/lay_measure.o layout/lay_list.o \
               layout/lay_container.o layout/lay_inline.o layout/lay_visibility.o layout/lay_background.o layout/lay_float.o layout/lay_tmarker.o \
               layout/lay_reflow.o
PDF_OBJS    := pdf/pdf.o pdf/pdf_page.o pdf/pdf_text.o pdf/pdf_info.o pdf/pdf_nav.o pdf/pdf_deflate.o \
               pdf/pdf_font.o pdf/pdf_graphics.o pdf/pdf_copies.o pdf/pdf_haru.o
DOCSET_OBJS := docset/docset_check.o docset/docset_check_proc.o docset/docset_manual.o docset/docset_packet.o \
               docset/docset_site.o docset/docset_layout.o docset/docset_forms.o \
               docset/docset_forms_reg.o docset/docset_forms_fit.o docset/docset_forms_copies.o \
               docset/docset_fields.o docset/docset_case.o docset/docset_cases.o \
               docset/docset_newcase.o docset/docset_leftovers.o docset/docset_issued.o \
               docset/docset_batch.o docset/docset_progress.o
SERVE_OBJS  := serve/serve.o serve/serve_api.o serve/serve_auth.o serve/serve_case.o \
               serve/serve_store.o serve/serve_zip.o serve/serve_web.o serve/serve_web_form.o \
               serve/serve_web_case.o serve/serve_web_packet.o serve/serve_web_docs.o serve/serve_import.o
IMPORT_OBJS := import/import.o import/import_case.o import/import_book.o import/import_csv.o \
               import/import_xlsx.o import/import_zip.o import/import_cells.o import/import_sheets.o
LIB_OBJS    := $(addprefix $(O)/,$(BASE_OBJS) $(SOURCE_OBJS) $(FO_OBJS) $(TEXT_OBJS) \
               $(AREA_OBJS) $(IMAGE_OBJS) $(SVG_OBJS) $(LAYOUT_OBJS) $(PDF_OBJS) $(DOCSET_OBJS) $(SERVE_OBJS) \
               $(IMPORT_OBJS))

ifeq ($(V),1)
Q :=
else
Q := @
endif

# translations: po/<lang>.po → $(O)/locale/<lang>/LC_MESSAGES/folio.mo (found
# beside the binary); `make po` refreshes po/folio.pot and merges it into
# every po/<lang>.po after messages were added or changed (docs/messages.md)
LANGS   := $(patsubst po/%.po,%,$(wildcard po/*.po))
MO      := $(patsubst %,$(O)/locale/%/LC_MESSAGES/folio.mo,$(LANGS))
MSGSRC  := $(sort $(wildcard src/*.c src/*/*.c))

all: $(O)/folio $(MO)

$(O)/locale/%/LC_MESSAGES/folio.mo: po/%.po
	@mkdir -p $(dir $@)
	$(Q)msgfmt --check -o $@ $<

po/folio.pot: $(MSGSRC)
	$(Q)xgettext --from-code=UTF-8 --language=C --keyword=_ --keyword=N_ --add-comments=TRANSLATORS: \
	    --package-name=folio --msgid-bugs-address= --no-location --sort-output \
	    --omit-header -o $@.tmp $(MSGSRC) && mv $@.tmp $@

po: po/folio.pot
	$(Q)for l in $(LANGS); do msgmerge --quiet --update --backup=none --no-location --sort-output po/$$l.po po/folio.pot || exit 1; done

install-locale: $(MO)
	$(Q)for l in $(LANGS); do install -D -m 644 $(O)/locale/$$l/LC_MESSAGES/folio.mo \
	    $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/folio.mo || exit 1; done

# make install PREFIX=… DESTDIR=…: the binary, its data (templates, schemas,
# the packet's documents, the example site file), the translations and the
# manual page folio(1).  An installed folio finds its data beside its bin/
# (../share/folio), so a DESTDIR copy works where it lands (folio(1), FILES).
install: $(O)/folio install-locale
	$(Q)install -D -m 755 $(O)/folio $(DESTDIR)$(BINDIR)/folio
	$(Q)for f in templates/*.xsl templates/case-new.xml schemas/*.rng schemas/labels.xml; do install -D -m 644 $$f $(DESTDIR)$(DATADIR)/$$f || exit 1; done
	$(Q)for f in docs/content/*.xml; do install -D -m 644 $$f $(DESTDIR)$(DATADIR)/content/$${f##*/} || exit 1; done
	$(Q)install -D -m 644 site.xml $(DESTDIR)$(DATADIR)/site.xml
	$(Q)install -D -m 644 docs/folio.1 $(DESTDIR)$(MANDIR)/man1/folio.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/folio $(DESTDIR)$(MANDIR)/man1/folio.1
	rm -rf $(DESTDIR)$(DATADIR)
	for l in $(LANGS); do rm -f $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/folio.mo; done

$(O)/%.o: src/%.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "CC $<")
	$(Q)$(CC) $(CFLAGS) -MMD -MP -c $< -o $@

$(O)/libfolio.a: $(LIB_OBJS)
	$(Q)ar rcs $@ $^

$(O)/folio: $(O)/main.o $(O)/cli.o $(O)/libfolio.a
	$(Q)$(CC) -o $@ $^ $(LDLIBS)
	$(Q)ln -sf $(O)/folio folio-bin 2>/dev/null || true

# unit tests (cmocka) and the layout test runner
$(O)/tests/%: tests/unit/%.c $(O)/libfolio.a
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(CFLAGS) -Isrc -o $@ $< $(O)/libfolio.a $(LDLIBS) -lcmocka

$(O)/layout-test: tests/layout_runner.c $(O)/libfolio.a
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(CFLAGS) -Isrc -o $@ $< $(O)/libfolio.a $(LDLIBS)

UNIT_TESTS := $(patsubst tests/unit/%.c,$(O)/tests/%,$(wildcard tests/unit/*.c))

test: $(O)/folio $(MO) $(UNIT_TESTS) $(O)/layout-test fuzz-replay fuzz-build
	@BUILD=$(BUILD) sh tests/run.sh

# fuzzing (docs/testing.md): one target per input kind, tests/fuzz/fuzz_*.c
FUZZ_TARGETS ?= fo svg png jpeg raster packet import
FUZZ_SECONDS ?= 60
FUZZ_CC      ?= clang

# make test replays the corpus and the past crashers under ASan and UBSan
# with a plain driver (no libFuzzer, any C compiler): always BUILD=asan
fuzz-replay:
	@$(MAKE) --no-print-directory BUILD=asan $(patsubst %,build/asan/fuzz/replay-%,$(FUZZ_TARGETS))

$(O)/fuzz/replay-%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c tests/fuzz/fuzz.h $(O)/libfolio.a
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(CFLAGS) -Isrc -o $@ tests/fuzz/fuzz_$*.c tests/fuzz/replay.c $(O)/libfolio.a $(LDLIBS)

# make fuzz: libFuzzer (clang), each target FUZZ_SECONDS, one after the other
$(O)/fuzz/fuzz-%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(O)/libfolio.a
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(CFLAGS) -fsanitize=fuzzer -Isrc -o $@ $< $(O)/libfolio.a $(LDLIBS)

# make test runs each for FUZZ_SHORT seconds (tests/fuzz/short.sh), as CI does
fuzz-build:
	@$(MAKE) --no-print-directory BUILD=fuzz CC=$(FUZZ_CC) $(patsubst %,build/fuzz/fuzz/fuzz-%,$(FUZZ_TARGETS))

fuzz: fuzz-build
	@sh tests/fuzz/fuzz.sh build/fuzz/fuzz $(FUZZ_SECONDS) $(FUZZ_TARGETS)
.PHONY: fuzz-replay fuzz-build fuzz

asan:
	$(MAKE) BUILD=asan test

# break the PDF writer one line at a time (tools/mutations.txt) in a copy of
# the tree; every mutant must fail the tests (docs/testing.md)
mutate: $(O)/folio
	@BUILD=$(BUILD) sh tools/mutate.sh
.PHONY: mutate

bench: $(O)/folio
	@sh bench/run.sh $(O)/folio

# set-up first, in its own step: the build flags come from pkg-config
demo:
	@sh tools/setup.sh
	@$(MAKE) --no-print-directory all
	@sh examples/demo.sh $(O)/folio

setup:
	@sh tools/setup.sh

# the stage order of docs/architecture.md, and the libraries in their
# stages; make test runs it too (tests/includes)
check-includes:
	@sh tools/check-includes.sh src

# no file over 800 lines, no function over 100 without a design note
# (tools/check-size.sh, docs/architecture.md); make test runs it too (tests/sizes)
check-size:
	@sh tools/check-size.sh src

docs/fo-subset.md: $(O)/folio docs/fop-support.tsv tools/fop-beside.sh
	$(O)/folio subset > $@.tmp
	sh tools/fop-beside.sh docs/fop-support.tsv < $@.tmp > $@
	rm -f $@.tmp

clean:
	rm -rf build folio-bin

.PHONY: all po install install-locale uninstall test asan bench demo setup check-includes check-size clean

-include $(LIB_OBJS:.o=.d) $(O)/main.d $(O)/cli.d
