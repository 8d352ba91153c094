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

#endif
