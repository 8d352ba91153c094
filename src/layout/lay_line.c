/*
 * layout — inline content to line areas.  The characters gathered and
 * their white space handled (lay_gather.c), fonts are chosen per
 * character, break opportunities come from the text stage, and the text
 * stage's composer breaks and justifies.  Each line becomes an area of runs:
 * consecutive glyphs of one style whose spacing is uniform.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lay_int.h"
#include "lay_para.h"

const struct text_fontset *
lay_fontset(struct lay *L, const struct fo_style *s)
{
	/* most characters have the style of the one before */
	if (L->ncache > 0 && L->cache_style[L->cache_last] == s)
		return L->cache_set[L->cache_last];
	for (size_t i = 0; i < L->ncache; i++)
		if (L->cache_style[i] == s) {
			L->cache_last = i;
			return L->cache_set[i];
		}
	const struct text_fontset *set = text_fontset_lookup(L->fonts, s->font_family,
	    s->font_weight, s->font_italic);
	if (L->ncache == L->capcache) {
		L->capcache = L->capcache ? L->capcache * 2 : 64;
		L->cache_style = xrealloc(L->cache_style, L->capcache * sizeof *L->cache_style);
		L->cache_set = xrealloc(L->cache_set, L->capcache * sizeof *L->cache_set);
	}
	L->cache_last = L->ncache;
	L->cache_style[L->ncache] = s;
	L->cache_set[L->ncache++] = set;
	return set;
}

/* url('…') or a plain URI, unquoted, in the area tree's arena. */
static const char *
lay_uri(struct lay *L, const char *v)
{
	while (*v == ' ')
		v++;
	if (strncmp(v, "url(", 4) == 0) {
		const char *s = v + 4, *e = v + strlen(v);
		while (e > s && (e[-1] == ')' || e[-1] == ' '))
			e--;
		if (s < e && (*s == '\'' || *s == '"'))
			s++;
		if (e > s && (e[-1] == '\'' || e[-1] == '"'))
			e--;
		return arena_strndup(L->at->arena, s, (size_t)(e - s));
	}
	return v;
}

static mpt
shift_of(const struct fo_style *st, mpt em)
{
	switch ((enum fo_shift)st->shift) {
	case SHIFT_BASELINE: return 0;
	case SHIFT_SUPER: return em / 3;
	case SHIFT_SUB: return -em / 5;
	case SHIFT_LENGTH: return fo_len_resolve(st->shift_len, st->line_height);
	}
	return 0;
}

/* Not drawn: a hidden space, a line feed, a zero-width space, a bidi control. */
static int
undrawn(const struct text_item *t)
{
	return t->hidden || t->cp == '\n' || t->cp == 0x200B || lay_bidi_control(t->cp);
}

/* The runs of a line: its items ord[0, n) in visual order (left to right). */
static void
build_runs(struct lay *L, struct area *line, const struct text_item *it,
    const struct glyph *g, const struct lay_shaped *sh, const uint32_t *cps, const size_t *ord,
    size_t n, mpt baseline)
{
	size_t p = 0;
	while (p < n) {
		size_t i = ord[p];
		if (undrawn(&it[i]) || g[i].lobj) {
			p++;
			continue;
		}
		if (g[i].obj) {
			/* the object's bottom on the (shifted) baseline */
			struct area *o = g[i].obj;
			lay_translate(o, it[i].x - o->x, baseline - shift_of(g[i].st, g[i].st->font_size) - o->h - o->y);
			area_append(line, o);
			p++;
			continue;
		}
		size_t q = p + 1;
		mpt extra0 = 0;
		while (q < n) {
			size_t j = ord[q], jp = ord[q - 1];
			if (undrawn(&it[j]) || g[j].obj || g[j].lobj || g[j].st != g[i].st ||
			    g[j].face != g[i].face || g[j].pnum != g[i].pnum || g[j].link != g[i].link)
				break;
			mpt extra = it[j].x - it[jp].x - g[jp].gadv;
			if (q == p + 1)
				extra0 = extra;
			else if (extra - extra0 > 2 || extra0 - extra > 2)
				break;
			q++;
		}
		size_t last = ord[q - 1];
		struct area *r = area_new(L->at, AREA_RUN, line);
		struct buf b = {0};
		for (size_t k = p; k < q; k++)
			buf_add_utf8(&b, cps[ord[k]]);
		r->text = arena_strndup(L->at->arena, b.p, b.n);
		r->len = b.n;
		buf_free(&b);
		r->face = g[i].face;
		r->font = g[i].face ? g[i].face->family : "";
		r->size = g[i].st->font_size;
		r->color = g[i].st->color;
		r->hidden = g[i].st->hidden;
		r->bold = g[i].bold;
		r->italic = g[i].italic;
		r->deco = g[i].st->decoration;
		r->pagenum = g[i].pnum;
		if (g[i].link) {
			const char *dest = g[i].link->ref;
			const char *uri = g[i].link->uri;
			if (dest && *dest)
				r->link_dest = dest;
			else if (uri && *uri)
				r->link_uri = lay_uri(L, uri);
		}
		r->nglyphs = (int)(q - p);
		r->glyphs = lay_shape_run(L->at->arena, sh, it, cps, g[i].face, ord + p, q - p, &r->ngids);
		r->x = it[i].x;
		r->spacing = (q - p > 1) ? (it[last].x - it[i].x) : 0;
		for (size_t k = p; k + 1 < q; k++)
			r->spacing -= g[ord[k]].gadv;
		/* to the end of the last glyph's set box (a trimmed mark ends early) */
		r->w = it[last].x + it[last].adv - it[last].rcut - it[i].x;
		r->baseline = baseline - shift_of(g[i].st, g[i].st->font_size);
		r->y = r->baseline - g[i].asc;
		r->h = g[i].asc + g[i].desc;
		p = q;
	}
}

