/*
 * layout — inline objects in a line: fo:leader, fo:inline-container and
 * the edges of an fo:inline with borders, padding or a background.
 *
 * Each is one item of the paragraph (U+FFFC) for the text stage's composer:
 *
 *   leader      TK_LEADER: optimum width, shrinks to its minimum before
 *               anything else is squeezed and grows to its maximum before
 *               anything else is stretched, so a leader fills what is left
 *               of its line ("姓名：＿＿＿＿", dot leaders in a contents list)
 *   container   TK_OBJECT as wide as its box, its last baseline on the line's
 *   edge        TK_OBJECT as wide as the inline's padding and border on that
 *               side, glued to the text inside; after composition a box is
 *               drawn from edge to edge on each line (a boxed ☐, a boxed sum)
 *
 * lay_line.c gathers the objects, asks lay_obj_item for their metrics and
 * lay_obj_areas for their areas; edges are invisible to break finding.
 */
#include <stdlib.h>
#include <string.h>

#include "lay_int.h"

enum obj_kind { OBJ_LEADER, OBJ_CONTAINER, OBJ_EDGE_START, OBJ_EDGE_END };

struct lobj {
	uint8_t               kind;   /* enum obj_kind */
	const struct fo_node *fo;
	struct area          *box;    /* container: laid out when its line width is known */
	mpt                   base;   /* container: baseline from its top */
	const struct fo_node **notes; /* container: footnotes cited in it */
	int                   nnotes;
};

static struct lobj *
obj_new(struct lay *L, enum obj_kind kind, const struct fo_node *n)
{
	struct lobj *o = arena_alloc(L->at->arena, sizeof *o);
	o->kind = (uint8_t)kind;
	o->fo = n;
	return o;
}

struct lobj *
lay_obj_new(struct lay *L, const struct fo_node *n, int edge)
{
	if (edge)
		return obj_new(L, edge == 2 ? OBJ_EDGE_END : OBJ_EDGE_START, n);
	if (n->type == FO_LEADER)
		return obj_new(L, OBJ_LEADER, n);
	if (n->type == FO_INLINE_CONTAINER)
		return obj_new(L, OBJ_CONTAINER, n);
	return NULL;   /* graphics: lay_object() */
}

int
lay_inline_boxed(const struct fo_node *n)
{
	const struct fo_style *st = n->style;
	if (st->background != COLOR_NONE || lay_has_bgimage(n))
		return 1;
	for (int s = 0; s < 4; s++)
		if (st->border[s].width > 0 || st->padding[s].abs > 0 || st->padding[s].pct > 0)
			return 1;
	return 0;
}

/* Ascent and descent of the style's primary font. */
static void
font_extent(struct lay *L, const struct fo_style *st, mpt *asc, mpt *desc)
{
	struct text_face *f = text_fontset_primary(lay_fontset(L, st));
	*asc = st->font_size * 4 / 5;
	*desc = st->font_size / 5;
	if (f) {
		*asc = text_units(f, f->ascender, st->font_size);
		*desc = -text_units(f, f->descender, st->font_size);
	}
}

