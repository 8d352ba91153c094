/*
 * svg — the drawing: the root viewport (viewBox, preserveAspectRatio), the
 * walk over elements (g, svg, use, defs, shapes, text), shapes turned into
 * paths, markers placed at path vertices, and the bounds that keep hostile
 * input finite: nesting depth, use cycles and the number of elements
 * visited (base/limits.h).
 *
 *   user space ──transform──► … ──viewBox map──► page space (millipoints)
 *   the current transform M is the whole chain; shapes are built in user
 *   space and mapped by M once, in svg_path_area.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "svg_int.h"

static const struct svg_mat identity = { 1, 0, 0, 1, 0, 0 };

/* ---------------------------------------------------------------- ids */

static const char *
id_of(const struct xnode *x)
{
	return xnode_attr(x, "id");
}

static int
cmp_node_id(const void *a, const void *b)
{
	return strcmp(id_of(*(const struct xnode *const *)a), id_of(*(const struct xnode *const *)b));
}

static void
index_ids(struct svg_ctx *c, const struct xnode *x, size_t *cap, int level)
{
	if (level > 256)
		return;
	for (const struct xnode *k = x->first; k; k = k->next) {
		if (k->kind != XNODE_ELEMENT)
			continue;
		if (id_of(k)) {
			if (c->nids == *cap) {
				*cap = *cap ? *cap * 2 : 32;
				c->ids = xrealloc(c->ids, *cap * sizeof *c->ids);
			}
			c->ids[c->nids++] = k;
		}
		index_ids(c, k, cap, level + 1);
	}
}

static int
cmp_key_id(const void *key, const void *e)
{
	return strcmp((const char *)key, id_of(*(const struct xnode *const *)e));
}

const struct xnode *
svg_lookup_id(const struct svg_ctx *c, const char *id)
{
	if (c->nids == 0)
		return NULL;   /* no ids: c->ids is NULL, which bsearch may not take */
	const struct xnode *const *r = bsearch(id, c->ids, c->nids, sizeof *c->ids, cmp_key_id);
	return r ? *r : NULL;
}

static const char *
href_of(const struct xnode *x)
{
	for (int i = 0; i < x->nattrs; i++)
		if (strcmp(x->attrs[i].name, "href") == 0 &&
		    (x->attrs[i].ns == NULL || strcmp(x->attrs[i].ns, XLINK_NS) == 0))
			return x->attrs[i].value;
	return NULL;
}

/* ---------------------------------------------------------------- checks */

static int
in_list(const char *list, const char *name)
{
	size_t n = strlen(name);
	for (const char *p = list; (p = strstr(p, name)) != NULL; p += n)
		if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
			return 1;
	return 0;
}

void
svg_check_attrs(struct svg_ctx *c, const struct xnode *x, const char *allowed)
{
	static const char *common = "id style requiredFeatures requiredExtensions systemLanguage "
	    "externalResourcesRequired";
	for (int i = 0; i < x->nattrs; i++) {
		const struct xattr *a = &x->attrs[i];
		if (a->ns && strcmp(a->ns, XLINK_NS) == 0 && strcmp(a->name, "href") == 0 &&
		    in_list(allowed, "href"))
			continue;
		if (a->ns || svg_is_property(a->name) || in_list(common, a->name) ||
		    in_list(allowed, a->name) || strncmp(a->name, "on", 2) == 0)
			continue;   /* other namespaces: editor metadata, ignored */
		char key[96];
		snprintf(key, sizeof key, "attr:%s", a->name);
		svg_warn(c, x, key, "unsupported SVG attribute %s (on <%s>) is ignored", a->name, x->name);
	}
}

/* ---------------------------------------------------------------- viewports */

static int
viewbox(struct svg_ctx *c, const struct xnode *x, double vb[4])
{
	const char *v = xnode_attr(x, "viewBox"), *p = v;
	if (v == NULL)
		return -1;
	for (int i = 0; i < 4; i++)
		if (svg_number(&p, &vb[i]) < 0)
			goto bad;
	if (*p != '\0' || vb[2] <= 0 || vb[3] <= 0)
		goto bad;
	return 0;
bad:
	if (c)
		svg_warn(c, x, "viewBox", "viewBox=\"%s\" needs four numbers with a positive width and height; ignored", v);
	return -1;
}

