/*
 * text — total-fit breaking: of every way to break a paragraph at its
 * allowed breaks, the one with the least demerits (the model in
 * docs/cjk.md and below).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "text_int.h"

/* ---------------------------------------------------------------- total fit */

/*
 * Breaking is total fit (Knuth and Plass): of every way to break the
 * paragraph at its allowed breaks, the one with the least total demerits.
 * The model, with its values, is in docs/cjk.md:
 *
 *   box      an item's advance after the R8 cuts; a line-end mark less its
 *            R9 trim
 *   glue     word spaces (shrink to ¼ em, stretch em/6, taken first); the
 *            R10 Han–Latin gap (shrinks to ⅛ em, stretches to ½ em before
 *            the rest); every other justifiable gap (stretch em/16, shrink
 *            em/40 as the last resort); punctuation blanks are shrink (R3,
 *            R8; the order in para_place())
 *   penalty  a break where UAX #14 and the filter forbid it is not offered
 *            (R1, R2, R4–R7, keep-together.within-line: infinite);
 *            a break inside a word where hyphenation is on costs
 *            HYPHEN_PENALTY and adds the hyphen's width to its line; one
 *            inside a URL or path costs URL_PENALTY (break_penalty(),
 *            docs/hyphenation.md)
 *   demerits (10 + badness)² + penalty² per line, + EVEN_DEMERITS r² for what the
 *            gaps between Han characters take (r of their em/16), + 10000
 *            where fitness classes two
 *            apart meet (tight beside loose), + 3000 for two lines in a
 *            row ending in a trimmed mark, + 10⁷ for a last line of one
 *            character (R15), + DOUBLE_HYPHEN_DEMERITS for two hyphenated
 *            lines in a row, + FINAL_HYPHEN_DEMERITS for a hyphen on the
 *            line before the last; more hyphenated lines in a row than
 *            hyphenation-ladder-count are not offered
 *
 * Pass 1 offers only lines with badness ≤ 200, pass 2 ≤ 2700 (gaps up to
 * about 0.19 em) if that finds no set, pass 3 any line that fits when
 * squeezed (emergency stretch).  A run wider than the line whatever its breaks gets
 * emergency breaks where it reaches the end of the line (line->cut).  A
 * break point stays active only while a line from it can still fit, so the
 * work is linear in the paragraph times the breaks that fit in one line.
 */

#define LINE_PENALTY     10.0
#define ADJ_DEMERITS     10000.0
#define MARK_DEMERITS    3000.0
#define TOLERANCE1       200.0    /* pass 1: 100 r³ at r ≈ 1.26, gaps up to 0.08 em */
#define TOLERANCE2       2700.0   /* pass 2: r = 3, gaps up to 0.19 em */
#define AWFUL_BAD        1e9      /* a line with no way to stretch */
#define RAGGED_SQUEEZE   10000.0  /* a squeezed line in a paragraph not justified */
#define MARK_SQUEEZE     3.0      /* badness of marks squeezed to their limit */
#define EVEN_DEMERITS    20000.0  /* Han gaps stretched by em/16 (r = 1) */
#define STEP_DEMERITS    10000.0  /* adjacent lines' gaps em/16 apart */
#define CONSIST_DEMERITS 5000.0   /* marks full on one line, at ½ em on the next */
#define HYPHEN_PENALTY   50.0     /* a break inside a word (TeX's \hyphenpenalty) */
#define URL_PENALTY      1000.0   /* inside a URL or path: only where it cannot fit */
#define DOUBLE_HYPHEN_DEMERITS 10000.0  /* two hyphenated lines in a row (TeX) */
#define FINAL_HYPHEN_DEMERITS  5000.0   /* the last line starts with a word's end (TeX) */
#define RAGGED_HYPH_EMS  3        /* ragged text that hyphenates: a line 3 em short is badness 100 */
#define TAKE_IN_NUM      1        /* em/22 a gap to take in a line-end mark */
#define TAKE_IN_DEN      22

enum { FIT_TIGHT, FIT_DECENT, FIT_LOOSE, FIT_VERY_LOOSE };


