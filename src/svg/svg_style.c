/*
 * svg — values and style: numbers and lengths in SVG syntax, colours (the
 * 148 CSS names, #rgb, #rrggbb, rgb()), paints, transform lists, and the
 * computed style of an element: its parent's inherited properties, then
 * presentation attributes, then the declarations of its style attribute
 * (which win).  Unsupported properties are reported once each.
 */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "svg_int.h"

void
svg_warn(struct svg_ctx *c, const struct xnode *x, const char *key, const char *fmt, ...)
{
	char k[256], msg[512];
	va_list ap;
	snprintf(k, sizeof k, "svg:%s", key);
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	diag_once(c->env->d, k, DIAG_WARNING, c->env->file, x ? x->line : 0, 0, "%s", msg);
}

/* ---------------------------------------------------------------- numbers */

static const char *
skip_ws(const char *s)
{
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	return s;
}

/* The number syntax of SVG 1.1 §4.3: no hex, no inf or nan, no locale. */
static int
scan_number(const char *s, const char **end)
{
	const char *p = s;
	int digits = 0;
	if (*p == '+' || *p == '-')
		p++;
	while (isdigit((unsigned char)*p)) {
		p++;
		digits++;
	}
	if (*p == '.') {
		p++;
		while (isdigit((unsigned char)*p)) {
			p++;
			digits++;
		}
	}
	if (digits == 0)
		return -1;
	if (*p == 'e' || *p == 'E') {
		const char *q = p + 1;
		if (*q == '+' || *q == '-')
			q++;
		if (isdigit((unsigned char)*q)) {
			while (isdigit((unsigned char)*q))
				q++;
			p = q;
		}
	}
	*end = p;
	return 0;
}

int
svg_number(const char **s, double *out)
{
	const char *p = skip_ws(*s), *end;
	char buf[64];
	if (scan_number(p, &end) < 0)
		return -1;
	size_t n = (size_t)(end - p);
	if (n >= sizeof buf) {
		*out = 0;   /* absurdly long: treat as zero rather than guess */
	} else {
		memcpy(buf, p, n);
		buf[n] = '\0';
		double v = strtod(buf, NULL);
		if (!(v >= -1e15))
			v = -1e15;
		if (!(v <= 1e15))
			v = 1e15;
		*out = v;
	}
	p = skip_ws(end);
	if (*p == ',')
		p = skip_ws(p + 1);
	*s = p;
	return 0;
}

int
svg_length(const char *v, double font_size, double pct_ref, double *out)
{
	static const struct { const char *u; double f; } units[] = {
		{ "px", 1 }, { "pt", 96.0 / 72 }, { "pc", 16 }, { "mm", 96 / 25.4 },
		{ "cm", 96 / 2.54 }, { "in", 96 },
	};
	const char *p = skip_ws(v), *end;
	double x;
	if (scan_number(p, &end) < 0)
		return -1;
	const char *q = p;
	svg_number(&q, &x);
	double f = 1;
	p = end;
	if (*p == '%') {
		f = pct_ref / 100;
		p++;
	} else if (strncmp(p, "em", 2) == 0) {
		f = font_size;
		p += 2;
	} else if (strncmp(p, "ex", 2) == 0) {
		f = font_size / 2;
		p += 2;
	} else {
		for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
			if (strncmp(p, units[i].u, 2) == 0) {
				f = units[i].f;
				p += 2;
				break;
			}
	}
	if (*skip_ws(p) != '\0')
		return -1;
	*out = x * f;
	return 0;
}

/* ---------------------------------------------------------------- colours */

int
svg_color(const char *v, uint32_t *out)
{
	return color_parse(v, out);   /* base: the CSS/SVG names, rgb() with percentages */
}

/* ---------------------------------------------------------------- transforms */

struct svg_mat
svg_mat_mul(struct svg_mat m, struct svg_mat n)
{
	struct svg_mat r;
	r.a = m.a * n.a + m.c * n.b;
	r.b = m.b * n.a + m.d * n.b;
	r.c = m.a * n.c + m.c * n.d;
	r.d = m.b * n.c + m.d * n.d;
	r.e = m.a * n.e + m.c * n.f + m.e;
	r.f = m.b * n.e + m.d * n.f + m.f;
	return r;
}

