/*
 * layout — where a paragraph may break at a cost (docs/hyphenation.md):
 * inside words where hyphenate="true" and the text stage has a dictionary
 * for their language, and inside URLs and paths wider than the line; and
 * the hyphen drawn at the end of a line that ends inside a word.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lay_int.h"
#include "lay_chars.h"

#define HYPH_WORD_MAX 64   /* as the text stage: longer "words" are not words */

/* Is the language one whose script is not hyphenated (Chinese,
 * Japanese, Korean)?  Their Latin words are hyphenated only where they
 * carry a language of their own. */
static int
cjk_language(const char *l)
{
	return strncmp(l, "zh", 2) == 0 || strncmp(l, "ja", 2) == 0 || strncmp(l, "ko", 2) == 0;
}

int
lay_hyph_glyph(struct lay *L, const struct fo_style *st, uint32_t *cp, struct text_face **face,
    mpt *w, int *bold, int *italic)
{
	const struct text_fontset *set = lay_fontset(L, st);
	int32_t adv = 0;
	uint32_t c = st->hyph_char;
	int fi = text_fontset_find_ctx(set, c, 1, &adv);
	if (fi < 0 && c == 0x2010) {   /* the font has no U+2010: the ASCII one */
		c = '-';
		fi = text_fontset_find_ctx(set, c, 1, &adv);
	}
	if (fi < 0)
		return 0;
	*cp = c;
	*face = set->face[fi];
	*w = text_advance(set->face[fi], adv, st->font_size) + st->letter_spacing;
	if (*w < 0)
		*w = 0;
	if (bold)
		*bold = set->synth_bold[fi];
	if (italic)
		*italic = set->synth_italic[fi];
	return 1;
}

/* Is the token around items [a, b) (no spaces, no wide characters) a
 * code, a number, an address or a path rather than words?  Digits, or
 * / \ _ @ in it (WB/XT-KF-CX-001, 2024-03-15, service@example.com).
 * The parts of a compound such as well-established are words. */
static int
code_token(const struct text_item *it, size_t n, size_t a, size_t b)
{
	size_t s = a, e = b;
	while (s > 0 && it[s - 1].kind != TK_SPACE && it[s - 1].kind != TK_NBSP &&
	    it[s - 1].kind != TK_HAN && !text_is_wide(it[s - 1].cp))
		s--;
	while (e < n && it[e].kind != TK_SPACE && it[e].kind != TK_NBSP &&
	    it[e].kind != TK_HAN && !text_is_wide(it[e].cp))
		e++;
	for (size_t i = s; i < e; i++) {
		uint32_t c = it[i].cp;
		if (it[i].kind == TK_DIGIT || c == '/' || c == '\\' || c == '_' || c == '@' ||
		    c == 0xFFFC)
			return 1;
	}
	return 0;
}

void
lay_hyph_mark(struct lay *L, const struct fo_node *block, const struct chars *cs,
    struct text_item *it, size_t n, mpt width)
{
	uint32_t word[HYPH_WORD_MAX];
	uint8_t ok[HYPH_WORD_MAX];

	text_url_breaks(it, n, width);
	for (size_t a = 0; a < n;) {
		const struct fo_style *st = cs->v[a].st;
		if (it[a].kind != TK_LATIN || !st->hyphenate) {
			a++;
			continue;
		}
		size_t b = a;
		int camel = 0, keep = 0, same = 1;
		while (b < n && it[b].kind == TK_LATIN) {
			const struct fo_style *sb = cs->v[b].st;
			if (b > a && it[b].cp != text_lower(it[b].cp) &&
			    it[b - 1].cp == text_lower(it[b - 1].cp))
				camel = 1;   /* a name such as iPhone or JavaScript */
			keep |= it[b].keep;
			if (sb != st && (!sb->hyphenate || strcmp(sb->language, st->language) != 0 ||
			    strcmp(sb->country, st->country) != 0))
				same = 0;
			b++;
		}
		size_t len = b - a;
		if (camel || keep || !same || len > HYPH_WORD_MAX ||
		    len < (size_t)st->hyph_push + (size_t)st->hyph_remain ||
		    (b < n && it[b].kind == TK_OBJECT) || (a > 0 && it[a - 1].kind == TK_OBJECT) ||
		    code_token(it, n, a, b)) {
			a = b;
			continue;
		}
		const struct text_hyph *h = NULL;
		if (st->language[0] && !cjk_language(st->language))
			h = text_hyph_dict(st->language, st->country);
		if (h == NULL) {
			if (!cjk_language(st->language)) {
				char key[64];
				snprintf(key, sizeof key, "hyph-dict:%s", st->language);
				if (st->language[0])
					diag_once(L->d, key, DIAG_WARNING, L->fo->file, block->line, 0,
					    "no hyphenation dictionary for language \"%s\" is installed "
					    "(hyph_%s*.dic, Debian's hyphen-* packages): its text is not hyphenated",
					    st->language, st->language);
				else
					diag_once(L->d, key, DIAG_WARNING, L->fo->file, block->line, 0,
					    "hyphenate=\"true\" without a language: the text is not "
					    "hyphenated (set language or xml:lang)");
			}
			a = b;
			continue;
		}
		for (size_t i = 0; i < len; i++)
			word[i] = it[a + i].cp;
		if (text_hyph_word(h, word, len, st->hyph_push, st->hyph_remain, ok)) {
			for (size_t i = 0; i + 1 < len; i++) {
				size_t k = a + i;
				uint32_t cp;
				struct text_face *face;
				mpt w;
				if (!ok[i] || it[k].brk != TB_NONE || it[k].soft)
					continue;
				if (!lay_hyph_glyph(L, cs->v[k].st, &cp, &face, &w, NULL, NULL))
					continue;   /* no face draws a hyphen: no break */
				it[k].soft = TS_HYPHEN;
				it[k].hyw = w;
			}
		}
		a = b;
	}
}

void
lay_hyph_draw(struct lay *L, struct area *line, const struct fo_style *st)
{
	struct area *r = line->last;
	uint32_t cp;
	struct text_face *face;
	mpt w;
	int bold, italic;
	struct buf b = {0};
	if (r == NULL || r->kind != AREA_RUN || !lay_hyph_glyph(L, st, &cp, &face, &w, &bold, &italic))
		return;
	struct area *h = area_new(L->at, AREA_RUN, NULL);
	*h = *r;
	h->first = h->last = h->next = NULL;
	buf_add_utf8(&b, cp);
	h->text = arena_strndup(L->at->arena, b.p, b.n);
	h->len = b.n;
	buf_free(&b);
	h->face = face;
	h->font = face->family;
	h->bold = (uint8_t)bold;
	h->italic = (uint8_t)italic;
	h->nglyphs = 1;
	h->spacing = 0;
	h->glyphs = NULL;   /* drawn through the cmap, not the word's shaped glyphs */
	h->ngids = 0;
	h->x = r->x + r->w;
	h->w = w;
	area_append(line, h);
}
