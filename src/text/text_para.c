/*
 * text — the paragraph composer: items in, lines with every item placed out.
 *
 * Design (docs/cjk.md, after clreq and Typst's model):
 *
 *   items ──► static adjustments ──► greedy breaking ──► orphan fix ──► justify
 *             R8 adjacent marks       "先挤进，后推出":     R15: the last   squeeze in
 *             R10 ¼ em Han|Latin      a break fits when    line keeps ≥ 2  clreq order,
 *                                     natural − shrink     characters      stretch spaces,
 *                                     ≤ width (R3), R9                     gaps, then all
 *                                     line-end trim                        gaps equally
 *
 * Widths are millipoints.  A line's items keep their natural advances; what
 * changes is lcut/rcut (blank removed from a mark) and gap (space after).
 */
#include <stdlib.h>
#include <string.h>

#include "text.h"

enum { A_START, A_CENTER, A_END, A_JUSTIFY, A_RELATIVE };  /* = enum fo_align */

static int
is_mark(uint8_t k)
{
	return k == TK_OPEN || k == TK_CLOSE || k == TK_PAUSE || k == TK_STOP;
}

static int
is_real(uint8_t k)
{
	return k == TK_HAN || k == TK_LATIN || k == TK_DIGIT || k == TK_OTHER ||
	    k == TK_OBJECT || k == TK_DASH || k == TK_ELLIPSIS || k == TK_LEADER;
}

static int
is_west(uint8_t k)
{
	return k == TK_LATIN || k == TK_DIGIT;
}

/* Full-width mark: its box is (nearly) one em. */
static int
full_width(const struct text_item *it)
{
	return is_mark(it->kind) && it->adv * 10 >= it->em * 9;
}

/* ---------------------------------------------------------------- static */

struct para {
	struct text_item *it;
	size_t            n;
	const struct text_para_opts *o;
	mpt  *scut_l, *scut_r;  /* static cuts (R8) */
	mpt  *agap;             /* autospace gap after item (R10) */
	mpt  *shrink;           /* squeezable amount of the item itself */
};

static void
static_adjust(struct para *p)
{
	struct text_item *it = p->it;
	for (size_t i = 0; i + 1 < p->n; i++) {
		struct text_item *a = &it[i], *b = &it[i + 1];
		/* R8: adjacent full-width marks lose ½ em between them */
		if (full_width(a) && full_width(b)) {
			mpt want = (a->em < b->em ? a->em : b->em) / 2;
			mpt ra = a->rblank - p->scut_r[i];
			mpt take = ra < want ? ra : want;
			if (take < 0)
				take = 0;
			p->scut_r[i] += take;
			want -= take;
			mpt lb = b->lblank - p->scut_l[i + 1];
			take = lb < want ? lb : want;
			if (take > 0)
				p->scut_l[i + 1] += take;
		}
		/* R10: ¼ em between Han and Latin letters or digits */
		if (p->o->autospace && ((a->kind == TK_HAN && is_west(b->kind)) ||
		    (is_west(a->kind) && b->kind == TK_HAN)))
			p->agap[i] = (a->kind == TK_HAN ? a->em : b->em) / 4;
	}
	for (size_t i = 0; i < p->n; i++) {
		struct text_item *a = &it[i];
		mpt s = 0;
		if (a->kind == TK_LEADER) {   /* a leader gives way first, down to its minimum */
			p->shrink[i] = a->adv > a->lmin ? a->adv - a->lmin : 0;
			continue;
		}
		switch ((enum text_kind)a->kind) {
		case TK_SPACE:
			s = a->adv - a->em / 4;  /* word spaces down to ¼ em */
			if (s > a->adv / 3)
				s = a->adv / 3;
			break;
		case TK_MIDDLE:
			s = a->lblank + a->rblank;
			if (s > a->em / 2)
				s = a->em / 2;
			break;
		case TK_OPEN:
			s = a->lblank - p->scut_l[i];
			break;
		case TK_CLOSE: case TK_PAUSE: case TK_STOP:
			s = a->rblank - p->scut_r[i];
			break;
		default:
			break;
		}
		if (s > a->em / 2)
			s = a->em / 2;
		p->shrink[i] = s > 0 ? s : 0;
	}
}