void
svg_mat_apply(const struct svg_mat *m, double x, double y, double *ox, double *oy)
{
	*ox = m->a * x + m->c * y + m->e;
	*oy = m->b * x + m->d * y + m->f;
}

int
svg_transform(const char *v, struct svg_mat *m)
{
	static const struct svg_mat id = { 1, 0, 0, 1, 0, 0 };
	const char *p = skip_ws(v);
	*m = id;
	while (*p) {
		char name[16];
		size_t n = 0;
		double a[6];
		int k = 0;
		while (isalpha((unsigned char)p[n]) && n + 1 < sizeof name) {
			name[n] = p[n];
			n++;
		}
		name[n] = '\0';
		p = skip_ws(p + n);
		if (n == 0 || *p != '(')
			return -1;
		p = skip_ws(p + 1);
		while (*p != ')' && k < 6 && svg_number(&p, &a[k]) == 0)
			k++;
		if (*p != ')')
			return -1;
		p = skip_ws(p + 1);
		if (*p == ',')
			p = skip_ws(p + 1);
		struct svg_mat t = id;
		double r;
		if (strcmp(name, "matrix") == 0 && k == 6) {
			t = (struct svg_mat){ a[0], a[1], a[2], a[3], a[4], a[5] };
		} else if (strcmp(name, "translate") == 0 && (k == 1 || k == 2)) {
			t.e = a[0];
			t.f = k == 2 ? a[1] : 0;
		} else if (strcmp(name, "scale") == 0 && (k == 1 || k == 2)) {
			t.a = a[0];
			t.d = k == 2 ? a[1] : a[0];
		} else if (strcmp(name, "rotate") == 0 && (k == 1 || k == 3)) {
			r = a[0] * M_PI / 180;
			t = (struct svg_mat){ cos(r), sin(r), -sin(r), cos(r), 0, 0 };
			if (k == 3) {
				struct svg_mat to = { 1, 0, 0, 1, a[1], a[2] }, back = { 1, 0, 0, 1, -a[1], -a[2] };
				t = svg_mat_mul(svg_mat_mul(to, t), back);
			}
		} else if (strcmp(name, "skewX") == 0 && k == 1) {
			t.c = tan(a[0] * M_PI / 180);
		} else if (strcmp(name, "skewY") == 0 && k == 1) {
			t.b = tan(a[0] * M_PI / 180);
		} else {
			return -1;
		}
		*m = svg_mat_mul(*m, t);
	}
	return 0;
}

/* ---------------------------------------------------------------- style */

void
svg_style_initial(struct svg_ctx *c, struct svg_style *s)
{
	const struct svg_env *e = c->env;
	memset(s, 0, sizeof *s);
	s->fill.kind = PAINT_COLOR;
	s->fill.rgb = 0x000000;
	s->stroke.kind = PAINT_NONE;
	s->fill_opacity = s->stroke_opacity = s->group_alpha = 1;
	s->stroke_width = 1;
	s->miter = 4;
	s->color = e->color;
	s->font_family = e->font_family ? e->font_family : "serif";
	s->font_size = (e->font_size > 0 ? e->font_size : 12000) / SVG_PX;
	s->font_weight = e->font_weight ? e->font_weight : 400;
	s->font_italic = e->font_italic;
	s->anchor = ANCHOR_START;
}

/* Properties folio reads (1), rendering hints it may ignore (2), and
 * properties it knows but does not support (3, reported). */
