/*
 * area — the area tree: pages of positioned boxes (regions, blocks, lines,
 * glyph runs, rules, viewports of images and drawings, images, vector
 * paths).  Built by layout, drawn by the PDF writer, dumped as XML for the
 * layout tests.  Coordinates are millipoints from the page's top-left
 * corner, y growing downwards.
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
	AREA_RULE,
	AREA_VIEWPORT,  /* external-graphic, instream-foreign-object: clips its children */
	AREA_IMAGE,     /* a raster image (or the placeholder of a bad one) */
	AREA_PATH       /* a vector path with its paint (SVG shapes) */
};

/* ---------------------------------------------------------------- paths */

/*
 * A path in page space.  Points are millipoint pairs relative to the
 * owning area's (x, y), so moving the area (lay_translate) moves the path;
 * the area's w and h are the bounding box of the points (stroke excluded).
 * Transforms are applied when the path is built: what is drawn is exactly
 * these points, and the stroke width was scaled by the square root of the
 * transform's determinant.
 */
enum area_path_op {
	AP_MOVE,     /* 1 point */
	AP_LINE,     /* 1 point */
	AP_CURVE,    /* 3 points: two control points and the end */
	AP_CLOSE     /* no point */
};

#define AREA_NO_PAINT   0xFFFFFFFFu   /* fill or stroke "none" */
#define AREA_MAX_DASH   16            /* dash array entries kept */

struct area_path {
	uint8_t  *ops;           /* enum area_path_op */
	size_t    nops;
	mpt      *pts;           /* x, y pairs, relative to the area's x, y */
	size_t    npts;          /* pairs */
	uint32_t  fill;          /* 0xRRGGBB or AREA_NO_PAINT */
	uint32_t  stroke;        /* 0xRRGGBB or AREA_NO_PAINT */
	uint8_t   fill_alpha;    /* 0–255 */
	uint8_t   stroke_alpha;  /* 0–255 */
	uint8_t   evenodd;       /* fill-rule evenodd */
	uint8_t   cap;           /* 0 butt, 1 round, 2 square (PDF's J) */
	uint8_t   join;          /* 0 miter, 1 round, 2 bevel (PDF's j) */
	mpt       width;         /* stroke width, millipoints */
	int32_t   miter;         /* miter limit ×1000 */
	mpt       dash[AREA_MAX_DASH];  /* millipoints; ndash 0 = solid */
	int       ndash;
	mpt       dash_offset;   /* millipoints */
};

/* ---------------------------------------------------------------- images */

enum area_image_format {
	AREA_IMG_NONE,   /* missing, unreadable or corrupt: draw a placeholder */
	AREA_IMG_PNG,
	AREA_IMG_JPEG,   /* embedded as it is; the others are decoded */
	AREA_IMG_GIF,
	AREA_IMG_TIFF
};

struct area_image {
	const char *path;    /* resolved file name, the key for embedding once */
	const char *src;     /* the src property as written, for messages */
	uint8_t     format;  /* enum area_image_format */
	int32_t     px_w, px_h;  /* pixels */
};

/*
 * The area tree's own values for what the PDF writer draws, so that it
 * needs no FO header.  Layout stores FO values here as they are: the
 * numberings are equal, which lay_int.h asserts.
 */
/* How a border or a rule is drawn. */
enum area_line_style { AREA_LINE_NONE, AREA_LINE_SOLID, AREA_LINE_DASHED, AREA_LINE_DOTTED, AREA_LINE_DOUBLE };
/* Text decorations of a run, bits. */
enum area_deco { AREA_DECO_UNDERLINE = 1, AREA_DECO_LINE_THROUGH = 2, AREA_DECO_OVERLINE = 4 };
/* The sides of a box, the index of border[] and pad[] (top, bottom, left,
 * right in lr-tb). */
enum area_side { AREA_BEFORE, AREA_AFTER, AREA_START, AREA_END };

/*
 * A background image (XSL 1.1 §7.8.3–§7.8.6): painted over the background
 * colour, clipped to the padding box; the first tile's top-left corner is
 * at pos_abs + pos_pct/10000 × (padding box − tile) from the padding box's,
 * and repeat tiles from there along one axis, both or none.
 */
struct area_bgimage {
	const struct area_image *image;  /* never a placeholder */
	mpt      w, h;          /* one tile: the image's intrinsic size */
	uint8_t  repeat;        /* 0 repeat, 1 repeat-x, 2 repeat-y, 3 no-repeat */
	mpt      pos_abs[2];    /* horizontal, vertical */
	int32_t  pos_pct[2];    /* hundredths of a percent */
	int      line;          /* source line of the FO, for messages */
};

/*
 * A glyph of a shaped run: its id in the run's face, its origin relative to
 * the run's (x, baseline) with y up, and the characters it stands for (a
 * ligature's several, for the PDF's ToUnicode CMap and text extraction).
 */
struct area_glyph {
	uint32_t gid;
	mpt      x, y;
	uint32_t text;    /* byte offset of its cluster in the run's text */
	uint32_t ntext;   /* bytes of the cluster; 0 for a cluster's later glyphs */
};

struct area_border {
	uint8_t  style;   /* enum area_line_style */
	mpt      width;   /* millipoints */
	uint32_t color;   /* 0xRRGGBB */
};

