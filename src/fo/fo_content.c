/*
 * fo — normalised content, made as the tree is built so that layout meets
 * one shape only: block-level FOs inside inlines split out (the inline's
 * parts around them), text-transform applied to the text, and small-caps
 * made from capitals at a smaller size.
 */
#include <string.h>

#include "fo_int.h"

void
fo_append(struct fo_node *parent, struct fo_node *n)
{
	n->parent = parent;
	if (parent->last)
		parent->last->next = n;
	else
		parent->first = n;
	parent->last = n;
}

struct fo_node *
fo_node_new(struct arena *a, enum fo_type t, const struct fo_style *st, int line)
{
	struct fo_node *n = arena_alloc(a, sizeof *n);
	n->type = t;
	n->style = st;
	n->line = line;
	return n;
}

/* An inline FO that may hold block-level FOs (XSL 1.1 §6.6.7, §6.11.3, §6.9.2). */
static int
splittable(enum fo_type t)
{
	return t == FO_INLINE || t == FO_WRAPPER || t == FO_BASIC_LINK;
}

static int
holds_blocks(const struct fo_node *n)
{
	for (const struct fo_node *c = n->first; c; c = c->next)
		if (fo_elem_block(c->type) || (splittable(c->type) && holds_blocks(c)))
			return 1;
	return 0;
}

/* A part of inline n: its style and source, no children; the id stays
 * with the first part. */
static struct fo_node *
inline_part(struct arena *a, const struct fo_node *n, int first)
{
	struct fo_node *p = arena_alloc(a, sizeof *p);
	*p = *n;
	p->parent = NULL;
	p->first = p->last = p->next = NULL;
	if (!first)
		p->id = NULL;
	return p;
}

/*
 * Split inline n at the block-level FOs it holds, at any depth of inlines,
 * appending the pieces to out: parts of n (with the inline content between
 * blocks) and the blocks themselves, in order.  A block in an inline
 * makes block areas, the inline's areas end before it and go on after it,
 * as FOP and XEP do; the blocks inherited the inline's properties already.
 */
static void
split_inline(struct arena *a, struct fo_node *n, struct fo_node *out)
{
	struct fo_node *part = NULL, *next;
	int parts = 0;
	for (struct fo_node *c = n->first; c; c = next) {
		next = c->next;
		c->next = NULL;
		struct fo_node pieces = { .type = FO_INLINE }, *k, *kn;
		if (splittable(c->type) && holds_blocks(c))
			split_inline(a, c, &pieces);
		else
			pieces.first = c;
		for (k = pieces.first; k; k = kn) {
			kn = k->next;
			k->next = NULL;
			if (fo_elem_block(k->type)) {
				fo_append(out, k);
				part = NULL;
				continue;
			}
			if (part == NULL) {
				part = inline_part(a, n, parts++ == 0);
				fo_append(out, part);
			}
			fo_append(part, k);
		}
	}
}

/* The children of block n with every inline that holds blocks split. */
void
fo_hoist_blocks(struct arena *a, struct fo_node *n)
{
	int any = 0;
	for (struct fo_node *c = n->first; c && !any; c = c->next)
		any = splittable(c->type) && holds_blocks(c);
	if (!any)
		return;
	struct fo_node *c = n->first, *next;
	n->first = n->last = NULL;
	for (; c; c = next) {
		next = c->next;
		c->next = NULL;
		if (splittable(c->type) && holds_blocks(c))
			split_inline(a, c, n);
		else
			fo_append(n, c);
	}
}

/* text-transform (XSL 1.1 §7.17.6), on the text as the tree is built;
 * capitalize starts each run of letters with a capital. */
void
fo_text_transform(struct arena *a, struct fo_node *tn)
{
	struct buf out = {0};
	const char *p = tn->text, *e = tn->text + tn->textlen;
	int in_word = 0;
	while (p < e) {
		uint32_t c = utf8_next(&p, e), m = c;
		switch ((enum fo_text_transform)tn->style->text_transform) {
		case TT_UPPER: m = uc_upper(c); break;
		case TT_LOWER: m = uc_lower(c); break;
		case TT_CAPITALIZE: m = in_word ? c : uc_upper(c); break;
		case TT_NONE: break;
		}
		in_word = uc_is_letter(c) || (c >= '0' && c <= '9') || c == '\'';
		if (c == 0xDF && m == c && tn->style->text_transform == TT_UPPER) {
			buf_puts(&out, "SS");   /* ß has no capital of one letter */
			continue;
		}
		char u[4];
		buf_add(&out, u, (size_t)utf8_encode(m, u));
	}
	tn->text = arena_strndup(a, out.p ? out.p : "", out.n);
	tn->textlen = out.n;
	buf_free(&out);
}

/*
 * font-variant="small-caps": runs of small letters become capitals in an
 * inline at 80 % of the size (the fonts folio uses have no small capitals
 * of their own), appended to n with the rest of the text as it is.
 */
void
fo_small_caps(struct arena *a, struct fo_node *n, struct fo_node *tn)
{
	struct fo_style *st = NULL;
	const char *p = tn->text, *e = tn->text + tn->textlen, *run = p;
	int lower = -1;
	while (run < e) {
		const char *q = p;
		int low = 0;
		if (p < e) {
			uint32_t c = utf8_next(&q, e);
			low = uc_is_lower(c);
		}
		if (p < e && (lower < 0 || low == lower)) {
			lower = low;
			p = q;
			continue;
		}
		/* the run [run, p) is all small letters (lower) or none */
		struct fo_node *t = arena_alloc(a, sizeof *t);
		*t = *tn;
		t->text = run;
		t->textlen = (size_t)(p - run);
		if (lower == 1) {
			if (st == NULL) {
				st = arena_alloc(a, sizeof *st);
				*st = *n->style;
				st->font_size = n->style->font_size * 4 / 5;
				st->small_caps = 0;
				st->text_transform = TT_UPPER;
			}
			struct fo_node *in = fo_node_new(a, FO_INLINE, st, tn->line);
			in->src = n->src;
			t->style = st;
			fo_text_transform(a, t);
			fo_append(in, t);
			fo_append(n, in);
		} else {
			fo_append(n, t);
		}
		run = p;
		lower = -1;
	}
}

