/*
 * layout — page fill: a vertical list poured into successive fragments
 * (pages, cell parts, footnote areas), cut at the last allowed break that
 * fits (lay_fill.c).
 */
#ifndef FOLIO_LAY_FILL_H
#define FOLIO_LAY_FILL_H

#include "lay_vlist.h"

#define LAY_INF  (INT32_MAX / 4)   /* a height nothing reaches, millipoints */

struct open {
	struct lblock *b;
	struct area   *a;
	int            rows;       /* table rows placed in this fragment */
};

/* A vertical list poured into successive fragments (pages, cell parts). */
struct fill {
	struct lay   *L;
	const struct vlist *vl;
	size_t        i;           /* next item */
	struct open  *stack;       /* blocks open before item i (in arena) */
	struct arena *arena;       /* L->scratch when the fill was made */
	int           depth, cap;
	uint8_t       pages;       /* forced page breaks end a fragment */
	uint8_t       flow;        /* a page's flow or a cell in it: markers are recorded */
	uint8_t       nosplit;     /* rows are not split (balanced columns) */
	size_t        band_end;    /* cuts stop here (a band of columns or a span), 0: the end */
	/* the current fragment */
	struct area  *parent;      /* region, cell or container area */
	mpt           rx, ry;      /* content origin of the reference area on the page */
	mpt           refw, refh;  /* its size, for absolute positions */
	mpt           y;           /* height used below ry */
	uint8_t       placed;      /* something placed: spaces count from now on */
	uint8_t       content;     /* a line, row or box placed */
	const char   *pagenum;     /* the page's number for fo:page-number, or NULL */
	struct area_page *page;    /* the page: ids and links are recorded there, or NULL */
};

/* Where a fragment ends (lay_fill_cut). */
struct cut {
	size_t  end;               /* items [i, end) go into it */
	uint8_t split;             /* and the row at end splits, its first part in avail */
	uint8_t strict;            /* the split takes allowed breaks only */
	mpt     avail;             /* height for that part */
	mpt     h;                 /* height the fragment uses */
};

void lay_fill_init(struct fill *f, struct lay *L, const struct vlist *vl, int pages);
/* lay_page.c: note what was placed (ids, link rectangles) on f's page. */
void lay_page_placed(struct fill *f, const struct vitem *v, const struct area *a);
/* lay_page.c: id lands at (x, y) on f's page (cells, rows, boxes). */
void lay_page_id(struct fill *f, const char *id, mpt x, mpt y);
/* lay_page.c: box (of container n, laid out whole) lands on f's page: the
 * ids of n and of everything in it, and its lines' link rectangles. */
void lay_page_box(struct fill *f, const struct area *box, const struct fo_node *n);
/* Start a fragment in parent: reopen open blocks, repeat a table header. */
void lay_fill_begin(struct fill *f, struct area *parent, mpt rx, mpt ry, mpt refw, mpt refh);
/* Height lay_fill_begin adds at the top of the next fragment. */
mpt  lay_fill_top(const struct fill *f);
void lay_fill_cut(const struct fill *f, mpt H, int strict, struct cut *c);
void lay_fill_place(struct fill *f, const struct cut *c);
/* End a fragment: repeat a broken table's footer, close open blocks. */
void lay_fill_end(struct fill *f);
int  lay_fill_done(const struct fill *f);
/* The area new content goes into: the innermost open block or the parent. */
struct area *lay_fill_parent(const struct fill *f);
/* Go on from item i: the blocks open there are reopened by the next
 * lay_fill_begin (a flow laid out again at another width). */
void lay_fill_seek(struct fill *f, size_t i);
/*
 * A probe: how far items [f->i, band end) go when poured into ncol
 * fragments of height h each, rows not split, a column break moving on to
 * the next fragment; *over is set when a fragment's first item alone is
 * taller than h or a fragment ends where keeps allow no break.  Returns
 * the index of the first item left.
 */
size_t lay_fill_probe_cols(const struct fill *f, int ncol, mpt h, int *over);
/* Begin, place everything, end; returns the height used. */
mpt  lay_fill_all(struct fill *f, struct area *parent, mpt rx, mpt ry, mpt refw, mpt refh);

#endif