struct area {
	/* fields ordered by their size, so that no padding is wasted: a long
	 * document has millions of areas */
	struct area  *first, *last, *next;
	const char   *name;       /* region name or FO element, for the dump */
	const void   *fo;         /* the formatting object it was made from
	                           * (struct fo_node), or NULL: for checks that
	                           * read the FO's properties (folio check --layout) */
	/* region, block */
	const struct area_bgimage *bgimage;  /* background image, or NULL */
	/* run */
	struct text_face *face;   /* borrowed from the font manager */
	const char   *font;       /* family name of face, for the dump */
	const char   *link_dest;  /* run inside fo:basic-link: internal destination */
	const char   *link_uri;   /* … or external destination */
	const char   *text;       /* UTF-8 */
	size_t        len;        /* bytes */
	/* run: shaped glyphs (kerning, ligatures, right-to-left text), in
	 * drawing order; NULL when the run is drawn character by character
	 * through the face's cmap at the positions nglyphs and spacing give */
	const struct area_glyph *glyphs;
	/* path, image */
	const struct area_path  *path;   /* AREA_PATH */
	const struct area_image *image;  /* AREA_IMAGE */

	mpt           x, y, w, h; /* border box, millipoints */
	int           line;       /* source line of the FO */
	uint32_t      background; /* block, region: 0xRRGGBB or 0xFFFFFFFF for none */
	struct area_border border[4];  /* block, region: before, after, start, end */
	/* line */
	mpt           baseline;   /* absolute y of the baseline */
	/* run */
	mpt           size;       /* font size */
	uint32_t      color;
	int           nglyphs;
	mpt           spacing;    /* total extra space over the nglyphs-1 gaps */
	int           ngids;      /* of glyphs */
	/* run: a text matrix when the run is rotated, skewed or scaled
	 * unevenly (SVG text); then x and baseline are the origin, and w, h
	 * are measured along the run */
	int32_t       matrix[4];  /* a b c d ×65536, page space (y down) */
	/* rule */
	mpt           thickness;
	/* viewport: children are clipped to the content box (inside border
	 * and padding, which the block fields above describe) */
	mpt           pad[4];     /* padding, before after start end */

	uint8_t       kind;       /* enum area_kind */
	uint8_t       hidden;     /* visibility hidden: takes its space, not painted
	                           * (its children are, unless hidden themselves;
	                           * a hidden viewport hides its drawing) */
	uint8_t       bold;       /* run: synthesised bold */
	uint8_t       italic;     /* run: synthesised slant */
	uint8_t       deco;       /* run: enum area_deco bits */
	uint8_t       pagenum;    /* run: text is the page number, set when placed */
	uint8_t       has_matrix; /* run: matrix is set */
	uint8_t       style;      /* rule: enum area_line_style */
	uint8_t       clip;       /* viewport: clipped (above) */
};

/* A clickable rectangle: to a destination id in the document, or a URI. */
struct area_link {
	mpt               x, y, w, h;  /* page coordinates */
	const char       *dest;     /* internal destination id, or NULL */
	const char       *uri;      /* external destination, or NULL */
	struct area_link *next;
};

/* Where an id is: the first area of the FO that carries it. */
struct area_dest {
	const char       *id;
	int               page;     /* page index, 1-based */
	mpt               x, y;     /* top-left of the area */
	struct area_dest *next;
};

/* An entry of the PDF outline (fo:bookmark). */
struct area_bookmark {
	const char           *title;
	const char           *dest;      /* internal destination id, or NULL */
	const char           *uri;       /* external destination, or NULL */
	int                   open;      /* starting-state show */
	struct area_bookmark *first, *last, *next;
};

struct area_page {
	int               index;    /* 1-based position in the document */
	int               number;   /* page number */
	const char       *label;    /* formatted number */
	uint8_t           label_style;  /* PDF page-label style D r R a A, or 0: the label as is */
	uint8_t           seq_first;    /* first page of its page sequence */
	mpt               w, h;     /* page size */
	struct area      *root;     /* regions */
	struct area_link *links;    /* clickable rectangles, in layout order */
	struct area_page *next;
};

struct area_tree {
	struct arena     *arena;    /* everything in the tree */
	struct area_page *first, *last;
	int               npages;
	const char       *title;
	const char       *author, *subject, *keywords;   /* or NULL */
	const char       *language;
	const char       *file;     /* the FO source, for messages; or NULL */
	struct area_dest *dests;    /* ids, newest first */
	struct area_bookmark *bookmarks;  /* top-level outline entries */
};

struct area_tree *area_tree_new(void);   /* owned */
void area_tree_free(struct area_tree *t);
struct area_page *area_page_add(struct area_tree *t, mpt w, mpt h);
/*
 * Pages first…last (1-based) of t as a tree of their own, to write a part
 * of a document as a PDF of its own: the pages are copied and numbered from
 * 1, their areas are shared with t, which must outlive the slice.  Only the
 * destinations on those pages are kept (links to others are not written);
 * the outline is the single entry bm with its children (NULL: none), the
 * title is title.  Owned.
 */
struct area_tree *area_tree_slice(const struct area_tree *t, int first, int last,
    const char *title, const struct area_bookmark *bm);
/*
 * Assert the tree's invariants (pages in order, links agree, each kind of
 * area complete, no coordinate near overflow).  Called at the end of
 * layout; does nothing in release builds (NDEBUG).
 */
void area_check(const struct area_tree *t);
/* A new area, appended to parent's children unless parent is NULL. */
struct area *area_new(struct area_tree *t, enum area_kind kind, struct area *parent);
/* Append a parentless area to parent's children. */
void area_append(struct area *parent, struct area *child);

/*
 * Write the tree as XML (the test surface): areaTree/page/region/block/
 * line/run|rule|viewport/image|path with x, y, w, h in millipoints, the
 * text of lines and runs, the paint and points (d, absolute) of paths and
 * the file of images.  Returns 0, or -1 on a write error.
 */
int area_dump(const struct area_tree *t, void *stream);

#endif