static const struct { const char *name; int kind; } props[] = {
	{ "fill", 1 }, { "fill-opacity", 1 }, { "fill-rule", 1 }, { "stroke", 1 },
	{ "stroke-width", 1 }, { "stroke-dasharray", 1 }, { "stroke-dashoffset", 1 },
	{ "stroke-linecap", 1 }, { "stroke-linejoin", 1 }, { "stroke-miterlimit", 1 },
	{ "stroke-opacity", 1 }, { "opacity", 1 }, { "color", 1 }, { "font-family", 1 },
	{ "font-size", 1 }, { "font-weight", 1 }, { "font-style", 1 }, { "text-anchor", 1 },
	{ "visibility", 1 }, { "display", 1 }, { "marker", 1 }, { "marker-start", 1 },
	{ "marker-mid", 1 }, { "marker-end", 1 }, { "font", 1 },
	{ "shape-rendering", 2 }, { "text-rendering", 2 }, { "image-rendering", 2 },
	{ "color-rendering", 2 }, { "color-interpolation", 2 }, { "color-interpolation-filters", 2 },
	{ "color-profile", 2 }, { "enable-background", 2 }, { "overflow", 2 }, { "clip", 2 },
	{ "pointer-events", 2 }, { "cursor", 2 }, { "stop-color", 2 }, { "stop-opacity", 2 },
	{ "flood-color", 2 }, { "flood-opacity", 2 }, { "lighting-color", 2 },
	{ "font-variant", 2 }, { "font-stretch", 2 }, { "kerning", 2 },
	{ "clip-path", 3 }, { "clip-rule", 3 }, { "mask", 3 }, { "filter", 3 },
	{ "letter-spacing", 3 }, { "word-spacing", 3 }, { "text-decoration", 3 },
	{ "dominant-baseline", 3 }, { "alignment-baseline", 3 }, { "baseline-shift", 3 },
	{ "writing-mode", 3 }, { "glyph-orientation-vertical", 3 }, { "direction", 3 },
	{ "unicode-bidi", 3 }, { "vector-effect", 3 }, { "paint-order", 3 },
	{ "font-size-adjust", 3 }, { "glyph-orientation-horizontal", 3 },
};

int
svg_is_property(const char *name)
{
	for (size_t i = 0; i < sizeof props / sizeof props[0]; i++)
		if (strcmp(props[i].name, name) == 0)
			return props[i].kind;
	return 0;
}

const char *
svg_url_id(const char *v, char *buf, size_t n)
{
	const char *p = skip_ws(v);
	if (strncmp(p, "url(", 4) == 0) {
		p = skip_ws(p + 4);
		if (*p == '\'' || *p == '"')
			p++;
	}
	if (*p != '#')
		return NULL;
	p++;
	size_t k = 0;
	while (p[k] && p[k] != ')' && p[k] != '\'' && p[k] != '"' && !isspace((unsigned char)p[k]))
		k++;
	if (k == 0 || k >= n)
		return NULL;
	memcpy(buf, p, k);
	buf[k] = '\0';
	return buf;
}

/* The colour a gradient stands in for: its first stop's. */
static int
gradient_color(struct svg_ctx *c, const struct xnode *g, uint32_t *rgb)
{
	for (int hop = 0; g && hop < 4; hop++) {
		for (const struct xnode *k = g->first; k; k = k->next) {
			if (k->kind != XNODE_ELEMENT || strcmp(k->name, "stop") != 0)
				continue;
			const char *sc = xnode_attr(k, "stop-color"), *st = xnode_attr(k, "style");
			const char *in = st ? strstr(st, "stop-color") : NULL;
			char tmp[64];
			if (in) {
				in = strchr(in, ':');
				if (in) {
					size_t n = strcspn(in + 1, ";");
					snprintf(tmp, sizeof tmp, "%.*s", (int)(n < 63 ? n : 63), in + 1);
					sc = tmp;
				}
			}
			if (sc == NULL || svg_color(sc, rgb) < 0)
				*rgb = 0x000000;   /* stop-color's initial value */
			return 0;
		}
		/* no stops here: they may come from the gradient it refers to */
		const char *href = NULL;
		for (int i = 0; i < g->nattrs; i++)
			if (strcmp(g->attrs[i].name, "href") == 0)
				href = g->attrs[i].value;
		char id[128];
		g = href && svg_url_id(href, id, sizeof id) ? svg_lookup_id(c, id) : NULL;
	}
	return -1;
}

