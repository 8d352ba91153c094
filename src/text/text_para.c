/*
 * text — the paragraph composer: items in, lines with every item placed out.
 * This file holds the static adjustments and the driver; total-fit
 * breaking is text_fit.c, placing each line text_justify.c.
 *
 * Design (docs/cjk.md, after clreq, Typst's model and Knuth–Plass):
 *
 *   items ──► static adjustments ──► total-fit breaking ──► justify
 *             R8 adjacent marks       boxes, glue, penalties;   squeeze in clreq
 *             R10 ¼ em Han|Latin      R3 squeeze as shrink,     order, or stretch
 *                                     R9 line-end trim, R15     every gap alike
 *                                     as demerits               (R11)
 *
 * Widths are millipoints, sums 64-bit.  A line's items keep their natural
 * advances; what changes is lcut/rcut (blank removed from a mark) and gap
 * (space after).
 */
#include <stdlib.h>
#include <string.h>

#include "text_int.h"


/* ---------------------------------------------------------------- static */

/* R10: ¼ em (of the Han character's size) between a Han character and a
 * Latin letter or digit beside it, 0 elsewhere. */
mpt
text_autospace(const struct text_item *a, const struct text_item *b)
{
	if (a->kind == TK_HAN && is_west(b->kind))
		return a->em / 4;
	if (is_west(a->kind) && b->kind == TK_HAN)
		return b->em / 4;
	return 0;
}



static void
static_adjust(struct para *p)
{
	struct text_item *it = p->it;
	for (size_t i = 0; i + 1 < p->n; i++) {
		struct text_item *a = &it[i], *b = &it[i + 1];
		if (a->kind == TK_HAN && b->kind == TK_HAN)
			continue;   /* the common case: nothing to adjust */
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
		if (p->o->autospace)
			p->agap[i] = text_autospace(a, b);
	}
	for (size_t i = 0; i < p->n; i++) {
		struct text_item *a = &it[i];
		mpt s = 0;
		if (a->kind == TK_HAN)
			continue;   /* shrink[] starts at 0 */
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
		case TK_OPEN: case TK_CLOSE: case TK_PAUSE: case TK_STOP:
			if (centred(a)) {   /* both sides alike */
				mpt l = a->lblank - p->scut_l[i], r = a->rblank - p->scut_r[i];
				s = 2 * (l < r ? l : r);
			} else {
				s = a->kind == TK_OPEN ? a->lblank - p->scut_l[i] : a->rblank - p->scut_r[i];
			}
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
mpt
para_end_trim(const struct para *p, size_t i)
{
	const struct text_item *a = &p->it[i];
	if (a->kind != TK_CLOSE && a->kind != TK_PAUSE && a->kind != TK_STOP)
		return 0;
	mpt t = a->rblank - p->scut_r[i];
	if (t > a->em / 2)
		t = a->em / 2;
	return t > 0 ? t : 0;
}

/* Where the line after one ending at e starts. */
static size_t
line_start(const struct para *p, const struct sums *S, size_t e)
{
	return p->it[e - 1].brk == TB_FORCE ? e : S->next[e];
}

size_t
text_para_break(struct text_item *items, size_t n, const struct text_para_opts *o,
    struct text_line **out)
{
	struct para p = { items, n, o, NULL, NULL, NULL, NULL, NULL, NULL, 0 };
	struct sums S;
	struct seg_out seg = { NULL, NULL, 0, 0 };

	*out = NULL;
	if (n == 0)
		return 0;
	p.scut_l = xcalloc(4 * n, sizeof(mpt));   /* one block for the four */
	p.scut_r = p.scut_l + n;
	p.agap = p.scut_r + n;
	p.shrink = p.agap + n;
	static_adjust(&p);
	para_sums_init(&p, &S);
	p.jok = S.jok;
	p.hs = S.hs;
	if (o->wrap) {
		mpt narrow = o->width - (o->indent > 0 ? o->indent : 0) -
		    (o->last_end_indent > 0 ? o->last_end_indent : 0);
		para_emergency_breaks(&p, &S, narrow > 1 ? narrow : 1);
	}

	/* each stretch up to a forced break is broken on its own */
	for (size_t s = S.next[0]; s < n;) {
		size_t b = s + 1;
		while (b < n && items[b - 1].brk != TB_FORCE)
			b++;
		size_t lv = S.lvis[b];
		struct line_fit f;
		mpt avail = o->width - (seg.n == 0 ? o->indent : 0) - (b == n ? o->last_end_indent : 0);
		if (!o->wrap || lv == SIZE_MAX || lv < s) {
			para_seg_push(&seg, b, 0);   /* as it is: no-wrap, or only spaces */
		} else if (para_measure_line(&p, &S, s, b, avail, &f) && f.nat <= avail && !f.hang) {
			para_seg_push(&seg, b, 0);   /* it fits as it is: one line beats any two */
		} else {
			/* a wider tolerance only when the narrower one finds no
			 * set, or only one with a lone character on the last line */
			struct seg_out best = { NULL, NULL, 0, 0 }, try = { NULL, NULL, 0, 0 };
			double bestd = -1;
			/* ragged text that may hyphenate weighs its lines' ends:
			 * not first fit */
			if (o->align != TEXT_ALIGN_JUSTIFY && !(p.soft & (1u << TS_HYPHEN)) &&
			    para_ragged_segment(&p, &S, s, b, seg.n == 0, b == n, &best))
				bestd = 0;
			for (int pass = 1; pass <= 3 && (bestd < 0 || bestd >= ORPHAN_DEMERITS); pass++) {
				try.n = 0;
				double d = para_fit_segment(&p, &S, s, b, seg.n == 0, b == n, pass, &try);
				if (d >= 0 && (bestd < 0 || d < bestd)) {
					struct seg_out t = best;
					best = try;
					try = t;
					bestd = d;
				}
			}
			if (bestd < 0) {
				/* cannot happen with the emergency breaks; every break then */
				for (size_t e = s + 1; e < b; e++)
					if ((items[e - 1].brk != TB_NONE || S.cut[e] || items[e - 1].soft) &&
					    S.next[e] < b)
						para_seg_push(&best, e, 0);
				para_seg_push(&best, b, 0);
			}
			for (size_t i = 0; i < best.n; i++)
				para_seg_push(&seg, best.ends[i], best.hang[i]);
			free(best.ends);
			free(best.hang);
			free(try.ends);
			free(try.hang);
		}
		s = b;
	}

	struct text_line *lines = xcalloc(seg.n ? seg.n : 1, sizeof *lines);
	size_t s = S.next[0];
	for (size_t i = 0; i < seg.n; i++) {
		size_t e = seg.ends[i];
		int last = i + 1 == seg.n;
		/* a line that ends inside a URL is set as a last line is */
		int forced = items[e - 1].brk == TB_FORCE || (!last && items[e - 1].soft == TS_URL);
		lines[i] = (struct text_line){ s, e, 0, o->width - (i == 0 ? o->indent : 0), last, S.cut[e],
			!last && items[e - 1].soft == TS_HYPHEN ? items[e - 1].hyw : 0 };
		para_place(&p, &lines[i], last, forced, lines[i].avail, i == 0 ? o->indent : 0, seg.hang[i]);
		s = line_start(&p, &S, e);
	}
	para_sums_free(&S);
	free(seg.ends);
	free(seg.hang);
	free(p.scut_l);
	*out = lines;
	return seg.n;
}
