/*
 * lay_shape — HarfBuzz shaping of a paragraph's words before line
 * breaking (lay_shape.h).
 *
 * A word is a stretch of items of one face and one style with no space,
 * object, Chinese character or compressible punctuation in it; only words
 * with a Latin, Greek or Cyrillic letter are shaped: figures alone keep
 * their own (tabular) advances, so that columns of amounts and dates
 * align as in a spreadsheet.  Spaces keep
 * their advance and are not kerned against (kerning stops at a space, as
 * in TeX), so justification, which stretches spaces, never meets a kerned
 * pair.  A word whose glyphs are one per character, the cmap's, at their
 * own advances, is left unshaped: its area and PDF bytes are what they
 * were before shaping.
 */
#include <stdlib.h>
#include <string.h>

#include "lay_shape.h"

static int
shapeable(const struct text_item *t, struct text_face *face)
{
	if (face == NULL || t->lblank != 0 || t->rblank != 0 || t->cp == 0xFFFC ||
	    lay_bidi_control(t->cp))
		return 0;
	switch ((enum text_kind)t->kind) {
	case TK_LATIN: case TK_DIGIT: case TK_OTHER: case TK_CONNECT:
	case TK_DASH: case TK_ELLIPSIS: case TK_NBSP:
		return text_script_of(t->cp) != 2;
	case TK_HAN: case TK_SPACE: case TK_OPEN: case TK_CLOSE: case TK_PAUSE:
	case TK_STOP: case TK_MIDDLE: case TK_OBJECT: case TK_LEADER:
		return 0;
	}
	return 0;
}

/* Does shaping change anything: a cluster of more or fewer than one
 * glyph, a glyph not the cmap's, a kerned advance or an offset? */
static int
changes(struct text_face *face, const uint32_t *cps, size_t n, const struct text_glyph *g, size_t ng)
{
	if (ng != n)
		return 1;
	for (size_t k = 0; k < ng; k++) {
		if (g[k].cluster != k || g[k].dx != 0 || g[k].dy != 0)
			return 1;
		if (g[k].gid != text_face_glyph(face, cps[k]) ||
		    g[k].adv != text_glyph_advance(face, g[k].gid))
			return 1;
	}
	return 0;
}

static void
take(struct lay_shaped *s, struct text_item *it, const uint32_t *cps, struct text_face *face,
    mpt *gadv, size_t a, size_t b, const struct text_glyph *g, size_t ng)
{
	(void)cps;
	s->g = xrealloc(s->g, (s->ng + ng) * sizeof *s->g);
	for (size_t k = 0; k < ng;) {
		uint32_t c = g[k].cluster;
		size_t e = k;
		while (e < ng && g[e].cluster == c)
			e++;
		/* the cluster's characters: up to the next cluster's first */
		size_t cend = b - a;
		for (size_t q = 0; q < ng; q++)
			if (g[q].cluster > c && g[q].cluster < cend)
				cend = g[q].cluster;
		size_t first = a + c;
		mpt w = 0;
		s->first[first] = (uint32_t)s->ng;
		s->count[first] = (uint16_t)(e - k);
		s->nchars[first] = (uint16_t)(cend - c);
		for (size_t q = k; q < e; q++) {
			s->g[s->ng++] = g[q];
			w += text_advance(face, g[q].adv, it[first].em);
		}
		mpt old = gadv[first];
		gadv[first] = w;
		it[first].adv += w - old;
		if (it[first].adv < 0)
			it[first].adv = 0;
		for (size_t q = first + 1; q < a + cend; q++) {
			s->inner[q] = 1;
			it[q].adv -= gadv[q];
			if (it[q].adv < 0)
				it[q].adv = 0;
			gadv[q] = 0;
		}
		/* no break and no justification inside a cluster */
		for (size_t q = first; q + 1 < a + cend; q++) {
			if (it[q].brk == TB_ALLOW)
				it[q].brk = TB_NONE;
			it[q].nojust = 1;
		}
		k = e;
	}
}