/* Ids of inline FOs under n, collected for the first line of a paragraph;
 * inside an inline-container (one object in the line) those of its blocks
 * too.  whole: n is inside an inline-container. */
static void
inline_ids(struct lay *L, const struct fo_node *n, const char ***ids, int *nids, int whole)
{
	int block = n->type == FO_BLOCK || n->type == FO_BLOCK_CONTAINER;
	if (block && !whole)
		return;
	if (n->type == FO_MARKER)
		return;
	if (n->id) {
		*ids = xrealloc(*ids, (size_t)(*nids + 1) * sizeof **ids);
		(*ids)[(*nids)++] = n->id;
	}
	for (const struct fo_node *c = n->first; c; c = c->next)
		inline_ids(L, c, ids, nids, whole || n->type == FO_INLINE_CONTAINER);
}

/* The index anchors of line l of nl: those before its first character's
 * successor line, from the first character at or after each anchor. */
static struct lay_anchor *
line_anchors(struct lay *L, const struct chars *cs, const struct text_line *lines, size_t nl,
    size_t l)
{
	struct lay_anchor *first = NULL, **tail = &first;
	size_t i = 0;
	for (size_t k = 0; k < cs->nanc && !L->measure; k++) {
		while (i + 1 < cs->n && cs->v[i].seq < cs->anc[k].seq)
			i++;
		size_t at = 0;
		while (at + 1 < nl && lines[at].end <= i)
			at++;
		/* before the lines (a paragraph composed again from a character
		 * on): landed with the lines on the pages before */
		if (at != l || (nl > 0 && i < lines[0].start))
			continue;
		struct lay_anchor *a = arena_alloc(L->at->arena, sizeof *a);
		a->fo = cs->anc[k].fo;
		a->next = NULL;
		*tail = a;
		tail = &a->next;
	}
	return first;
}

/* Above and below the baseline of the line of items [s, e): the strut of
 * the block's style bs, and each item's. */
static void
line_extent(struct lay *L, const struct fo_style *bs, const struct text_item *it,
    const struct glyph *g, size_t s, size_t e, mpt *above_, mpt *below_)
{
	mpt above, below;
	/* the strut: the block's own font and line height */
	{
		const struct text_fontset *set = lay_fontset(L, bs);
		mpt a = bs->font_size * 4 / 5, d = bs->font_size / 5;
		struct text_face *pf = text_fontset_primary(set);
		if (pf) {
			a = text_units(pf, pf->ascender, bs->font_size);
			d = -text_units(pf, pf->descender, bs->font_size);
		}
		mpt half = (bs->line_height - (a + d)) / 2;
		above = half + a;
		below = bs->line_height - above;
	}
	for (size_t i = s; i < e; i++) {
		if (it[i].hidden)
			continue;
		const struct fo_style *st = g[i].st;
		mpt half = (st->line_height - (g[i].asc + g[i].desc)) / 2;
		mpt sh = bs->shifts_ignored ? 0 : shift_of(st, st->font_size);
		mpt ab = half + g[i].asc + sh, be = st->line_height - (half + g[i].asc) - sh;
		if (g[i].obj || g[i].lobj) {   /* an object's allocation is its border box: no leading */
			ab = g[i].asc + sh;
			be = g[i].desc - sh;
		}
		if (ab > above)
			above = ab;
		if (be > below)
			below = be;
	}
	*above_ = above;
	*below_ = below;
}