void
lay_obj_item(struct lay *L, const struct lobj *o, mpt w, struct text_item *it, mpt *asc,
    mpt *desc, const struct fo_style **stp)
{
	const struct fo_style *st = o->fo->style;
	*stp = st;
	*asc = *desc = 0;
	it->cp = 0xFFFC;
	it->em = st->font_size;
	it->lblank = it->rblank = 0;
	switch ((enum obj_kind)o->kind) {
	case OBJ_LEADER: {
		mpt mn = fo_len_resolve(st->leader_len[0], w);
		mpt opt = fo_len_resolve(st->leader_len[1], w);
		mpt mx = fo_len_resolve(st->leader_len[2], w);
		if (mn < 0)
			mn = 0;
		if (opt < mn)
			opt = mn;
		if (mx < opt)
			mx = opt;
		/* its padding is room on either side of the pattern (FOP draws so) */
		mpt pad = fo_len_resolve(st->padding[SIDE_START], 0) + fo_len_resolve(st->padding[SIDE_END], 0);
		if (pad < 0)
			pad = 0;
		it->kind = TK_LEADER;
		it->adv = opt + pad;
		it->lmin = mn + pad;
		it->lmax = mx + pad;
		break;
	}
	case OBJ_CONTAINER: {
		struct lobj *m = (struct lobj *)o;
		if (m->box == NULL) {
			mpt W = w;
			if (!st->width.is_auto) {
				W = fo_len_resolve(st->width, w);
			} else {
				/* as wide as its content, at most the line */
				mpt mn, mx;
				lay_measure_blocks(L, o->fo, &mn, &mx);
				mpt edges = 0;
				for (int s = SIDE_START; s <= SIDE_END; s++)
					edges += fo_len_resolve(st->padding[s], w) + st->border[s].width;
				W = mx + edges + 10 < w ? mx + edges + 10 : w;
			}
			mpt H = st->height.is_auto ? LAY_INF : fo_len_resolve(st->height, 0);
			m->box = lay_box_build(L, o->fo, W, H, st->width.is_auto, &m->base);
			m->notes = L->box_notes;
			m->nnotes = L->nbox_notes;
			if (m->base < 0)
				m->base = m->box->h;
		}
		it->kind = TK_OBJECT;
		it->adv = m->box->w;
		*asc = m->base;
		*desc = m->box->h - m->base;
		break;
	}
	case OBJ_EDGE_START:
	case OBJ_EDGE_END: {
		int s = o->kind == OBJ_EDGE_START ? SIDE_START : SIDE_END;
		it->kind = TK_OBJECT;
		it->adv = fo_len_resolve(st->padding[s], w) + st->border[s].width;
		it->nojust = o->kind == OBJ_EDGE_START;
		break;
	}
	}
}

/*
 * Break opportunities as if the edges of bordered inlines were not there:
 * none just inside an edge, and the text's own opportunity just outside.
 */
struct brk_entry {
	uint64_t        hash;
	size_t          n;
	const char     *lang;     /* borrowed from a style: lives as long as the FO tree */
	const uint32_t *cps;
	const uint8_t  *brk;
};

struct lay_brk {
	struct brk_entry *tab;    /* open addressing; hash 0 = empty */
	size_t            cap, n;
	struct arena     *mem;    /* copies of the texts and their breaks */
};

#define BRK_CACHE_MAX (32u << 20)   /* bytes of texts kept, at most */

void
lay_brk_free(struct lay_brk *c)
{
	if (c == NULL)
		return;
	free(c->tab);
	arena_free(c->mem);
	free(c);
}

static uint64_t
brk_hash(const uint32_t *cps, size_t n, const char *lang)
{
	uint64_t h = hash_bytes(hash_bytes(HASH_INIT, lang, strlen(lang)), cps, n * sizeof *cps);
	return h ? h : 1;
}

static struct brk_entry *
brk_slot(struct lay_brk *c, uint64_t h, const uint32_t *cps, size_t n, const char *lang)
{
	for (size_t k = h & (c->cap - 1);; k = (k + 1) & (c->cap - 1)) {
		struct brk_entry *e = &c->tab[k];
		if (e->hash == 0 || (e->hash == h && e->n == n && strcmp(e->lang, lang) == 0 &&
		    memcmp(e->cps, cps, n * sizeof *cps) == 0))
			return e;
	}
}

/* The text's own break opportunities, from the cache or text_breaks. */
static void
cached_breaks(struct lay *L, const uint32_t *cps, size_t n, const char *lang, uint8_t *brk)
{
	if (L->brk == NULL) {
		L->brk = xcalloc(1, sizeof *L->brk);
		L->brk->mem = arena_new();
		L->brk->cap = 1024;
		L->brk->tab = xcalloc(L->brk->cap, sizeof *L->brk->tab);
	}
	struct lay_brk *c = L->brk;
	uint64_t h = brk_hash(cps, n, lang);
	struct brk_entry *e = brk_slot(c, h, cps, n, lang);
	if (e->hash) {
		memcpy(brk, e->brk, n);
		return;
	}
	text_breaks(cps, n, lang, brk);
	if (arena_bytes(c->mem) > BRK_CACHE_MAX)
		return;
	uint32_t *kc = arena_alloc(c->mem, n * sizeof *kc);
	uint8_t *kb = arena_alloc(c->mem, n);
	memcpy(kc, cps, n * sizeof *kc);
	memcpy(kb, brk, n);
	*e = (struct brk_entry){ h, n, lang, kc, kb };
	if (++c->n * 2 > c->cap) {
		struct brk_entry *old = c->tab;
		size_t ocap = c->cap;
		c->cap *= 2;
		c->tab = xcalloc(c->cap, sizeof *c->tab);
		for (size_t i = 0; i < ocap; i++)
			if (old[i].hash)
				*brk_slot(c, old[i].hash, old[i].cps, old[i].n, old[i].lang) = old[i];
		free(old);
	}
}

