/*
 * layout — internal interface between lay_block.c (blocks and inline
 * content to a vertical list), lay_line.c (paragraphs to line areas) and
 * lay_page.c (page masters and pagination).
 */
#ifndef FOLIO_LAY_INT_H
#define FOLIO_LAY_INT_H

#include <stddef.h>

#include "../area/area.h"
#include "../fo/fo.h"
#include "../text/text.h"
#include "layout.h"

/* Where an id landed: page labels of its first and last areas. */
struct lay_id {
	char *id;
	char *first, *last;     /* page labels */
	int   page, last_page;  /* page indexes */
};

struct idmap {
	struct lay_id *v;
	size_t         n, cap;
	size_t        *tab;     /* open addressing: index + 1, 0 = empty */
	size_t         tcap;
};

/* lay_ids.c */
const struct lay_id *idmap_find(const struct idmap *m, const char *id);
/* Record id on the page labelled label; returns 1 if the id is new. */
int  idmap_set(struct idmap *m, const char *id, const char *label, int page);
int  idmap_equal(const struct idmap *a, const struct idmap *b);
void idmap_free(struct idmap *m);

/* A citation or link to an id that may not exist, checked after layout. */
struct lay_ref {
	const char *id;
	int         line;
	uint8_t     kind;   /* 0 citation, 1 link */
};

/* Where a page stands, for choosing its master. */
struct lay_pagepos {
	int first, last, blank;   /* page-position, blank-or-not-blank */
	int number;               /* for odd-or-even */
};

/* Progress through a page-sequence-master's sub-sequences. */
struct lay_masterstate {
	int sub;     /* index of the current sub-sequence */
	int count;   /* pages it has made */
};

enum { MARK_START, MARK_CARRY, MARK_END };

/* A marker and where its block was: page, sequence, how. */
struct lay_mark {
	const char           *cls;
	const struct fo_node *marker;
	uint8_t               kind;   /* MARK_* */
	int                   page;   /* page index */
	int                   seq;    /* page-sequence ordinal */
};

/* Line-break opportunities of texts already seen: the passes of a
 * document see the same paragraphs again, and tables the same cells. */
struct lay_brk;
/* Pages whose static content waits for the end of the pass (lay_page.c). */
struct lay_deferred;

/*
 * A paragraph with page-number citations in a flow, as laid out in this
 * pass: at its end it is composed again with the pass's own numbers, and
 * when its lines keep their heights they take the new content in place
 * instead of a second pass (lay_cite.c).
 */
struct lay_cite_para {
	const struct fo_node *block, *first;
	struct lblock        *blk;
	int                   first_line;
	uint8_t               patchable;   /* nothing that composing again would disturb */
	size_t                nl;
	struct area         **lines;       /* its line areas, placed or not */
};

/*
 * The layout of one document, in two parts:
 * - the document's, set by lay_document and kept across the passes: the
 *   FO tree, the fonts and what is cached about them;
 * - one pass's, cleared at once when a pass begins and its arrays freed
 *   when it ends (lay_pass.c), so no pass sees another's state; only the
 *   last pass's area tree outlives it.
 * The parts are anonymous structs so that every field reads as L->x; the
 * pass's part is the last, from d to the end (LAY_PASS_FROM).
 */
