/*
 * layout — the context every layout file shares: struct lay (the
 * document's state and one pass's), ids, markers and masters, and the
 * interfaces of lines, objects, containers and inline objects.  The jobs
 * with interfaces of their own are in small headers included here:
 * vertical lists (lay_vlist.h), page fill (lay_fill.h), rows of tables
 * and lists (lay_rows.h), pages, footnotes and citations (lay_pages.h),
 * measuring (lay_measure.h); the inside of tables is lay_table.h's.
 */
#ifndef FOLIO_LAY_INT_H
#define FOLIO_LAY_INT_H

#include <stddef.h>

#include "../area/area.h"
#include "../fo/fo.h"
#include "../text/text.h"
#include "layout.h"
/* the job headers: every layout file sees them through this one */
#include "lay_vlist.h"
#include "lay_fill.h"
#include "lay_rows.h"
#include "lay_pages.h"
#include "lay_measure.h"

/*
 * Layout is the one stage that sees the FO tree, the text stage and the
 * area tree: it stores FO values as they are into text options (alignment)
 * and areas (border and rule styles, decorations, sides), so each stage
 * keeps its own enums and these keep their numberings equal.
 */
#define LAY_SAME(a, b)  ((int)(a) == (int)(b))
_Static_assert(LAY_SAME(AREA_LINE_NONE, BORDER_NONE) && LAY_SAME(AREA_LINE_SOLID, BORDER_SOLID) &&
    LAY_SAME(AREA_LINE_DASHED, BORDER_DASHED) && LAY_SAME(AREA_LINE_DOTTED, BORDER_DOTTED) &&
    LAY_SAME(AREA_LINE_DOUBLE, BORDER_DOUBLE), "area line styles are FO border styles");
_Static_assert(LAY_SAME(AREA_DECO_UNDERLINE, DECO_UNDERLINE) &&
    LAY_SAME(AREA_DECO_LINE_THROUGH, DECO_LINE_THROUGH) &&
    LAY_SAME(AREA_DECO_OVERLINE, DECO_OVERLINE), "area decorations are FO decorations");
_Static_assert(LAY_SAME(AREA_BEFORE, SIDE_BEFORE) && LAY_SAME(AREA_AFTER, SIDE_AFTER) &&
    LAY_SAME(AREA_START, SIDE_START) && LAY_SAME(AREA_END, SIDE_END), "area sides are FO sides");
_Static_assert(LAY_SAME(TEXT_ALIGN_START, ALIGN_START) && LAY_SAME(TEXT_ALIGN_CENTER, ALIGN_CENTER) &&
    LAY_SAME(TEXT_ALIGN_END, ALIGN_END) && LAY_SAME(TEXT_ALIGN_JUSTIFY, ALIGN_JUSTIFY) &&
    LAY_SAME(TEXT_ALIGN_RELATIVE, ALIGN_RELATIVE), "text alignments are FO alignments");
#undef LAY_SAME

/* Where an id landed: page labels of its first and last areas. */
struct lay_id {
	char *id;
	char *first, *last;     /* page labels */
	int   page, last_page;  /* page indexes */
};

/* A page an index key occurs on (lay_index.c). */
struct lay_ikey {
	char       *key;
	int         page, number;  /* page index and page number */
	char       *label;         /* the formatted number */
	const char *dest;          /* its id "index-page N KEY" (area tree arena) */
};

struct idmap {
	struct lay_id *v;
	size_t         n, cap;
	size_t        *tab;     /* open addressing: index + 1, 0 = empty */
	size_t         tcap;
	struct lay_ikey *keys;  /* index keys' pages, sorted by key and page */
	size_t         nkeys, capkeys;
};

/* An fo:index-range-begin placed in this pass. */
struct lay_range {
	const struct fo_node *begin;
	int                   page;    /* page index */
	uint8_t               ended;   /* its fo:index-range-end was met */
};

/* lay_visibility.c: mark the areas of FOs with visibility hidden. */
void lay_visibility(struct area_tree *t);

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
	uint8_t     kind;   /* 0 citation, 1 link, 2 index key reference (id: the key) */
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
		int                   pass;      /* from 1 */
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
		struct lay_range     *ranges;    /* index ranges begun */
		size_t                nranges, capranges;
		struct lay_cite_para *cparas;    /* paragraphs with citations */
		size_t                ncparas, capcparas;
		int                   recompose; /* composing a cite paragraph again */
		uint32_t             *missing;   /* code points no face draws, reported once */
		size_t                nmissing;
		struct lay_nobreak   *nobreak;   /* paragraphs broken where no break was allowed */
		size_t                nnobreak;
		long                  svg_elements; /* SVG elements drawn */
		/* what is being laid out */
		const char           *pagenum;   /* page number text while laying out static content */
		const struct fo_node *link;      /* fo:basic-link being gathered */
		const struct fo_node *cbar[LAY_CBAR_MAX]; /* open change bars (fo:change-bar-begin), by class */
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
		mpt                   span_w;    /* a multi-column flow: the width of span="all"
		                                    children; 0 otherwise */
		struct lay_floats    *floats;    /* the before-floats of the flow being laid out */
		const struct fo_node *rtm_table; /* retrieve-table-marker: the table whose markers … */
		int                   rtm_page;  /* … on this page are retrieved (lay_tmarker.c) */
		/* where the boxes, vertical lists and rows being built go: the
		 * area tree's arena, or while a row group (table rows, a list
		 * item) is built, an arena of its own, freed once the row is
		 * placed (lay_row_arena_begin) */
		struct arena         *scratch;
		struct arena        **rowmem;    /* the row groups' arenas; NULL once freed */
		size_t                nrowmem, caprowmem;
		uint8_t               scratch_kept; /* the row being built must outlive its placing */
		/* progress: the flow being composed, the flows' blocks done of all */
		const struct fo_node *flow;
		long                  flow_done, flow_total;
		/* a flow laid out again at another width goes on inside this
		 * paragraph (lay_inlines of block from child first), from
		 * character resume_at: the lines before are on earlier pages */
		const struct fo_node *resume_block, *resume_first;
		size_t                resume_at;
	};
};

