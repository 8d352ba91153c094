/*
 * fuzz — what the fuzz targets share: one font manager for the process
 * (fontconfig is slow to start), a private temporary folder for the files a
 * stage reads or writes by name, and the libFuzzer entry point every
 * target defines.  Built with clang's libFuzzer (make fuzz) or with the
 * plain driver replay.c (make test), under ASan and UBSan either way.
 */
#ifndef FOLIO_FUZZ_H
#define FOLIO_FUZZ_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <ftw.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "base/base.h"
#include "text/text.h"
#include "source/source.h"
#include "fo/fo.h"
#include "area/area.h"
#include "layout/layout.h"
#include "pdf/pdf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct text_fonts *fuzz_fonts_;
static char fuzz_dir_[4096];

static inline int
fuzz_rm_(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	remove(path);
	return 0;
}

/* Empty the temporary folder (or, at exit, remove it). */
static inline void
fuzz_clean(void)
{
	if (fuzz_dir_[0] == '\0')
		return;
	nftw(fuzz_dir_, fuzz_rm_, 16, FTW_DEPTH | FTW_PHYS);
	mkdir(fuzz_dir_, 0700);
}

static struct diag fuzz_sink_;
static int fuzz_registered_;

static inline void fuzz_atexit_(void);

static inline void
fuzz_register_(void)
{
	if (!fuzz_registered_++)
		atexit(fuzz_atexit_);
}

static inline void
fuzz_atexit_(void)
{
	if (fuzz_dir_[0])
		nftw(fuzz_dir_, fuzz_rm_, 16, FTW_DEPTH | FTW_PHYS);
	text_fonts_free(fuzz_fonts_);
	diag_free(&fuzz_sink_);
}

/* The process's font manager, reporting to d until fuzz_done. */
static inline struct text_fonts *
fuzz_fonts(struct diag *d)
{
	if (fuzz_fonts_ == NULL) {
		diag_init(&fuzz_sink_);
		fuzz_fonts_ = text_fonts_new(d);
		fuzz_register_();
	}
	text_fonts_set_diag(fuzz_fonts_, d);
	return fuzz_fonts_;
}

/* End of one input: d's messages printed when FUZZ_VERBOSE is set, then
 * freed; the font manager forgets d; the folder is emptied. */
static inline void
fuzz_done(struct diag *d)
{
	if (getenv("FUZZ_VERBOSE"))
		diag_flush(d, stderr);
	diag_free(d);
	if (fuzz_fonts_)
		text_fonts_set_diag(fuzz_fonts_, &fuzz_sink_);
	fuzz_clean();
}

/* The process's temporary folder, made on first use, removed at exit. */
static inline const char *
fuzz_dir(void)
{
	if (fuzz_dir_[0] == '\0') {
		const char *t = getenv("TMPDIR");
		snprintf(fuzz_dir_, sizeof fuzz_dir_, "%s/folio-fuzz.XXXXXX", t && *t ? t : "/tmp");
		if (mkdtemp(fuzz_dir_) == NULL) {
			perror("fuzz: mkdtemp");
			abort();
		}
		fuzz_register_();
	}
	return fuzz_dir_;
}

/* The path of name in the temporary folder (a static buffer). */
static inline const char *
fuzz_path(const char *name)
{
	static char p[4096 + 64];
	snprintf(p, sizeof p, "%s/%s", fuzz_dir(), name);
	return p;
}

/* The same in a buffer of its own, for a document's name: relative
 * file names in the document resolve in the temporary folder. */
static inline const char *
fuzz_name(const char *name)
{
	static char p[4096 + 64];
	snprintf(p, sizeof p, "%s/%s", fuzz_dir(), name);
	return p;
}

/* Write data to name in the temporary folder; returns its path. */
static inline const char *
fuzz_file(const char *name, const uint8_t *data, size_t size)
{
	const char *p = fuzz_path(name);
	FILE *f = fopen(p, "wb");
	if (f == NULL || (size && fwrite(data, 1, size, f) != size) || fclose(f) != 0) {
		perror(p);
		abort();
	}
	return p;
}

/*
 * FO bytes through every stage: FO tree, area tree (dumped to /dev/null)
 * and a PDF in the temporary folder.  Messages go to d.
 */
static inline void
fuzz_render(const char *fo, size_t n, const char *name, struct diag *d)
{
	struct text_fonts *fonts = fuzz_fonts(d);
	struct xdoc *doc = src_xml_parse(fo, n, name, d);
	struct fo_tree *t = doc ? fo_tree_build_take(doc, d) : NULL;
	struct area_tree *at = t ? lay_document(t, fonts, d) : NULL;
	if (at && d->worst < DIAG_ERROR) {
		FILE *f = fopen("/dev/null", "w");
		if (f) {
			area_dump(at, f);
			fclose(f);
		}
		pdf_write(at, fuzz_path("out.pdf"), d);
	}
	area_tree_free(at);
	fo_tree_free(t);
}

/* The image file src of the temporary folder in a one-page FO document,
 * laid out and written as fuzz_render does. */
static inline void
fuzz_render_image(const char *src, struct diag *d)
{
	char fo[1024];
	int n = snprintf(fo, sizeof fo,
	    "<fo:root xmlns:fo=\"http://www.w3.org/1999/XSL/Format\"><fo:layout-master-set>"
	    "<fo:simple-page-master master-name=\"p\" page-width=\"200pt\" page-height=\"200pt\">"
	    "<fo:region-body/></fo:simple-page-master></fo:layout-master-set>"
	    "<fo:page-sequence master-reference=\"p\"><fo:flow flow-name=\"xsl-region-body\">"
	    "<fo:block><fo:external-graphic src=\"%s\" content-width=\"100pt\"/></fo:block>"
	    "</fo:flow></fo:page-sequence></fo:root>", src);
	if (n > 0 && (size_t)n < sizeof fo)
		fuzz_render(fo, (size_t)n, fuzz_name("fuzz.fo"), d);
}

#endif