struct lay {
	struct {   /* the document's: kept across passes */
		const struct fo_tree *fo;
		struct text_fonts    *fonts;
		struct lay_brk       *brk;       /* owned */
		/* style → fontset cache */
		const struct fo_style **cache_style;
		const struct text_fontset **cache_set;
		size_t                ncache, capcache, cache_last;
	};
	struct {   /* one pass's: cleared when it begins, its arrays freed when it ends */
		struct diag          *d;
		struct area_tree     *at;
		/* ids and citations */
		const struct idmap   *ids_prev;  /* the previous pass's ids; NULL in the first */
		struct idmap         *ids;       /* this pass's */
		int                   ncites;    /* citations seen */
		struct lay_ref       *refs;      /* citations and links, for the dangling check */
		size_t                nrefs, caprefs;
		struct lay_cite_para *cparas;    /* paragraphs with citations */
		size_t                ncparas, capcparas;
		int                   recompose; /* composing a cite paragraph again */
		uint32_t             *missing;   /* code points no face draws, reported once */
		size_t                nmissing;
		long                  svg_elements; /* SVG elements drawn */
		/* what is being laid out */
		const char           *pagenum;   /* page number text while laying out static content */
		const struct fo_node *link;      /* fo:basic-link being gathered */
		const struct fo_node *cbar[8];   /* open change bars (fo:change-bar-begin), by class */
		int                   ncbar;
		int                   cbar_events; /* change-bar begins and ends met */
		/* footnotes cited in the content of the last lay_box_content */
		const struct fo_node **box_notes;
		int                   nbox_notes;
		/* markers and static content */
		struct lay_mark      *marks;     /* every marker placed so far */
		size_t                nmarks, capmarks;
		int                   mark_page; /* the page whose markers are current */
		int                   mark_seq;  /* its page-sequence ordinal */
		struct lay_deferred  *deferred;  /* static content to lay out after the flows */
		size_t                ndeferred, capdeferred;
		/* tables, lists, leaders and containers */
		struct lay_measure   *measure;   /* measuring content widths: no lines are made */
		const struct lay_listctx *list;  /* the list item being laid out */
		mpt                   page_w, page_h; /* page size: fixed positions */
		mpt                   body_h;    /* region-body height: absolute positions */
	};
};

/* Where one pass's part of struct lay begins. */
#define LAY_PASS_FROM  offsetof(struct lay, d)

void lay_note_ref(struct lay *L, const char *id, int line, int kind);

/* lay_master.c */
void lay_page_label(int n, const struct fo_node *seq, struct buf *b);
uint8_t lay_label_style(const struct fo_node *seq);   /* PDF /S, or 0 */
const struct fo_node *lay_find_master(const struct fo_tree *fo, const char *name, enum fo_type type);
const struct fo_node *lay_choose_master(struct lay *L, const struct fo_node *seq,
    struct lay_masterstate *st, const struct lay_pagepos *pp, int advance);
void lay_mark(struct lay *L, const struct fo_node *block, uint8_t kind);
/* The markers of n and of everything under it, placed whole on the
 * current page (a container laid out as one box). */
void lay_mark_tree(struct lay *L, const struct fo_node *n);
const struct fo_node *lay_retrieve(struct lay *L, const struct fo_node *rm);
/* fo:change-bar-begin and -end, met in document order (lay_line.c). */
void lay_change_bar(struct lay *L, const struct fo_node *n);

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
	struct ltable *tbl;   /* fo:table: its layout (lay_table.c) */
	uint8_t noborder;     /* the area draws no border (a collapsed table) */
	uint8_t retain;       /* borders and padding on every fragment (tables) */
	mpt   mend;           /* measuring: room taken at the end side, millipoints */
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
	mpt            h;          /* height, millipoints */
	struct lblock *blk;        /* V_OPEN/V_CLOSE: the block; V_LINE: its block */
	struct area   *line;       /* V_LINE: area with runs relative to (0, 0);
	                              V_BOX: the container's area at (0, 0) */
	struct lrow   *row;        /* V_ROW */
	uint8_t        abs;        /* V_BOX: enum fo_abspos; out of the flow unless auto */
	const struct fo_node *cbar;  /* V_LINE: inside this change bar */
	const struct fo_node **notes;  /* fo:footnote-body of citations in it (V_LINE), or
	                                  in its cells or content (V_ROW, V_BOX) */
	int            nnotes;
	const char   **ids;        /* V_LINE: ids of inline FOs starting in it */
	int            nids;
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
/* Add to v the footnotes cited in vl (a row's cell, a box's content): they
 * go to the page where v lands. */
void lay_notes_gather(struct lay *L, struct vitem *v, const struct vlist *vl);
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

/* lay_object.c */
/*
 * Lay out an inline object (fo:external-graphic, fo:instream-foreign-object)
 * as a viewport area at (0, 0) holding its image or drawing; its w and h
 * are the border box.  avail is the line width: the reference for
 * percentages and for the *-to-fit values.  Problems are warnings; a bad
 * image becomes a placeholder.  Never returns NULL.
 */
struct area *lay_object(struct lay *L, const struct fo_node *n, mpt avail);

/* Move an area and all its descendants by (dx, dy). */
void lay_translate(struct area *a, mpt dx, mpt dy);