/* Where one pass's part of struct lay begins. */
#define LAY_PASS_FROM  offsetof(struct lay, d)

void lay_note_ref(struct lay *L, const char *id, int line, int kind);
/* Tell the progress report (lay_set_progress), if any. */
void lay_progress(struct lay *L, enum lay_progress what);

/* lay_index.c: indexes, XSL 1.1 §6.10 (docs/index.md) */
struct chars;
/* Does n mark a place for an index (an index-key, fo:index-range-end)? */
int  lay_index_anchor(const struct fo_node *n);
/* Anchor n lands at (x, y) on page pg, labelled label. */
void lay_index_at(struct lay *L, struct area_page *pg, const char *label, const struct fo_node *n,
    mpt x, mpt y);
/* Item v placed as area a (or NULL) by f: its anchors, a keyed block's pages. */
void lay_index_placed(struct fill *f, const struct vitem *v, const struct area *a);
/* fo:index-page-citation-list list: its page numbers appended to out. */
void lay_index_cite(struct lay *L, const struct fo_node *list, struct chars *out, uint32_t keep);
/* Does key occur in m? */
int  lay_index_has_key(const struct idmap *m, const char *key);
/* The end of a pass: ranges never ended. */
void lay_index_check(struct lay *L);
void lay_index_keys_free(struct idmap *m);
/* lay_gather.c: text in style st appended to out. */
void lay_gather_text(struct lay *L, struct chars *out, const char *text, const struct fo_style *st,
    uint32_t keep);
/* lay_page.c: id lands at (x, y) on page pg, labelled label. */
void lay_record_id(struct lay *L, struct area_page *pg, const char *label, const char *id, mpt x,
    mpt y);

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
/* lay_tmarker.c: fo:retrieve-table-marker (XSL 1.1 §6.13.7) */
int  lay_is_table_marker(const struct fo_node *n);
/* The marker rm retrieves from L->rtm_table on page L->rtm_page, or NULL. */
const struct fo_node *lay_retrieve_table(struct lay *L, const struct fo_node *rm);
/* Once the pass's pages are made: header and footer cells holding a
 * retrieve-table-marker laid out again with their page's markers. */
void lay_table_markers(struct lay *L);
/* fo:change-bar-begin and -end, met in document order (lay_line.c). */
void lay_change_bar(struct lay *L, const struct fo_node *n);

/* lay_report.c: character cp, which no face could draw, noted; reported
 * once per document. */
void lay_note_missing(struct lay *L, uint32_t cp);
void lay_report_missing(struct lay *L);
/* A paragraph whose text had to be broken where it had no break
 * opportunity, noted once (width: the line's); reported once for the
 * document, with a count and the lines (lay_report.c). */
struct lay_nobreak {
	const struct fo_node *block;
	int                   line;
	mpt                   width;
};
void lay_note_nobreak(struct lay *L, const struct fo_node *block, mpt width);
void lay_report_nobreak(struct lay *L);

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
/* Add the areas of the objects in items [s, e) of a line; cx: line start;
 * ref0: the start of the reference area in line coordinates (the grid of
 * leader-alignment). */
void lay_obj_areas(struct lay *L, struct area *la, const struct text_item *it,
    struct lobj *const *obj, size_t s, size_t e, mpt baseline, mpt cx, mpt ref0);

/* lay_background.c: the background images of the areas of FOs that have one. */
void lay_backgrounds(struct lay *L);
/* 1 if n has a background-image other than none. */
int  lay_has_bgimage(const struct fo_node *n);
/* lay_object.c: the local file an src or url() names (in the area tree's
 * arena), or NULL with a reason: nothing is fetched from the network. */
const char *lay_src_resolve(struct lay *L, const char *src, const char **why);
/* lay_object.c: the area tree's name (enum area_image_format) for an image
 * stage format (enum image_format). */
uint8_t lay_image_format(int image_format);

#endif