/* The map from a viewBox into the rectangle (x, y, w, h): SVG 1.1 §7.8. */
static struct svg_mat
viewbox_map(const double vb[4], const char *par, double x, double y, double w, double h)
{
	double ax = 0.5, ay = 0.5;
	int slice = 0;
	if (par) {
		const char *p = par;
		while (*p == ' ')
			p++;
		if (strncmp(p, "defer", 5) == 0)
			p += 5;
		while (*p == ' ')
			p++;
		if (strncmp(p, "none", 4) == 0) {
			struct svg_mat m = { w / vb[2], 0, 0, h / vb[3], 0, 0 };
			m.e = x - vb[0] * m.a;
			m.f = y - vb[1] * m.d;
			return m;
		}
		if (strlen(p) >= 8 && p[0] == 'x' && p[4] == 'Y') {
			ax = strncmp(p + 1, "Min", 3) == 0 ? 0 : strncmp(p + 1, "Max", 3) == 0 ? 1 : 0.5;
			ay = strncmp(p + 5, "Min", 3) == 0 ? 0 : strncmp(p + 5, "Max", 3) == 0 ? 1 : 0.5;
		}
		slice = strstr(p, "slice") != NULL;
	}
	double sx = w / vb[2], sy = h / vb[3];
	double s = slice ? (sx > sy ? sx : sy) : (sx < sy ? sx : sy);
	struct svg_mat m = { s, 0, 0, s, 0, 0 };
	m.e = x - vb[0] * s + (w - vb[2] * s) * ax;
	m.f = y - vb[1] * s + (h - vb[3] * s) * ay;
	return m;
}

/* Width or height of the root in px; -1 when absent or relative. */
static double
root_side(const struct svg_env *env, const struct xnode *svg, const char *name)
{
	const char *v = xnode_attr(svg, name);
	double out;
	if (v == NULL || strchr(v, '%'))
		return -1;
	if (svg_length(v, env->font_size / SVG_PX, 0, &out) < 0) {
		char key[64];
		snprintf(key, sizeof key, "svg:root-%s", name);
		diag_once(env->d, key, DIAG_WARNING, env->file, svg->line, 0,
		    "<svg %s=\"%s\"> is not a length; the viewBox or a default is used", name, v);
		return -1;
	}
	return out;
}

static void
size_px(const struct xnode *svg, const struct svg_env *env, double *w, double *h)
{
	double vb[4];
	int has_vb = viewbox(NULL, svg, vb) == 0;
	*w = root_side(env, svg, "width");
	*h = root_side(env, svg, "height");
	if (*w < 0 && *h < 0) {
		*w = has_vb ? vb[2] : 300;
		*h = has_vb ? vb[3] : 150;
	} else if (*w < 0) {
		*w = has_vb ? *h * vb[2] / vb[3] : 300;
	} else if (*h < 0) {
		*h = has_vb ? *w * vb[3] / vb[2] : 150;
	}
}

void
svg_size(const struct xnode *svg, const struct svg_env *env, mpt *w, mpt *h)
{
	double pw, ph;
	size_px(svg, env, &pw, &ph);
	double v[2] = { pw * SVG_PX, ph * SVG_PX };
	mpt *out[2] = { w, h };
	for (int i = 0; i < 2; i++) {
		if (!(v[i] >= 0)) {
			v[i] = 0;
		} else if (v[i] > LIMIT_OBJECT_SIZE) {
			diag_once(env->d, "svg:enormous", DIAG_WARNING, env->file, svg->line, 0,
			    "the drawing is larger than %dpt; it is reduced to that", LIMIT_OBJECT_SIZE / 1000);
			v[i] = LIMIT_OBJECT_SIZE;
		}
		*out[i] = (mpt)lround(v[i]);
	}
	if (*w == 0 || *h == 0)
		diag_once(env->d, "svg:empty", DIAG_WARNING, env->file, svg->line, 0,
		    "the drawing has a zero width or height; nothing is drawn");
}

/* ---------------------------------------------------------------- shapes */

