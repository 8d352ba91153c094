/*
 * lay_bidi — right-to-left text: the Unicode bidirectional algorithm
 * (UAX #9) through FriBidi, per paragraph, and each line's items put in
 * visual order (lay_shape.h).
 *
 * Levels are resolved once for the paragraph's items (the explicit codes
 * that unicode-bidi and fo:bidi-override put around their content
 * included); the composer breaks lines in logical order, and each line's
 * items are then reordered (L1 for its trailing white space, L2) and
 * placed left to right in that order, each keeping the width it had in
 * the line.  A right-to-left paragraph (writing-mode rl-tb) is the
 * composer's line mirrored: start is the right edge, the indent is on the
 * right.  A paragraph with no right-to-left character and no explicit
 * code is not touched: Chinese and Latin text costs one scan.
 */
#include <stdlib.h>
#include <string.h>

#include <fribidi.h>

#include "lay_shape.h"

static int
needs_bidi(uint32_t cp)
{
	return (cp >= 0x0590 && cp <= 0x08FF) || (cp >= 0xFB1D && cp <= 0xFDFF) ||
	    (cp >= 0xFE70 && cp <= 0xFEFF) || (cp >= 0x202A && cp <= 0x202E) ||
	    (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200F || cp == 0x061C ||
	    (cp >= 0x10800 && cp <= 0x10FFF) || (cp >= 0x1E800 && cp <= 0x1EFFF);
}

int
lay_bidi_para(struct lay_bidi *b, const uint32_t *cps, size_t n, int rtl)
{
	memset(b, 0, sizeof *b);
	b->rtl = rtl;
	size_t i = 0;
	if (!rtl)
		while (i < n && !needs_bidi(cps[i]))
			i++;
	if (i == n || n > 0x3FFFFFFF)
		return 0;
	FriBidiCharType *types = xmalloc(n * sizeof *types);
	FriBidiBracketType *br = xmalloc(n * sizeof *br);
	FriBidiLevel *lv = xmalloc(n * sizeof *lv);
	fribidi_get_bidi_types(cps, (FriBidiStrIndex)n, types);
	fribidi_get_bracket_types(cps, (FriBidiStrIndex)n, types, br);
	FriBidiParType base = rtl ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
	if (fribidi_get_par_embedding_levels_ex(types, br, (FriBidiStrIndex)n, &base, lv) == 0) {
		free(types);
		free(br);
		free(lv);
		return 0;   /* out of memory in FriBidi: left to right, as before */
	}
	free(br);
	b->n = n;
	b->types = types;   /* FriBidiCharType[n] */
	b->levels = (int8_t *)lv;
	return 1;
}

void
lay_bidi_free(struct lay_bidi *b)
{
	free(b->types);
	free(b->levels);
	memset(b, 0, sizeof *b);
}

void
lay_bidi_line(struct lay_bidi *b, struct text_item *it, size_t s, size_t e, mpt width, size_t *ord)
{
	size_t n = e - s;
	if (n == 0)
		return;
	FriBidiStrIndex *map = xmalloc(b->n * sizeof *map);
	for (size_t k = 0; k < b->n; k++)
		map[k] = (FriBidiStrIndex)k;
	FriBidiParType base = b->rtl ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
	FriBidiLevel ok = fribidi_reorder_line(0, (const FriBidiCharType *)b->types, (FriBidiStrIndex)n,
	    (FriBidiStrIndex)s, base, (FriBidiLevel *)b->levels, NULL, map);
	/* the width each item takes in the line: to the next item's origin */
	mpt *w = xmalloc(n * sizeof *w);
	mpt total = 0, left = it[s].x;
	for (size_t k = s; k < e; k++) {
		mpt v = k + 1 < e ? it[k + 1].x - it[k].x : (it[k].hidden ? 0 : it[k].adv - it[k].rcut);
		w[k - s] = v;
		total += v;
	}
	if (b->rtl)
		left = width - left - total;   /* the line mirrored: start on the right */
	for (size_t p = 0; p < n; p++)
		ord[p] = ok ? (size_t)map[s + p] : s + p;
	mpt x = left;
	for (size_t p = 0; p < n; p++) {
		size_t k = ord[p];
		it[k].x = x;
		x += w[k - s];
	}
	free(w);
	free(map);
}
