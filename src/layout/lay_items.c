/*
 * layout — a paragraph's characters to the composer's items (lay_line.c
 * breaks them into lines): each character's face, chosen by its script
 * and its neighbours', its advance, ascent and descent; inline objects;
 * and the keeps that forbid breaks within a line.
 */
#include <stdlib.h>
#include <string.h>

#include "lay_int.h"
#include "lay_para.h"

/* The script around each character: punctuation and symbols take the
 * Latin face between Latin letters, the Chinese one beside Chinese
 * (docs/fonts.md); with no letter on either side, the language decides. */
static void
para_scripts(struct para *p, const char *lang)
{
	size_t n = p->n;
	uint8_t *latin = p->latin = xmalloc(n);
	int dflt = !(strncmp(lang, "zh", 2) == 0 || strncmp(lang, "ja", 2) == 0 ||
	    strncmp(lang, "ko", 2) == 0);
	int prev = 0, next = 0;
	for (size_t i = 0; i < n; i++) {
		int sc = text_script_of(p->cps[i]);
		if (sc)
			prev = sc;
		latin[i] = (uint8_t)prev;
	}
	for (size_t i = n; i > 0; i--) {
		int sc = text_script_of(p->cps[i - 1]), pv = latin[i - 1];
		if (sc)
			next = sc;
		latin[i - 1] = (uint8_t)(pv == 2 || next == 2 ? 0 : pv == 1 || next == 1 ? 1 : dflt);
	}
}

/* Item and glyph of character i if it is an inline object: a leader,
 * inline-container or edge (lay_inline.c) or an external graphic or
 * instream object.  Returns 0 if it is text. */
static int
object_item(struct lay *L, struct para *p, size_t i)
{
	struct text_item *t = &p->it[i];
	struct glyph *g = &p->g[i];
	const struct ch *v = p->cs.v;
	mpt w = p->line_w > 1000 ? p->line_w : 1000;
	if (p->objs[i]) {
		lay_obj_item(L, p->objs[i], w, t, &g->asc, &g->desc, &g->st);
		g->lobj = p->objs[i];
		g->gadv = t->adv;
		g->link = v[i].link;
		return 1;
	}
	if (!v[i].obj)
		return 0;
	struct area *o = lay_object(L, v[i].obj, w);
	t->kind = TK_OBJECT;
	t->adv = o->w;
	g->obj = o;
	g->st = v[i].st;
	g->link = v[i].link;
	g->gadv = o->w;
	g->asc = o->h;
	g->desc = 0;
	if (v[i].keep && i + 1 < p->n && v[i + 1].keep == v[i].keep && t->brk == TB_ALLOW)
		t->brk = TB_NONE;
	return 1;
}

/* The face of set for text character i (-1: the set has none), *adv its
 * advance in font units: forced breaks, zero-width spaces and bidi
 * controls take the first face and no width, a character no face has
 * is noted and takes a blank half em. */
static int
char_face(struct lay *L, const struct text_fontset *set, struct para *p, size_t i, int32_t *adv)
{
	struct text_item *t = &p->it[i];
	uint32_t cp = p->cps[i];
	int first = set->n > 0 ? 0 : -1;
	if (cp == '\n') {
		t->brk = TB_FORCE;
		t->kind = TK_SPACE;
		t->adv = 0;
		return first;
	}
	if (cp == 0x200B) {
		t->kind = TK_SPACE;
		t->brk = TB_ALLOW;
		return first;
	}
	if (lay_bidi_control(cp))
		return first;   /* no width, not drawn */
	int fi = text_fontset_find_ctx(set, cp, p->latin[i], adv);
	if (fi < 0) {
		if (cp != ' ')
			lay_note_missing(L, cp);
		fi = first;
		*adv = fi >= 0 ? set->face[0]->upem / 2 : 0;  /* a blank half em */
	}
	return fi;
}

/* The glyph of text character i in face fi of set (none: fi < 0): its
 * advance, ascent and descent, and the blank sides of punctuation. */
