/*
 * svg — text and tspan.  Characters are gathered with their styles and
 * positions (x, y start a new text chunk; dx, dy shift), white space is
 * handled as SVG 1.1 §10.15 says (xml:space default or preserve), fonts are
 * chosen per character from folio's own font sets with the same fallback
 * as body text, each chunk is aligned by its text-anchor, and the result is
 * one AREA_LINE per chunk holding AREA_RUN areas the PDF writer draws as
 * real text.
 *
 * A run in page space: size = font-size × √|det M| (millipoints); when M is
 * not a plain scale, the run carries M / √|det M| as its text matrix and
 * advances are measured along the baseline in that matrix's space.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../text/text.h"
#include "svg_int.h"

struct tch {
	uint32_t                cp;
	const struct svg_style *st;
	double                  ax, ay;     /* absolute x, y (user units) or NAN */
	double                  dx, dy;     /* shifts before this character */
	int                     face;       /* index in the set, -1 none */
	const struct text_fontset *set;
	double                  adv;        /* advance, user units */
	mpt                     adv_page;   /* advance in text space, millipoints */
	double                  x, y;       /* placed origin, user units */
};

struct gather {
	struct svg_ctx *c;
	const struct xnode *x;       /* the text element, for messages */
	struct tch     *v;
	size_t          n, cap;
	struct svg_style **styles;   /* owned, one per element */
	size_t          nstyles;
	/* positioning waiting for the next character */
	double          ax, ay, dx, dy;
};

static void
take_position(struct gather *g, struct svg_ctx *c, const struct xnode *x, const struct svg_style *s)
{
	static const char *names[] = { "x", "y", "dx", "dy" };
	double *dst[] = { &g->ax, &g->ay, &g->dx, &g->dy };
	for (int i = 0; i < 4; i++) {
		const char *v = xnode_attr(x, names[i]);
		if (v == NULL)
			continue;
		const char *p = v;
		double n;
		char tok[64];
		size_t k;
		while (*p == ' ' || *p == '\t' || *p == '\n')
			p++;
		k = strcspn(p, " ,\t\n");
		snprintf(tok, sizeof tok, "%.*s", (int)(k < 63 ? k : 63), p);
		if (p[k] && p[k + strspn(p + k, " ,\t\n")])
			svg_warn(c, x, "text-lists", "lists of positions on SVG text are not supported; only the first value of %s is used",
			    names[i]);
		if (svg_length(tok, s->font_size, i % 2 ? c->vh : c->vw, &n) < 0) {
			svg_warn(c, x, "text-pos", "%s=\"%s\" on <%s> is not a length; ignored", names[i], v, x->name);
			continue;
		}
		if (i < 2)
			*dst[i] = n;
		else
			*dst[i] += n;
	}
}

static void
add_char(struct gather *g, uint32_t cp, const struct svg_style *st)
{
	if (g->n == g->cap) {
		g->cap = g->cap ? g->cap * 2 : 64;
		g->v = xrealloc(g->v, g->cap * sizeof *g->v);
	}
	struct tch *t = &g->v[g->n++];
	memset(t, 0, sizeof *t);
	t->cp = cp;
	t->st = st;
	t->ax = g->ax;
	t->ay = g->ay;
	t->dx = g->dx;
	t->dy = g->dy;
	g->ax = g->ay = NAN;
	g->dx = g->dy = 0;
}

static const struct svg_style *
keep_style(struct gather *g, const struct svg_style *s)
{
	g->styles = xrealloc(g->styles, (g->nstyles + 1) * sizeof *g->styles);
	g->styles[g->nstyles] = xmalloc(sizeof **g->styles);
	*g->styles[g->nstyles] = *s;
	return g->styles[g->nstyles++];
}

static void
gather(struct gather *g, const struct xnode *x, const struct svg_style *s, int level)
{
	struct svg_ctx *c = g->c;
	for (const struct xnode *k = x->first; k; k = k->next) {
		if (k->kind == XNODE_TEXT) {
			const char *p = k->text, *e = k->text + k->textlen;
			while (p < e)
				add_char(g, utf8_next(&p, e), s);
			continue;
		}
		if (k->ns == NULL || strcmp(k->ns, SVG_NS) != 0 || strcmp(k->name, "title") == 0 ||
		    strcmp(k->name, "desc") == 0)
			continue;
		if (strcmp(k->name, "tspan") != 0 || level > LIMIT_SVG_DEPTH) {
			char key[96];
			snprintf(key, sizeof key, "elem:%s", k->name);
			svg_warn(c, k, key, "unsupported SVG element <%s> in text is skipped", k->name);
			continue;
		}
		struct svg_style ts;
		svg_style_compute(c, k, s, &ts);
		if (ts.display_none)
			continue;
		svg_check_attrs(c, k, "x y dx dy");
		take_position(g, c, k, &ts);
		gather(g, k, keep_style(g, &ts), level + 1);
	}
}

