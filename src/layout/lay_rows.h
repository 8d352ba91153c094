/*
 * layout — rows: row groups of tables and list items, laid out in advance
 * and split at page breaks (lay_row.c); tables (lay_table.c) and lists
 * (lay_list.c) that make them.
 */
#ifndef FOLIO_LAY_ROWS_H
#define FOLIO_LAY_ROWS_H

#include "lay_fill.h"

enum lay_part { PART_BODY, PART_HEADER, PART_FOOTER };

/* One cell of a row group: a table cell, or a list item's label or body. */
struct lcell {
	const struct fo_node *fo;
	int      row0, row1;       /* the group's grid rows it spans */
	mpt      x, w;             /* border box, in the frame of the enclosing fill */
	mpt      cx;               /* content origin: table cells are reference areas */
	mpt      cw;               /* content width */
	mpt      bw[4], pad[4];    /* borders and padding as drawn */
	struct area_border bd[4];  /* borders as drawn */
	mpt      top_bw;           /* collapsed borders: before border on a page's first row */
	uint32_t background;
	mpt      shift;            /* relative-align="baseline": content moved down */
	uint8_t  align;            /* display-align */
	uint8_t  refarea;          /* content positions are relative to the cell */
	uint8_t  retain;           /* borders and padding repeat on every fragment */
	uint8_t  started;          /* a fragment has been placed */
	struct vlist vl;
	struct fill  fill;
	size_t   notes_done;       /* items before it have had their footnotes queued */
};

/* A row group: grid rows bound together by row spans, or one list item. */
struct lrow {
	struct ltable *tbl;        /* NULL for a list item */
	uint8_t   part;            /* enum lay_part */
	uint8_t   keep;            /* keep-together: never split */
	int       nrows, ncells;
	int       r0;              /* grid rows before it are placed and gone */
	mpt      *minh;            /* per grid row: least height left */
	mpt      *rowh;            /* per grid row: height of what is left */
	const struct fo_node **rowfo;  /* per grid row: its fo:table-row, or NULL */
	struct lcell *cells;
	mpt       sep;             /* separated borders: space above each grid row */
	mpt       x, w;            /* grid rows' areas, in the fill's frame */
	mpt       h;               /* natural height of what is left */
	mpt       top_extra;       /* collapsed borders: more on a page's first row */
	size_t    mem;             /* its arena in L->rowmem, 1-based; 0: the area tree's */
};

/*
 * A row group's own memory.  begin: from now on L->scratch is a new arena
 * for what the group is built of (its cells' boxes, vertical lists and
 * fills), when the group stands in a page's flow (not inside another row,
 * not measured); returns its number (1-based) or 0 with nothing changed.
 * end: L->scratch back to save, and the number for row->mem, or 0 when
 * something of the group must live to the end of the pass (a paragraph
 * citing a page number, composed again then).  lay_row_release frees
 * row's arena once its item is placed; lay_rows_free frees the rest at
 * the end of the pass.
 */
size_t lay_row_arena_begin(struct lay *L, struct arena **save);
size_t lay_row_arena_end(struct lay *L, size_t id, struct arena *save);
void   lay_row_release(struct lay *L, const struct lrow *row);
void   lay_rows_free(struct lay *L);

/* Height of row; first: the first row of its table on this page. */
mpt  lay_row_height(const struct lrow *row, int first);
int  lay_row_splittable(const struct lrow *row);
/* Can a first part of row fit in avail (strict: by allowed breaks only)? */
int  lay_row_split_ok(struct lay *L, struct lrow *row, mpt avail, int strict, int first);
/* Place row at f->y: whole when avail < 0, else the part that fits. */
void lay_row_place(struct fill *f, struct lrow *row, mpt avail, int strict);
/* Compute the heights of a group's grid rows from its cells' content. */
void lay_row_solve(struct lay *L, struct lrow *row);
/* A copy of row, not yet placed, in the arena (its cells start again). */
struct lrow *lay_row_clone(struct lay *L, const struct lrow *row);
/* A copy of n bytes at p in the area tree's arena. */
void *lay_arena_dup(struct lay *L, const void *p, size_t n);

/* lay_table.c */
/* Height of t's repeated header (footer) at a fragment edge before item row. */
mpt  lay_table_repeat_h(const struct ltable *t, const struct lrow *row, int footer);
void lay_table_replay(struct fill *f, struct ltable *t, int footer);
void lay_table(struct lay *L, const struct fo_node *n, struct lblock *ctx, struct vlist *vl,
    mpt refw);

/* ---------------------------------------------------------------- lists (lay_list.c) */

struct lay_listctx {
	mpt label_end, body_start;  /* values of label-end() and body-start() */
};

void lay_list(struct lay *L, const struct fo_node *n, struct lblock *ctx, struct vlist *vl,
    mpt refw);

#endif
