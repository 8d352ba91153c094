/*
 * layout — vertical lists: the boxes of blocks being laid out (struct
 * lblock) and the items a flow, a cell or a box becomes before it is
 * poured into pages (struct vitem); lay_block.c builds them.
 */
#ifndef FOLIO_LAY_VLIST_H
#define FOLIO_LAY_VLIST_H

#include "../area/area.h"
#include "../fo/fo.h"

struct lay;
struct ltable;
struct lrow;
struct lay_float;

/* An FO that marks a place for an index (XSL 1.1 §6.10): one with an
 * index-key, fo:index-range-begin or -end; the page its item lands on is
 * recorded (lay_index.c).  A list in the area tree's arena. */
struct lay_anchor {
	const struct fo_node *fo;
	struct lay_anchor    *next;
};

/* A block-level box being laid out: where it sits inside its reference area. */
struct lblock {
	const struct fo_node *fo;
	struct lblock        *parent;
	mpt   x, w;           /* border box, relative to the reference area */
	mpt   pad[4];         /* padding, millipoints */
	mpt   bw[4];          /* border widths */
	int   keep_together;  /* non-auto keep-together.within-page */
	struct ltable *tbl;   /* fo:table: its layout (lay_table.c) */
	uint8_t noborder;     /* the area draws no border (a collapsed table) */
	uint8_t retain;       /* borders and padding on every fragment (tables) */
	mpt   mend;           /* measuring: room taken at the end side, millipoints */
	int   index_page;     /* with an index-key: the page index of its first area */
	mpt   nest[2];        /* borders and padding before, after: this block's
	                         and its ancestors', at most LIMIT_LENGTH_MAX */
};

/*
 * V_ROW: a row group of a table (grid rows bound by row spans) or a list
 * item's label and body, laid out in advance and split at page breaks by
 * lay_row.c.  V_BOX: a block-container laid out whole (fixed height,
 * rotated, or positioned out of the flow).
 */
enum vkind { V_LINE, V_SPACE, V_OPEN, V_CLOSE, V_BREAK, V_ROW, V_BOX };

/* One entry of the vertical list a flow becomes before pagination. */
struct vitem {
	uint8_t        kind;       /* enum vkind */
	uint8_t        brk_ok;     /* a page break may come before this item */
	uint8_t        retain;     /* a space kept at the top of a page */
	uint8_t        brk_kind;   /* V_BREAK: enum fo_break */
	uint8_t        brk_after;  /* V_BREAK: from a break-after */
	uint8_t        abs;        /* V_BOX: enum fo_abspos; out of the flow unless auto */
	uint8_t        span;       /* of a span="all" child of a multi-column flow */
	mpt            h;          /* height, millipoints */
	struct lblock *blk;        /* V_OPEN/V_CLOSE: the block; V_LINE: its block */
	struct area   *line;       /* V_LINE: area with runs relative to (0, 0);
	                              V_BOX: the container's area at (0, 0) */
	struct lrow   *row;        /* V_ROW */
	const struct fo_node *cbar;  /* V_LINE: inside this change bar */
	const struct fo_node **notes;  /* fo:footnote-body of citations in it (V_LINE), or
	                                  in its cells or content (V_ROW, V_BOX) */
	int            nnotes;
	uint32_t       c0;         /* V_LINE: its first character in the paragraph */
	const char   **ids;        /* V_LINE: ids of inline FOs starting in it */
	int            nids;
	struct lay_float *side;    /* V_LINE: a side float placed at its top (lay_float.c) */
	struct lay_anchor *anchors;/* index anchors that land where it does */
	const struct fo_node *para;  /* V_LINE: the first inline child of its paragraph */
};

struct vlist {
	struct vitem *v;
	size_t        n, cap;
	/* state while building */
	int           keep_next;      /* a closed block asked keep-with-next */
	int           in_keep;        /* open blocks with keep-together */
	size_t        space_at;       /* index of the space run being merged, or SIZE_MAX */
	int           para_line;      /* line index in the current paragraph */
	struct lay_float *side_next;  /* a side float waiting for the next line */
	struct lay_anchor *pend;      /* index anchors waiting for the next line or block */
};

/* lay_block.c */
/* Add to v the footnotes cited in vl (a row's cell, a box's content): they
 * go to the page where v lands. */
void lay_notes_gather(struct lay *L, struct vitem *v, const struct vlist *vl);
/* May a page break come before the next item pushed onto vl? */
int  vl_boundary_ok(const struct vlist *vl);
struct vitem *vl_push(struct vlist *vl, enum vkind kind, mpt h);
void lay_blocks(struct lay *L, const struct fo_node *parent, struct lblock *ctx,
    struct vlist *vl);
void vlist_free(struct vlist *vl);

/* Is n laid out as a block (block, block-container, table, list-block)? */
int  lay_is_block_level(const struct fo_node *n);
/* If c is a retrieve-marker whose marker holds block-level FOs: the marker
 * (its content is laid out as blocks), else NULL. */
const struct fo_node *lay_retrieve_blocks(struct lay *L, const struct fo_node *c);
/* Lay out the block-level children of parent in the reference width refw. */
void lay_blocks_in(struct lay *L, const struct fo_node *parent, struct lblock *ctx,
    struct vlist *vl, mpt refw);
/* The box of block n inside ctx: indents, borders, padding (arena). */
struct lblock *lay_lblock_new(struct lay *L, const struct fo_node *n, struct lblock *ctx, mpt refw);
/* Push break-before, space-before and the V_OPEN of b (keeps, in_keep). */
void lay_block_push_open(struct lay *L, struct lblock *b, struct vlist *vl);
/* Push the V_CLOSE of b, then space-after and break-after. */
void lay_block_push_close(struct lay *L, struct lblock *b, struct vlist *vl);
/* An item that stands for block n as a whole (V_ROW, V_BOX) with its
 * spaces, breaks and keeps around it. */
struct vitem *lay_block_push_atom(struct lay *L, const struct fo_node *n, struct vlist *vl,
    enum vkind kind, mpt h);
/* After lay_block_push_atom's item is filled in: keep-with-next, space and break after. */
void lay_block_atom_end(const struct fo_node *n, struct vlist *vl);
/* A block-container that flows and breaks like a block. */
void lay_container_flow(struct lay *L, const struct fo_node *n, struct lblock *ctx,
    struct vlist *vl, mpt refw);
/* A length with label-end() and body-start() resolved (XSL 1.1 §7.30.12). */
mpt  lay_len(struct lay *L, struct fo_len len, mpt ref, const struct fo_node *n);
/* Index anchor n at block level: it lands with the next line or block
 * pushed onto vl (lay_anchors_flush: the last one). */
void lay_anchor_pend(struct lay *L, struct vlist *vl, const struct fo_node *n);
void lay_anchors_flush(struct vlist *vl);
/* Copy vl's items into the arena and free its buffer. */
void lay_vlist_freeze(struct lay *L, struct vlist *vl);

#endif