static void
glyph_metrics(const struct text_fontset *set, int fi, struct para *p, size_t i, int32_t adv)
{
	struct text_item *t = &p->it[i];
	struct glyph *g = &p->g[i];
	uint32_t cp = p->cps[i];
	mpt em = t->em;
	if (fi < 0) {
		g->asc = em * 4 / 5;
		g->desc = em / 5;
		return;
	}
	struct text_face *f = set->face[fi];
	g->face = f;
	g->bold = set->synth_bold[fi];
	g->italic = set->synth_italic[fi];
	g->gadv = cp == '\n' || cp == 0x200B ? 0 : text_advance(f, adv, em);
	g->asc = text_units(f, f->ascender, em);
	g->desc = -text_units(f, f->descender, em);
	if (t->kind == TK_OPEN || t->kind == TK_CLOSE || t->kind == TK_PAUSE ||
	    t->kind == TK_STOP || t->kind == TK_MIDDLE) {
		int32_t lb, rb;
		text_face_blanks(f, cp, &lb, &rb);
		t->lblank = text_units(f, lb, em);
		t->rblank = text_units(f, rb, em);
		if (t->lblank > em / 2)
			t->lblank = em / 2;
		if (t->rblank > em / 2)
			t->rblank = em / 2;
	}
}

/* The composer's item and the glyph of character i. */
static void
char_item(struct lay *L, struct para *p, size_t i)
{
	const struct ch *v = p->cs.v;
	const struct fo_style *st = v[i].st;
	struct text_item *t = &p->it[i];
	struct glyph *g = &p->g[i];
	t->cp = p->cps[i];
	t->kind = (uint8_t)text_kind_of(p->cps[i]);
	t->brk = p->brk[i];
	t->em = st->font_size;
	t->keep = v[i].keep != 0;
	const struct text_fontset *set = lay_fontset(L, st);
	if (object_item(L, p, i))
		return;
	int32_t adv = 0;
	int fi = char_face(L, set, p, i, &adv);
	glyph_metrics(set, fi, p, i, adv);
	g->st = st;
	g->pnum = v[i].pnum;
	g->link = v[i].link;
	/* negative spacing may close a gap, never run the line backwards:
	 * with spacing bounded by the FO stage, a line's sum stays bounded */
	t->adv = g->gadv + st->letter_spacing + (t->kind == TK_SPACE ? st->word_spacing : 0);
	if (t->adv < 0)
		t->adv = 0;
	if (v[i].keep && i + 1 < p->n && v[i + 1].keep == v[i].keep && t->brk == TB_ALLOW)
		t->brk = TB_NONE;
}

/* keep-with-next/-previous.within-line: no break between a glued
 * character and the next (previous) one that is not a space. */
static void
glue_within_line(struct para *p)
{
	struct text_item *it = p->it;
	for (size_t i = 0; i < p->n; i++) {
		if (p->cs.v[i].glue & 1)
			for (size_t j = i; j + 1 < p->n; j++) {
				if (it[j].brk == TB_ALLOW)
					it[j].brk = TB_NONE;
				if (it[j + 1].kind != TK_SPACE)
					break;
			}
		if (p->cs.v[i].glue & 2)
			for (size_t j = i; j > 0; j--) {
				if (it[j - 1].brk == TB_ALLOW)
					it[j - 1].brk = TB_NONE;
				if (it[j - 1].kind != TK_SPACE)
					break;
			}
	}
}

void
lay_para_items(struct lay *L, struct para *p, const char *lang)
{
	for (size_t i = 0; i < p->n; i++)
		if (p->cs.v[i].obj)
			p->objs[i] = lay_obj_new(L, p->cs.v[i].obj, p->cs.v[i].edge);
	lay_obj_breaks(L, p->cps, p->objs, p->n, lang, p->brk);
	para_scripts(p, lang);
	for (size_t i = 0; i < p->n; i++)
		char_item(L, p, i);
	glue_within_line(p);
}