void
lay_shape_para(struct lay_shaped *s, struct text_item *it, const uint32_t *cps,
    struct text_face *const *face, const void *const *key, const uint8_t *noliga,
    const int8_t *levels, mpt *gadv, size_t n)
{
	memset(s, 0, sizeof *s);
	for (size_t a = 0; a < n;) {
		if (!shapeable(&it[a], face[a])) {
			a++;
			continue;
		}
		size_t b = a + 1;
		int rtl = levels && (levels[a] & 1);
		int letters = it[a].kind == TK_LATIN || rtl;
		while (b < n && face[b] == face[a] && key[b] == key[a] && it[b].em == it[a].em &&
		    shapeable(&it[b], face[b]) && (!levels || ((levels[b] ^ levels[a]) & 1) == 0)) {
			letters |= it[b].kind == TK_LATIN;
			b++;
		}
		if (!letters || (b - a < 2 && !rtl) || b - a > 0xFFFF) {
			a = b;
			continue;
		}
		struct text_glyph *g;
		size_t ng = text_shape(face[a], cps + a, b - a, rtl, noliga[a], &g);
		if (ng > 0 && changes(face[a], cps + a, b - a, g, ng)) {
			if (!s->any) {
				s->first = xcalloc(n, sizeof *s->first);
				s->count = xcalloc(n, sizeof *s->count);
				s->nchars = xcalloc(n, sizeof *s->nchars);
				s->inner = xcalloc(n, sizeof *s->inner);
				s->ws = xcalloc(n, sizeof *s->ws);
				s->we = xcalloc(n, sizeof *s->we);
				s->face = xcalloc(n, sizeof *s->face);
				s->how = xcalloc(n, sizeof *s->how);
				s->n = n;
				s->any = 1;
			}
			for (size_t q = a; q < b; q++) {
				s->ws[q] = (uint32_t)a;
				s->we[q] = (uint32_t)b;
				s->face[q] = face[a];
				s->how[q] = (uint8_t)(rtl | (noliga[a] ? 2 : 0));
			}
			take(s, it, cps, face[a], gadv, a, b, g, ng);
		}
		free(g);
		a = b;
	}
}

void
lay_shaped_free(struct lay_shaped *s)
{
	free(s->g);
	free(s->first);
	free(s->count);
	free(s->nchars);
	free(s->inner);
	free(s->ws);
	free(s->we);
	free(s->face);
	free(s->how);
	memset(s, 0, sizeof *s);
}

/* ---------------------------------------------------------------- hyphenated words */

/* Width of n glyphs g shaped from items it[a…] (clusters from a), each
 * at its cluster's size, as take() measures them. */
static mpt
glyphs_width(struct text_face *face, const struct text_item *it, size_t a, const struct text_glyph *g,
    size_t n)
{
	mpt w = 0;
	for (size_t q = 0; q < n; q++)
		w += text_advance(face, g[q].adv, it[a + g[q].cluster].em);
	return w;
}

/* What the part [ws, k] of k's word, shaped alone, is wider than it is in
 * the whole word; 0 outside a shaped word. */
static mpt
cut_delta(const struct lay_shaped *s, const struct text_item *it, const uint32_t *cps, size_t k)
{
	if (!s->any || k >= s->n || s->we[k] == 0)
		return 0;
	size_t a = s->ws[k];
	struct text_face *face = s->face[k];
	mpt whole = 0;
	for (size_t q = a; q <= k; q++)
		for (size_t j = s->first[q]; s->count[q] > 0 && j < s->first[q] + s->count[q]; j++)
			whole += text_advance(face, s->g[j].adv, it[q].em);
	struct text_glyph *g;
	size_t ng = text_shape(face, cps + a, k + 1 - a, s->how[k] & 1, s->how[k] >> 1 & 1, &g);
	mpt alone = ng > 0 ? glyphs_width(face, it, a, g, ng) : whole;
	free(g);
	return alone - whole;
}

