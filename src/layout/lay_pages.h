/*
 * layout — pages: the loop over a page-sequence's pages (lay_page.c), the
 * footnotes at their foot (lay_notes.c), citations patched in place at the
 * end of a pass (lay_cite.c).
 */
#ifndef FOLIO_LAY_PAGES_H
#define FOLIO_LAY_PAGES_H

#include "lay_fill.h"

/* A rectangle on the page, millipoints. */
struct lay_rect {
	mpt x, y, w, h;
};

/*
 * The footnotes of a page lay_sequence (XSL 1.1 §6.10.3): the bodies of the
 * citations placed so far, laid out in citation order into one vertical
 * list, and a fill that places them page by page at the foot of the body.
 * What does not fit on its citation's page continues on the next pages,
 * split where a page may break (keeps, widows and orphans hold).
 */
struct lay_notes {
	struct vlist          vl;
	struct fill           f;
	const struct fo_node *sep;     /* xsl-footnote-separator, or NULL */
	mpt                   sep_h;   /* its height */
};

/* lay_notes.c: the sequence's footnotes, none queued yet; the separator
 * (xsl-footnote-separator) measured to width. */
void lay_notes_init(struct lay *L, struct lay_notes *nt, const struct fo_node *seq, mpt width);
/* Are footnotes queued that are not placed yet? */
int  lay_notes_pending(const struct lay_notes *nt);
/* What the footnotes cited by items [from, to) of vl take, laid out to width. */
mpt  lay_notes_height(struct lay *L, const struct vlist *vl, size_t from, size_t to, mpt width);
/* Queue the footnotes cited by items [from, to) of vl. */
void lay_notes_add(struct lay *L, struct lay_notes *nt, const struct vlist *vl, size_t from,
    size_t to, mpt width);
/* Queue the footnotes of row: of the part placed so far, or all of them. */
void lay_notes_row_add(struct lay *L, struct lay_notes *nt, struct lrow *row, mpt width, int all);
/* Where the queued footnotes would end in height H: a probe, nothing is placed. */
void lay_notes_cut(const struct lay_notes *nt, mpt H, int strict, struct cut *c);
/* Place what fits below the used height of body into region, on page pg. */
void lay_notes_place(struct lay *L, struct lay_notes *nt, struct area *region,
    const struct lay_rect *body, mpt used, struct area_page *pg);

/*
 * The before-floats of a page-sequence (XSL 1.1 §6.10.2, fo:float
 * float="before"): each laid out when the flow's list is built, at the
 * index of the flow item after it (its anchor), and placed whole at the top
 * of the region-body of the page its anchor lands on, in order, under the
 * xsl-before-float-separator; one that does not fit there waits for the
 * top of the next page, as do the floats after it.
 */
struct lay_float {
	const struct fo_node *fo;
	struct vlist          vl;      /* its content, laid out to the body width */
	mpt                   h;       /* its height */
	size_t                anchor;  /* index of the flow item after it */
	/* side floats */
	uint8_t               side;    /* 2 start, 3 end (the float property's values) */
	const struct lblock  *ctx;     /* the block it stands in */
	mpt                   x0, x1;  /* what it takes across the reference area, with its gap */
	mpt                   shift;   /* its content moved by this (to the end edge) */
};

/* A side float intruding into the blocks that follow it. */
struct lay_side {
	struct lay_float     *fv;      /* NULL: none */
	size_t                from;    /* the flow's items from here on count */
	size_t                counted; /* … up to here */
	mpt                   used;    /* their height */
};

struct lay_floats {
	const struct vlist   *flow;    /* the list the floats anchor in */
	mpt                   width;   /* the body width */
	struct lay_float     *v;
	size_t                n, cap;
	size_t                next;    /* the first not placed */
	size_t                plan;    /* [next, plan) go on the page being made */
	const struct fo_node *sep;     /* xsl-before-float-separator, or NULL */
	mpt                   sep_h;   /* its height */
	struct lay_side       side[2]; /* the start and end side floats being passed */
	struct lay_float    **sides;   /* every side float, in order (arena) */
	size_t                nsides, capsides;
	uint8_t               columns; /* a body of several columns: side floats stand in place */
};

/* lay_float.c: the sequence's floats, none yet; the floats met while flow
 * is laid out anchor in it (L->floats is set).  width: the body's (the
 * before-floats' width, across all columns); columns: the body's count. */
void lay_floats_init(struct lay *L, struct lay_floats *fl, const struct fo_node *seq,
    const struct vlist *flow, mpt width, int columns);
/* Is n an fo:float taken out of vl's flow (then it is recorded), or laid
 * out where it stands (0: the caller lays it out as a block)?  ctx, refw:
 * the block it stands in and its reference width. */