static void
rect_path(struct svg_path *p, double x, double y, double w, double h, double rx, double ry)
{
	if (rx <= 0 || ry <= 0) {
		svg_path_move(p, x, y);
		svg_path_line(p, x + w, y);
		svg_path_line(p, x + w, y + h);
		svg_path_line(p, x, y + h);
		svg_path_close(p);
		return;
	}
	svg_path_move(p, x + rx, y);
	svg_path_line(p, x + w - rx, y);
	svg_path_arc(p, rx, ry, 0, 0, 1, x + w, y + ry);
	svg_path_line(p, x + w, y + h - ry);
	svg_path_arc(p, rx, ry, 0, 0, 1, x + w - rx, y + h);
	svg_path_line(p, x + rx, y + h);
	svg_path_arc(p, rx, ry, 0, 0, 1, x, y + h - ry);
	svg_path_line(p, x, y + ry);
	svg_path_arc(p, rx, ry, 0, 0, 1, x + rx, y);
	svg_path_close(p);
}

static void
ellipse_path(struct svg_path *p, double cx, double cy, double rx, double ry)
{
	svg_path_move(p, cx + rx, cy);
	svg_path_arc(p, rx, ry, 0, 0, 1, cx, cy + ry);
	svg_path_arc(p, rx, ry, 0, 0, 1, cx - rx, cy);
	svg_path_arc(p, rx, ry, 0, 0, 1, cx, cy - ry);
	svg_path_arc(p, rx, ry, 0, 0, 1, cx + rx, cy);
	svg_path_close(p);
}

static void
points_path(struct svg_ctx *c, const struct xnode *x, struct svg_path *p, int close)
{
	const char *s = xnode_attr(x, "points");
	double a, b;
	int n = 0;
	if (s == NULL)
		return;
	while (*s) {
		if (svg_number(&s, &a) < 0 || svg_number(&s, &b) < 0) {
			svg_warn(c, x, "points", "points of <%s> has a bad value or an odd number of "
			    "coordinates; drawn up to there", x->name);
			break;
		}
		if (n++ == 0)
			svg_path_move(p, a, b);
		else
			svg_path_line(p, a, b);
	}
	if (close && n > 0)
		svg_path_close(p);
}

/* Build the path of a basic shape or path element; 0 if x is none. */
static int
shape_path(struct svg_ctx *c, const struct xnode *x, const struct svg_style *s, struct svg_path *p)
{
	const char *n = x->name;
	if (strcmp(n, "path") == 0) {
		const char *d = xnode_attr(x, "d");
		size_t at;
		if (d && svg_path_data(p, d, &at) < 0) {
			char key[64];
			snprintf(key, sizeof key, "path:%p", (const void *)x);   /* each path once */
			svg_warn(c, x, key, "malformed path data at character %zu (\"%.12s\"); drawn up to there",
			    at + 1, d + at);
		}
	} else if (strcmp(n, "rect") == 0) {
		double w = svg_attr_len(c, x, "width", 0, s, 0), h = svg_attr_len(c, x, "height", 1, s, 0);
		double rx = svg_attr_len(c, x, "rx", 0, s, -1), ry = svg_attr_len(c, x, "ry", 1, s, -1);
		if (w < 0 || h < 0)
			svg_warn(c, x, "rect-negative", "a <rect> with a negative width or height is not drawn");
		if (w <= 0 || h <= 0)
			return 1;
		if (rx < 0)
			rx = ry;
		if (ry < 0)
			ry = rx;
		rx = rx > w / 2 ? w / 2 : rx;
		ry = ry > h / 2 ? h / 2 : ry;
		rect_path(p, svg_attr_len(c, x, "x", 0, s, 0), svg_attr_len(c, x, "y", 1, s, 0), w, h, rx, ry);
	} else if (strcmp(n, "circle") == 0) {
		double r = svg_attr_len(c, x, "r", 2, s, 0);
		if (r > 0)
			ellipse_path(p, svg_attr_len(c, x, "cx", 0, s, 0), svg_attr_len(c, x, "cy", 1, s, 0), r, r);
	} else if (strcmp(n, "ellipse") == 0) {
		double rx = svg_attr_len(c, x, "rx", 0, s, 0), ry = svg_attr_len(c, x, "ry", 1, s, 0);
		if (rx > 0 && ry > 0)
			ellipse_path(p, svg_attr_len(c, x, "cx", 0, s, 0), svg_attr_len(c, x, "cy", 1, s, 0), rx, ry);
	} else if (strcmp(n, "line") == 0) {
		svg_path_move(p, svg_attr_len(c, x, "x1", 0, s, 0), svg_attr_len(c, x, "y1", 1, s, 0));
		svg_path_line(p, svg_attr_len(c, x, "x2", 0, s, 0), svg_attr_len(c, x, "y2", 1, s, 0));
	} else if (strcmp(n, "polyline") == 0 || strcmp(n, "polygon") == 0) {
		points_path(c, x, p, n[4] == 'g');
	} else {
		return 0;
	}
	return 1;
}