/*
 * Beside a side float (lay_float.c) a paragraph is composed at the narrow
 * width; the lines that begin below the float's bottom (rest below the
 * first line's top) are composed again at the full width wide_w, from the
 * first of them on.  Returns the index of that line (nl: none), *lines
 * and *nl updated.
 */
static size_t
widen_below(struct lay *L, const struct fo_style *bs, struct text_item *it, const struct glyph *g,
    size_t n, const struct text_para_opts *o, mpt wide_w, mpt rest, struct text_line **lines,
    size_t *nl)
{
	mpt y = 0;
	size_t k = 0;
	while (k < *nl && y < rest) {
		mpt a, b;
		line_extent(L, bs, it, g, (*lines)[k].start, (*lines)[k].end, &a, &b);
		y += a + b;
		k++;
	}
	if (k >= *nl)
		return *nl;
	size_t s = (*lines)[k].start;
	struct text_para_opts wo = *o;
	wo.width = wide_w;
	wo.indent = 0;
	struct text_line *more = NULL;
	size_t nm = text_para_break(it + s, n - s, &wo, &more);
	*lines = xrealloc(*lines, (k + nm + 1) * sizeof **lines);
	for (size_t i = 0; i < nm; i++) {
		more[i].start += s;
		more[i].end += s;
		(*lines)[k + i] = more[i];
	}
	free(more);
	*nl = k + nm;
	return k;
}

/* The per-character arrays of p's n characters, in one block. */
static void
para_arrays(struct para *p)
{
	size_t n = p->n;
	p->per_char = xcalloc(n, sizeof(struct glyph) + sizeof(struct lobj *) +
	    sizeof(struct text_item) + sizeof(uint32_t) + 1);   /* by alignment */
	p->g = (struct glyph *)p->per_char;
	p->objs = (struct lobj **)(p->g + n);
	p->it = (struct text_item *)(p->objs + n);
	p->cps = (uint32_t *)(p->it + n);
	p->brk = (uint8_t *)(p->cps + n);
	for (size_t i = 0; i < n; i++)
		p->cps[i] = p->cs.v[i].cp;
}

/* The composer's options for p from the block's style bs. */
static struct text_para_opts
para_opts(const struct fo_style *bs, const struct para *p, int first_line)
{
	struct text_para_opts o;
	memset(&o, 0, sizeof o);
	o.width = p->line_w;
	if (o.width < 1000)
		o.width = 1000;
	o.indent = first_line ? fo_len_resolve(bs->text_indent, o.width) : 0;
	/* R13: text that starts with two ideographic spaces is indented already */
	if (p->n >= 2 && p->cps[0] == 0x3000 && p->cps[1] == 0x3000)
		o.indent = 0;
	o.last_end_indent = fo_len_resolve(bs->last_line_end_indent, o.width);
	o.align = bs->text_align;
	o.align_last = bs->text_align_last;
	o.wrap = bs->wrap;
	o.hanging = bs->hanging;
	o.autospace = 1;
	o.ladder = (uint8_t)(bs->hyph_ladder > 0 && bs->hyph_ladder < 255 ? bs->hyph_ladder : 0);
	return o;
}

/* Kerning and ligatures: the shaped advances are what the lines hold.
 * Returns the glyphs' own advances, shaped (owned). */
static mpt *
para_shape(struct para *p)
{
	size_t n = p->n;
	const struct glyph *g = p->g;
	mpt *ga = xmalloc(n * sizeof *ga);
	struct text_face **fc = xmalloc(n * sizeof *fc);
	const void **key = xmalloc(n * sizeof *key);
	uint8_t *noliga = xmalloc(n);
	for (size_t i = 0; i < n; i++) {
		/* page numbers are patched in place later: not shaped */
		fc[i] = g[i].obj || g[i].lobj || g[i].pnum ? NULL : g[i].face;
		key[i] = g[i].st;
		noliga[i] = g[i].st && g[i].st->letter_spacing != 0;
		ga[i] = g[i].gadv;
	}
	lay_shape_para(&p->shp, p->it, p->cps, fc, key, noliga, p->has_bidi ? p->bidi.levels : NULL,
	    ga, n);
	free(fc);
	free(key);
	free(noliga);
	return ga;
}