static int
parse_paint(struct svg_ctx *c, const struct xnode *x, const char *v, struct svg_paint *p)
{
	const char *q = skip_ws(v);
	char id[128];
	if (strcmp(q, "none") == 0 || strcmp(q, "transparent") == 0) {
		p->kind = PAINT_NONE;
		return 0;
	}
	if (strcmp(q, "currentColor") == 0) {
		p->kind = PAINT_CURRENT;
		return 0;
	}
	if (strcmp(q, "context-fill") == 0 || strcmp(q, "context-stroke") == 0) {
		p->kind = q[8] == 'f' ? PAINT_CONTEXT_FILL : PAINT_CONTEXT_STROKE;
		return 0;
	}
	if (strncmp(q, "url(", 4) == 0) {
		const struct xnode *t = svg_url_id(q, id, sizeof id) ? svg_lookup_id(c, id) : NULL;
		const char *fb = strchr(q, ')');
		if (t && (strcmp(t->name, "linearGradient") == 0 || strcmp(t->name, "radialGradient") == 0) &&
		    gradient_color(c, t, &p->rgb) == 0) {
			svg_warn(c, x, "gradient", "SVG gradients are not supported; each is drawn in its first stop's colour");
			p->kind = PAINT_COLOR;
			return 0;
		}
		svg_warn(c, x, "paint-server", "SVG paint %s is not supported; its fallback colour or none is used", q);
		fb = fb ? skip_ws(fb + 1) : "";
		if (*fb && parse_paint(c, x, fb, p) == 0)
			return 0;
		p->kind = PAINT_NONE;
		return 0;
	}
	if (svg_color(q, &p->rgb) == 0) {
		p->kind = PAINT_COLOR;
		return 0;
	}
	return -1;
}

static double
opacity(const char *v, double dflt)
{
	const char *p = v;
	double x;
	if (svg_number(&p, &x) < 0)
		return dflt;
	if (*p == '%')
		x /= 100;
	return x < 0 ? 0 : x > 1 ? 1 : x;
}

static void
dasharray(struct svg_ctx *c, const struct xnode *x, const char *v, struct svg_style *s)
{
	double d[AREA_MAX_DASH], sum = 0, ref = sqrt((c->vw * c->vw + c->vh * c->vh) / 2);
	int n = 0;
	const char *p = skip_ws(v);
	if (strcmp(p, "none") == 0) {
		s->ndash = 0;
		return;
	}
	while (*p) {
		char tok[64];
		size_t k = strcspn(p, " ,\t\n\r");
		if (k == 0 || k >= sizeof tok || n == AREA_MAX_DASH / 2) {
			svg_warn(c, x, "dasharray", "stroke-dasharray=\"%s\": more than %d values or a bad value; drawn solid",
			    v, AREA_MAX_DASH / 2);
			s->ndash = 0;
			return;
		}
		memcpy(tok, p, k);
		tok[k] = '\0';
		if (svg_length(tok, s->font_size, ref, &d[n]) < 0 || d[n] < 0) {
			svg_warn(c, x, "dasharray", "stroke-dasharray=\"%s\" is not a list of lengths; drawn solid", v);
			s->ndash = 0;
			return;
		}
		sum += d[n++];
		p = skip_ws(p + k);
		if (*p == ',')
			p = skip_ws(p + 1);
	}
	if (sum <= 0) {
		s->ndash = 0;
		return;
	}
	for (int i = 0; i < n; i++)
		s->dash[i] = d[i];
	if (n % 2) {   /* an odd list is repeated (SVG 1.1 §11.4) */
		for (int i = 0; i < n; i++)
			s->dash[n + i] = d[i];
		n *= 2;
	}
	s->ndash = n;
}

static const char *
family(struct svg_ctx *c, const char *v)
{
	struct buf b = {0};
	buf_family_list(&b, v);
	const char *r = b.n ? arena_strdup(c->env->at->arena, b.p) : NULL;
	buf_free(&b);
	return r;
}

static void
font_size(struct svg_ctx *c, const struct xnode *x, const char *v, const struct svg_style *parent,
    struct svg_style *s)
{
	static const struct { const char *k; double px; } kw[] = {
		{ "xx-small", 9 }, { "x-small", 10 }, { "small", 13 }, { "medium", 16 },
		{ "large", 18 }, { "x-large", 24 }, { "xx-large", 32 },
	};
	double fs;
	for (size_t i = 0; i < sizeof kw / sizeof kw[0]; i++)
		if (strcmp(v, kw[i].k) == 0) {
			s->font_size = kw[i].px;
			return;
		}
	if (strcmp(v, "larger") == 0)
		fs = parent->font_size * 1.2;
	else if (strcmp(v, "smaller") == 0)
		fs = parent->font_size / 1.2;
	else if (svg_length(v, parent->font_size, parent->font_size, &fs) < 0 || fs < 0) {
		svg_warn(c, x, "font-size", "font-size=\"%s\" is not a length; ignored", v);
		return;
	}
	s->font_size = fs;
}

static const char *
marker_ref(struct svg_ctx *c, const char *v)
{
	char id[128];
	if (svg_url_id(v, id, sizeof id) == NULL)
		return NULL;
	return arena_strdup(c->env->at->arena, id);
}