static const struct {
	const char *name;
	const char *attrs;     /* allowed besides properties and the common ones */
} shapes[] = {
	{ "path", "transform d pathLength" },
	{ "rect", "transform x y width height rx ry" },
	{ "circle", "transform cx cy r" },
	{ "ellipse", "transform cx cy rx ry" },
	{ "line", "transform x1 y1 x2 y2" },
	{ "polyline", "transform points" },
	{ "polygon", "transform points" },
};

static const char *
shape_attrs(const char *name)
{
	for (size_t i = 0; i < sizeof shapes / sizeof shapes[0]; i++)
		if (strcmp(shapes[i].name, name) == 0)
			return shapes[i].attrs;
	return NULL;
}

/* ---------------------------------------------------------------- walk */

/* A basic shape or path: its area, then its markers on top. */
static void
draw_shape(struct svg_ctx *c, const struct xnode *x, const struct svg_mat *m, struct svg_style *s)
{
	struct svg_path p;
	const char *n = x->name;
	memset(&p, 0, sizeof p);
	shape_path(c, x, s, &p);
	if (strcmp(n, "line") == 0)
		s->fill.kind = PAINT_NONE;   /* a line has no inside */
	svg_path_area(c, &p, m, s, x);
	if (strcmp(n, "path") == 0 || strcmp(n, "line") == 0 || strcmp(n, "polyline") == 0 ||
	    strcmp(n, "polygon") == 0)
		svg_markers(c, &p, m, s, x);
	svg_path_free(&p);
}

static void draw_element(struct svg_ctx *c, const struct xnode *x, const struct svg_mat *m,
    const struct svg_style *ps, int level);

static void
draw_children(struct svg_ctx *c, const struct xnode *x, const struct svg_mat *m,
    const struct svg_style *s, int level)
{
	for (const struct xnode *k = x->first; k && !c->full; k = k->next)
		if (k->kind == XNODE_ELEMENT)
			draw_element(c, k, m, s, level);
}

static int
push(struct svg_ctx *c, const struct xnode *target, const struct xnode *from)
{
	for (int i = 0; i < c->depth; i++)
		if (c->stack[i] == target) {
			svg_warn(c, from, "cycle", "<%s> refers to itself (directly or through others); the repetition is not drawn",
			    from->name);
			return -1;
		}
	if (c->depth >= LIMIT_SVG_DEPTH) {
		svg_warn(c, from, "depth", "the drawing nests deeper than %d levels; the deeper part is not drawn",
		    LIMIT_SVG_DEPTH);
		return -1;
	}
	c->stack[c->depth++] = target;
	return 0;
}

/* Draw the children of a viewport (nested svg, symbol through use) whose
 * viewBox maps into (x, y, w, h). */
static void
draw_viewport(struct svg_ctx *c, const struct xnode *x, const struct svg_mat *m,
    const struct svg_style *s, int level, double vx, double vy, double w, double h)
{
	double vb[4], ow = c->vw, oh = c->vh;
	struct svg_mat mm;
	if (w <= 0 || h <= 0)
		return;
	if (viewbox(c, x, vb) == 0) {
		mm = svg_mat_mul(*m, viewbox_map(vb, xnode_attr(x, "preserveAspectRatio"), vx, vy, w, h));
		c->vw = vb[2];
		c->vh = vb[3];
	} else {
		mm = svg_mat_mul(*m, (struct svg_mat){ 1, 0, 0, 1, vx, vy });
		c->vw = w;
		c->vh = h;
	}
	draw_children(c, x, &mm, s, level + 1);
	c->vw = ow;
	c->vh = oh;
}