/* ---------------------------------------------------------------- blocks */

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
/* Copy vl's items into the arena and free its buffer. */
void lay_vlist_freeze(struct lay *L, struct vlist *vl);

/* ---------------------------------------------------------------- fills (lay_fill.c) */

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
	struct open  *stack;       /* blocks open before item i (arena) */
	int           depth, cap;
	uint8_t       pages;       /* forced page breaks end a fragment */
	uint8_t       flow;        /* a page's flow or a cell in it: markers are recorded */
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
/* Begin, place everything, end; returns the height used. */
mpt  lay_fill_all(struct fill *f, struct area *parent, mpt rx, mpt ry, mpt refw, mpt refh);

/* ---------------------------------------------------------------- pages */

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

/* lay_page.c: the pages of page sequence seq, numbered from *page_number
 * (advanced); their static content waits for lay_page_deferred.  Returns
 * -1 (with an error reported) when the sequence cannot be laid out. */
int  lay_sequence(struct lay *L, const struct fo_node *seq, int *page_number);
/* The static content of every page made in this pass. */
void lay_page_deferred(struct lay *L);
/* Add the clickable rectangles of line's linked runs to pg's links. */
void lay_page_links(struct lay *L, struct area_page *pg, const struct area *line);

/* lay_cite.c: the pass's citations made exact in place; returns 0 when
 * patched, -1 when another pass is needed (nothing is changed then). */
int  lay_cite_patch(struct lay *L);

/* ---------------------------------------------------------------- rows (lay_row.c) */

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
};

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

/* ---------------------------------------------------------------- containers (lay_container.c) */

void lay_container(struct lay *L, const struct fo_node *n, struct lblock *ctx, struct vlist *vl,
    mpt refw);
void lay_box_place(struct fill *f, const struct vitem *v);
/*
 * The area of container n (block- or inline-container) laid out whole: a
 * border box W wide and H tall (LAY_INF: as tall as its content); w_auto:
 * no width was given (a rotated box is then as wide as its content).
 * Returns it at (0, 0); *baseline: its last line's baseline from its top,
 * or -1.  Warns once when the content overflows.
 */
struct area *lay_box_build(struct lay *L, const struct fo_node *n, mpt W, mpt H, int w_auto,
    mpt *baseline);
/*
 * Lay out the block content of n (block-container, inline-container) whole
 * in a frame of content width cw and content height ch (LAY_INF: as tall as
 * the content).  Returns a frame area at (0, 0) holding it; *used is the
 * content's height.
 */
struct area *lay_box_content(struct lay *L, const struct fo_node *n, mpt cw, mpt ch, mpt *used);

/* ---------------------------------------------------------------- measuring (lay_measure.c) */

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

/* ---------------------------------------------------------------- inline objects (lay_inline.c) */

/* A leader, an inline-container or an edge of a bordered inline. */
struct lobj;
/* The object for n (edge: 1 start, 2 end of a bordered inline), or NULL
 * when n is not one of these (graphics are lay_object's). */
struct lobj *lay_obj_new(struct lay *L, const struct fo_node *n, int edge);
/* Laid out without side effects (not an inline-container): may be composed again. */
int lay_obj_simple(const struct lobj *o);
/* The footnotes cited inside an inline-container, once it is laid out. */
int lay_obj_notes(const struct lobj *o, const struct fo_node *const **notes);
/* Has the inline n borders, padding or a background of its own? */
int  lay_inline_boxed(const struct fo_node *n);
/* Set item it, the ascent, descent and style for object o in a line of width w. */
void lay_obj_item(struct lay *L, const struct lobj *o, mpt w, struct text_item *it,
    mpt *asc, mpt *desc, const struct fo_style **st);
/* Break opportunities when objects are present (edges are transparent). */
void lay_brk_free(struct lay_brk *c);   /* accepts NULL */
void lay_obj_breaks(struct lay *L, const uint32_t *cps, struct lobj *const *obj, size_t n, const char *lang,
    uint8_t *brk);
/* Add the areas of the objects in items [s, e) of a line; cx: line start. */
void lay_obj_areas(struct lay *L, struct area *la, const struct text_item *it,
    struct lobj *const *obj, size_t s, size_t e, mpt baseline, mpt cx);

#endif