/* SVG 1.1 §10.15: default white space handling, or xml:space="preserve". */
static void
white_space(struct gather *g)
{
	size_t w = 0;
	for (size_t i = 0; i < g->n; i++) {
		struct tch t = g->v[i];
		int pres = t.st->preserve_space;
		if (t.cp == '\n' || t.cp == '\r') {
			if (!pres)
				goto drop;
			t.cp = ' ';
		}
		if (t.cp == '\t')
			t.cp = ' ';
		if (t.cp == ' ' && !pres && (w == 0 || g->v[w - 1].cp == ' '))
			goto drop;
		g->v[w++] = t;
		continue;
drop:
		/* its positioning moves to the next character */
		if (i + 1 < g->n) {
			struct tch *nx = &g->v[i + 1];
			if (isnan(nx->ax))
				nx->ax = t.ax;
			if (isnan(nx->ay))
				nx->ay = t.ay;
			nx->dx += t.dx;
			nx->dy += t.dy;
		}
	}
	while (w > 0 && g->v[w - 1].cp == ' ' && !g->v[w - 1].st->preserve_space)
		w--;
	g->n = w;
}

static void
measure(struct gather *g, double scale)
{
	struct svg_ctx *c = g->c;
	for (size_t i = 0; i < g->n; i++) {
		struct tch *t = &g->v[i];
		const struct svg_style *st = t->st;
		t->set = text_fontset_lookup(c->env->fonts, st->font_family, st->font_weight, st->font_italic);
		mpt size = (mpt)lround(st->font_size * scale);
		int32_t units = 0;
		t->face = t->cp <= 0xFFFF ? text_fontset_find(t->set, t->cp, &units) : -1;
		if (t->face < 0) {
			char key[32];
			snprintf(key, sizeof key, "missing:%X", (unsigned)t->cp);
			if (t->cp != ' ')
				svg_warn(c, g->x, key, "no installed font draws U+%04X in SVG text; it is left blank",
				    (unsigned)t->cp);
			t->adv_page = size / 2;
		} else {
			t->adv_page = text_advance(t->set->face[t->face], units, size);
		}
		t->adv = scale > 0 ? t->adv_page / scale : 0;
	}
}

/* Place the characters: chunks start at absolute positions (SVG 1.1 §10.9). */
static void
place(struct gather *g)
{
	double px = 0, py = 0;
	size_t start = 0;
	for (size_t i = 0; i <= g->n; i++) {
		int chunk = i == g->n || (i > 0 && (!isnan(g->v[i].ax) || !isnan(g->v[i].ay)));
		if (chunk && i > start) {
			const struct tch *f = &g->v[start], *l = &g->v[i - 1];
			double w = l->x + l->adv - f->x, sh = f->st->anchor == ANCHOR_MIDDLE ? -w / 2
			    : f->st->anchor == ANCHOR_END ? -w : 0;
			for (size_t k = start; k < i; k++)
				g->v[k].x += sh;
			start = i;
		}
		if (i == g->n)
			break;
		struct tch *t = &g->v[i];
		if (!isnan(t->ax))
			px = t->ax;
		if (!isnan(t->ay))
			py = t->ay;
		px += t->dx;
		py += t->dy;
		t->x = px;
		t->y = py;
		px += t->adv;
	}
}

static mpt
clamp_mpt(double v)
{
	return v < -LIMIT_LENGTH_MAX ? -LIMIT_LENGTH_MAX : v > LIMIT_LENGTH_MAX ? LIMIT_LENGTH_MAX : (mpt)lround(v);
}

