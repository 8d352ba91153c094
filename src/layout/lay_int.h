/*
 * layout — internal interface between lay_block.c (blocks and inline
 * content to a vertical list), lay_line.c (paragraphs to line areas) and
 * lay_page.c (page masters and pagination).
 */
#ifndef FOLIO_LAY_INT_H
#define FOLIO_LAY_INT_H

#include "../area/area.h"
#include "../fo/fo.h"
#include "../text/text.h"
#include "layout.h"

struct lay {
	const struct fo_tree *fo;
	struct text_fonts    *fonts;
	struct diag          *d;
	struct area_tree     *at;
	const char           *pagenum;   /* page number text while laying out static content */
	/* style → fontset cache */
	const struct fo_style **cache_style;
	const struct text_fontset **cache_set;
	size_t                ncache, capcache;
	uint32_t             *missing;   /* code points no face draws, reported once */
	size_t                nmissing;
};

/* Report the characters no face could draw, once per document. */
void lay_report_missing(struct lay *L);

/* A block-level box being laid out: where it sits inside its reference area. */
struct lblock {
	const struct fo_node *fo;
	struct lblock        *parent;
	mpt   x, w;           /* border box, relative to the reference area */
	mpt   pad[4];         /* padding, millipoints */
	mpt   bw[4];          /* border widths */
	int   keep_together;  /* non-auto keep-together.within-page */
};

enum vkind { V_LINE, V_SPACE, V_OPEN, V_CLOSE, V_BREAK };

/* One entry of the vertical list a flow becomes before pagination. */
struct vitem {
	uint8_t        kind;       /* enum vkind */
	uint8_t        brk_ok;     /* a page break may come before this item */
	uint8_t        retain;     /* a space kept at the top of a page */
	uint8_t        brk_kind;   /* V_BREAK: enum fo_break */
	mpt            h;          /* height, millipoints */
	struct lblock *blk;        /* V_OPEN/V_CLOSE: the block; V_LINE: its block */
	struct area   *line;       /* V_LINE: area with runs relative to (0, 0) */
};

struct vlist {
	struct vitem *v;
	size_t        n, cap;
	/* state while building */
	int           keep_next;      /* a closed block asked keep-with-next */
	int           in_keep;        /* open blocks with keep-together */
	size_t        space_at;       /* index of the space run being merged, or SIZE_MAX */
	int           para_line;      /* line index in the current paragraph */
};

/* lay_block.c */
/* May a page break come before the next item pushed onto vl? */
int  vl_boundary_ok(const struct vlist *vl);
struct vitem *vl_push(struct vlist *vl, enum vkind kind, mpt h);
void lay_blocks(struct lay *L, const struct fo_node *parent, struct lblock *ctx,
    struct vlist *vl);
void vlist_free(struct vlist *vl);

/* lay_line.c */
const struct text_fontset *lay_fontset(struct lay *L, const struct fo_style *s);
/*
 * Lay out the inline content of block from child first up to (not
 * including) the next block-level child; appends V_LINE items to vl and
 * returns the child where it stopped.  first_line: the block's first line
 * (text-indent applies).
 */
const struct fo_node *lay_inlines(struct lay *L, const struct fo_node *block,
    const struct fo_node *first, struct lblock *blk, struct vlist *vl, int first_line);

/* Move an area and all its descendants by (dx, dy). */
void lay_translate(struct area *a, mpt dx, mpt dy);

#endif