void
lay_shape_hyph(const struct lay_shaped *s, struct text_item *it, const uint32_t *cps)
{
	if (!s->any)
		return;
	for (size_t k = 0; k + 1 < s->n; k++) {
		if (it[k].soft != TS_HYPHEN || s->we[k] == 0)
			continue;
		if (s->inner[k + 1]) {   /* inside a ligature: one glyph, not broken */
			it[k].soft = TS_NONE;
			it[k].hyw = 0;
			continue;
		}
		it[k].hyw += cut_delta(s, it, cps, k);
		if (it[k].hyw < 1)
			it[k].hyw = 1;   /* a hyphen is drawn: the line says so */
	}
}

/* Shape items [a, b) of the word of a again, as a word of their own. */
static void
reshape(struct lay_shaped *s, struct text_item *it, const uint32_t *cps, mpt *gadv, size_t a,
    size_t b)
{
	struct text_face *face = s->face[a];
	uint8_t how = s->how[a];
	struct text_glyph *g;
	size_t ng = text_shape(face, cps + a, b - a, how & 1, how >> 1 & 1, &g);
	if (ng > 0) {
		for (size_t q = a; q < b; q++) {
			s->ws[q] = (uint32_t)a;
			s->we[q] = (uint32_t)b;
			s->count[q] = 0;
			s->inner[q] = 0;
		}
		take(s, it, cps, face, gadv, a, b, g, ng);
	}
	free(g);
}

void
lay_shape_split(struct lay_shaped *s, struct text_item *it, const uint32_t *cps, mpt *gadv, size_t k)
{
	if (!s->any || k + 1 >= s->n || s->we[k] == 0 || s->we[k] <= k + 1)
		return;
	size_t a = s->ws[k], b = s->we[k];
	reshape(s, it, cps, gadv, a, k + 1);
	reshape(s, it, cps, gadv, k + 1, b);
}

const struct area_glyph *
lay_shape_run(struct arena *a, const struct lay_shaped *s, const struct text_item *it,
    const uint32_t *cps, struct text_face *face, const size_t *idx, size_t n, int *ng)
{
	*ng = 0;
	if (!s->any || face == NULL || n == 0)
		return NULL;
	size_t m = 0, p;
	int shaped = 0;
	for (p = 0; p < n; p++) {
		size_t k = idx[p];
		shaped |= s->count[k] > 0 || s->inner[k];
		m += s->count[k] > 0 ? s->count[k] : !s->inner[k];
	}
	if (!shaped || m == 0)
		return NULL;
	/* the byte offset of each item in the run's text */
	uint32_t *off = xmalloc((n + 1) * sizeof *off);
	off[0] = 0;
	for (p = 0; p < n; p++) {
		char u[4];
		off[p + 1] = off[p] + (uint32_t)utf8_encode(cps[idx[p]], u);
	}
	struct area_glyph *out = arena_alloc(a, m * sizeof *out);
	size_t q = 0;
	mpt x0 = it[idx[0]].x;
	for (p = 0; p < n; p++) {
		size_t k = idx[p];
		if (s->inner[k])
			continue;
		mpt x = it[k].x - x0, em = it[k].em;
		if (s->count[k] == 0) {
			out[q++] = (struct area_glyph){ text_face_glyph(face, cps[k]), x, 0, off[p],
				off[p + 1] - off[p] };
			continue;
		}
		/* the cluster's characters stand together in the run, after
		 * its first (left to right) or before it (right to left) */
		size_t lo = p, hi = p + 1, c0 = k, c1 = k + s->nchars[k];
		while (lo > 0 && idx[lo - 1] > c0 && idx[lo - 1] < c1)
			lo--;
		while (hi < n && idx[hi] > c0 && idx[hi] < c1)
			hi++;
		mpt pen = 0;
		for (size_t g = s->first[k]; g < s->first[k] + s->count[k]; g++) {
			const struct text_glyph *sg = &s->g[g];
			out[q++] = (struct area_glyph){ sg->gid, x + pen + text_units(face, sg->dx, em),
				text_units(face, sg->dy, em), off[lo], g == s->first[k] ? off[hi] - off[lo] : 0 };
			pen += text_advance(face, sg->adv, em);
		}
	}
	free(off);
	*ng = (int)q;
	return out;
}
