/*
 * text — justification: each line's items placed, squeezed in clreq's
 * order or stretched across its gaps (R11), aligned.
 */
#include <stdlib.h>
#include <string.h>

#include "text_int.h"

/* ---------------------------------------------------------------- justify */

/* The squeeze order: 1 leaders first, then clreq's: 2 spaces, 3
 * interpuncts, 4 brackets, 5 pause marks, (6 Han–Latin gaps), 7 stops;
 * (8 the gaps between characters, em/20 at most: han_shrink());
 * 0 for what never squeezes. */
static int
squeeze_order(uint8_t kind)
{
	switch (kind) {
	case TK_LEADER: return 1;
	case TK_SPACE: return 2;
	case TK_MIDDLE: return 3;
	case TK_OPEN: case TK_CLOSE: return 4;
	case TK_PAUSE: return 5;
	case TK_STOP: return 7;
	}
	return 0;
}

/* The shrink of each priority class of [s, lv] (tot[1..8]). */
static void
squeeze_totals(const struct para *p, size_t s, size_t lv, int64_t tot[9])
{
	const struct text_item *it = p->it;
	for (int c = 0; c < 9; c++)
		tot[c] = 0;
	for (size_t i = s; i <= lv; i++) {
		int c = squeeze_order(it[i].kind);
		if (c && (i != lv || c == 1))
			tot[c] += p->shrink[i];
		if (i < lv)
			tot[6] += p->agap[i] / 2;
	}
	tot[8] = p->hs[lv] - p->hs[s];
}

/* Remove up to want from the items' shrink of one priority class, whose
 * total is total, in proportion to their caps (weight: the caps' sum;
 * more than total where the gaps between characters take in a mark). */
static mpt
squeeze_class(struct para *p, size_t s, size_t lv, int cls, mpt want, int64_t total,
    int64_t weight)
{
	struct text_item *it = p->it;
	if (total <= 0 || want <= 0 || weight <= 0)
		return 0;
	mpt take = want < total ? want : (mpt)total;
	mpt done = 0;
	for (size_t i = s; i <= lv && done < take; i++) {
		mpt cap;
		int c;
		c = squeeze_order(it[i].kind);
		if (cls == 6 || cls == 8) {
			if (i >= lv || (cls == 6 && p->agap[i] <= 0) || (cls == 8 && !p->jok[i]))
				continue;
			cap = cls == 6 ? p->agap[i] / 2 : han_shrink(p, i);
			if (cap <= 0)
				continue;
			mpt x = (mpt)((int64_t)take * cap / weight);
			if (x > take - done)
				x = take - done;
			it[i].gap -= x;
			done += x;
			continue;
		}
		if (c != cls || (i == lv && c != 1))
			continue;
		cap = p->shrink[i];
		mpt x = (mpt)((int64_t)take * cap / total);
		if (x > take - done)
			x = take - done;
		if (it[i].kind == TK_SPACE)
			it[i].gap -= x;
		else if (it[i].kind == TK_MIDDLE || centred(&it[i])) {
			it[i].lcut += x / 2;
			it[i].rcut += x - x / 2;
		} else if (it[i].kind == TK_OPEN)
			it[i].lcut += x;
		else
			it[i].rcut += x;
		done += x;
	}
	return done;
}

/* Is class cls of the squeeze order one of marks (3 interpuncts, 4
 * brackets, 5 pause marks, 7 stops), whose widths show? */
static int
mark_class(int cls)
{
	return cls == 3 || cls == 4 || cls == 5 || cls == 7;
}

/* Give up to slack to the leaders of [s, lv], up to their maximum widths. */
static mpt
grow_leaders(struct para *p, size_t s, size_t lv, mpt slack)
{
	struct text_item *it = p->it;
	int64_t room = 0;
	for (size_t i = s; i <= lv; i++)
		if (it[i].kind == TK_LEADER && it[i].lmax > it[i].adv)
			room += it[i].lmax - it[i].adv;
	if (room <= 0)
		return 0;
	mpt take = room < slack ? (mpt)room : slack, given = 0;
	int64_t acc = 0;
	for (size_t i = s; i <= lv; i++) {
		if (it[i].kind != TK_LEADER || it[i].lmax <= it[i].adv)
			continue;
		acc += it[i].lmax - it[i].adv;
		mpt upto = (mpt)(take * acc / room);
		it[i].rcut -= upto - given;   /* a negative cut widens it */
		given = upto;
	}
	return take;
}

/* May extra space go after item i (inside the line)? */
static int
justifiable(const struct para *p, size_t i)
{
	return !p->it[i].hidden && !p->it[i + 1].hidden && p->jok[i];
}

/* Stretch the gap after item i may take first: a word space's em/6. */
static mpt
stretch_cap(const struct para *p, size_t i)
{
	return para_word_space(p, i) ? p->it[i].em / 6 : 0;
}

/* Give up to slack to the word spaces of [s, lv), each up to its cap, in
 * proportion to the caps (room: the caps' sum). */
static mpt
stretch_spaces(struct para *p, size_t s, size_t lv, mpt slack, int64_t room)
{
	int64_t acc = 0;
	if (room <= 0 || slack <= 0)
		return 0;
	mpt take = room < slack ? (mpt)room : slack, given = 0;
	for (size_t i = s; i < lv; i++) {
		mpt cap = justifiable(p, i) ? stretch_cap(p, i) : 0;
		if (cap <= 0)
			continue;
		acc += cap;
		mpt upto = (mpt)(take * acc / room);
		p->it[i].gap += upto - given;
		given = upto;
	}
	return take;
}

