/*
 * pdf — the area tree to PDF through libharu, streams compressed with libdeflate
 * (and zlib).
 * Fonts are subset with HarfBuzz before libharu embeds them as CID fonts
 * (Identity-H, CID = Unicode).  The only stage that includes hpdf.h.
 */
#ifndef FOLIO_PDF_H
#define FOLIO_PDF_H

#include "../base/base.h"

struct area_tree;

/*
 * Write t as PDF to path ("-" for standard output).  The file is written to
 * a temporary name beside path and renamed, so a failure leaves no file.
 * Returns 0, or -1 after reporting the failure to d.
 */
int pdf_write(const struct area_tree *t, const char *path, struct diag *d);

/*
 * Copies (folio forms --copies): t holds one copy of each item, and item
 * k's pages first…last of t are written copies times.  Each page of t is
 * drawn once, as a form XObject that every copy's page draws; only the
 * runs of vary (a serial number of ndigits digits at byte at of the run's
 * text) are drawn on each copy's page, copy c showing serial + c - 1.
 * Pages with links are not supported (the caller writes those with
 * pdf_write).  Returns 0, or -1 after reporting the failure to d.
 */
struct area;
struct pdf_vary {
	int                page;    /* of t, 1-based */
	const struct area *run;
	size_t             at;
	int                ndigits;
};
struct pdf_item {
	int    first, last;     /* pages of t (1-based) */
	int    copies;
	long   serial;          /* the number t's pages show, 0 for none */
	const struct pdf_vary *vary;   /* on pages first…last */
	size_t nvary;
};
int pdf_write_copies(const struct area_tree *t, const struct pdf_item *items, size_t n,
    const char *path, struct diag *d);

/* The progress report of this thread's next writes, or NULL for none:
 * called as each page is drawn, done of total. */
typedef void pdf_progress_fn(void *ctx, long done, long total);
void pdf_set_progress(pdf_progress_fn *fn, void *ctx);

#endif
