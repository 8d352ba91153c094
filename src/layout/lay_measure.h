/*
 * layout — measuring: the least and natural widths of content for
 * automatic table layout (lay_measure.c).
 */
#ifndef FOLIO_LAY_MEASURE_H
#define FOLIO_LAY_MEASURE_H

#include "../base/base.h"

struct lay;
struct lblock;
struct fo_node;
struct text_item;

/* Content widths for automatic table layout (CSS 2.1 §17.5.2.2). */
struct lay_measure {
	mpt min, max;              /* widest unbreakable piece, widest line */
	mpt refw;                  /* the reference width measured in */
};

/* lay_line.c calls this instead of breaking lines while measuring. */
void lay_measure_para(struct lay *L, const struct lblock *blk, const struct text_item *it,
    size_t n, mpt indent);
/* Add content of blk that needs min..max width (its own start offset excluded). */
void lay_measure_add(struct lay *L, const struct lblock *blk, mpt min, mpt max);
/* Measure the block content of n: the least and the natural width. */
void lay_measure_blocks(struct lay *L, const struct fo_node *n, mpt *min, mpt *max);

#endif