void
lay_obj_breaks(struct lay *L, const uint32_t *cps, struct lobj *const *obj, size_t n, const char *lang,
    uint8_t *brk)
{
	size_t edges = 0;
	for (size_t i = 0; i < n; i++)
		edges += obj[i] && (obj[i]->kind == OBJ_EDGE_START || obj[i]->kind == OBJ_EDGE_END);
	if (edges == 0) {
		if (n > 0)
			cached_breaks(L, cps, n, lang, brk);
		return;
	}
	uint32_t *v = xmalloc((n ? n : 1) * sizeof *v);
	uint8_t *b = xmalloc(n ? n : 1);
	size_t *at = xmalloc((n ? n : 1) * sizeof *at), m = 0;

	for (size_t i = 0; i < n; i++) {
		if (obj[i] && (obj[i]->kind == OBJ_EDGE_START || obj[i]->kind == OBJ_EDGE_END))
			continue;
		v[m] = cps[i];
		at[m++] = i;
	}
	if (m)
		text_breaks(v, m, lang, b);
	for (size_t i = 0; i < n; i++)
		brk[i] = TB_NONE;
	for (size_t k = 0; k < m; k++)
		brk[at[k]] = b[k];
	/* an end edge takes over the opportunity after what it closes */
	for (size_t i = 1; i < n; i++)
		if (obj[i] && obj[i]->kind == OBJ_EDGE_END) {
			brk[i] = brk[i - 1];
			brk[i - 1] = TB_NONE;
		}
	free(v);
	free(b);
	free(at);
}

/* ---------------------------------------------------------------- areas */

/* Put a among the line's children in x order, so that text reads in order. */
static void
insert_in_order(struct area *la, struct area *a)
{
	struct area **p = &la->first;
	while (*p && !((*p)->kind == AREA_RUN && (*p)->x > a->x))
		p = &(*p)->next;
	a->next = *p;
	*p = a;
	if (a->next == NULL)
		la->last = a;
}

/*
 * A leader's run: n copies of the pattern pat in face, on the baseline. The
 * caller sets its glyph count, spacing, width and x (only it knows them), then
 * puts it among the line's children with insert_in_order.
 */
static struct area *
leader_run(struct lay *L, const struct fo_style *st, struct text_face *face,
    uint8_t bold, const char *pat, size_t patlen, int n, mpt baseline)
{
	struct buf b = {0};
	for (int k = 0; k < n; k++)
		buf_add(&b, pat, patlen);
	struct area *r = area_new(L->at, AREA_RUN, NULL);
	r->text = arena_strndup(L->at->arena, b.p, b.n);
	r->len = b.n;
	buf_free(&b);
	r->face = face;
	r->font = face->family;
	r->size = st->font_size;
	r->color = st->color;
	r->hidden = st->hidden;
	r->bold = bold;
	r->baseline = baseline;
	r->y = baseline - text_units(face, face->ascender, st->font_size);
	r->h = text_units(face, face->ascender, st->font_size) - text_units(face, face->descender, st->font_size);
	return r;
}

/*
 * Where the copies of a pattern step wide, the first w wide, go in [x, x +
 * len): *n of them from *x0.  leader-alignment none: the last ends where the
 * leader ends; reference-area or page: on a grid of step from ref0, so
 * that the dots of the lines of a contents list stand in columns.
 */
static void
pattern_place(const struct fo_style *st, mpt x, mpt len, mpt step, mpt w, mpt ref0, mpt *x0, int *n)
{
	if (st->leader_align == 0) {
		*n = (int)(len / step);
		*x0 = x + len - (*n > 0 ? (*n - 1) * step + w : 0);
		return;
	}
	int64_t d = (int64_t)x - ref0;
	int64_t k0 = d >= 0 ? (d + step - 1) / step : -((-d) / step);
	int64_t xs = ref0 + k0 * step;
	*x0 = (mpt)xs;
	*n = xs + w > (int64_t)x + len ? 0 : (int)(((int64_t)x + len - w - xs) / step + 1);
}