static void
bad_value(struct svg_ctx *c, const struct xnode *x, const char *name, const char *v)
{
	char key[96];
	snprintf(key, sizeof key, "badval:%s:%d", name, x->line);
	svg_warn(c, x, key, "SVG %s=\"%s\" is not a valid value; ignored", name, v);
}

/* Apply one declaration. */
static void
apply(struct svg_ctx *c, const struct xnode *x, const struct svg_style *parent, struct svg_style *s,
    const char *name, const char *v)
{
	double ref = sqrt((c->vw * c->vw + c->vh * c->vh) / 2), n;
	v = skip_ws(v);
	if (strcmp(v, "inherit") == 0)
		return;   /* inherited values are in place already */
	switch (svg_is_property(name)) {
	case 0:
		svg_warn(c, x, name, "unsupported SVG property %s is ignored", name);
		return;
	case 2:
		return;
	case 3:
		svg_warn(c, x, name, "SVG %s is not supported and is ignored", name);
		return;
	}
	if (strcmp(name, "fill") == 0 || strcmp(name, "stroke") == 0) {
		struct svg_paint p;
		if (parse_paint(c, x, v, &p) == 0)
			*(name[0] == 'f' ? &s->fill : &s->stroke) = p;
		else
			bad_value(c, x, name, v);
	} else if (strcmp(name, "fill-opacity") == 0) {
		s->fill_opacity = opacity(v, 1);
	} else if (strcmp(name, "stroke-opacity") == 0) {
		s->stroke_opacity = opacity(v, 1);
	} else if (strcmp(name, "opacity") == 0) {
		s->group_alpha = parent->group_alpha * opacity(v, 1);
	} else if (strcmp(name, "fill-rule") == 0) {
		s->evenodd = strcmp(v, "evenodd") == 0;
	} else if (strcmp(name, "stroke-width") == 0) {
		if (svg_length(v, s->font_size, ref, &n) == 0 && n >= 0)
			s->stroke_width = n;
		else
			bad_value(c, x, name, v);
	} else if (strcmp(name, "stroke-dasharray") == 0) {
		dasharray(c, x, v, s);
	} else if (strcmp(name, "stroke-dashoffset") == 0) {
		if (svg_length(v, s->font_size, ref, &n) == 0)
			s->dash_offset = n;
	} else if (strcmp(name, "stroke-linecap") == 0) {
		s->cap = strcmp(v, "round") == 0 ? 1 : strcmp(v, "square") == 0 ? 2 : 0;
	} else if (strcmp(name, "stroke-linejoin") == 0) {
		s->join = strcmp(v, "round") == 0 ? 1 : strcmp(v, "bevel") == 0 ? 2 : 0;
	} else if (strcmp(name, "stroke-miterlimit") == 0) {
		const char *p = v;
		if (svg_number(&p, &n) == 0 && n >= 1)
			s->miter = n;
	} else if (strcmp(name, "color") == 0) {
		uint32_t rgb;
		if (svg_color(v, &rgb) == 0)
			s->color = rgb;
		else
			bad_value(c, x, name, v);
	} else if (strcmp(name, "font-family") == 0) {
		const char *f = family(c, v);
		if (f)
			s->font_family = f;
	} else if (strcmp(name, "font-size") == 0) {
		font_size(c, x, v, parent, s);
	} else if (strcmp(name, "font-weight") == 0) {
		int w = atoi(v);
		s->font_weight = strcmp(v, "bold") == 0 ? 700 : strcmp(v, "normal") == 0 ? 400
		    : strcmp(v, "bolder") == 0 ? (parent->font_weight >= 600 ? 900 : 700)
		    : strcmp(v, "lighter") == 0 ? (parent->font_weight > 500 ? 400 : 100)
		    : w >= 100 && w <= 900 ? w / 100 * 100 : s->font_weight;
	} else if (strcmp(name, "font-style") == 0) {
		s->font_italic = strcmp(v, "italic") == 0 || strcmp(v, "oblique") == 0;
	} else if (strcmp(name, "text-anchor") == 0) {
		s->anchor = strcmp(v, "middle") == 0 ? ANCHOR_MIDDLE : strcmp(v, "end") == 0 ? ANCHOR_END
		    : ANCHOR_START;
	} else if (strcmp(name, "visibility") == 0) {
		s->hidden = strcmp(v, "visible") != 0;
	} else if (strcmp(name, "display") == 0) {
		s->display_none = strcmp(v, "none") == 0;
	} else if (strcmp(name, "marker") == 0) {
		s->marker_start = s->marker_mid = s->marker_end = marker_ref(c, v);
	} else if (strcmp(name, "marker-start") == 0) {
		s->marker_start = marker_ref(c, v);
	} else if (strcmp(name, "marker-mid") == 0) {
		s->marker_mid = marker_ref(c, v);
	} else if (strcmp(name, "marker-end") == 0) {
		s->marker_end = marker_ref(c, v);
	} else if (strcmp(name, "font") == 0) {
		svg_warn(c, x, "font-shorthand", "the SVG font shorthand is not supported; use font-family, font-size …");
	}
}