/* Blank a line-final mark loses (R9): its remaining right blank. */
static mpt
end_trim(const struct para *p, size_t i)
{
	const struct text_item *a = &p->it[i];
	if (a->kind != TK_CLOSE && a->kind != TK_PAUSE && a->kind != TK_STOP)
		return 0;
	mpt t = a->rblank - p->scut_r[i];
	if (t > a->em / 2)
		t = a->em / 2;
	return t > 0 ? t : 0;
}

/* ---------------------------------------------------------------- break */

static size_t
skip_spaces(const struct para *p, size_t s)
{
	while (s < p->n && p->it[s].kind == TK_SPACE && p->it[s].brk != TB_FORCE)
		s++;
	return s;
}

/* Last visible item of [s, e), skipping trailing spaces; e if none. */
static size_t
last_visible(const struct para *p, size_t s, size_t e)
{
	size_t k = e;
	while (k > s && p->it[k - 1].kind == TK_SPACE)
		k--;
	return k > s ? k - 1 : e;
}

/*
 * End (exclusive) of the line starting at s, no later than cap.  avail is
 * the line width.  Sets *hang when the last item hangs past the margin.
 */
static size_t
line_end(const struct para *p, size_t s, size_t cap, mpt avail, int *hang, int *cut)
{
	const struct text_item *it = p->it;
	int64_t w = 0, sh = 0, trail = 0;   /* 64-bit: a long unbreakable run overflows mpt */
	size_t best = 0;
	int wrap = p->o->wrap;

	/*
	 * Two candidates compete: the last break that fits at natural width
	 * (stretched if justified) and the first one beyond it that fits only
	 * when squeezed.  The one needing less adjustment wins, so a line is
	 * squeezed to avoid a prohibited break (R3) but not crammed routinely.
	 */
	size_t best_sq = 0;
	int64_t nat_adj = 0, sq_adj = 0;
	int justify = p->o->align == A_JUSTIFY;

	*hang = 0;
	*cut = 0;
	for (size_t e = s + 1; e <= cap; e++) {
		size_t i = e - 1;
		mpt a = it[i].adv - p->scut_l[i] - p->scut_r[i];
		int64_t wprev = w;
		if (i > s)
			w += p->agap[i - 1];
		if (it[i].kind == TK_SPACE) {
			trail += a;
		} else {
			w += trail + a;
			trail = 0;
		}
		sh += p->shrink[i];
		int cand = e == p->n || it[i].brk != TB_NONE;
		if (!cand || (!wrap && e < p->n && it[i].brk != TB_FORCE)) {
			/* no later break can fit once even the squeezed width
			 * (less the largest line-end trim) is past the line:
			 * stop, so that a long unbreakable run costs linear time */
			if (wrap && w - sh - it[i].em > avail)
				break;
			continue;
		}
		size_t lv = last_visible(p, s, e);
		mpt trim = lv < e ? end_trim(p, lv) : 0;
		int64_t lsh = sh - (lv < e && it[lv].kind != TK_LEADER ? p->shrink[lv] : 0);
		int64_t natw = w - trim;
		int forced = it[i].brk == TB_FORCE;
		if (natw <= avail || !wrap) {
			best = e;
			nat_adj = (e == p->n || forced || !justify) ? 0 : avail - natw;
			best_sq = 0;
			if (forced)
				break;
		} else if (natw - lsh <= avail) {
			if (best_sq == 0) {
				best_sq = e;
				sq_adj = natw - avail;
			}
			if (forced)
				break;
		} else {
			/* R14: one pause or stop mark may hang past the margin */
			if (p->o->hanging && wprev <= avail && best_sq == 0 &&
			    (it[i].kind == TK_PAUSE || it[i].kind == TK_STOP) &&
			    it[i].cp != 0xFF1B && it[i].cp != 0xFF1A && it[i].cp != 0xFF1F &&
			    it[i].cp != 0xFF01 && (i == 0 || !is_mark(it[i - 1].kind)) &&
			    (e >= p->n || !is_mark(it[e].kind))) {
				best = e;
				*hang = 1;
			}
			break;
		}
	}
	if (best_sq > s && (best <= s || sq_adj < nat_adj)) {
		*hang = 0;
		return best_sq;
	}
	if (best > s)
		return best;
	/* emergency: nothing breakable fits; take what fits, at least one item */
	*cut = 1;
	w = 0;
	size_t e = s;
	while (e < cap) {
		mpt a = it[e].adv - p->scut_l[e] - p->scut_r[e];
		if (e > s && w + a > avail)
			break;
		w += a + p->agap[e];
		e++;
	}
	return e > s ? e : s + 1;
}

