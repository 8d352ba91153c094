/*
 * layout — page masters, page numbers and markers.
 *
 *   page-sequence-master: which simple-page-master each page uses
 *     (single-, repeatable-page-master-reference, and alternatives chosen by
 *     page-position, odd-or-even and blank-or-not-blank; XSL 1.1 §6.4.8–14);
 *   page numbers: the sequence's format (1, 01, i, I, a, A, and Chinese
 *     numerals 一), grouping-separator and grouping-size (§7.26);
 *   markers: fo:marker recorded where its block lands, fo:retrieve-marker
 *     answered per retrieve-position and retrieve-boundary (§6.13.5–6).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lay_int.h"

/* ---------------------------------------------------------------- numbers */

static void
roman(int n, int upper, struct buf *b)
{
	static const struct { int v; const char *s; } t[] = {
		{ 1000, "m" }, { 900, "cm" }, { 500, "d" }, { 400, "cd" }, { 100, "c" }, { 90, "xc" },
		{ 50, "l" }, { 40, "xl" }, { 10, "x" }, { 9, "ix" }, { 5, "v" }, { 4, "iv" }, { 1, "i" },
	};
	if (n <= 0 || n >= 4000) {
		buf_printf(b, "%d", n);
		return;
	}
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		while (n >= t[i].v) {
			for (const char *s = t[i].s; *s; s++)
				buf_putc(b, (char)(upper ? *s - 'a' + 'A' : *s));
			n -= t[i].v;
		}
}

static void
alpha(int n, int upper, struct buf *b)
{
	char tmp[16];
	int k = 0;
	while (n > 0 && k < 15) {
		n--;
		tmp[k++] = (char)((upper ? 'A' : 'a') + n % 26);
		n /= 26;
	}
	while (k > 0)
		buf_putc(b, tmp[--k]);
}

/* 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五, 1010 → 一千零一十 */
static void
chinese(int n, struct buf *b)
{
	static const char *d[] = { "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九" };
	static const char *u[] = { "", "十", "百", "千" };
	if (n <= 0 || n >= 10000) {
		buf_printf(b, "%d", n);
		return;
	}
	if (n < 20 && n >= 10) {
		buf_puts(b, "十");
		if (n % 10)
			buf_puts(b, d[n % 10]);
		return;
	}
	int digits[4], k = 0, zero = 0;
	for (int m = n; m > 0; m /= 10)
		digits[k++] = m % 10;
	for (int i = k - 1; i >= 0; i--) {
		if (digits[i] == 0) {
			zero = 1;
			continue;
		}
		if (zero)
			buf_puts(b, "零");
		zero = 0;
		buf_puts(b, d[digits[i]]);
		buf_puts(b, u[i]);
	}
}

/* letter-value="alphabetic" makes a format of i or I the alphabetic
 * sequence that starts at that letter (i, j, k …), as in XSLT. */
static int
alphabetic(const struct fo_node *seq)
{
	return seq && seq->style->letter_value == LETTER_ALPHABETIC;
}

void
lay_page_label(int n, const struct fo_node *seq, struct buf *b)
{
	const struct fo_style *s = seq ? seq->style : NULL;
	switch ((enum fo_numfmt)(s ? s->num_format : NUMFMT_DECIMAL)) {
	case NUMFMT_ROMAN_LOWER:
	case NUMFMT_ROMAN_UPPER:
		if (alphabetic(seq))
			alpha(n + 8, s->num_format == NUMFMT_ROMAN_UPPER, b);   /* 1 → i */
		else
			roman(n, s->num_format == NUMFMT_ROMAN_UPPER, b);
		return;
	case NUMFMT_ALPHA_LOWER:
	case NUMFMT_ALPHA_UPPER:
		alpha(n, s->num_format == NUMFMT_ALPHA_UPPER, b);
		return;
	case NUMFMT_CHINESE:
		chinese(n, b);
		return;
	case NUMFMT_DECIMAL:
		break;
	}
	/* 1, 01, 001 …: zero-padded decimal, optionally grouped */
	char num[32];
	snprintf(num, sizeof num, "%0*d", s && s->num_width > 1 ? s->num_width : 1, n);
	int size = s ? s->grouping_size : 0;
	if (s && s->grouping_sep && size > 0) {
		char sep[4];
		size_t seplen = (size_t)utf8_encode(s->grouping_sep, sep);
		size_t len = strlen(num);
		for (size_t i = 0; i < len; i++) {
			buf_putc(b, num[i]);
			size_t left = len - i - 1;
			if (left > 0 && left % (size_t)size == 0)
				buf_add(b, sep, seplen);
		}
	} else {
		buf_puts(b, num);
	}
}