static void
leader_areas(struct lay *L, struct area *la, const struct fo_style *st, mpt x, mpt len,
    mpt baseline, mpt ref0)
{
	if (len <= 0)
		return;
	switch ((enum fo_leader)st->leader_pattern) {
	case LEADER_SPACE:
		return;
	case LEADER_RULE: {
		if (st->rule_style == BORDER_NONE || st->rule_thickness <= 0)
			return;
		struct area *r = area_new(L->at, AREA_RULE, la);
		r->x = x;
		r->w = len;
		r->thickness = st->rule_thickness;
		r->h = st->rule_thickness;
		/* on the baseline, like a ruled blank on a paper form */
		r->y = baseline + st->font_size / 10 - st->rule_thickness / 2;
		r->style = st->rule_style;
		r->color = st->color;
		r->hidden = st->hidden;
		r->name = "leader";
		return;
	}
	case LEADER_DOTS:
	case LEADER_USE_CONTENT:
		break;
	}
	/* dots: a run of full stops; the last ends where the leader ends */
	const struct text_fontset *set = lay_fontset(L, st);
	const char *pat = ".";
	int32_t adv;
	int fi = text_fontset_find(set, '.', &adv);
	if (fi < 0)
		return;
	struct text_face *f = set->face[fi];
	mpt dw = text_units(f, adv, st->font_size);
	mpt pw = st->leader_pw.is_auto ? dw : fo_len_resolve(st->leader_pw, len);
	if (pw < dw)
		pw = dw;
	if (dw <= 0)
		return;
	int n;
	mpt x0;
	pattern_place(st, x, len, pw, dw, ref0, &x0, &n);
	if (n <= 0)
		return;
	struct area *r = leader_run(L, st, f, set->synth_bold[fi], pat, strlen(pat), n, baseline);
	r->nglyphs = n;
	r->spacing = (n - 1) * (pw - dw);
	r->w = (n - 1) * pw + dw;
	r->x = x0;
	insert_in_order(la, r);
}

/* fo:leader leader-pattern="use-content": its text, drawn as a repeated run. */
static void
content_leader(struct lay *L, struct area *la, const struct fo_node *n, mpt x, mpt len,
    mpt baseline, mpt ref0)
{
	const struct fo_style *st = n->style;
	struct buf t = {0};
	for (const struct fo_node *c = n->first; c; c = c->next)
		if (c->type == FO_TEXT || c->type == FO_CHARACTER)
			for (size_t i = 0; i < c->textlen; i++)
				if (c->text[i] != ' ' && c->text[i] != '\n' && c->text[i] != '\t' && c->text[i] != '\r')
					buf_putc(&t, c->text[i]);
	if (t.n == 0) {
		buf_free(&t);
		return;
	}
	const struct text_fontset *set = lay_fontset(L, st);
	const char *s = t.p, *e = t.p + t.n;
	struct text_face *face = NULL;
	mpt pw = 0;
	int ng = 0, fi0 = -1;
	while (s < e) {
		uint32_t cp = utf8_next(&s, e);
		int32_t adv;
		int fi = text_fontset_find(set, cp, &adv);
		if (fi < 0 || (fi0 >= 0 && fi != fi0))
			continue;
		fi0 = fi;
		face = set->face[fi];
		pw += text_units(face, adv, st->font_size);
		ng++;
	}
	mpt step = st->leader_pw.is_auto ? pw : fo_len_resolve(st->leader_pw, len);
	if (step < pw)
		step = pw;
	int n_rep = face && step > 0 ? (int)(len / step) : 0;
	mpt x0 = 0;
	if (n_rep > 0 && st->leader_align != 0)   /* several glyphs repeat at their own width */
		pattern_place(st, x, len, ng == 1 ? step : pw, pw, ref0, &x0, &n_rep);
	if (n_rep <= 0) {
		buf_free(&t);
		return;
	}
	struct area *r = leader_run(L, st, face, set->synth_bold[fi0], t.p, t.n, n_rep, baseline);
	r->nglyphs = n_rep * ng;
	/* the gap between copies, as uniform spacing only when one glyph repeats */
	r->spacing = ng == 1 ? (n_rep - 1) * (step - pw) : 0;
	r->w = ng == 1 ? (n_rep - 1) * step + pw : n_rep * pw;
	r->x = st->leader_align != 0 ? x0 : x + len - r->w;
	insert_in_order(la, r);
	buf_free(&t);
}