struct fit_node {
	size_t  pos;      /* the line before ends here (items before pos) */
	size_t  prev;     /* node the line starts from; SIZE_MAX at the start */
	double  dem;      /* total demerits up to here */
	uint8_t fit;      /* fitness class of the line that ends here */
	uint8_t hang;     /* that line's last mark hangs (R14) */
	uint8_t trim;     /* that line ends in a trimmed mark (R9) */
	float   adj;      /* what its gaps between characters take, em/16 a gap
	                   * (negative: squeezed), 0 on a line as it is */
	float   mk;       /* the part of their blank the marks of the last line
	                   * with marks give up (0 full width, 1 all) */
	uint8_t hasmk;    /* there was such a line */
	uint8_t hyc;      /* hyphenated lines in a row that end here */
};


/* Last visible item of [s, e), skipping trailing spaces; e if none. */
size_t
para_last_visible(const struct para *p, size_t s, size_t e)
{
	size_t k = e;
	while (k > s && p->it[k - 1].kind == TK_SPACE)
		k--;
	return k > s ? k - 1 : e;
}

/* May extra space go after item i (inside a line)?  Not after a space
 * either side of which is justifiable: the space itself takes it. */
static int
gap_ok(const struct para *p, size_t i)
{
	const struct text_item *a = &p->it[i], *b = &p->it[i + 1];
	if (a->nojust)
		return 0;
	if (a->kind == TK_HAN && b->kind == TK_HAN)
		return 1;   /* the common case first */
	if (a->kind == TK_SPACE)
		return 1;
	if (b->kind == TK_SPACE)
		return 0;   /* the space after takes the stretch (R11: not twice) */
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

/*
 * Is item i a word space: a space between two Western letters, digits or
 * symbols?  Those take a line's stretch first (R11, clreq), up to em/6.
 * A space beside a Han character or a mark stands for R10's gap: it
 * stretches like every other gap, never more (the stretch of a line is
 * not dumped around a number, 每年 5 月).
 */
int
para_word_space(const struct para *p, size_t i)
{
	const struct text_item *it = p->it;
	if (it[i].kind != TK_SPACE || i == 0 || i + 1 >= p->n)
		return 0;
	uint8_t a = it[i - 1].kind, b = it[i + 1].kind;
	return (is_west(a) || a == TK_OTHER) && (is_west(b) || b == TK_OTHER);
}

/*
 * What a break after item e - 1 costs: 0 for every break UAX #14 and the
 * filter allow; HYPHEN_PENALTY inside a word (TeX's \hyphenpenalty, squared
 * into the demerits: as much as a line of badness 40), URL_PENALTY inside
 * a URL or path, offered only where the run is wider than the line: its
 * square, 10⁶, keeps such breaks to the fewest the run needs.
 */
static double
break_penalty(const struct para *p, size_t e)
{
	uint8_t t = p->it[e - 1].soft;
	return t == TS_HYPHEN ? HYPHEN_PENALTY : t == TS_URL ? URL_PENALTY : 0;
}

void
para_sums_init(struct para *p, struct sums *S)
{
	const struct text_item *it = p->it;
	size_t n = p->n;
	S->w = xmalloc(8 * (n + 1) * sizeof(int64_t));   /* every entry is set below */
	S->g = S->w + n + 1;
	S->sh = S->g + n + 1;
	S->st = S->sh + n + 1;
	S->lead = S->st + n + 1;
	S->shs = S->lead + n + 1;
	S->sps = S->shs + n + 1;
	S->hs = S->sps + n + 1;
	S->lvis = xmalloc(2 * (n + 1) * sizeof(size_t));
	S->w[0] = S->g[0] = S->sh[0] = S->st[0] = S->lead[0] = S->shs[0] = S->sps[0] = S->hs[0] = 0;
	S->next = S->lvis + n + 1;
	S->cut = xcalloc(2 * (n + 1), 1);
	S->jok = S->cut + n + 1;
	size_t lv = SIZE_MAX;
	int64_t w = 0, g = 0, sh = 0, shs = 0, st = 0, sps = 0, hs = 0, lead = 0;
	mpt maxem = 0;
	for (size_t i = 0; i < n; i++) {   /* running sums kept in locals */
		const struct text_item *a = &it[i];
		w += a->adv - p->scut_l[i] - p->scut_r[i];
		g += p->agap[i];
		sh += p->shrink[i] + p->agap[i] / 2;
		int ws = 0;
		if (a->kind == TK_SPACE || a->kind == TK_LEADER) {
			shs += p->shrink[i];
			ws = a->kind == TK_SPACE && para_word_space(p, i);
			if (a->kind == TK_LEADER && a->lmax > a->adv)
				lead += a->lmax - a->adv;
		}
		if (i + 1 >= n)
			;
		else if (a->kind == TK_HAN && it[i + 1].kind == TK_HAN && !a->nojust) {
			S->jok[i] = 1;   /* the common case, as gap_ok() and han_shrink() */
			st += a->em / 16;
			hs += a->em / 40;
		} else if ((S->jok[i] = (uint8_t)gap_ok(p, i))) {
			int64_t z = ws ? a->em / 6 : a->em / 16;
			st += z;
			sps += ws ? z : 0;
			hs += han_shrink(p, i);
		}
		S->w[i + 1] = w;
		S->g[i + 1] = g;
		S->sh[i + 1] = sh;
		S->shs[i + 1] = shs;
		S->st[i + 1] = st;
		S->sps[i + 1] = sps;
		S->hs[i + 1] = hs;
		S->lead[i + 1] = lead;
		S->lvis[i] = lv;
		if (a->kind != TK_SPACE)
			lv = i;
		if (a->em > maxem)
			maxem = a->em;
	}
	S->maxem = maxem;
	for (size_t i = 0; i < n; i++)
		p->soft |= (uint8_t)(1u << it[i].soft);
	S->lvis[n] = lv;
	S->next[n] = n;
	for (size_t k = n; k-- > 0;)
		S->next[k] = it[k].kind == TK_SPACE && it[k].brk != TB_FORCE ? S->next[k + 1] : k;
}

void
para_sums_free(struct sums *S)
{
	free(S->w);
	free(S->lvis);
	free(S->cut);
}

/* R14: may the mark at i hang past the margin? */
static int
may_hang(const struct para *p, size_t i)
{
	const struct text_item *it = p->it;
	if (!p->o->hanging || (it[i].kind != TK_PAUSE && it[i].kind != TK_STOP))
		return 0;
	if (it[i].cp == 0xFF1B || it[i].cp == 0xFF1A || it[i].cp == 0xFF1F || it[i].cp == 0xFF01)
		return 0;
	return (i == 0 || !is_mark(it[i - 1].kind)) && (i + 1 >= p->n || !is_mark(it[i + 1].kind));
}

/*
 * Squeeze a line's gaps between characters may give beyond their em/40
 * to take in the mark that ends it (clreq's 先挤进, 后推出): a pause, stop
 * or closing mark trimmed by R9, whose kept half would otherwise start
 * the next line's character over.  Up to TAKE_IN_NUM/TAKE_IN_DEN em a gap
 * in all (base is the em/40 part), and never more than the mark's kept
 * width.  A line of ten does not reach it (`一二三四五六七八九十。` needs
 * em/20 a gap: R1a carries 十 over); a line ending in `·` or inside a
 * quotation does not qualify (R1b, R5).
 */
int64_t
para_take_in(const struct para *p, size_t lv, mpt trim, int64_t base)
{
	const struct text_item *a = &p->it[lv];
	if (trim <= 0 || p->o->align != TEXT_ALIGN_JUSTIFY || base <= 0 ||
	    (a->kind != TK_PAUSE && a->kind != TK_STOP && a->kind != TK_CLOSE))
		return 0;
	int64_t kept = a->adv - p->scut_l[lv] - p->scut_r[lv] - trim;
	int64_t extra = base * (40 * TAKE_IN_NUM - TAKE_IN_DEN) / TAKE_IN_DEN;
	if (extra > kept)
		extra = kept;
	return extra > 0 ? extra : 0;
}

/* Measure the line [s, e) against avail; 0 when it has nothing visible. */
int
para_measure_line(const struct para *p, const struct sums *S, size_t s, size_t e, mpt avail,
    struct line_fit *f)
{
	size_t lv = S->lvis[e];
	if (lv == SIZE_MAX || lv < s)
		return 0;
	f->lv = lv;
	f->trim = para_end_trim(p, lv);
	f->nat = S->w[lv + 1] - S->w[s] + S->g[lv] - S->g[s] - f->trim;
	if (lv + 1 == e && p->it[lv].soft == TS_HYPHEN)
		f->nat += p->it[lv].hyw;   /* the hyphen drawn at the line end */
	f->shrink = S->sh[lv] - S->sh[s] + (p->it[lv].kind == TK_LEADER ? p->shrink[lv] : 0);
	f->sshrink = S->shs[lv] - S->shs[s] + (p->it[lv].kind == TK_LEADER ? p->shrink[lv] : 0);
	f->gshrink = (S->g[lv] - S->g[s]) / 2;
	f->hshrink = f->hbase = S->hs[lv] - S->hs[s];
	if (f->trim > 0)
		f->hshrink += para_take_in(p, lv, f->trim, f->hbase);
	f->shrink += f->hshrink;
	f->stretch = S->st[lv] - S->st[s];
	f->sstretch = S->sps[lv] - S->sps[s];
	f->lead = S->lead[lv + 1] - S->lead[s];
	f->hang = 0;
	if (p->o->hanging && f->nat > avail && lv + 1 == e && lv > s && may_hang(p, lv)) {
		/* the mark stands past the margin; the rest must fit as it is.
		 * It hangs where the line does not fit squeezed, and where
		 * hanging leaves less to stretch than squeezing would take in:
		 * 物业管理费按建筑面积计收， at 12 em hangs its comma and sets the
		 * twelve characters as they are (R14, docs/cjk.md). */
		int64_t w = f->nat - (p->it[lv].adv - p->scut_l[lv] - p->scut_r[lv] - f->trim);
		if (w <= avail && (f->nat - f->shrink > avail || avail - w < f->nat - avail)) {
			f->nat = w;
			f->shrink = f->sshrink = f->hshrink = f->hbase = f->gshrink = 0;
			f->hang = 1;
		}
	}
	return 1;
}

/*
 * Badness of a line (100 r³, r the part of its stretch or shrink used) and
 * its fitness class; -1 when it does not fit even squeezed.  A ragged or
 * last line is as good as its squeezing: its blank is free.  *even: the
 * demerits of the stretch that reaches the gaps between Han characters,
 * what is left once the word spaces and the R10 gaps have taken theirs
 * (para_place() gives it in that order): EVEN_DEMERITS r², r the part of the
 * gaps' stretch used, so that the paragraph's breaks are those whose
 * residue the flexible gaps and the marks absorb.
 */
static double
line_badness(const struct line_fit *f, mpt avail, int justify, uint8_t *fit, double *even,
    double *adj, double *mark)
{
	int64_t slack = avail - f->nat;
	double r;
	*fit = FIT_DECENT;
	*even = 0;
	*adj = 0;
	*mark = 0;
	if (slack < 0) {
		if (-slack > f->shrink)
			return -1;
		r = (double)-slack / (double)f->shrink;
		if (r > 0.5)
			*fit = FIT_TIGHT;
		/* spaces (and leaders) give way first, as in para_place(); then,
		 * where the R10 gaps and the gaps between characters cannot
		 * take it all, the marks, whose blanks are meant to go: cheap
		 * (MARK_SQUEEZE); then those gaps */
		int64_t mk = f->shrink - f->sshrink - f->hshrink;   /* the marks' and R10's */
		int64_t mko = mk - f->gshrink;                       /* the marks' */
		int64_t qs = -slack < f->sshrink ? -slack : f->sshrink, rest = -slack - qs;
		int64_t qm = 0, qg, qh;
		if (mko > 0 && rest > f->gshrink + f->hshrink)
			qm = rest < mko ? rest : mko;
		rest -= qm;
		qg = rest < f->gshrink ? rest : f->gshrink;
		qh = rest - qg;
		double rs = f->sshrink > 0 ? (double)qs / (double)f->sshrink : 0;
		double rm = mk > 0 ? (double)(qm + qg) / (double)mk : 0;
		*mark = mko > 0 ? (double)qm / (double)mko : 0;
		double rh = f->hshrink > 0 ? (double)qh / (double)f->hshrink : 0;
		if (qh > 0) {   /* the gaps themselves: as dear as stretching them */
			double rr = (double)qh * 16 / ((double)f->hbase * 40);
			*even = EVEN_DEMERITS * rr * rr;
			*adj = -rr;
		}
		return 100 * rs * rs * rs + MARK_SQUEEZE * rm * rm * rm + 100 * rh * rh * rh;
	}
	if (!justify)
		return 0;
	slack -= f->lead < slack ? f->lead : slack;   /* leaders fill first */
	if (slack == 0)
		return 0;
	if (f->stretch <= 0) {
		*fit = FIT_VERY_LOOSE;
		return AWFUL_BAD;
	}
	int64_t rest = slack - f->sstretch;
	if (rest > 0 && f->stretch > 0) {
		double rr = (double)rest / (double)f->stretch;
		*even = EVEN_DEMERITS * (rr < 1e3 ? rr * rr : 1e6);
		*adj = rr < 1e3 ? rr : 1e3;
	}
	r = (double)slack / (double)f->stretch;
	*fit = r > 1 ? FIT_VERY_LOOSE : r > 0.5 ? FIT_LOOSE : FIT_DECENT;
	return r > 1e3 ? AWFUL_BAD : 100 * r * r * r;
}

/* Does the line [s, e) hold fewer than two characters (R15)? */
static int
orphan_line(const struct para *p, size_t s, size_t e)
{
	int real = 0;
	for (size_t i = s; i < e && real < 2; i++)
		real += is_real(p->it[i].kind);
	return real < 2;
}

/*
 * Emergency breaks: a run between two allowed breaks that is wider than
 * the narrowest line even squeezed is broken where it reaches the end of
 * the line, so that some set of breaks always fits.
 */
void
para_emergency_breaks(const struct para *p, struct sums *S, mpt avail)
{
	const struct text_item *it = p->it;
	size_t s = S->next[0];
	for (size_t e = 1; e <= p->n; e++) {
		uint8_t b = it[e - 1].brk;
		if (e < p->n && b == TB_NONE && !it[e - 1].soft)
			continue;
		struct line_fit f;
		if (s < e && S->w[e] - S->w[s] + S->g[e] - S->g[s] > avail &&
		    para_measure_line(p, S, s, e, avail, &f) && f.nat - f.shrink > avail) {
			int64_t w = 0;
			for (size_t j = s; j <= f.lv; j++) {
				int64_t a = it[j].adv - p->scut_l[j] - p->scut_r[j];
				if (j > s && w + p->agap[j - 1] + a > avail) {
					S->cut[j] = 1;
					w = a;
					s = j;
				} else {
					w += (j > s ? p->agap[j - 1] : 0) + a;
				}
			}
		}
		s = b == TB_FORCE ? e : S->next[e];
	}
}


void
para_seg_push(struct seg_out *o, size_t end, int hang)
{
	if (o->n == o->cap) {
		o->cap = o->cap ? o->cap * 2 : 16;
		o->ends = xrealloc(o->ends, o->cap * sizeof *o->ends);
		o->hang = xrealloc(o->hang, o->cap);
	}
	o->ends[o->n] = end;
	o->hang[o->n] = (uint8_t)hang;
	o->n++;
}

/* The search of one segment: every node made, and the active ones, from
 * which a later line may still start, oldest first. */
struct fit_graph {
	const struct para *p;
	const struct sums *S;
	size_t  s0, b0;   /* the segment's items */
	int     first;    /* s0 starts the paragraph's first line */
	int     final;    /* b0 ends the paragraph */
	int     pass;
	int     justify;
	mpt     margin;   /* a line-end trim, a hanging mark */
	struct fit_node *nodes;
	size_t  nn, capn;
	size_t *act;
	size_t  na, capa;
};

/* Adds node n, active. */
static void
graph_add(struct fit_graph *g, const struct fit_node *n)
{
	if (g->nn == g->capn) {
		g->capn = g->capn ? g->capn * 2 : 64;
		g->nodes = xrealloc(g->nodes, g->capn * sizeof *g->nodes);
	}
	g->nodes[g->nn++] = *n;
	if (g->na == g->capa) {
		g->capa = g->capa ? g->capa * 2 : 64;
		g->act = xrealloc(g->act, g->capa * sizeof *g->act);
	}
	g->act[g->na++] = g->nn - 1;
}

/* Whether no line may end at e: no break there, or none the segment's
 * rest could follow. */
static int
no_break_at(const struct fit_graph *g, size_t e)
{
	const struct para *p = g->p;
	if (e == g->b0)
		return 0;
	return (p->it[e - 1].brk == TB_NONE && !g->S->cut[e] && !p->it[e - 1].soft) ||
	    g->S->next[e] >= g->b0;
}

/* Quick: even the line to e from the oldest active node is too loose for
 * the pass, so no line to e is offered. */
static int
loose_from_oldest(const struct fit_graph *g, size_t e)
{
	const struct para *p = g->p;
	const struct sums *S = g->S;
	if (e == g->b0 || !g->justify || g->pass >= 3 || p->o->indent < 0)
		return 0;
	const struct fit_node *old = &g->nodes[g->act[0]];
	size_t s = old->prev == SIZE_MAX ? g->s0 : S->next[old->pos];
	mpt avail = p->o->width - (g->first && old->prev == SIZE_MAX ? p->o->indent : 0);
	int64_t wide = S->w[e] - S->w[s] + S->g[e] - S->g[s] + S->lead[e] - S->lead[s];
	return s < e && avail - wide > (g->pass == 1 ? 13 : 31) * (S->st[e] - S->st[s]) / 10;
}

/* What line_badness() says of one line, with what the next line's
 * demerits compare with. */
struct line_cost {
	double  bad, even, adj, mark;
	uint8_t fit;
	int     hasmk;   /* the line has marks compressed */
};

/*
 * Demerits of the line [s, e) that starts at node from, costed c; last: it
 * ends the segment; hy: it ends inside a word.  The model is the comment
 * at the top of this part.
 */
static double
line_demerits(const struct fit_graph *g, const struct fit_node *from, const struct line_fit *f,
    const struct line_cost *c, size_t s, size_t e, int hy)
{
	const struct para *p = g->p;
	int last = e == g->b0;
	double b = c->bad;
	double pen = last ? 0 : break_penalty(p, e);
	double d = (LINE_PENALTY + b) * (LINE_PENALTY + b) + pen * pen + c->even;
	/* tight beside loose; the last line is not justified, so its spacing
	 * does not show against the line before */
	if (!last && (c->fit > from->fit ? c->fit - from->fit : from->fit - c->fit) > 1)
		d += ADJ_DEMERITS;
	/* and, continuously, gaps that differ from the line before's */
	if (!last && g->justify && from->prev != SIZE_MAX)
		d += STEP_DEMERITS * (c->adj - from->adj) * (c->adj - from->adj);
	/* the same marks compressed alike from line to line (#14) */
	if (g->justify && c->hasmk && from->hasmk)
		d += CONSIST_DEMERITS * (c->mark - from->mk) * (c->mark - from->mk);
	if (g->justify && from->trim && f->trim > 0 && !last)
		d += MARK_DEMERITS;
	if (last && g->final && (from->prev != SIZE_MAX || !g->first) && orphan_line(p, s, e))
		d += ORPHAN_DEMERITS;
	if (hy && from->hyc)
		d += DOUBLE_HYPHEN_DEMERITS;
	if (last && g->final && from->hyc)
		d += FINAL_HYPHEN_DEMERITS;
	return d + from->dem;
}

/*
 * Costs the line of sizes f in avail into c.  Returns 1 when the pass
 * offers it, 0 when not, -1 when it is too loose for the pass: the lines
 * to the same end from later nodes are shorter still.
 */
static int
line_cost(const struct fit_graph *g, const struct line_fit *f, mpt avail, int last, int url,
    struct line_cost *c)
{
	const struct para *p = g->p;
	double b = line_badness(f, avail, g->justify && !last && !url, &c->fit, &c->even, &c->adj,
	    &c->mark);
	c->hasmk = f->shrink - f->sshrink - f->hshrink - f->gshrink > 0;   /* marks */
	if (b < 0)
		return 0;
	if ((g->pass == 1 && b > TOLERANCE1) || (g->pass == 2 && b > TOLERANCE2))
		return f->nat < avail ? -1 : 0;
	if (!g->justify && f->nat > avail)
		b += RAGGED_SQUEEZE;   /* ragged text carries over rather than squeeze */
	else if (!g->justify && !last && (p->soft & (1u << TS_HYPHEN))) {
		/* ragged text that may hyphenate: a short line costs, or no
		 * hyphen would ever pay for itself */
		double r = (double)(avail - f->nat) /
		    (double)(RAGGED_HYPH_EMS * (int64_t)p->it[f->lv].em);
		b += 100 * r * r * r;
	}
	c->bad = b;
	return 1;
}

/*
 * Offers every line that ends at e, one from each active node, and keeps
 * in cand[class] the one of least demerits of each fitness class (prev
 * SIZE_MAX: none).  Retires the nodes from which no later line fits.
 */
static void
lines_to(struct fit_graph *g, size_t e, struct fit_node cand[4])
{
	const struct para *p = g->p;
	const struct text_para_opts *o = p->o;
	int last = e == g->b0;
	/* a line ending inside a word; one ending inside a URL is set as a
	 * last line is (not justified) */
	int hy = !last && p->it[e - 1].soft == TS_HYPHEN;
	int url = !last && p->it[e - 1].soft == TS_URL;
	size_t keep = 0;
	for (size_t a = 0; a < g->na; a++) {
		size_t ai = g->act[a];
		const struct fit_node *from = &g->nodes[ai];
		int isfirst = g->first && from->prev == SIZE_MAX;
		size_t s = from->prev == SIZE_MAX ? g->s0 : g->S->next[from->pos];
		mpt avail = o->width - (isfirst ? o->indent : 0) -
		    (last && g->final ? o->last_end_indent : 0);
		struct line_fit f;
		struct line_cost c;
		g->act[keep++] = ai;
		if (s >= e || !para_measure_line(p, g->S, s, e, avail, &f))
			continue;
		if (hy && o->ladder && from->hyc >= o->ladder)
			continue;   /* hyphenation-ladder-count */
		if (f.nat - f.shrink > avail + g->margin && !last) {
			keep--;   /* no later line from here fits: retire it */
			continue;
		}
		int r = line_cost(g, &f, avail, last, url, &c);
		if (r < 0) {
			while (++a < g->na)
				g->act[keep++] = g->act[a];
			break;
		}
		if (r == 0)
			continue;
		double d = line_demerits(g, from, &f, &c, s, e, hy);
		struct fit_node *k = &cand[c.fit];
		/* ties go to the later start: earlier lines are the fuller */
		if (k->prev == SIZE_MAX || d < k->dem ||
		    (d == k->dem && from->pos > g->nodes[k->prev].pos))
			*k = (struct fit_node){ e, ai, d, c.fit, (uint8_t)f.hang, f.trim > 0,
			    (float)c.adj, c.hasmk ? (float)c.mark : from->mk,
			    (uint8_t)(c.hasmk || from->hasmk),
			    (uint8_t)(hy ? (from->hyc < 255 ? from->hyc + 1 : 255) : 0) };
	}
	g->na = keep;
}

/* Appends to out the line ends of the path that ends at node best. */
static void
seg_trace(struct seg_out *out, const struct fit_node *nodes, size_t best)
{
	size_t k0 = out->n, cnt = 0;
	for (size_t k = best; nodes[k].prev != SIZE_MAX; k = nodes[k].prev) {
		para_seg_push(out, nodes[k].pos, nodes[k].hang);
		cnt++;
	}
	for (size_t i = 0; i < cnt / 2; i++) {   /* they came last first */
		size_t t = out->ends[k0 + i];
		uint8_t h = out->hang[k0 + i];
		out->ends[k0 + i] = out->ends[k0 + cnt - 1 - i];
		out->hang[k0 + i] = out->hang[k0 + cnt - 1 - i];
		out->ends[k0 + cnt - 1 - i] = t;
		out->hang[k0 + cnt - 1 - i] = h;
	}
}

/*
 * Break the items [s0, b0) — a paragraph, or the part of one up to a
 * forced break — into lines.  first: s0 starts the paragraph's first line;
 * final: b0 ends the paragraph.  pass 1 and 2 take lines up to a
 * tolerance, pass 3 any line that fits.  Appends the line ends to out and
 * returns their total demerits; -1 when no set of breaks passes.
 */
double
para_fit_segment(const struct para *p, const struct sums *S, size_t s0, size_t b0, int first,
    int final, int pass, struct seg_out *out)
{
	struct fit_graph g = {
		.p = p, .S = S, .s0 = s0, .b0 = b0, .first = first, .final = final, .pass = pass,
		.justify = p->o->align == TEXT_ALIGN_JUSTIFY, .margin = S->maxem,
	};
	size_t best = SIZE_MAX;
	graph_add(&g, &(struct fit_node){ s0, SIZE_MAX, 0, FIT_DECENT, 0, 0, 0, 0, 0, 0 });
	for (size_t e = s0 + 1; e <= b0 && g.na > 0; e++) {
		if (no_break_at(&g, e) || loose_from_oldest(&g, e))
			continue;
		struct fit_node cand[4];
		for (int k = 0; k < 4; k++)
			cand[k].prev = SIZE_MAX;
		lines_to(&g, e, cand);
		for (int k = 0; k < 4; k++) {
			if (cand[k].prev == SIZE_MAX)
				continue;
			if (e < b0) {
				graph_add(&g, &cand[k]);
			} else if (best == SIZE_MAX || cand[k].dem < g.nodes[best].dem) {
				graph_add(&g, &cand[k]);
				best = g.nn - 1;
			}
		}
	}
	double dem = best != SIZE_MAX ? g.nodes[best].dem : -1;
	if (best != SIZE_MAX)
		seg_trace(out, g.nodes, best);
	free(g.nodes);
	free(g.act);
	return dem;
}

/*
 * Text that is not justified, the short way.  Its lines cost the same
 * whatever their length unless squeezed (RAGGED_SQUEEZE), so the best set
 * of breaks is the fewest lines, and of those, by the ties' rule, the one
 * that fills each line as far as it goes: first fit.  Returns 0, leaving
 * out as it was, where that needs more than first fit — a line that fits
 * only squeezed or by an emergency break, or a last line of a single
 * character (R15) — and para_fit_segment() decides.
 */
int
para_ragged_segment(const struct para *p, const struct sums *S, size_t s0, size_t b0, int first,
    int final, struct seg_out *out)
{
	const struct text_para_opts *o = p->o;
	size_t k0 = out->n, s = s0;
	int isfirst = first;
	for (;;) {
		size_t best = SIZE_MAX;
		int hang = 0;
		for (size_t e = s + 1; e <= b0; e++) {
			int last = e == b0;
			if (!last && ((p->it[e - 1].brk == TB_NONE && !S->cut[e] && !p->it[e - 1].soft) ||
			    S->next[e] >= b0))
				continue;
			mpt avail = o->width - (isfirst ? o->indent : 0) - (last && final ? o->last_end_indent : 0);
			struct line_fit f;
			if (!para_measure_line(p, S, s, e, avail, &f))
				continue;
			if (f.nat <= avail) {
				best = e;
				hang = f.hang;
			} else if (f.nat - f.shrink > avail + S->maxem) {
				break;   /* no longer line fits either */
			}
		}
		if (best == SIZE_MAX || S->cut[best])
			break;
		para_seg_push(out, best, hang);
		if (best == b0) {
			if (final && (out->n - k0 > 1 || !first) && orphan_line(p, s, b0))
				break;
			return 1;
		}
		s = S->next[best];
		isfirst = 0;
	}
	out->n = k0;
	return 0;
}