/* The paragraph broken into p->lines, or measured for automatic table
 * layout (no lines). */
static void
para_break(struct lay *L, const struct fo_node *block, struct lblock *blk, struct para *p,
    const struct text_para_opts *o)
{
	if (L->measure) {   /* automatic table layout wants widths, not lines */
		lay_measure_para(L, blk, p->it, p->n, o->indent);
		return;
	}
	/* hyphenation, URLs and paths (lay_hyph.c); not in a right-to-left
	 * paragraph, whose hyphen would stand at the line's left end */
	mpt w = o->width - (o->indent > 0 ? o->indent : 0);
	if (o->wrap && !(p->has_bidi && p->bidi.rtl)) {
		lay_hyph_mark(L, block, &p->cs, p->it, p->n, w);
		lay_shape_hyph(&p->shp, p->it, p->cps);
	} else if (o->wrap) {
		text_url_breaks(p->it, p->n, w);
	}
	p->nl = text_para_break(p->it + p->skip, p->n - p->skip, o, &p->lines);
	for (size_t l = 0; l < p->nl; l++) {
		p->lines[l].start += p->skip;
		p->lines[l].end += p->skip;
	}
}

/* A word broken by a hyphen: its two parts shaped apart, and so the word
 * broken on the page before where the paragraph goes on; then the shaped
 * advances ga are the glyphs'. */
static void
shape_hyphened(const struct lay *L, struct para *p, mpt *ga)
{
	size_t skip = p->skip;
	for (size_t l = 0; l < p->nl; l++)
		if (p->lines[l].hyw > 0)
			lay_shape_split(&p->shp, p->it, p->cps, ga, p->lines[l].end - 1);
	if (skip > 0 && !L->measure && p->it[skip - 1].hyw > 0 && p->it[skip - 1].kind == TK_LATIN &&
	    p->it[skip].kind == TK_LATIN)
		lay_shape_split(&p->shp, p->it, p->cps, ga, skip - 1);
	for (size_t i = 0; i < p->n; i++)
		p->g[i].gadv = ga[i];
}

/* A paragraph of a flow with citations: remembered for the end of the
 * pass, patchable in place unless a page number, footnote or complex
 * object or a change bar is in it, or it goes on from a page before.
 * Returns it, or NULL. */
static struct lay_cite_para *
cite_para(struct lay *L, const struct fo_node *block, const struct fo_node *first,
    struct lblock *blk, int first_line, const struct para *p, int ncites0, int cbar_events0)
{
	if (L->measure || L->pagenum || L->recompose || L->ncites <= ncites0)
		return NULL;
	if (L->ncparas == L->capcparas) {
		L->capcparas = L->capcparas ? L->capcparas * 2 : 64;
		L->cparas = xrealloc(L->cparas, L->capcparas * sizeof *L->cparas);
	}
	struct lay_cite_para *cp = &L->cparas[L->ncparas++];
	L->scratch_kept = 1;   /* its box is read again at the end of the pass */
	size_t nl = p->nl;
	*cp = (struct lay_cite_para){ block, first, blk, first_line, 1, nl,
		arena_alloc(L->at->arena, (nl ? nl : 1) * sizeof *cp->lines) };
	if (L->cbar_events != cbar_events0 || p->skip > 0)
		cp->patchable = 0;
	for (size_t i = 0; i < p->n; i++)
		if (p->cs.v[i].pnum || p->cs.v[i].note || (p->objs[i] && !lay_obj_simple(p->objs[i])))
			cp->patchable = 0;
	return cp;
}

/* The area of line l, w wide at cx in the block lb, its runs and objects
 * placed; ord is scratch for the visual order. */