int  lay_float_take(struct lay *L, const struct fo_node *n, struct lblock *ctx, struct vlist *vl,
    mpt refw);
/* Narrow block b, new in ctx, beside the side floats it meets. */
void lay_float_intrude(struct lay *L, struct lblock *b, const struct lblock *ctx);
/* The box block b's next lines take: b, or a narrowed copy beside a side
 * float met inside b or beside which b begins (a block of lines only);
 * *rest: the height of the float still beside them, 0 for none.  Beside
 * a start and an end float of different heights, *rest is the shorter's,
 * and *mid the box of the lines below it and beside the taller (narrowed
 * on that side only) down to *rest2; else *mid is NULL. */
struct lblock *lay_float_beside(struct lay *L, struct lblock *b, mpt *rest, struct lblock **mid,
    mpt *rest2);
/* clear on block n: space to pass the side floats it clears. */
void lay_float_clear(struct lay *L, const struct fo_node *n, const struct lblock *ctx,
    struct vlist *vl);
/* The flow's list is complete: side floats keep the lines beside them on
 * their page. */
void lay_floats_flow_done(struct lay *L, struct lay_floats *fl, struct vlist *vl);
/* Place side float fv at the top of the line being placed by f. */
void lay_float_side_place(struct fill *f, struct lay_float *fv);
/* Are floats waiting to be placed? */
int  lay_floats_pending(const struct lay_floats *fl);
/* Choose the floats of the next page, whose body is H tall in ncol columns
 * and whose flow continues at f (a fragment not begun yet); returns the
 * height they take. */
mpt  lay_floats_plan(struct lay *L, struct lay_floats *fl, struct fill *f, mpt H, int ncol);
/* Place the chosen floats at the top of the body (x, y, w) in region on
 * page pg. */
void lay_floats_place(struct lay *L, struct lay_floats *fl, struct area *region, mpt x, mpt y,
    mpt w, struct area_page *pg);
/* Free the sequence's floats; L->floats is cleared. */
void lay_floats_free(struct lay *L, struct lay_floats *fl);

/* A region of a page master: a rectangle on the page. */
struct region {
	const char *name;
	mpt x, y, w, h;          /* on the page */
	const struct fo_node *fo;
};

struct master {
	const char   *name;
	mpt           pw, ph;
	struct region body, before, after, start, end;
	int           has_before, has_after, has_start, has_end;
	int           ncol;       /* columns of the region-body */
	mpt           gap, colw;  /* column-gap, the width of one column */
};

/* lay_regions.c: simple-page-master spm read into *m; -1 (reported) when it
 * has no region-body or one too small. */
int  lay_read_master(struct lay *L, const struct fo_node *spm, struct master *m);

/* lay_columns.c: fill page pg's body of several columns from f: the
 * before-floats chosen for the page (top tall) across its top, then bands
 * of columns and span="all" blocks, until the page is full or a page
 * break comes; *c says where and how it stopped. */
void lay_fill_columns(struct lay *L, struct fill *f, struct lay_notes *nt, struct lay_floats *fl,
    const struct master *m, struct area_page *pg, mpt top, struct cut *c);

/* lay_page.c: the pages of page sequence seq, numbered from *page_number
 * (advanced); their static content waits for lay_page_deferred.  Returns
 * -1 (with an error reported) when the sequence cannot be laid out. */
int  lay_sequence(struct lay *L, const struct fo_node *seq, int *page_number);
/* The static content of every page made in this pass. */
void lay_page_deferred(struct lay *L);
/* Add the clickable rectangles of line's linked runs to pg's links. */
void lay_page_links(struct lay *L, struct area_page *pg, const struct area *line);
/* The area of region g of a page, a child of root. */
struct area *lay_page_region(struct lay *L, struct area *root, const struct region *g);
/* The blocks open where f begins, noted as carried onto the page (markers'
 * retrieve-position first-including-carryover). */
void lay_page_carry(struct lay *L, const struct fill *f);

/* lay_reflow.c: the flow is about to be laid out again at another width,
 * the fill standing at item at of vl: a paragraph broken there is to be
 * composed again from the first character not yet placed (L->resume_*). */
void lay_reflow_from(struct lay *L, const struct vlist *vl, size_t at);
/* Where the fill goes on in nv, the flow laid out again: *j; 0 when the
 * two lists do not match there (the caller keeps old). */
int  lay_reflow_match(const struct vlist *old, size_t at, const struct vlist *nv, size_t *j);

/* lay_cite.c: the pass's citations made exact in place; returns 0 when
 * patched, -1 when another pass is needed (nothing is changed then). */
int  lay_cite_patch(struct lay *L);

#endif
