/*
 * area — the area tree: pages of positioned boxes (regions, blocks, lines,
 * glyph runs, rules).  Built by layout, drawn by the PDF writer, dumped as
 * XML for the layout tests.  Coordinates are millipoints from the page's
 * top-left corner, y growing downwards.
 */
#ifndef FOLIO_AREA_H
#define FOLIO_AREA_H

#include "../base/base.h"

struct text_face;

enum area_kind {
	AREA_REGION,
	AREA_BLOCK,
	AREA_LINE,
	AREA_RUN,
	AREA_RULE
};

struct area_border {
	uint8_t  style;   /* enum fo_border_style */
	mpt      width;   /* millipoints */
	uint32_t color;   /* 0xRRGGBB */
};

struct area {
	uint8_t       kind;       /* enum area_kind */
	mpt           x, y, w, h; /* border box, millipoints */
	struct area  *first, *last, *next;
	const char   *name;       /* region name or FO element, for the dump */
	int           line;       /* source line of the FO */
	/* region, block */
	uint32_t      background; /* 0xRRGGBB or 0xFFFFFFFF for none */
	struct area_border border[4];  /* before, after, start, end */
	/* line */
	mpt           baseline;   /* absolute y of the baseline */
	/* run */
	struct text_face *face;   /* borrowed from the font manager */
	const char   *font;       /* family name of face, for the dump */
	mpt           size;       /* font size */
	uint32_t      color;
	uint8_t       bold;       /* synthesised bold */
	uint8_t       italic;     /* synthesised slant */
	uint8_t       deco;       /* enum fo_deco bits */
	uint8_t       pagenum;    /* text is the page number, set when placed */
	const char   *text;       /* UTF-8 */
	size_t        len;        /* bytes */
	int           nglyphs;
	mpt           spacing;    /* total extra space over the nglyphs-1 gaps */
	/* rule */
	mpt           thickness;
	uint8_t       style;      /* enum fo_border_style */
};

struct area_page {
	int               index;    /* 1-based position in the document */
	int               number;   /* page number */
	const char       *label;    /* formatted number */
	mpt               w, h;     /* page size */
	struct area      *root;     /* regions */
	struct area_page *next;
};

struct area_tree {
	struct arena     *arena;    /* everything in the tree */
	struct area_page *first, *last;
	int               npages;
	const char       *title;
	const char       *language;
};

struct area_tree *area_tree_new(void);   /* owned */
void area_tree_free(struct area_tree *t);
struct area_page *area_page_add(struct area_tree *t, mpt w, mpt h);
/* A new area, appended to parent's children unless parent is NULL. */
struct area *area_new(struct area_tree *t, enum area_kind kind, struct area *parent);
/* Append a parentless area to parent's children. */
void area_append(struct area *parent, struct area *child);

/*
 * Write the tree as XML (the test surface): areaTree/page/region/block/
 * line/run|rule with x, y, w, h in millipoints and the text of lines and
 * runs.  Returns 0, or -1 on a write error.
 */
int area_dump(const struct area_tree *t, void *stream);

#endif