static struct area *
line_area(struct lay *L, const struct fo_node *block, struct para *p, size_t l,
    const struct lblock *lb, mpt cx, mpt w, size_t *ord)
{
	const struct text_line *ln = &p->lines[l];
	mpt above, below;
	line_extent(L, block->style, p->it, p->g, ln->start, ln->end, &above, &below);
	struct area *la = area_new(L->at, AREA_LINE, NULL);
	la->x = cx;
	la->y = 0;
	la->w = w;
	la->h = above + below;
	la->baseline = above;
	la->line = block->line;
	/* the line's items in visual order, placed anew when bidi */
	size_t nli = ln->end - ln->start;
	if (p->has_bidi)
		lay_bidi_line(&p->bidi, p->it, ln->start, ln->end, la->w, ord);
	else
		for (size_t k = 0; k < nli; k++)
			ord[k] = ln->start + k;
	build_runs(L, la, p->it, p->g, &p->shp, p->cps, ord, nli, above);
	if (ln->hyw > 0)   /* the line ends inside a word */
		lay_hyph_draw(L, la, p->g[ln->end - 1].st);
	/* runs are relative to the line's origin */
	for (struct area *r = la->first; r; r = r->next)
		lay_translate(r, cx, 0);
	lay_obj_areas(L, la, p->it, p->objs, ln->start, ln->end, above, cx, -lb->x);
	return la;
}

/* Line l's area la, of the block lb, onto the vertical list: where a
 * page may break, its footnotes, change bar, index anchors and ids. */
static void
push_line(struct lay *L, struct vlist *vl, const struct fo_style *bs, const struct para *p,
    size_t l, struct area *la, struct lblock *lb)
{
	/* widows and orphans: no break that leaves too few lines */
	int before = (int)l, after = (int)(p->nl - l);
	int ok = l == 0 ? vl_boundary_ok(vl)
	    : before >= bs->orphans && after >= bs->widows && !vl->in_keep;
	struct vitem *v = vl_push(vl, V_LINE, la->h);
	v->brk_ok = (uint8_t)ok;
	v->blk = lb;
	v->line = la;
	v->para = p->first;
	v->c0 = (uint32_t)p->lines[l].start;
	v->cbar = L->ncbar ? L->cbar[L->ncbar - 1] : NULL;
	/* footnotes cited in the line, and in its inline-containers */
	size_t s = p->lines[l].start, e = p->lines[l].end;
	int nn = 0;
	const struct fo_node *const *on;
	for (size_t i = s; i < e; i++)
		nn += (p->cs.v[i].note != NULL) + lay_obj_notes(p->g[i].lobj, &on);
	if (nn > 0)
		v->notes = arena_alloc(L->at->arena, (size_t)nn * sizeof *v->notes);
	for (size_t i = s; i < e && nn > 0; i++) {
		if (p->cs.v[i].note)
			v->notes[v->nnotes++] = p->cs.v[i].note;
		for (int k = lay_obj_notes(p->g[i].lobj, &on); k > 0; k--)
			v->notes[v->nnotes++] = *on++;
	}
	for (size_t i = s; i < e && v->cbar == NULL; i++)
		v->cbar = p->cs.v[i].cbar;
	v->anchors = line_anchors(L, &p->cs, p->lines, p->nl, l);
	if (l == 0 && p->nids > 0) {
		v->ids = arena_alloc(L->at->arena, (size_t)p->nids * sizeof *v->ids);
		memcpy(v->ids, p->ids, (size_t)p->nids * sizeof *p->ids);
		v->nids = p->nids;
	}
	vl->keep_next = 0;
	vl->space_at = SIZE_MAX;
}

/* The inline FOs from first up to the next block-level one gathered into
 * p's characters, white space handled.  Returns that block-level FO. */
static const struct fo_node *
para_gather(struct lay *L, const struct fo_node *first, struct para *p)
{
	const struct fo_node *c = first;
	p->first = first;
	for (; c; c = c->next) {
		if (lay_is_block_level(c) || lay_retrieve_blocks(L, c))
			break;
		lay_gather(L, c, &p->cs, 0);
		inline_ids(L, c, &p->ids, &p->nids, 0);
	}
	const struct fo_node *lost = lay_whitespace(&p->cs);
	if (lost)
		diag_report(L->d, DIAG_WARNING, L->fo->file, lost->line, 0,
		    "fo:footnote whose citation is only white space: its body is not placed");
	p->n = p->cs.n;
	return c;
}

/* The width inside b's padding and borders, at least 1pt. */
static mpt
inner_w(const struct lblock *b)
{
	mpt w = b->w - b->pad[SIDE_START] - b->pad[SIDE_END] - b->bw[SIDE_START] - b->bw[SIDE_END];
	return w < 1000 ? 1000 : w;
}

