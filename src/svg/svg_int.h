/*
 * svg — internal interface between svg_draw.c (elements, use, markers,
 * viewports), svg_style.c (values, colours, transforms, computed style),
 * svg_path.c (path data, shapes, arcs, path areas) and svg_text.c (text).
 *
 * Geometry is computed in doubles in user space and converted to integer
 * millipoints, in page space, once, when an area is made.
 */
#ifndef FOLIO_SVG_INT_H
#define FOLIO_SVG_INT_H

#include "../area/area.h"
#include "../base/limits.h"
#include "../source/source.h"
#include "svg.h"

#define SVG_NS    "http://www.w3.org/2000/svg"
#define XLINK_NS  "http://www.w3.org/1999/xlink"
#define XML_NS    "http://www.w3.org/XML/1998/namespace"

#define SVG_PX    750.0   /* millipoints per user unit (px) at scale 1 */

/* An affine map: x' = a x + c y + e, y' = b x + d y + f. */
struct svg_mat {
	double a, b, c, d, e, f;
};

enum svg_paint_kind {
	PAINT_NONE,
	PAINT_COLOR,
	PAINT_CURRENT,         /* currentColor */
	PAINT_CONTEXT_FILL,    /* SVG 2, in markers */
	PAINT_CONTEXT_STROKE
};

struct svg_paint {
	uint8_t  kind;         /* enum svg_paint_kind */
	uint32_t rgb;          /* 0xRRGGBB */
};

enum svg_anchor { ANCHOR_START, ANCHOR_MIDDLE, ANCHOR_END };

/* Computed properties of an element (inherited ones flow to children). */
struct svg_style {
	struct svg_paint fill, stroke;
	double      fill_opacity, stroke_opacity;  /* 0–1 */
	double      group_alpha;    /* product of opacity down the tree */
	double      stroke_width;   /* user units */
	double      dash[AREA_MAX_DASH];
	int         ndash;
	double      dash_offset;
	double      miter;
	uint8_t     cap, join;      /* PDF's J and j */
	uint8_t     evenodd;
	uint32_t    color;          /* currentColor */
	const char *font_family;    /* normalised comma list */
	double      font_size;      /* user units */
	int         font_weight;
	int         font_italic;
	uint8_t     anchor;         /* enum svg_anchor */
	uint8_t     hidden;         /* visibility hidden */
	uint8_t     display_none;   /* not inherited */
	uint8_t     preserve_space; /* xml:space="preserve" */
	const char *marker_start, *marker_mid, *marker_end;  /* ids, or NULL */
};

struct svg_ctx {
	const struct svg_env *env;
	const struct xnode   *root;
	struct area          *parent;
	const struct xnode  **ids;      /* elements with an id, sorted by id */
	size_t                nids;
	const struct xnode   *stack[LIMIT_SVG_DEPTH + 1];  /* use and marker targets in use */
	int                   depth;
	long                  elements; /* shapes and texts drawn */
	long                  points;   /* path points made */
	int                   full;     /* a cap was reached: draw nothing more */
	double                vw, vh;   /* the nearest viewport, user units (for %) */
	const struct svg_style *context;/* the shape a marker is drawn for */
	const struct svg_style *root_style;
};

/* svg_style.c */
void svg_warn(struct svg_ctx *c, const struct xnode *x, const char *key,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* A number at *s (SVG grammar), skipping leading white space and one comma
 * after it.  Returns 0 and advances *s, or -1. */
int svg_number(const char **s, double *out);
/* A length: number with an optional unit (px pt pc mm cm in em ex %);
 * pct_ref is the reference for %.  Returns 0, or -1 when v is no length. */
int svg_length(const char *v, double font_size, double pct_ref, double *out);
int svg_color(const char *v, uint32_t *out);
/* A transform list; returns 0, or -1 (m is then the part before the error). */
int svg_transform(const char *v, struct svg_mat *m);
struct svg_mat svg_mat_mul(struct svg_mat m, struct svg_mat n);  /* m then n applied first */
void svg_mat_apply(const struct svg_mat *m, double x, double y, double *ox, double *oy);
void svg_style_initial(struct svg_ctx *c, struct svg_style *s);
/* The style of x: its parent's, then presentation attributes, then style="". */
void svg_style_compute(struct svg_ctx *c, const struct xnode *x, const struct svg_style *parent,
    struct svg_style *s);
/* Is name a presentation property folio reads?  (For attribute checks.) */
int svg_is_property(const char *name);
/* Resolve a paint to a colour; returns 0 when there is nothing to paint. */
int svg_paint_rgb(const struct svg_ctx *c, const struct svg_style *s, const struct svg_paint *p,
    uint32_t *rgb);
/* Attribute of x as a length in the current viewport (axis 0 x, 1 y, 2 other). */
double svg_attr_len(struct svg_ctx *c, const struct xnode *x, const char *name, int axis,
    const struct svg_style *s, double dflt);
const struct xnode *svg_lookup_id(const struct svg_ctx *c, const char *id);
/* The fragment id of url(#id) or #id, copied into buf; NULL if none. */
const char *svg_url_id(const char *v, char *buf, size_t n);

/* svg_path.c */
struct svg_vertex {
	double x, y;
	double in, out;           /* directions (radians) of the segments */
	uint8_t has_in, has_out;
};

struct svg_path {
	uint8_t *ops;             /* enum area_path_op */
	size_t   nops, capops;
	double  *pts;             /* x, y pairs, user space */
	size_t   npts, cappts;
	struct svg_vertex *v;     /* vertices, for markers */
	size_t   nv, capv;
	double   sx, sy;          /* start of the current subpath */
	double   cx, cy;          /* current point */
	int      open;            /* a subpath has been started */
	size_t   sub_v;           /* vertex index of the subpath start */
};

void svg_path_free(struct svg_path *p);
/* Parse path data d into p.  Returns 0, or -1 after drawing up to the
 * error; *err_at is then the offset of the bad character. */
int svg_path_data(struct svg_path *p, const char *d, size_t *err_at);
void svg_path_move(struct svg_path *p, double x, double y);
void svg_path_line(struct svg_path *p, double x, double y);
void svg_path_curve(struct svg_path *p, double x1, double y1, double x2, double y2,
    double x, double y);
void svg_path_arc(struct svg_path *p, double rx, double ry, double rot, int large,
    int sweep, double x, double y);
void svg_path_close(struct svg_path *p);
/* Make the area of p under m with style s (painted as computed); NULL when
 * nothing would be drawn.  Counts points against LIMIT_SVG_POINTS. */
struct area *svg_path_area(struct svg_ctx *c, const struct svg_path *p,
    const struct svg_mat *m, const struct svg_style *s, const struct xnode *x);

/* svg_draw.c */
/* Report attributes of x that are neither properties nor in allowed
 * (a space-separated list), once per attribute name. */
void svg_check_attrs(struct svg_ctx *c, const struct xnode *x, const char *allowed);
/* Draw the markers of a shape whose path is p. */
void svg_markers(struct svg_ctx *c, const struct svg_path *p, const struct svg_mat *m,
    const struct svg_style *s, const struct xnode *x);

/* svg_text.c */
void svg_text(struct svg_ctx *c, const struct xnode *x, const struct svg_mat *m,
    const struct svg_style *s);

#endif
