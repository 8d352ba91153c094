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

#define LAY_CBAR_MAX 8   /* change bars open at once that layout follows
                            (lay_change_bar in lay_line.c counts to 8) */

/*
 * Content widths for automatic table layout (CSS 2.1 §17.5.2.2), and the
 * context measuring runs in.  Measured content is laid out again for real,
 * so measuring says nothing and leaves the pass as it found it: while
 * L->measure points here, lines give their widths to lay_measure_para
 * instead of being made, the pass's diagnostics are set aside (what
 * measuring reports goes to quiet and is dropped), and the change bars
 * open before are put back at the end.
 */
struct lay_measure {
	mpt min, max;              /* widest unbreakable piece, widest line */
	mpt refw;                  /* the reference width measured in */
	struct lay_measure *outer; /* the measuring this one is inside, or NULL */
	struct diag *d;            /* the pass's diagnostics, set aside */
	struct diag quiet;         /* what measuring reports: dropped */
	const struct fo_node *cbar[LAY_CBAR_MAX];  /* change bars open before */
	int ncbar;
};

/* lay_line.c calls this instead of breaking lines while measuring. */
void lay_measure_para(struct lay *L, const struct lblock *blk, const struct text_item *it,
    size_t n, mpt indent);
/* Add content of blk that needs min..max width (its own start offset excluded). */
void lay_measure_add(struct lay *L, const struct lblock *blk, mpt min, mpt max);
/* Measure the block content of n: the least and the natural width. */
void lay_measure_blocks(struct lay *L, const struct fo_node *n, mpt *min, mpt *max);

#endif