const struct fo_node *
lay_inlines(struct lay *L, const struct fo_node *block, const struct fo_node *first,
    struct lblock *blk, struct vlist *vl, int first_line)
{
	const struct fo_style *bs = block->style;
	struct para p = {0};
	int ncites0 = L->ncites, cbar_events0 = L->cbar_events;
	const struct fo_node *c = para_gather(L, first, &p);
	if (p.n == 0) {
		/* no line: its index anchors land with the next line or block */
		for (size_t k = 0; k < p.cs.nanc && !L->measure; k++)
			lay_anchor_pend(L, vl, p.cs.anc[k].fo);
		free(p.cs.v);
		free(p.cs.anc);
		free(p.ids);
		return c;
	}
	para_arrays(&p);
	/* beside a side float: narrower lines, as far down as it reaches */
	struct lblock *wide = blk, *mid = NULL;
	mpt rest = 0, rest2 = 0;
	if (!L->recompose)
		blk = lay_float_beside(L, blk, &rest, &mid, &rest2);
	p.line_w = blk->w - blk->pad[SIDE_START] - blk->pad[SIDE_END] - blk->bw[SIDE_START] -
	    blk->bw[SIDE_END];
	const char *lang = bs->language[0] ? bs->language : (L->fo->language ? L->fo->language : "zh");
	lay_para_items(L, &p, lang);
	struct text_para_opts o = para_opts(bs, &p, first_line);
	/* the paragraph goes on at a page of another width (lay_page.c):
	 * composed again from the first character not yet placed */
	if (L->resume_block == block && L->resume_first == first && L->resume_at < p.n) {
		p.skip = L->resume_at;
		o.indent = 0;
		p.nids = 0;   /* they landed with the paragraph's first line */
	}
	/* right to left: the bidi levels of the paragraph (writing-mode
	 * rl-tb, Hebrew, Arabic, unicode-bidi), or none */
	p.has_bidi = lay_bidi_para(&p.bidi, p.cps, p.n, bs->writing_rl);
	mpt *ga = para_shape(&p);
	para_break(L, block, blk, &p, &o);
	size_t wide_from = p.nl;   /* lines from here are below the float: full width */
	size_t mid_from = p.nl;    /* from here below the shorter of two: mid's width */
	mpt wide_w = inner_w(wide), mid_w = mid ? inner_w(mid) : 1000;
	if (blk != wide && rest > 0 && o.wrap && p.nl > 0 && mid) {
		mid_from = widen_below(L, bs, p.it, p.g, p.n, &o, mid_w, rest, &p.lines, &p.nl);
		wide_from = widen_below(L, bs, p.it, p.g, p.n, &o, wide_w, rest2, &p.lines, &p.nl);
	} else if (blk != wide && rest > 0 && o.wrap && p.nl > 0) {
		wide_from = widen_below(L, bs, p.it, p.g, p.n, &o, wide_w, rest, &p.lines, &p.nl);
	}
	shape_hyphened(L, &p, ga);
	free(ga);
	for (size_t l = 0; l < p.nl; l++)
		if (p.lines[l].cut) {
			/* every character is kept: the run goes on on the next line */
			lay_note_nobreak(L, block, o.width);
			break;
		}
	struct lay_cite_para *cp = cite_para(L, block, first, blk, first_line, &p, ncites0,
	    cbar_events0);
	size_t *ord = xmalloc(p.n * sizeof *ord);
	mpt cx = blk->pad[SIDE_START] + blk->bw[SIDE_START];
	for (size_t l = 0; l < p.nl; l++) {
		struct lblock *lb = l >= wide_from ? wide : l >= mid_from ? mid : blk;
		mpt w = l >= wide_from ? wide_w : l >= mid_from ? mid_w : o.width;
		struct area *la = line_area(L, block, &p, l, lb, cx, w, ord);
		if (cp)
			cp->lines[l] = la;
		push_line(L, vl, bs, &p, l, la, lb);
	}
	free(p.ids);
	free(p.cs.anc);
	free(p.lines);
	lay_shaped_free(&p.shp);
	lay_bidi_free(&p.bidi);
	free(ord);
	free(p.per_char);
	free(p.latin);
	free(p.cs.v);
	return c;
}

void
lay_translate(struct area *a, mpt dx, mpt dy)
{
	a->x += dx;
	a->y += dy;
	if (a->kind == AREA_LINE || a->kind == AREA_RUN)
		a->baseline += dy;
	for (struct area *c = a->first; c; c = c->next)
		lay_translate(c, dx, dy);
}
