/*
 * layout — the inside of fo:table, shared by its files: the grid of cells
 * (lay_table_grid.c), column widths (lay_table_widths.c), collapsed
 * borders (lay_table_borders.c) and the table's row groups (lay_table.c).
 * Row groups themselves are lay_row.c's, shared with lists.
 */
#ifndef FOLIO_LAY_TABLE_H
#define FOLIO_LAY_TABLE_H

#include "lay_int.h"

struct tcol {
	const struct fo_node *fo;  /* its fo:table-column, or NULL */
	mpt   min, max;            /* content widths, auto layout */
	mpt   w;                   /* resolved width */
	mpt   x;                   /* start, from the table's content edge */
};

struct tcell {
	const struct fo_node *fo;
	int   r, c, rs, cs;        /* first grid row and column, spans */
	struct area_border edge[4];/* collapsed: the winning border of each side */
};

struct trow {
	const struct fo_node *fo;  /* fo:table-row, or NULL (cells directly in a body) */
	const struct fo_node *grp; /* fo:table-header, -footer or -body */
	uint8_t part;              /* enum lay_part */
	int     first, n;          /* its cells: cell[first .. first+n) */
};

struct grid {
	struct tcol  *col;
	int           ncols, nexplicit;
	struct trow  *row;
	int           nrows, caprows;
	struct tcell *cell;
	int           ncells, capcells;
	int          *busy;        /* per column: first grid row free of spans */
	int          *slot;        /* collapsed borders: nrows × ncols cell index, -1 */
};

struct ltable {
	const struct fo_node *fo;
	struct lblock *blk;
	struct grid    g;
	uint8_t        collapse;
	mpt            sep[2];      /* border-separation, separate model */
	mpt            cx0;         /* content edge, in the fill's frame */
	struct lrow  **head, **foot;/* templates of the repeated rows */
	int            nhead, nfoot;
	mpt            head_h, foot_h;
	uint8_t        rep_head, rep_foot;
};

/* lay_table.c: a warning once per source line and kind. */
void lay_table_warn(struct lay *L, const struct fo_node *n, const char *what, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* lay_table_grid.c: the grid of table n (header rows first, then the
 * bodies, then the footer), with warnings for what does not fit; g is
 * overwritten and owns its arrays until lay_grid_free. */
void lay_grid_build(struct lay *L, const struct fo_node *tbl, struct grid *g);
void lay_grid_free(struct grid *g);

/* lay_table_widths.c */
/*
 * table-layout="auto".  avail: content width the table may take; spec:
 * the width it was given, or -1.  Returns the content width used.
 */
mpt  lay_table_widths_auto(struct lay *L, struct ltable *T, mpt avail, mpt spec);
/* table-layout="fixed" in content width W. */
void lay_table_widths_fixed(struct lay *L, struct ltable *T, mpt W);
/* Has a column a proportional-column-width() share? */
int  lay_table_has_proportional(const struct grid *g);
/* Table width for measuring inside an auto table: least and natural. */
void lay_table_measure(struct lay *L, struct ltable *T, mpt *min, mpt *max);
/* Column offsets from the table's content edge; returns the content width. */
mpt  lay_table_column_offsets(struct ltable *T);

/* lay_table_borders.c */
/* Collapsed borders: the winning border of each side of every cell. */
void lay_table_collapse(struct ltable *T);
/* Does the cell above (before) or to the left (start) of t exist? */
int  lay_table_has_neighbour(const struct ltable *T, const struct tcell *t, int side);

#endif