static void
draw_use(struct svg_ctx *c, const struct xnode *x, const struct svg_mat *m,
    const struct svg_style *s, int level)
{
	const char *href = href_of(x);
	char id[128];
	const struct xnode *t = href && svg_url_id(href, id, sizeof id) ? svg_lookup_id(c, id) : NULL;
	if (t == NULL) {
		svg_warn(c, x, "use-target", "<use> refers to %s, which is not in this drawing; nothing is drawn",
		    href ? href : "nothing");
		return;
	}
	if (push(c, t, x) < 0)
		return;
	double ux = svg_attr_len(c, x, "x", 0, s, 0), uy = svg_attr_len(c, x, "y", 1, s, 0);
	struct svg_mat mm = svg_mat_mul(*m, (struct svg_mat){ 1, 0, 0, 1, ux, uy });
	if (strcmp(t->name, "symbol") == 0 || strcmp(t->name, "svg") == 0) {
		struct svg_style ts;
		svg_style_compute(c, t, s, &ts);
		double w = svg_attr_len(c, x, "width", 0, s, -1), h = svg_attr_len(c, x, "height", 1, s, -1);
		if (w < 0)
			w = svg_attr_len(c, t, "width", 0, s, c->vw);
		if (h < 0)
			h = svg_attr_len(c, t, "height", 1, s, c->vh);
		if (!ts.display_none)
			draw_viewport(c, t, &mm, &ts, level, 0, 0, w, h);
	} else {
		draw_element(c, t, &mm, s, level + 1);
	}
	c->depth--;
}

/* Elements that draw nothing by themselves, skipped without a word. */
static int
silent(const char *n)
{
	static const char *names[] = { "defs", "marker", "symbol", "title", "desc", "metadata",
		"linearGradient", "radialGradient", "stop" };
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(names[i], n) == 0)
			return 1;
	return 0;
}

static void
draw_element(struct svg_ctx *c, const struct xnode *x, const struct svg_mat *m,
    const struct svg_style *ps, int level)
{
	const char *n = x->name;
	if (x->ns == NULL || strcmp(x->ns, SVG_NS) != 0 || silent(n))
		return;   /* other vocabularies: metadata of editors */
	if (c->env->doc_elements && ++*c->env->doc_elements > LIMIT_SVG_DOC_ELEMENTS) {
		/* one warning per drawing that loses something, with its line */
		char key[64];
		snprintf(key, sizeof key, "doc-elements:%d", c->root ? c->root->line : 0);
		svg_warn(c, c->root, key, "the document's drawings have more than %ld elements in all "
		    "(counting each use); the rest of this drawing is not drawn", (long)LIMIT_SVG_DOC_ELEMENTS);
		c->full = 1;
		return;
	}
	if (++c->elements > LIMIT_SVG_ELEMENTS) {
		char key[64];   /* each drawing that loses something says so */
		snprintf(key, sizeof key, "elements:%d", c->root ? c->root->line : 0);
		svg_warn(c, c->root, key, "the drawing has more than %d elements (counting each use); "
		    "the rest is not drawn", LIMIT_SVG_ELEMENTS);
		c->full = 1;
		return;
	}
	if (level > LIMIT_SVG_DEPTH) {
		svg_warn(c, x, "depth", "the drawing nests deeper than %d levels; the deeper part is not drawn",
		    LIMIT_SVG_DEPTH);
		return;
	}
	const char *attrs = shape_attrs(n);
	int is_group = strcmp(n, "g") == 0 || strcmp(n, "a") == 0 || strcmp(n, "switch") == 0;
	if (attrs == NULL && !is_group && strcmp(n, "use") != 0 && strcmp(n, "svg") != 0 &&
	    strcmp(n, "text") != 0) {
		char key[96];
		snprintf(key, sizeof key, "elem:%s", n);
		svg_warn(c, x, key, "unsupported SVG element <%s> is skipped", n);
		return;
	}
	struct svg_style s;
	svg_style_compute(c, x, ps, &s);
	if (s.display_none)
		return;
	struct svg_mat mm = *m, t;
	if (strcmp(n, "svg") != 0) {
		const char *tr = xnode_attr(x, "transform");
		if (tr) {
			if (svg_transform(tr, &t) < 0)
				svg_warn(c, x, "transform", "transform=\"%s\" is malformed; the part after the error is ignored", tr);
			mm = svg_mat_mul(*m, t);
		}
	}
	if (is_group) {
		if (strcmp(n, "a") == 0)
			svg_warn(c, x, "elem:a", "SVG links are not made; <a> is drawn as a group");
		svg_check_attrs(c, x, strcmp(n, "a") == 0 ? "transform href target" : "transform");
		if (strcmp(n, "switch") == 0) {
			for (const struct xnode *k = x->first; k; k = k->next)
				if (k->kind == XNODE_ELEMENT) {
					draw_element(c, k, &mm, &s, level + 1);
					break;
				}
			return;
		}
		draw_children(c, x, &mm, &s, level + 1);
	} else if (strcmp(n, "svg") == 0) {
		svg_check_attrs(c, x, "x y width height viewBox preserveAspectRatio version baseProfile "
		    "zoomAndPan contentScriptType contentStyleType");
		draw_viewport(c, x, &mm, &s, level, svg_attr_len(c, x, "x", 0, &s, 0),
		    svg_attr_len(c, x, "y", 1, &s, 0), svg_attr_len(c, x, "width", 0, &s, c->vw),
		    svg_attr_len(c, x, "height", 1, &s, c->vh));
	} else if (strcmp(n, "use") == 0) {
		svg_check_attrs(c, x, "transform x y width height href");
		draw_use(c, x, &mm, &s, level);
	} else if (strcmp(n, "text") == 0) {
		svg_check_attrs(c, x, "transform x y dx dy");
		svg_text(c, x, &mm, &s);
	} else {
		svg_check_attrs(c, x, attrs);
		draw_shape(c, x, &mm, &s);
	}
}

