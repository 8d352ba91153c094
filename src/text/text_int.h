/*
 * text — the paragraph composer's shared parts: the paragraph being
 * composed, the running sums of total fit, and the functions the three
 * files of the composer call across (text_para.c the static adjustments
 * and the driver, text_fit.c total-fit breaking, text_justify.c placing
 * each line).  Private to src/text.
 */
#ifndef TEXT_INT_H
#define TEXT_INT_H

#include <stddef.h>
#include <stdint.h>

#include "text.h"

#define ORPHAN_DEMERITS  1e7    /* a last line of one character (R15) */

static inline int
is_mark(uint8_t k)
{
	return k == TK_OPEN || k == TK_CLOSE || k == TK_PAUSE || k == TK_STOP;
}

static inline int
is_real(uint8_t k)
{
	return k == TK_HAN || k == TK_LATIN || k == TK_DIGIT || k == TK_OTHER ||
	    k == TK_OBJECT || k == TK_DASH || k == TK_ELLIPSIS || k == TK_LEADER;
}

static inline int
is_west(uint8_t k)
{
	return k == TK_LATIN || k == TK_DIGIT;
}

/* Full-width mark: its box is (nearly) one em. */
static inline int
full_width(const struct text_item *it)
{
	return is_mark(it->kind) && it->adv * 10 >= it->em * 9;
}


/*
 * A mark whose ink sits in the middle of its box (UMing's 。、, Micro
 * Hei's brackets, Zen Hei's ，：；): blank on both sides, neither more than
 * twice the other.  Squeezed, it gives both sides alike, so that its ink
 * stays between its neighbours instead of touching the next character.
 */
static inline int
centred(const struct text_item *a)
{
	mpt l = a->lblank, r = a->rblank;
	return (a->kind == TK_OPEN || a->kind == TK_CLOSE || a->kind == TK_PAUSE ||
	    a->kind == TK_STOP) && l > a->em / 10 && r > a->em / 10 && l <= 2 * r && r <= 2 * l;
}
struct para {
	struct text_item *it;
	size_t            n;
	const struct text_para_opts *o;
	mpt  *scut_l, *scut_r;  /* static cuts (R8) */
	mpt  *agap;             /* autospace gap after item (R10) */
	mpt  *shrink;           /* squeezable amount of the item itself */
	const uint8_t *jok;     /* justifiable gap after the item (gap_ok) */
	const int64_t *hs;      /* hs[k]: shrink of the gaps between characters before k */
	uint8_t soft;           /* bit 1 << TS_*: the paragraph has such breaks */
};

struct sums {
	int64_t *w;      /* w[k]: advances (after R8 cuts) of the items before k */
	int64_t *g;      /* g[k]: R10 gaps after the items before k */
	int64_t *sh;     /* sh[k]: shrink of the items before k, and of their gaps */
	int64_t *st;     /* st[k]: stretch of the justifiable gaps after them */
	int64_t *lead;   /* lead[k]: room the leaders before k may grow by */
	int64_t *shs;    /* shs[k]: the part of sh[k] that spaces and leaders give */
	int64_t *sps;    /* sps[k]: the part of st[k] that word spaces give */
	int64_t *hs;     /* hs[k]: shrink of the gaps between characters before k */
	size_t  *lvis;   /* lvis[k]: the last item before k that is not a space */
	size_t  *next;   /* next[k]: where a line after a break at k starts */
	uint8_t *cut;    /* cut[k]: an emergency break after item k - 1 */
	uint8_t *jok;    /* jok[i]: gap_ok(i) */
	mpt      maxem;  /* largest em in the paragraph */
};

struct line_fit {
	int64_t nat, shrink, stretch, lead;
	int64_t sshrink;  /* the part of shrink that spaces and leaders give */
	int64_t sstretch; /* the part of stretch that word spaces give */
	int64_t hshrink;  /* the part of shrink that gaps between characters give */
	int64_t hbase;    /* their em/40 each, the unit of the even demerits */
	int64_t gshrink;  /* the part of shrink that the R10 gaps give */
	size_t  lv;       /* last visible item */
	int     hang;
	mpt     trim;
};

struct seg_out {
	size_t *ends;     /* line ends, in order */
	uint8_t *hang;
	size_t n, cap;
};

/*
 * Shrink of the justifiable gap after item i between two characters that
 * are neither spaces nor separated by an R10 gap: em/40, the last resort
 * of squeezing (class 8 in para_place()), costed as dearly as stretching the
 * same gaps by as much.  A quarter of an em over a line of ten: it never
 * pulls a character and a mark into such a line (R1, R5 carry them
 * over); a long line may take a character, at a fortieth of an em a gap,
 * where that is more even than stretching.
 */
static inline mpt
han_shrink(const struct para *p, size_t i)
{
	const struct text_item *a = &p->it[i], *b = &p->it[i + 1];
	if (a->kind == TK_SPACE || b->kind == TK_SPACE || a->kind == TK_LEADER ||
	    b->kind == TK_LEADER || p->agap[i] > 0)
		return 0;
	return a->em / 40;
}

mpt    para_end_trim(const struct para *, size_t i);
size_t para_last_visible(const struct para *, size_t s, size_t e);
int    para_word_space(const struct para *, size_t i);
int64_t para_take_in(const struct para *, size_t lv, mpt trim, int64_t base);

void   para_sums_init(struct para *, struct sums *);
void   para_sums_free(struct sums *);
void   para_emergency_breaks(const struct para *, struct sums *, mpt avail);
int    para_measure_line(const struct para *, const struct sums *, size_t s, size_t e,
           mpt avail, struct line_fit *);
void   para_seg_push(struct seg_out *, size_t end, int hang);
double para_fit_segment(const struct para *, const struct sums *, size_t s0, size_t b0,
           int first, int final, int pass, struct seg_out *);
int    para_ragged_segment(const struct para *, const struct sums *, size_t s0, size_t b0,
           int first, int final, struct seg_out *);

void   para_place(struct para *, struct text_line *, int last, int forced, mpt avail,
           mpt indent, int hang);

#endif