/* Make the run of characters [i, j) in line. */
static void
make_run(struct svg_ctx *c, const struct xnode *x, struct area *line, const struct tch *v,
    size_t i, size_t j, const struct svg_mat *m, double scale, const int32_t *mat)
{
	const struct tch *f = &v[i];
	struct text_face *face = f->set->face[f->face];
	uint32_t rgb;
	if (!svg_paint_rgb(c, f->st, &f->st->fill, &rgb) || f->st->hidden)
		return;
	mpt size = (mpt)lround(f->st->font_size * scale);
	if (size < LIMIT_FONT_SIZE_MIN)
		return;
	if (size > LIMIT_FONT_SIZE_MAX)
		size = LIMIT_FONT_SIZE_MAX;
	if (f->st->fill_opacity * f->st->group_alpha < 0.999)
		svg_warn(c, x, "text-opacity", "opacity on SVG text is not supported; the text is drawn opaque");
	if (f->st->stroke.kind != PAINT_NONE)
		svg_warn(c, x, "text-stroke", "stroke on SVG text is not supported; the text is drawn filled");
	struct area *r = area_new(c->env->at, AREA_RUN, line);
	struct buf b = {0};
	mpt w = 0;
	for (size_t k = i; k < j; k++) {
		buf_add_utf8(&b, v[k].cp);
		w += v[k].adv_page;
	}
	r->text = arena_strndup(c->env->at->arena, b.p, b.n);
	r->len = b.n;
	buf_free(&b);
	double ox, oy;
	svg_mat_apply(m, f->x, f->y, &ox, &oy);
	r->face = face;
	r->font = face->family;
	r->size = size;
	r->color = rgb;
	r->bold = f->set->synth_bold[f->face];
	r->italic = f->set->synth_italic[f->face];
	r->nglyphs = (int)(j - i);
	r->x = clamp_mpt(ox);
	r->baseline = clamp_mpt(oy);
	r->w = w;
	mpt asc = text_units(face, face->ascender, size), desc = -text_units(face, face->descender, size);
	r->y = r->baseline - asc;
	r->h = asc + desc;
	if (mat) {
		r->has_matrix = 1;
		memcpy(r->matrix, mat, sizeof r->matrix);
	}
}

static void
emit(struct svg_ctx *c, const struct xnode *x, struct gather *g, const struct svg_mat *m, double scale)
{
	int32_t mat[4];
	const int32_t *pm = NULL;
	double na = m->a / scale, nb = m->b / scale, nc = m->c / scale, nd = m->d / scale;
	if (fabs(na - 1) > 1e-9 || fabs(nb) > 1e-9 || fabs(nc) > 1e-9 || fabs(nd - 1) > 1e-9) {
		mat[0] = (int32_t)lround(na * 65536);
		mat[1] = (int32_t)lround(nb * 65536);
		mat[2] = (int32_t)lround(nc * 65536);
		mat[3] = (int32_t)lround(nd * 65536);
		pm = mat;
	}
	size_t i = 0;
	while (i < g->n) {
		/* one line per chunk */
		size_t e = i + 1;
		while (e < g->n && isnan(g->v[e].ax) && isnan(g->v[e].ay))
			e++;
		struct area *line = area_new(c->env->at, AREA_LINE, NULL);
		line->line = x->line;
		for (size_t k = i; k < e; ) {
			if (g->v[k].face < 0) {
				k++;
				continue;
			}
			size_t j = k + 1;
			while (j < e && g->v[j].face == g->v[k].face && g->v[j].set == g->v[k].set &&
			    g->v[j].st == g->v[k].st && g->v[j].dx == 0 && g->v[j].dy == 0)
				j++;
			make_run(c, x, line, g->v, k, j, m, scale, pm);
			k = j;
		}
		if (line->first) {
			mpt x0 = INT32_MAX, y0 = INT32_MAX, x1 = INT32_MIN, y1 = INT32_MIN;
			for (const struct area *r = line->first; r; r = r->next) {
				x0 = r->x < x0 ? r->x : x0;
				y0 = r->y < y0 ? r->y : y0;
				x1 = r->x + r->w > x1 ? r->x + r->w : x1;
				y1 = r->y + r->h > y1 ? r->y + r->h : y1;
			}
			line->x = x0;
			line->y = y0;
			line->w = x1 - x0;
			line->h = y1 - y0;
			line->baseline = line->first->baseline;
			area_append(c->parent, line);
		}
		i = e;
	}
}

void
svg_text(struct svg_ctx *c, const struct xnode *x, const struct svg_mat *m, const struct svg_style *s)
{
	struct gather g;
	double scale = sqrt(fabs(m->a * m->d - m->b * m->c));
	if (!(scale > 1e-9))
		return;
	memset(&g, 0, sizeof g);
	g.c = c;
	g.x = x;
	g.ax = g.ay = NAN;
	take_position(&g, c, x, s);
	if (isnan(g.ax))
		g.ax = 0;
	if (isnan(g.ay))
		g.ay = 0;
	gather(&g, x, keep_style(&g, s), 1);
	white_space(&g);
	if (g.n > 0) {
		measure(&g, scale);
		place(&g);
		emit(c, x, &g, m, scale);
	}
	for (size_t i = 0; i < g.nstyles; i++)
		free(g.styles[i]);
	free(g.styles);
	free(g.v);
}
