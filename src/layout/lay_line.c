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
#include "lay_chars.h"
#include "lay_shape.h"

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

/* Per-item data the composer does not need. */
struct glyph {
	const struct fo_style *st;
	struct text_face      *face;
	uint8_t                bold, italic;
	uint8_t                pnum;    /* page-number placeholder */
	const struct fo_node  *link;    /* fo:basic-link */
	mpt                    gadv;    /* the glyph's own advance */
	mpt                    asc, desc;  /* ascent and descent at its size */
	struct area           *obj;     /* an inline object's viewport */
	const struct lobj     *lobj;    /* a leader, inline-container or edge (lay_inline.c) */
};

void
lay_report_missing(struct lay *L)
{
	if (L->nmissing == 0)
		return;
	struct buf b = {0};
	for (size_t i = 0; i < L->nmissing && i < 40; i++) {
		if (i)
			buf_puts(&b, ", ");
		buf_printf(&b, "U+%04X ", L->missing[i]);
		buf_add_utf8(&b, L->missing[i]);
	}
	if (L->nmissing > 40)
		buf_printf(&b, " and %zu more", L->nmissing - 40);
	diag_report(L->d, DIAG_WARNING, L->fo->file, 0, 0,
	    "no installed font draws these characters; they are left blank: %s", b.p);
	buf_free(&b);
}

/* A paragraph of text broken where it had no break opportunity: noted
 * once (a paragraph may be laid out again within a pass). */
static void
note_nobreak(struct lay *L, const struct fo_node *block, mpt width)
{
	for (size_t i = L->nnobreak; i-- > 0;)
		if (L->nobreak[i].block == block)
			return;
	L->nobreak = xrealloc(L->nobreak, (L->nnobreak + 1) * sizeof *L->nobreak);
	L->nobreak[L->nnobreak++] = (struct lay_nobreak){ block, block->line, width };
}

/* One warning for the document at the first such paragraph, with how
 * many there are and where the others are (docs/messages.md). */
void
lay_report_nobreak(struct lay *L)
{
	if (L->nnobreak == 0)
		return;
	const struct lay_nobreak *f = &L->nobreak[0];
	if (L->nnobreak == 1) {
		diag_report(L->d, DIAG_WARNING, L->fo->file, f->line, 0,
		    "text with no break opportunity is wider than the line (%.1fpt): "
		    "broken where it reaches the end of the line", f->width / 1000.0);
		return;
	}
	struct buf b = {0};
	size_t shown = L->nnobreak - 1 < 20 ? L->nnobreak - 1 : 20;
	for (size_t i = 1; i <= shown; i++)
		buf_printf(&b, "%s%d", i > 1 ? ", " : "", L->nobreak[i].line);
	if (L->nnobreak - 1 > shown)
		buf_printf(&b, " and %zu more", L->nnobreak - 1 - shown);
	diag_report(L->d, DIAG_WARNING, L->fo->file, f->line, 0,
	    "text with no break opportunity is wider than the line (%.1fpt) in %zu paragraphs, "
	    "here and at lines %s: each broken where it reaches the end of the line",
	    f->width / 1000.0, L->nnobreak, b.p);
	buf_free(&b);
}

