/*
 * layout — FO tree in, area tree out: page masters, blocks, lines (through
 * the text stage's composer), pagination with keeps and breaks, static
 * content on every page.
 */
#ifndef FOLIO_LAYOUT_H
#define FOLIO_LAYOUT_H

#include "../base/base.h"

struct fo_tree;
struct text_fonts;
struct area_tree;

/*
 * Lay out every page sequence of fo.  Returns an owned area tree, or NULL
 * after reporting why nothing could be laid out (for example an unknown
 * master-reference).  Recoverable problems are warnings in d.
 */
struct area_tree *lay_document(const struct fo_tree *fo, struct text_fonts *fonts,
    struct diag *d);

/*
 * What lay_document tells a progress report, as it goes: the blocks of
 * the flows composed into lines (done of total, over every page sequence;
 * a block laid out twice counts once, at most total), then the pages made
 * (done, total 0).  pass counts from 1; a
 * second pass starts again from nothing.
 */
enum lay_progress { LAY_PROGRESS_TEXT, LAY_PROGRESS_PAGES };
typedef void lay_progress_fn(void *ctx, enum lay_progress what, int pass, long done, long total);
/* The report of this thread's next lay_document calls, or NULL for none. */
void lay_set_progress(lay_progress_fn *fn, void *ctx);

#endif