/* ---------------------------------------------------------------- justify */

/* The squeeze order: 1 leaders first, then clreq's: 2 spaces, 3
 * interpuncts, 4 brackets, 5 pause marks, (6 Han–Latin gaps), 7 stops;
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

/* Remove up to want from the items' shrink of one priority class. */
static mpt
squeeze_class(struct para *p, size_t s, size_t lv, int cls, mpt want)
{
	struct text_item *it = p->it;
	mpt total = 0;
	for (size_t i = s; i <= lv; i++) {
		int c;
		c = squeeze_order(it[i].kind);
		if (c == cls && (i != lv || c == 1))
			total += p->shrink[i];
		if (cls == 6 && i < lv && p->agap[i] > 0)
			total += p->agap[i] / 2;
	}
	if (total <= 0 || want <= 0)
		return 0;
	mpt take = want < total ? want : total;
	mpt done = 0;
	for (size_t i = s; i <= lv && done < take; i++) {
		mpt cap;
		int c;
		c = squeeze_order(it[i].kind);
		if (cls == 6) {
			if (i >= lv || p->agap[i] <= 0)
				continue;
			cap = p->agap[i] / 2;
			mpt x = (mpt)((int64_t)take * cap / total);
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
		else if (it[i].kind == TK_OPEN)
			it[i].lcut += x;
		else if (it[i].kind == TK_MIDDLE) {
			it[i].lcut += x / 2;
			it[i].rcut += x - x / 2;
		} else
			it[i].rcut += x;
		done += x;
	}
	return done;
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
	const struct text_item *a = &p->it[i], *b = &p->it[i + 1];
	if (a->nojust || a->hidden || b->hidden)
		return 0;
	if (a->kind == TK_SPACE)
		return 1;
	if ((is_west(a->kind) || a->kind == TK_OTHER) && (is_west(b->kind) || b->kind == TK_OTHER))
		return 0;   /* inside a Latin word or number (R11a) */
	if (a->kind == b->kind && (a->kind == TK_DASH || a->kind == TK_ELLIPSIS))
		return 0;   /* the halves of —— and …… touch (R11b) */
	if (a->kind == TK_CONNECT || b->kind == TK_CONNECT)
		return 0;
	if (a->keep && b->keep && is_west(a->kind))
		return 0;
	return 1;
}

static void
place(struct para *p, struct text_line *ln, int last, int forced, mpt avail, mpt indent, int hang)
{
	struct text_item *it = p->it;
	size_t s = ln->start, e = ln->end;
	size_t lv = last_visible(p, s, e);
	int align = last || forced ? p->o->align_last : p->o->align;

	if (align == A_RELATIVE)
		align = p->o->align == A_JUSTIFY ? A_START : p->o->align;
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
	it[lv].rcut += end_trim(p, lv);   /* R9 */
	mpt w = 0;
	for (size_t i = s; i <= lv; i++)
		w += it[i].adv - it[i].lcut - it[i].rcut + (i < lv ? it[i].gap : 0);
	if (hang)
		avail += it[lv].adv - it[lv].lcut - it[lv].rcut;
	mpt slack = avail - w;

	if (slack > 0)   /* leaders fill what is left, whatever the alignment */
		slack -= grow_leaders(p, s, lv, slack);
	if (slack < 0 && p->o->wrap) {
		/* squeeze in clreq order: leaders first (folio), spaces,
		 * interpuncts, brackets, pause marks, Han–Latin gaps, stops */
		static const int order[] = { 1, 2, 3, 4, 5, 6, 7 };
		mpt want = -slack;
		for (size_t k = 0; k < sizeof order / sizeof order[0] && want > 0; k++)
			want -= squeeze_class(p, s, lv, order[k], want);
		slack = -want;
	} else if (slack > 0 && align == A_JUSTIFY) {
		/* stretch: word spaces to ½ em, Han–Latin gaps to ⅓ em, then
		 * every justifiable gap equally */
		for (size_t i = s; i < lv && slack > 0; i++) {
			mpt room = 0;
			if (it[i].kind == TK_SPACE && !it[i].hidden)
				room = it[i].em / 2 - it[i].adv;
			else if (p->agap[i] > 0)
				room = it[i].em / 3 - it[i].gap;
			if (room <= 0)
				continue;
			if (room > slack)
				room = slack;
			it[i].gap += room;
			slack -= room;
		}
		size_t k = 0;
		for (size_t i = s; i < lv; i++)
			k += (size_t)justifiable(p, i);
		if (k > 0 && slack > 0) {
			size_t j = 0;
			mpt given = 0;
			for (size_t i = s; i < lv; i++) {
				if (!justifiable(p, i))
					continue;
				j++;
				mpt upto = (mpt)((int64_t)slack * (int64_t)j / (int64_t)k);
				it[i].gap += upto - given;
				given = upto;
			}
			slack = 0;
		}
	}
	mpt off = indent;
	if (align == A_CENTER && slack > 0)
		off += slack / 2;
	else if (align == A_END && slack > 0)
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
	ln->width = pen - indent;
}

static int
orphan(const struct para *p, const struct text_line *ln)
{
	int real = 0;
	for (size_t i = ln->start; i < ln->end; i++)
		real += is_real(p->it[i].kind);
	return real < 2;
}

size_t
text_para_break(struct text_item *items, size_t n, const struct text_para_opts *o,
    struct text_line **out)
{
	struct para p = { items, n, o, NULL, NULL, NULL, NULL };
	struct text_line *lines = NULL;
	int *hangs = NULL;
	size_t nl = 0, cap = 0;

	*out = NULL;
	if (n == 0)
		return 0;
	p.scut_l = xcalloc(4 * n, sizeof(mpt));   /* one block for the four */
	p.scut_r = p.scut_l + n;
	p.agap = p.scut_r + n;
	p.shrink = p.agap + n;
	static_adjust(&p);

	size_t s = skip_spaces(&p, 0), limit = n;
	int retries = 0;
	for (;;) {
		while (s < n) {
			mpt avail = o->width - (nl == 0 ? o->indent : 0);
			int hang, cut;
			size_t e = line_end(&p, s, limit, avail, &hang, &cut);
			limit = n;
			if (nl == cap) {
				cap = cap ? cap * 2 : 16;
				lines = xrealloc(lines, cap * sizeof *lines);
				hangs = xrealloc(hangs, cap * sizeof *hangs);
			}
			lines[nl] = (struct text_line){ s, e, 0, avail, 0, cut };
			hangs[nl] = hang;
			nl++;
			s = items[e - 1].brk == TB_FORCE ? e : skip_spaces(&p, e);
		}
		/* R15: the last line holds at least two characters */
		if (nl >= 2 && retries < 3 && o->wrap && orphan(&p, &lines[nl - 1]) &&
		    items[lines[nl - 2].end - 1].brk != TB_FORCE &&
		    lines[nl - 2].end - 1 > lines[nl - 2].start) {
			struct text_line prev = lines[nl - 2];
			/* try once more with the line before ending earlier */
			nl -= 2;
			s = prev.start;
			limit = prev.end - 1;
			retries++;
			/* the capped line may not find a break: keep the old result then */
			mpt avail = o->width - (nl == 0 ? o->indent : 0);
			int hang, cut;
			size_t e = line_end(&p, s, limit, avail, &hang, &cut);
			/* …nor end where no break is allowed (keeps, R1–R7) */
			int ok = e <= limit && items[e - 1].brk != TB_NONE;
			if (!ok || e <= s) {
				nl += 2;
				break;
			}
			continue;
		}
		break;
	}
	for (size_t i = 0; i < nl; i++) {
		int last = i + 1 == nl;
		int forced = items[lines[i].end - 1].brk == TB_FORCE;
		lines[i].last = last;
		place(&p, &lines[i], last, forced, lines[i].avail, i == 0 ? o->indent : 0, hangs[i]);
	}
	free(p.scut_l);
	free(hangs);
	*out = lines;
	return nl;
}
