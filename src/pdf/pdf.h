/*
 * pdf — the area tree to PDF through libharu, streams compressed with zlib.
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

#endif