/* The box of a bordered inline over items [a, b] of a line. */
static void
edge_box(struct lay *L, struct area *la, const struct fo_node *n, mpt x0, mpt x1, int first,
    int last, mpt baseline)
{
	const struct fo_style *st = n->style;
	mpt asc, desc, w = la->w;
	font_extent(L, st, &asc, &desc);
	struct area *b = area_new(L->at, AREA_BLOCK, NULL);
	b->name = "inline";
	b->line = n->line;
	b->fo = n;
	b->background = st->background;
	for (int s = 0; s < 4; s++) {
		b->border[s].style = st->border[s].style;
		b->border[s].width = st->border[s].width;
		b->border[s].color = st->border[s].color;
	}
	if (!first)
		b->border[SIDE_START].width = 0;
	if (!last)
		b->border[SIDE_END].width = 0;
	b->x = x0;
	b->w = x1 - x0;
	b->y = baseline - asc - fo_len_resolve(st->padding[SIDE_BEFORE], w) - st->border[SIDE_BEFORE].width;
	b->h = baseline + desc + fo_len_resolve(st->padding[SIDE_AFTER], w) +
	    st->border[SIDE_AFTER].width - b->y;
	/* before the line's text (drawn under it), boxes in x order */
	struct area **p = &la->first;
	while (*p && (*p)->kind == AREA_BLOCK && (*p)->name == b->name && (*p)->x <= b->x)
		p = &(*p)->next;
	b->next = *p;
	*p = b;
	if (b->next == NULL)
		la->last = b;
}

void
lay_obj_areas(struct lay *L, struct area *la, const struct text_item *it,
    struct lobj *const *obj, size_t s, size_t e, mpt baseline, mpt cx, mpt ref0)
{
	/* line-relative positions: the runs' x get cx added by the caller too */
	mpt line_x0 = e > s ? it[s].x : 0, line_x1 = line_x0;
	for (size_t i = s; i < e; i++)
		if (!it[i].hidden && it[i].x + it[i].adv - it[i].rcut > line_x1)
			line_x1 = it[i].x + it[i].adv - it[i].rcut;
	for (size_t i = s; i < e; i++) {
		const struct lobj *o = obj[i];
		if (o == NULL)
			continue;
		mpt x = it[i].x + it[i].lcut, len = it[i].adv - it[i].lcut - it[i].rcut;
		switch ((enum obj_kind)o->kind) {
		case OBJ_LEADER: {
			const struct fo_style *ls = o->fo->style;
			mpt ps = fo_len_resolve(ls->padding[SIDE_START], 0), pe = fo_len_resolve(ls->padding[SIDE_END], 0);
			if (ps > 0 && ps < len) {
				x += ps;
				len -= ps;
			}
			if (pe > 0 && pe < len)
				len -= pe;
			if (o->fo->style->leader_pattern == LEADER_USE_CONTENT)
				content_leader(L, la, o->fo, cx + x, len, baseline, ref0);
			else
				leader_areas(L, la, o->fo->style, cx + x, len, baseline, ref0);
			break;
		}
		case OBJ_CONTAINER:
			if (o->box) {
				struct area *b = o->box;
				lay_translate(b, cx + x - b->x, baseline - o->base - b->y);
				insert_in_order(la, b);
			}
			break;
		case OBJ_EDGE_START: {
			/* find its end edge in this line, or the line's end */
			size_t j = i + 1;
			int depth = 0;
			for (; j < e; j++) {
				if (obj[j] && obj[j]->fo == o->fo && obj[j]->kind == OBJ_EDGE_END && depth == 0)
					break;
				if (obj[j] && obj[j]->fo == o->fo && obj[j]->kind == OBJ_EDGE_START)
					depth++;
			}
			mpt x1 = j < e ? it[j].x + it[j].adv : line_x1;
			edge_box(L, la, o->fo, cx + it[i].x, cx + x1, 1, j < e, baseline);
			break;
		}
		case OBJ_EDGE_END: {
			/* a box that began on an earlier line */
			int opened = 0;
			for (size_t k = s; k < i; k++)
				if (obj[k] && obj[k]->fo == o->fo && obj[k]->kind == OBJ_EDGE_START)
					opened = 1;
			if (!opened)
				edge_box(L, la, o->fo, cx + line_x0, cx + it[i].x + it[i].adv, 0, 1, baseline);
			break;
		}
		}
	}
}

int
lay_obj_notes(const struct lobj *o, const struct fo_node *const **notes)
{
	*notes = o ? o->notes : NULL;
	return o ? o->nnotes : 0;
}

int
lay_obj_simple(const struct lobj *o)
{
	return o->kind != OBJ_CONTAINER;
}