static void
note_missing(struct lay *L, uint32_t cp)
{
	for (size_t i = 0; i < L->nmissing; i++)
		if (L->missing[i] == cp)
			return;
	L->missing = xrealloc(L->missing, (L->nmissing + 1) * sizeof *L->missing);
	L->missing[L->nmissing++] = cp;
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

const struct fo_node *
lay_inlines(struct lay *L, const struct fo_node *block, const struct fo_node *first,
    struct lblock *blk, struct vlist *vl, int first_line)
{
	struct chars cs = {0};
	const struct fo_node *c = first;
	const struct fo_style *bs = block->style;

	const char **ids = NULL;
	int nids = 0;
	int ncites0 = L->ncites, cbar_events0 = L->cbar_events;
	for (; c; c = c->next) {
		if (lay_is_block_level(c) || lay_retrieve_blocks(L, c))
			break;
		lay_gather(L, c, &cs, 0);
		inline_ids(L, c, &ids, &nids, 0);
	}
	const struct fo_node *lost = lay_whitespace(&cs);
	if (lost)
		diag_report(L->d, DIAG_WARNING, L->fo->file, lost->line, 0,
		    "fo:footnote whose citation is only white space: its body is not placed");
	if (cs.n == 0) {
		/* no line: its index anchors land with the next line or block */
		for (size_t k = 0; k < cs.nanc && !L->measure; k++)
			lay_anchor_pend(L, vl, cs.anc[k].fo);
		free(cs.v);
		free(cs.anc);
		free(ids);
		return c;
	}

	/* the per-character arrays, in one block (a document has many short
	 * paragraphs: table cells) */
	size_t n = cs.n;
	char *per_char = xcalloc(n, sizeof(struct glyph) + sizeof(struct lobj *) +
	    sizeof(struct text_item) + sizeof(uint32_t) + 1);   /* by alignment */
	struct glyph *g = (struct glyph *)per_char;
	struct lobj **objs = (struct lobj **)(g + n);
	struct text_item *it = (struct text_item *)(objs + n);
	uint32_t *cps = (uint32_t *)(it + n);
	uint8_t *brk = (uint8_t *)(cps + n);

	for (size_t i = 0; i < n; i++)
		cps[i] = cs.v[i].cp;
	/* beside a side float: narrower lines, as far down as it reaches */
	struct lblock *wide = blk, *mid = NULL;
	mpt rest = 0, rest2 = 0;
	if (!L->recompose)
		blk = lay_float_beside(L, blk, &rest, &mid, &rest2);
	mpt line_w = blk->w - blk->pad[SIDE_START] - blk->pad[SIDE_END] - blk->bw[SIDE_START] - blk->bw[SIDE_END];
	const char *lang = bs->language[0] ? bs->language : (L->fo->language ? L->fo->language : "zh");
	for (size_t i = 0; i < n; i++)
		if (cs.v[i].obj)
			objs[i] = lay_obj_new(L, cs.v[i].obj, cs.v[i].edge);
	lay_obj_breaks(L, cps, objs, n, lang, brk);

	/* the script around each character: punctuation and symbols take
	 * the Latin face between Latin letters, the Chinese one beside
	 * Chinese (docs/fonts.md); with no letter on either side, the
	 * block's language decides */
	uint8_t *latin = xmalloc(n);
	{
		int dflt = !(strncmp(lang, "zh", 2) == 0 || strncmp(lang, "ja", 2) == 0 ||
		    strncmp(lang, "ko", 2) == 0);
		int prev = 0, next = 0;
		for (size_t i = 0; i < n; i++) {
			int sc = text_script_of(cps[i]);
			if (sc)
				prev = sc;
			latin[i] = (uint8_t)prev;
		}
		for (size_t i = n; i > 0; i--) {
			int sc = text_script_of(cps[i - 1]), p = latin[i - 1];
			if (sc)
				next = sc;
			latin[i - 1] = (uint8_t)(p == 2 || next == 2 ? 0 : p == 1 || next == 1 ? 1 : dflt);
		}
	}
	for (size_t i = 0; i < n; i++) {
		const struct fo_style *st = cs.v[i].st;
		const struct text_fontset *set = lay_fontset(L, st);
		uint32_t cp = cps[i];
		int32_t adv = 0;
		mpt em = st->font_size;
		int fi = -1;

		it[i].cp = cp;
		it[i].kind = (uint8_t)text_kind_of(cp);
		it[i].brk = brk[i];
		it[i].em = em;
		it[i].keep = cs.v[i].keep != 0;
		if (objs[i]) {
			lay_obj_item(L, objs[i], line_w > 1000 ? line_w : 1000, &it[i], &g[i].asc,
			    &g[i].desc, &g[i].st);
			g[i].lobj = objs[i];
			g[i].gadv = it[i].adv;
			g[i].link = cs.v[i].link;
			continue;
		}
		if (cs.v[i].obj) {
			struct area *o = lay_object(L, cs.v[i].obj, line_w > 1000 ? line_w : 1000);
			it[i].kind = TK_OBJECT;
			it[i].adv = o->w;
			g[i].obj = o;
			g[i].st = st;
			g[i].link = cs.v[i].link;
			g[i].gadv = o->w;
			g[i].asc = o->h;
			g[i].desc = 0;
			if (cs.v[i].keep && i + 1 < n && cs.v[i + 1].keep == cs.v[i].keep && it[i].brk == TB_ALLOW)
				it[i].brk = TB_NONE;
			continue;
		}
		if (cp == '\n') {
			it[i].brk = TB_FORCE;
			it[i].kind = TK_SPACE;
			it[i].adv = 0;
			fi = set->n > 0 ? 0 : -1;
		} else if (cp == 0x200B) {
			it[i].kind = TK_SPACE;
			it[i].brk = TB_ALLOW;
			fi = set->n > 0 ? 0 : -1;
		} else if (lay_bidi_control(cp)) {
			fi = set->n > 0 ? 0 : -1;   /* no width, not drawn */
		} else {
			fi = text_fontset_find_ctx(set, cp, latin[i], &adv);
			if (fi < 0) {
				if (cp != ' ')
					note_missing(L, cp);
				fi = set->n > 0 ? 0 : -1;
				adv = fi >= 0 ? set->face[0]->upem / 2 : 0;  /* a blank half em */
			}
		}
		if (fi >= 0) {
			struct text_face *f = set->face[fi];
			g[i].face = f;
			g[i].bold = set->synth_bold[fi];
			g[i].italic = set->synth_italic[fi];
			g[i].gadv = cp == '\n' || cp == 0x200B ? 0 : text_advance(f, adv, em);
			g[i].asc = text_units(f, f->ascender, em);
			g[i].desc = -text_units(f, f->descender, em);
			if (it[i].kind == TK_OPEN || it[i].kind == TK_CLOSE || it[i].kind == TK_PAUSE ||
			    it[i].kind == TK_STOP || it[i].kind == TK_MIDDLE) {
				int32_t lb, rb;
				text_face_blanks(f, cp, &lb, &rb);
				it[i].lblank = text_units(f, lb, em);
				it[i].rblank = text_units(f, rb, em);
				if (it[i].lblank > em / 2)
					it[i].lblank = em / 2;
				if (it[i].rblank > em / 2)
					it[i].rblank = em / 2;
			}
		} else {
			g[i].asc = em * 4 / 5;
			g[i].desc = em / 5;
		}
		g[i].st = st;
		g[i].pnum = cs.v[i].pnum;
		g[i].link = cs.v[i].link;
		/* negative spacing may close a gap, never run the line backwards:
		 * with spacing bounded by the FO stage, a line's sum stays bounded */
		it[i].adv = g[i].gadv + st->letter_spacing + (it[i].kind == TK_SPACE ? st->word_spacing : 0);
		if (it[i].adv < 0)
			it[i].adv = 0;
		if (cs.v[i].keep && i + 1 < n && cs.v[i + 1].keep == cs.v[i].keep && it[i].brk == TB_ALLOW)
			it[i].brk = TB_NONE;
	}
	/* keep-with-next/-previous.within-line: no break between a glued
	 * character and the next (previous) one that is not a space */
	for (size_t i = 0; i < n; i++) {
		if (cs.v[i].glue & 1)
			for (size_t j = i; j + 1 < n; j++) {
				if (it[j].brk == TB_ALLOW)
					it[j].brk = TB_NONE;
				if (it[j + 1].kind != TK_SPACE)
					break;
			}
		if (cs.v[i].glue & 2)
			for (size_t j = i; j > 0; j--) {
				if (it[j - 1].brk == TB_ALLOW)
					it[j - 1].brk = TB_NONE;
				if (it[j - 1].kind != TK_SPACE)
					break;
			}
	}

	struct text_para_opts o;
	memset(&o, 0, sizeof o);
	o.width = line_w;
	if (o.width < 1000)
		o.width = 1000;
	o.indent = first_line ? fo_len_resolve(bs->text_indent, o.width) : 0;
	/* R13: text that starts with two ideographic spaces is indented already */
	if (n >= 2 && cps[0] == 0x3000 && cps[1] == 0x3000)
		o.indent = 0;
	/* the paragraph goes on at a page of another width (lay_page.c):
	 * composed again from the first character not yet placed */
	size_t skip = 0;
	if (L->resume_block == block && L->resume_first == first && L->resume_at < n) {
		skip = L->resume_at;
		o.indent = 0;
		nids = 0;   /* they landed with the paragraph's first line */
	}
	o.last_end_indent = fo_len_resolve(bs->last_line_end_indent, o.width);
	o.align = bs->text_align;
	o.align_last = bs->text_align_last;
	o.wrap = bs->wrap;
	o.hanging = bs->hanging;
	o.autospace = 1;
	o.ladder = (uint8_t)(bs->hyph_ladder > 0 && bs->hyph_ladder < 255 ? bs->hyph_ladder : 0);

	/* right to left: the bidi levels of the paragraph (writing-mode
	 * rl-tb, Hebrew, Arabic, unicode-bidi), or none */
	struct lay_bidi bidi;
	int has_bidi = lay_bidi_para(&bidi, cps, n, bs->writing_rl);

	/* kerning and ligatures: the shaped advances are what the lines hold */
	struct lay_shaped shp;
	mpt *ga = xmalloc(n * sizeof *ga);   /* the glyphs' own advances, shaped */
	{
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
		lay_shape_para(&shp, it, cps, fc, key, noliga, has_bidi ? bidi.levels : NULL, ga, n);
		free(fc);
		free(key);
		free(noliga);
	}

	struct text_line *lines = NULL;
	size_t nl = 0;
	size_t *ord = xmalloc(n * sizeof *ord);
	if (L->measure) {   /* automatic table layout wants widths, not lines */
		lay_measure_para(L, blk, it, n, o.indent);
	} else {
		/* hyphenation, URLs and paths (lay_hyph.c); not in a right-to-left
		 * paragraph, whose hyphen would stand at the line's left end */
		if (o.wrap && !(has_bidi && bidi.rtl)) {
			lay_hyph_mark(L, block, &cs, it, n, o.width - (o.indent > 0 ? o.indent : 0));
			lay_shape_hyph(&shp, it, cps);
		} else if (o.wrap) {
			text_url_breaks(it, n, o.width - (o.indent > 0 ? o.indent : 0));
		}
		nl = text_para_break(it + skip, n - skip, &o, &lines);
	}
	for (size_t l = 0; l < nl; l++) {
		lines[l].start += skip;
		lines[l].end += skip;
	}
	size_t wide_from = nl;   /* lines from here are below the float: full width */
	size_t mid_from = nl;    /* from here below the shorter of two: mid's width */
	mpt wide_w = wide->w - wide->pad[SIDE_START] - wide->pad[SIDE_END] - wide->bw[SIDE_START] -
	    wide->bw[SIDE_END];
	mpt mid_w = mid ? mid->w - mid->pad[SIDE_START] - mid->pad[SIDE_END] - mid->bw[SIDE_START] -
	    mid->bw[SIDE_END] : 0;
	if (wide_w < 1000)
		wide_w = 1000;
	if (mid_w < 1000)
		mid_w = 1000;
	if (blk != wide && rest > 0 && o.wrap && nl > 0 && mid) {
		mid_from = widen_below(L, bs, it, g, n, &o, mid_w, rest, &lines, &nl);
		wide_from = widen_below(L, bs, it, g, n, &o, wide_w, rest2, &lines, &nl);
	} else if (blk != wide && rest > 0 && o.wrap && nl > 0) {
		wide_from = widen_below(L, bs, it, g, n, &o, wide_w, rest, &lines, &nl);
	}
	/* a word broken by a hyphen: its two parts shaped apart, and so the
	 * word broken on the page before where the paragraph goes on */
	for (size_t l = 0; l < nl; l++)
		if (lines[l].hyw > 0)
			lay_shape_split(&shp, it, cps, ga, lines[l].end - 1);
	if (skip > 0 && !L->measure && it[skip - 1].hyw > 0 && it[skip - 1].kind == TK_LATIN &&
	    it[skip].kind == TK_LATIN)
		lay_shape_split(&shp, it, cps, ga, skip - 1);
	for (size_t i = 0; i < n; i++)
		g[i].gadv = ga[i];
	free(ga);
	for (size_t l = 0; l < nl; l++)
		if (lines[l].cut) {
			/* every character is kept: the run goes on on the next line */
			note_nobreak(L, block, o.width);
			break;
		}
	/* a paragraph of a flow with citations: remembered for the end of the pass */
	struct lay_cite_para *cp = NULL;
	if (!L->measure && !L->pagenum && !L->recompose && L->ncites > ncites0) {
		if (L->ncparas == L->capcparas) {
			L->capcparas = L->capcparas ? L->capcparas * 2 : 64;
			L->cparas = xrealloc(L->cparas, L->capcparas * sizeof *L->cparas);
		}
		cp = &L->cparas[L->ncparas++];
		L->scratch_kept = 1;   /* its box is read again at the end of the pass */
		*cp = (struct lay_cite_para){ block, first, blk, first_line, 1, nl,
			arena_alloc(L->at->arena, (nl ? nl : 1) * sizeof *cp->lines) };
		if (L->cbar_events != cbar_events0 || skip > 0)
			cp->patchable = 0;
		for (size_t i = 0; i < n; i++)
			if (cs.v[i].pnum || cs.v[i].note || (objs[i] && !lay_obj_simple(objs[i])))
				cp->patchable = 0;
	}
	mpt cx = blk->pad[SIDE_START] + blk->bw[SIDE_START];
	for (size_t l = 0; l < nl; l++) {
		mpt above, below;
		line_extent(L, bs, it, g, lines[l].start, lines[l].end, &above, &below);
		struct lblock *lb = l >= wide_from ? wide : l >= mid_from ? mid : blk;
		struct area *la = area_new(L->at, AREA_LINE, NULL);
		la->x = cx;
		la->y = 0;
		la->w = l >= wide_from ? wide_w : l >= mid_from ? mid_w : o.width;
		la->h = above + below;
		la->baseline = above;
		la->line = block->line;
		/* the line's items in visual order, placed anew when bidi */
		size_t nli = lines[l].end - lines[l].start;
		if (has_bidi)
			lay_bidi_line(&bidi, it, lines[l].start, lines[l].end, la->w, ord);
		else
			for (size_t k = 0; k < nli; k++)
				ord[k] = lines[l].start + k;
		build_runs(L, la, it, g, &shp, cps, ord, nli, above);
		if (lines[l].hyw > 0)   /* the line ends inside a word */
			lay_hyph_draw(L, la, g[lines[l].end - 1].st);
		/* runs are relative to the line's origin */
		for (struct area *r = la->first; r; r = r->next)
			lay_translate(r, cx, 0);
		lay_obj_areas(L, la, it, objs, lines[l].start, lines[l].end, above, cx, -lb->x);

		/* widows and orphans: no break that leaves too few lines */
		int before = (int)l, after = (int)(nl - l);
		int ok = l == 0 ? vl_boundary_ok(vl)
		    : before >= bs->orphans && after >= bs->widows && !vl->in_keep;
		if (cp)
			cp->lines[l] = la;
		struct vitem *v = vl_push(vl, V_LINE, la->h);
		v->brk_ok = (uint8_t)ok;
		v->blk = lb;
		v->line = la;
		v->para = first;
		v->c0 = (uint32_t)lines[l].start;
		v->cbar = L->ncbar ? L->cbar[L->ncbar - 1] : NULL;
		/* footnotes cited in the line, and in its inline-containers */
		int nn = 0;
		const struct fo_node *const *on;
		for (size_t i = lines[l].start; i < lines[l].end; i++)
			nn += (cs.v[i].note != NULL) + lay_obj_notes(g[i].lobj, &on);
		if (nn > 0) {
			v->notes = arena_alloc(L->at->arena, (size_t)nn * sizeof *v->notes);
			for (size_t i = lines[l].start; i < lines[l].end; i++) {
				if (cs.v[i].note)
					v->notes[v->nnotes++] = cs.v[i].note;
				for (int k = lay_obj_notes(g[i].lobj, &on); k > 0; k--)
					v->notes[v->nnotes++] = *on++;
			}
		}
		for (size_t i = lines[l].start; i < lines[l].end && v->cbar == NULL; i++)
			v->cbar = cs.v[i].cbar;
		v->anchors = line_anchors(L, &cs, lines, nl, l);
		if (l == 0 && nids > 0) {
			v->ids = arena_alloc(L->at->arena, (size_t)nids * sizeof *v->ids);
			memcpy(v->ids, ids, (size_t)nids * sizeof *ids);
			v->nids = nids;
		}
		vl->keep_next = 0;
		vl->space_at = SIZE_MAX;
	}
	free(ids);
	free(cs.anc);
	free(lines);
	lay_shaped_free(&shp);
	lay_bidi_free(&bidi);
	free(ord);
	free(per_char);
	free(latin);
	free(cs.v);
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