/* style="a: b; c: d" */
static void
apply_style_attr(struct svg_ctx *c, const struct xnode *x, const struct svg_style *parent,
    struct svg_style *s, const char *v)
{
	const char *p = v;
	while (*p) {
		char name[64], val[512];
		p = skip_ws(p);
		size_t k = strcspn(p, ":;");
		if (p[k] != ':') {
			p += k + (p[k] == ';');
			continue;
		}
		size_t nk = k;
		while (nk > 0 && isspace((unsigned char)p[nk - 1]))
			nk--;
		snprintf(name, sizeof name, "%.*s", (int)(nk < 63 ? nk : 63), p);
		p += k + 1;
		size_t vk = strcspn(p, ";");
		size_t ve = vk;
		while (ve > 0 && isspace((unsigned char)p[ve - 1]))
			ve--;
		snprintf(val, sizeof val, "%.*s", (int)(ve < 511 ? ve : 511), p);
		p += vk + (p[vk] == ';');
		for (char *q = name; *q; q++)
			*q = (char)tolower((unsigned char)*q);
		char *imp = strstr(val, "!important");
		if (imp)
			*imp = '\0';
		if (name[0])
			apply(c, x, parent, s, name, val);
	}
}

void
svg_style_compute(struct svg_ctx *c, const struct xnode *x, const struct svg_style *parent,
    struct svg_style *s)
{
	const char *style = NULL;
	*s = *parent;
	s->display_none = 0;
	for (int i = 0; i < x->nattrs; i++) {
		const struct xattr *a = &x->attrs[i];
		if (a->ns && strcmp(a->ns, XML_NS) == 0 && strcmp(a->name, "space") == 0)
			s->preserve_space = strcmp(a->value, "preserve") == 0;
		if (a->ns)
			continue;
		if (strcmp(a->name, "style") == 0)
			style = a->value;
		else if (svg_is_property(a->name))
			apply(c, x, parent, s, a->name, a->value);
	}
	if (style)
		apply_style_attr(c, x, parent, s, style);
}

int
svg_paint_rgb(const struct svg_ctx *c, const struct svg_style *s, const struct svg_paint *p,
    uint32_t *rgb)
{
	switch ((enum svg_paint_kind)p->kind) {
	case PAINT_NONE:
		return 0;
	case PAINT_COLOR:
		*rgb = p->rgb;
		return 1;
	case PAINT_CURRENT:
		*rgb = s->color;
		return 1;
	case PAINT_CONTEXT_FILL:
		return c->context && c->context->fill.kind <= PAINT_CURRENT
		    ? svg_paint_rgb(c, c->context, &c->context->fill, rgb) : 0;
	case PAINT_CONTEXT_STROKE:
		return c->context && c->context->stroke.kind <= PAINT_CURRENT
		    ? svg_paint_rgb(c, c->context, &c->context->stroke, rgb) : 0;
	}
	return 0;
}

double
svg_attr_len(struct svg_ctx *c, const struct xnode *x, const char *name, int axis,
    const struct svg_style *s, double dflt)
{
	const char *v = xnode_attr(x, name);
	double ref = axis == 0 ? c->vw : axis == 1 ? c->vh : sqrt((c->vw * c->vw + c->vh * c->vh) / 2);
	double out;
	if (v == NULL)
		return dflt;
	if (svg_length(v, s->font_size, ref, &out) < 0) {
		bad_value(c, x, name, v);
		return dflt;
	}
	return out;
}