/* ---------------------------------------------------------------- markers */

/* The computed style of x from the root down (marker content inherits
 * from the marker's ancestors, not from the shape). */
static void
style_of(struct svg_ctx *c, const struct xnode *x, struct svg_style *s, int level)
{
	if (x == c->root || x->parent == NULL || level > 256) {
		*s = *c->root_style;
		return;
	}
	struct svg_style ps;
	style_of(c, x->parent, &ps, level + 1);
	svg_style_compute(c, x, &ps, s);
}

static double
marker_angle(const struct svg_path *p, size_t i, const char *orient, int *fixed)
{
	const struct svg_vertex *v = &p->v[i];
	double in = v->has_in ? v->in : v->out, out = v->has_out ? v->out : v->in;
	*fixed = 0;
	if (orient == NULL || strncmp(orient, "auto", 4) != 0) {   /* an angle; 0 by default */
		const char *q = orient ? orient : "0";
		double a = 0;
		svg_number(&q, &a);
		*fixed = 1;
		return a * M_PI / 180;
	}
	double a;
	if (i == 0)
		a = out;
	else if (i == p->nv - 1)
		a = in;
	else
		a = atan2(sin(in) + sin(out), cos(in) + cos(out));
	if (i == 0 && orient && strcmp(orient, "auto-start-reverse") == 0)
		a += M_PI;
	return a;
}