uint8_t
lay_label_style(const struct fo_node *seq)
{
	const struct fo_style *s = seq ? seq->style : NULL;
	if (s == NULL)
		return 'D';
	if (s->grouping_sep)
		return 0;
	switch ((enum fo_numfmt)s->num_format) {
	case NUMFMT_DECIMAL: return s->num_width > 1 ? 0 : 'D';   /* 01 …: written out page by page */
	case NUMFMT_ROMAN_LOWER: return alphabetic(seq) ? 0 : 'r';  /* i, j, k …: no PDF style starts at i */
	case NUMFMT_ROMAN_UPPER: return alphabetic(seq) ? 0 : 'R';
	case NUMFMT_ALPHA_LOWER: return 'a';
	case NUMFMT_ALPHA_UPPER: return 'A';
	case NUMFMT_CHINESE: return 0;   /* 一 …: written out page by page */
	}
	return 0;
}

/* ---------------------------------------------------------------- masters */

const struct fo_node *
lay_find_master(const struct fo_tree *fo, const char *name, enum fo_type type)
{
	for (const struct fo_node *c = fo->root->first; c; c = c->next)
		if (c->type == FO_LAYOUT_MASTER_SET)
			for (const struct fo_node *m = c->first; m; m = m->next)
				if (m->type == type) {
					const char *mn = m->name;
					if (mn && name && strcmp(mn, name) == 0)
						return m;
				}
	return NULL;
}

static int
repeats(const struct fo_node *n)
{
	return n->style->max_repeats;   /* -1: no-limit */
}

static int
cond_ok(const struct fo_node *c, const struct lay_pagepos *pp)
{
	const struct fo_style *s = c->style;
	switch ((enum fo_pagepos)s->page_position) {
	case PAGEPOS_ANY: break;
	case PAGEPOS_FIRST: if (!pp->first) return 0; break;
	case PAGEPOS_REST: if (pp->first) return 0; break;
	case PAGEPOS_LAST: if (!pp->last) return 0; break;
	case PAGEPOS_ONLY: if (!(pp->first && pp->last)) return 0; break;
	}
	if (s->odd_or_even == ODDEVEN_ODD && pp->number % 2 == 0)
		return 0;
	if (s->odd_or_even == ODDEVEN_EVEN && pp->number % 2 != 0)
		return 0;
	if (s->blankness == BLANKNESS_BLANK && !pp->blank)
		return 0;
	if (s->blankness == BLANKNESS_NOT_BLANK && pp->blank)
		return 0;
	return 1;
}

/*
 * The simple-page-master for the page described by pp, from the
 * sequence's master-reference (a simple master, or a page-sequence-master
 * whose sub-sequences are consumed in order).  state counts pages per
 * sub-sequence; zero it at the start of a page sequence.
 */
const struct fo_node *
lay_choose_master(struct lay *L, const struct fo_node *seq, struct lay_masterstate *st,
    const struct lay_pagepos *pp, int advance)
{
	const char *ref = seq->ref;
	const struct fo_node *spm = lay_find_master(L->fo, ref, FO_SIMPLE_PAGE_MASTER);
	if (spm)
		return spm;
	const struct fo_node *psm = lay_find_master(L->fo, ref, FO_PAGE_SEQUENCE_MASTER);
	if (psm == NULL)
		return NULL;
	int idx = 0;
	const struct fo_node *last = NULL;
	for (const struct fo_node *sub = psm->first; sub; sub = sub->next, idx++) {
		if (sub->type != FO_SINGLE_PAGE_MASTER_REFERENCE &&
		    sub->type != FO_REPEATABLE_PAGE_MASTER_REFERENCE &&
		    sub->type != FO_REPEATABLE_PAGE_MASTER_ALTERNATIVES)
			continue;
		last = sub;
		int max = sub->type == FO_SINGLE_PAGE_MASTER_REFERENCE ? 1 : repeats(sub);
		if (idx < st->sub) 
			continue;
		if (max >= 0 && st->count >= max) {
			if (advance) {
				st->sub = idx + 1;
				st->count = 0;
			}
			continue;
		}
		const struct fo_node *chosen = NULL;
		if (sub->type == FO_REPEATABLE_PAGE_MASTER_ALTERNATIVES) {
			for (const struct fo_node *c = sub->first; c && !chosen; c = c->next)
				if (c->type == FO_CONDITIONAL_PAGE_MASTER_REFERENCE && cond_ok(c, pp))
					chosen = lay_find_master(L->fo, c->ref,
					    FO_SIMPLE_PAGE_MASTER);
			if (chosen == NULL) {
				diag_once(L->d, "nocond", DIAG_WARNING, L->fo->file, sub->line, 0,
				    "no conditional-page-master-reference fits page %d; the first is used", pp->number);
				for (const struct fo_node *c = sub->first; c && !chosen; c = c->next)
					if (c->type == FO_CONDITIONAL_PAGE_MASTER_REFERENCE)
						chosen = lay_find_master(L->fo, c->ref,
						    FO_SIMPLE_PAGE_MASTER);
			}
		} else {
			chosen = lay_find_master(L->fo, sub->ref, FO_SIMPLE_PAGE_MASTER);
		}
		if (advance) {
			st->sub = idx;
			st->count++;
		}
		return chosen;
	}
	/* every sub-sequence used up: XSL says it is an error; keep the last */
	diag_once(L->d, "psm-exhausted", DIAG_WARNING, L->fo->file, psm->line, 0,
	    "page-sequence-master \"%s\" has no page master left for page %d; its last one is repeated",
	    ref ? ref : "", pp->number);
	if (last == NULL)
		return NULL;
	if (last->type == FO_REPEATABLE_PAGE_MASTER_ALTERNATIVES) {
		for (const struct fo_node *c = last->first; c; c = c->next)
			if (c->type == FO_CONDITIONAL_PAGE_MASTER_REFERENCE && cond_ok(c, pp))
				return lay_find_master(L->fo, c->ref, FO_SIMPLE_PAGE_MASTER);
		return NULL;
	}
	return lay_find_master(L->fo, last->ref, FO_SIMPLE_PAGE_MASTER);
}