/*
 * Squeeze the line [s, lv] by -slack in clreq order: leaders first
 * (folio), spaces, interpuncts, brackets, pause marks, Han–Latin gaps,
 * stops; then, as a last resort, the gaps between characters.  Returns
 * the slack left (negative: the line stays too wide).
 */
static mpt
squeeze_line(struct para *p, size_t s, size_t lv, mpt slack)
{
	int64_t tot[9], w8;
	mpt want = -slack;
	squeeze_totals(p, s, lv, tot);
	w8 = tot[8];
	tot[8] += para_take_in(p, lv, para_end_trim(p, lv), w8);
	for (int c = 1; c <= 8 && want > 0; c++) {
		if (mark_class(c) && want < tot[c]) {
			/* a mark is squeezed only where the line needs more
			 * than the gaps after it in the order can give (#14):
			 * elsewhere it keeps its width */
			int64_t later = 0;
			for (int d = c + 1; d <= 8; d++)
				later += mark_class(d) ? 0 : tot[d];
			if (want <= later)
				continue;
		}
		want -= squeeze_class(p, s, lv, c, want, tot[c], c == 8 ? w8 : tot[c]);
	}
	return -want;
}

/*
 * Stretch the line [s, lv] by slack (R11): word spaces between Western
 * words by up to em/6 (clreq), then every justifiable gap by the same
 * amount, R10's gaps no more than the gaps between characters.  Returns
 * the slack left: 0 unless the line has no justifiable gap.
 */
static mpt
stretch_line(struct para *p, size_t s, size_t lv, mpt slack)
{
	size_t k = 0;
	int64_t room = 0;
	for (size_t i = s; i < lv; i++) {
		if (!justifiable(p, i))
			continue;
		k++;
		room += stretch_cap(p, i);
	}
	slack -= stretch_spaces(p, s, lv, slack, room);
	if (k == 0 || slack <= 0)
		return slack;
	size_t j = 0;
	mpt given = 0;
	for (size_t i = s; i < lv; i++) {
		if (!justifiable(p, i))
			continue;
		j++;
		mpt upto = (mpt)((int64_t)slack * (int64_t)j / (int64_t)k);
		p->it[i].gap += upto - given;
		given = upto;
	}
	return 0;
}

/*
 * Sets the x of each item of line ln in avail from indent: the R9 trim of
 * its end mark, a hanging mark (hang) outside avail, leaders grown, then
 * squeezed or, justified, stretched, and aligned.  last: the paragraph's
 * last line; forced: a line before a forced break (text-align-last).
 */
void
para_place(struct para *p, struct text_line *ln, int last, int forced, mpt avail, mpt indent, int hang)
{
	struct text_item *it = p->it;
	size_t s = ln->start, e = ln->end;
	size_t lv = para_last_visible(p, s, e);
	int align = last || forced ? p->o->align_last : p->o->align;

	if (align == TEXT_ALIGN_RELATIVE)
		align = p->o->align == TEXT_ALIGN_JUSTIFY ? TEXT_ALIGN_START : p->o->align;
	if (last && p->o->last_end_indent)
		avail -= p->o->last_end_indent;
	for (size_t i = s; i < e; i++) {
		it[i].lcut = p->scut_l[i];
		it[i].rcut = p->scut_r[i];
		it[i].gap = i + 1 < e ? p->agap[i] : 0;
		it[i].hidden = i > lv && it[i].kind == TK_SPACE;
	}
	if (lv == e) {   /* only spaces */
		for (size_t i = s; i < e; i++) {
			it[i].hidden = 1;
			it[i].x = indent;
		}
		ln->width = 0;
		return;
	}
	it[lv].gap = 0;
	it[lv].rcut += para_end_trim(p, lv);   /* R9 */
	mpt w = 0;
	for (size_t i = s; i <= lv; i++)
		w += it[i].adv - it[i].lcut - it[i].rcut + (i < lv ? it[i].gap : 0);
	w += ln->hyw;   /* a hyphenated word's hyphen */
	if (hang)
		avail += it[lv].adv - it[lv].lcut - it[lv].rcut;
	mpt slack = avail - w;

	if (slack > 0)   /* leaders fill what is left, whatever the alignment */
		slack -= grow_leaders(p, s, lv, slack);
	if (slack < 0 && p->o->wrap)
		slack = squeeze_line(p, s, lv, slack);
	if (slack > 0 && align == TEXT_ALIGN_JUSTIFY)
		slack = stretch_line(p, s, lv, slack);
	mpt off = indent;
	if (align == TEXT_ALIGN_CENTER && slack > 0)
		off += slack / 2;
	else if (align == TEXT_ALIGN_END && slack > 0)
		off += slack;
	mpt pen = off;
	for (size_t i = s; i < e; i++) {
		if (it[i].hidden) {
			it[i].x = pen;
			continue;
		}
		it[i].x = pen - it[i].lcut;
		pen += it[i].adv - it[i].lcut - it[i].rcut + (i < lv ? it[i].gap : 0);
	}
	ln->width = pen + ln->hyw - indent;
}