static void
draw_marker(struct svg_ctx *c, const struct svg_path *p, size_t i, const char *id,
    const struct svg_mat *m, const struct svg_style *s, const struct xnode *from)
{
	const struct xnode *mk = svg_lookup_id(c, id);
	if (mk == NULL || strcmp(mk->name, "marker") != 0) {
		svg_warn(c, from, "marker-ref", "marker url(#%s) names no <marker> in this drawing; not drawn", id);
		return;
	}
	if (push(c, mk, from) < 0)
		return;
	svg_check_attrs(c, mk, "viewBox preserveAspectRatio refX refY markerUnits markerWidth markerHeight orient");
	struct svg_style ms;
	style_of(c, mk, &ms, 0);
	const char *units = xnode_attr(mk, "markerUnits");
	double sw = units && strcmp(units, "userSpaceOnUse") == 0 ? 1 : s->stroke_width;
	double mw = svg_attr_len(c, mk, "markerWidth", 0, &ms, 3);
	double mh = svg_attr_len(c, mk, "markerHeight", 1, &ms, 3);
	double rx = svg_attr_len(c, mk, "refX", 0, &ms, 0), ry = svg_attr_len(c, mk, "refY", 1, &ms, 0);
	int fixed;
	double a = marker_angle(p, i, xnode_attr(mk, "orient"), &fixed);
	double vb[4], ow = c->vw, oh = c->vh;
	struct svg_mat l = identity;
	if (mw > 0 && mh > 0 && viewbox(c, mk, vb) == 0) {
		l = viewbox_map(vb, xnode_attr(mk, "preserveAspectRatio"), 0, 0, mw, mh);
		l.e = l.f = 0;
		c->vw = vb[2];
		c->vh = vb[3];
	} else {
		c->vw = mw;
		c->vh = mh;
	}
	if (mw > 0 && mh > 0) {
		struct svg_mat mm = svg_mat_mul(*m, (struct svg_mat){ 1, 0, 0, 1, p->v[i].x, p->v[i].y });
		mm = svg_mat_mul(mm, (struct svg_mat){ cos(a), sin(a), -sin(a), cos(a), 0, 0 });
		mm = svg_mat_mul(mm, (struct svg_mat){ sw, 0, 0, sw, 0, 0 });
		mm = svg_mat_mul(mm, l);
		mm = svg_mat_mul(mm, (struct svg_mat){ 1, 0, 0, 1, -rx, -ry });
		const struct svg_style *oc = c->context;
		c->context = s;
		draw_children(c, mk, &mm, &ms, c->depth + 1);
		c->context = oc;
	}
	c->vw = ow;
	c->vh = oh;
	c->depth--;
}

void
svg_markers(struct svg_ctx *c, const struct svg_path *p, const struct svg_mat *m,
    const struct svg_style *s, const struct xnode *x)
{
	if (s->hidden || p->nv == 0 || (!s->marker_start && !s->marker_mid && !s->marker_end))
		return;
	for (size_t i = 0; i < p->nv && !c->full; i++) {
		const char *id = i == 0 ? s->marker_start : i == p->nv - 1 ? s->marker_end : s->marker_mid;
		if (id)
			draw_marker(c, p, i, id, m, s, x);
	}
}

/* ---------------------------------------------------------------- entry */

void
svg_draw(const struct xnode *svg, const struct svg_env *env, struct area *parent,
    mpt x, mpt y, mpt w, mpt h)
{
	struct svg_ctx c;
	struct svg_style init, s;
	double vb[4];
	size_t cap = 0;

	memset(&c, 0, sizeof c);
	c.env = env;
	c.root = svg;
	c.parent = parent;
	if (w <= 0 || h <= 0)
		return;
	index_ids(&c, svg, &cap, 0);
	if (c.nids > 1)
		qsort(c.ids, c.nids, sizeof *c.ids, cmp_node_id);
	svg_style_initial(&c, &init);
	double pw, ph;
	size_px(svg, env, &pw, &ph);
	if (viewbox(&c, svg, vb) < 0) {
		vb[0] = vb[1] = 0;
		vb[2] = pw > 0 ? pw : 1;
		vb[3] = ph > 0 ? ph : 1;
		/* without a viewBox, user units are px stretched to the content size */
		c.vw = vb[2];
		c.vh = vb[3];
	} else {
		c.vw = vb[2];
		c.vh = vb[3];
	}
	svg_style_compute(&c, svg, &init, &s);
	c.root_style = &s;
	svg_check_attrs(&c, svg, "x y width height viewBox preserveAspectRatio version baseProfile "
	    "zoomAndPan contentScriptType contentStyleType");
	const char *par = xnode_attr(svg, "viewBox") ? xnode_attr(svg, "preserveAspectRatio") : "none";
	struct svg_mat m = viewbox_map(vb, par, x, y, w, h);
	if (!s.display_none)
		draw_children(&c, svg, &m, &s, 1);
	free(c.ids);
}