/* ---------------------------------------------------------------- markers */

void
lay_mark(struct lay *L, const struct fo_node *block, uint8_t kind)
{
	for (const struct fo_node *c = block->first; c; c = c->next) {
		if (c->type != FO_MARKER)
			continue;
		const char *cls = c->name;
		if (cls == NULL)
			continue;
		if (L->nmarks == L->capmarks) {
			L->capmarks = L->capmarks ? L->capmarks * 2 : 32;
			L->marks = xrealloc(L->marks, L->capmarks * sizeof *L->marks);
		}
		L->marks[L->nmarks++] = (struct lay_mark){ cls, c, kind, L->mark_page, L->mark_seq };
	}
}

void
lay_mark_tree(struct lay *L, const struct fo_node *n)
{
	if (n->type == FO_MARKER || n->type == FO_TEXT)
		return;
	lay_mark(L, n, MARK_START);
	for (const struct fo_node *c = n->first; c; c = c->next)
		lay_mark_tree(L, c);
	lay_mark(L, n, MARK_END);
}

/*
 * XSL 1.1 §6.13.6.  The page's markers are the entries of the current
 * page; earlier pages' entries answer when the page has none of the class
 * and the boundary reaches back (page-sequence: this sequence; document).
 */
const struct fo_node *
lay_retrieve(struct lay *L, const struct fo_node *rm)
{
	if (lay_is_table_marker(rm))
		return lay_retrieve_table(L, rm);
	const char *cls = rm->ref;
	uint8_t pos = rm->style->retrieve_pos, bnd = rm->style->retrieve_bnd;
	if (cls == NULL)
		return NULL;
	const struct fo_node *hit = NULL;
	int first = pos == RETRIEVE_FIRST_STARTING || pos == RETRIEVE_FIRST_CARRYOVER;
	int carry = pos == RETRIEVE_FIRST_CARRYOVER;
	int ending = pos == RETRIEVE_LAST_ENDING;
	for (size_t i = 0; i < L->nmarks; i++) {
		const struct lay_mark *m = &L->marks[i];
		if (m->page != L->mark_page || strcmp(m->cls, cls) != 0)
			continue;
		int ok = m->kind == MARK_START || (carry && m->kind == MARK_CARRY) ||
		    (ending && m->kind == MARK_END);
		if (!ok)
			continue;
		hit = m->marker;
		if (first)
			break;
	}
	if (hit == NULL && ending) {
		/* no block ends here: the last one starting here */
		for (size_t i = 0; i < L->nmarks; i++) {
			const struct lay_mark *m = &L->marks[i];
			if (m->page == L->mark_page && strcmp(m->cls, cls) == 0 && m->kind == MARK_START)
				hit = m->marker;
		}
	}
	if (hit || bnd == RETRIEVE_PAGE)
		return hit && rm->parent ? fo_marker_restyle(L->fo, hit, rm->parent->style) : hit;
	/* the last marker of the class on an earlier page within the boundary */
	for (size_t i = L->nmarks; i > 0; i--) {
		const struct lay_mark *m = &L->marks[i - 1];
		if (m->page >= L->mark_page || strcmp(m->cls, cls) != 0 || m->kind == MARK_CARRY)
			continue;
		if (bnd == RETRIEVE_PAGE_SEQUENCE && m->seq != L->mark_seq)
			break;
		return rm->parent ? fo_marker_restyle(L->fo, m->marker, rm->parent->style) : m->marker;
	}
	return NULL;
}
