/*
 * text_subset — a face cut down to the glyphs a document draws, for the
 * PDF writer to embed (text.h): HarfBuzz's hb-subset, and what the writer
 * needs to know of the result (glyph count, code point and glyph id →
 * new glyph id, widths, PostScript name, metrics), as plain data.
 *
 * The subset keeps the tables a CIDFontType2 program needs (ISO 32000-1
 * §9.9, plus cmap, name, OS/2 and post, which some readers look at) and
 * renumbers the glyphs 0…n-1; its layout tables (GSUB, GPOS, …) are
 * dropped, since the page draws glyph ids, shaped already.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hb.h>
#include <hb-ot.h>
#include <hb-subset.h>

#include "text.h"

static const hb_tag_t keep_tables[] = {
	HB_TAG('c', 'm', 'a', 'p'), HB_TAG('c', 'v', 't', ' '), HB_TAG('f', 'p', 'g', 'm'),
	HB_TAG('g', 'l', 'y', 'f'), HB_TAG('h', 'e', 'a', 'd'), HB_TAG('h', 'h', 'e', 'a'),
	HB_TAG('h', 'm', 't', 'x'), HB_TAG('l', 'o', 'c', 'a'), HB_TAG('m', 'a', 'x', 'p'),
	HB_TAG('n', 'a', 'm', 'e'), HB_TAG('O', 'S', '/', '2'), HB_TAG('p', 'o', 's', 't'),
	HB_TAG('p', 'r', 'e', 'p'),
};

static int
kept(hb_tag_t t)
{
	for (size_t i = 0; i < sizeof keep_tables / sizeof keep_tables[0]; i++)
		if (keep_tables[i] == t)
			return 1;
	return 0;
}

/* The subset of face for cps and the glyph ids gids (may be none); with
 * glyph ids, gid_new[i] receives the new id of gids[i] (0: not kept). */
static hb_face_t *
subset(hb_face_t *face, const uint32_t *cps, size_t ncps, const uint32_t *gids, size_t ngids,
    uint32_t *gid_new)
{
	hb_subset_input_t *in = hb_subset_input_create_or_fail();
	if (in == NULL)
		return NULL;
	hb_set_t *u = hb_subset_input_unicode_set(in);
	for (size_t i = 0; i < ncps; i++)
		hb_set_add(u, cps[i]);
	hb_set_t *gs = hb_subset_input_glyph_set(in);
	for (size_t i = 0; i < ngids; i++)
		hb_set_add(gs, gids[i]);
	hb_set_t *drop = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
	hb_tag_t tags[64];
	unsigned start = 0, n;
	do {
		n = sizeof tags / sizeof tags[0];
		hb_face_get_table_tags(face, start, &n, tags);
		for (unsigned i = 0; i < n; i++)
			if (!kept(tags[i]))
				hb_set_add(drop, tags[i]);
		start += n;
	} while (n == sizeof tags / sizeof tags[0]);
	hb_face_t *sub = NULL;
	if (ngids == 0) {
		sub = hb_subset_or_fail(face, in);
	} else {
		/* through a plan, which tells where the glyphs went */
		hb_subset_plan_t *plan = hb_subset_plan_create_or_fail(face, in);
		if (plan) {
			const hb_map_t *m = hb_subset_plan_old_to_new_glyph_mapping(plan);
			for (size_t i = 0; i < ngids; i++) {
				hb_codepoint_t v = hb_map_get(m, gids[i]);
				gid_new[i] = v == HB_MAP_VALUE_INVALID ? 0 : v;
			}
			sub = hb_subset_plan_execute_or_fail(plan);
			hb_subset_plan_destroy(plan);
		}
	}
	hb_subset_input_destroy(in);
	return sub;
}

/* The PostScript name, reduced to the characters a PDF name may hold
 * without escapes; the family name when the font has none. */
static void
ps_name(hb_face_t *face, const struct text_face *f, char *out, size_t size)
{
	char raw[96];
	unsigned len = sizeof raw;
	if (hb_ot_name_get_utf8(face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &len, raw) == 0)
		snprintf(raw, sizeof raw, "%s", f->family ? f->family : "Font");
	size_t k = 0;
	for (const char *s = raw; *s && k + 1 < size; s++)
		if (*s > ' ' && *s < 127 && !strchr("()<>[]{}/%#", *s))
			out[k++] = *s;
	if (k == 0)
		k = (size_t)snprintf(out, size, "Font");
	out[k] = '\0';
}

static int32_t
scaled(hb_position_t v, unsigned upem)
{
	return (int32_t)((int64_t)v * 1000 / (int64_t)upem);
}

/* Metrics in thousandths of an em: from the subset's font, and the font
 * box from the original face's head table (the subset's may not be
 * recomputed). */
static void
metrics(hb_font_t *font, unsigned upem, hb_face_t *orig, struct text_subset *s)
{
	hb_position_t asc = 0, dsc = 0, cap = 0;
	hb_ot_metrics_get_position_with_fallback(font, HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, &asc);
	hb_ot_metrics_get_position_with_fallback(font, HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, &dsc);
	hb_ot_metrics_get_position_with_fallback(font, HB_OT_METRICS_TAG_CAP_HEIGHT, &cap);
	s->slant = hb_style_get_value(font, HB_STYLE_TAG_SLANT_ANGLE);
	s->ascent = scaled(asc, upem);
	s->descent = scaled(dsc, upem);
	s->cap_height = scaled(cap ? cap : asc, upem);
	s->bbox[0] = 0;
	s->bbox[1] = scaled(dsc, upem);
	s->bbox[2] = 1000;
	s->bbox[3] = scaled(asc, upem);
	hb_blob_t *head = hb_face_reference_table(orig, HB_TAG('h', 'e', 'a', 'd'));
	unsigned hl;
	const uint8_t *h = (const uint8_t *)hb_blob_get_data(head, &hl);
	if (hl >= 54) {
		unsigned fu = (unsigned)(h[18] << 8 | h[19]);
		int16_t v[4];
		for (int k = 0; k < 4; k++)
			v[k] = (int16_t)(h[36 + 2 * k] << 8 | h[37 + 2 * k]);
		if (fu > 0)
			for (int k = 0; k < 4; k++)
				s->bbox[k] = scaled(v[k], fu);
	}
	hb_blob_destroy(head);
}

int
text_font_subset(struct text_face *face, const uint32_t *cps, size_t ncps, const uint32_t *gids,
    size_t ngids, struct text_subset *s)
{
	memset(s, 0, sizeof *s);
	s->cp_gid = xcalloc(ncps ? ncps : 1, sizeof *s->cp_gid);
	s->gid_new = xcalloc(ngids ? ngids : 1, sizeof *s->gid_new);
	hb_face_t *sub = subset((hb_face_t *)face->hb_face, cps, ncps, gids, ngids, s->gid_new);
	if (sub == NULL) {
		text_subset_free(s);
		return -1;
	}
	hb_blob_t *blob = hb_face_reference_blob(sub);
	unsigned len;
	const char *data = hb_blob_get_data(blob, &len);
	s->prog = xmalloc(len ? len : 1);
	if (len > 0)
		memcpy(s->prog, data, len);
	s->nprog = len;
	hb_blob_destroy(blob);

	unsigned n = hb_face_get_glyph_count(sub);
	s->nglyphs = n;
	hb_font_t *font = hb_font_create(sub);   /* scale: font units */
	unsigned upem = hb_face_get_upem(sub);
	if (upem == 0)
		upem = 1000;
	/* code point → new glyph id, and back (the lowest of several) */
	s->uni = xcalloc(n ? n : 1, sizeof *s->uni);
	for (size_t i = 0; i < ncps; i++) {
		hb_codepoint_t g;
		if (hb_font_get_nominal_glyph(font, cps[i], &g) && g < n) {
			s->cp_gid[i] = g;
			if (s->uni[g] == 0)
				s->uni[g] = cps[i];
		}
	}
	for (size_t i = 0; i < ngids; i++)
		if (s->gid_new[i] >= n)
			s->gid_new[i] = 0;
	/* widths as the layout measured them: advance × 1000 / upem, truncated */
	s->width = xcalloc(n ? n : 1, sizeof *s->width);
	for (unsigned g = 0; g < n; g++)
		s->width[g] = (int32_t)((int64_t)hb_font_get_glyph_h_advance(font, g) * 1000 / upem);
	ps_name(sub, face, s->name, sizeof s->name);
	metrics(font, upem, (hb_face_t *)face->hb_face, s);
	hb_font_destroy(font);
	hb_face_destroy(sub);
	return 0;
}

static void *
dup_bytes(const void *p, size_t n)
{
	void *q = xmalloc(n ? n : 1);
	memcpy(q, p, n);
	return q;
}

void
text_subset_copy(struct text_subset *dst, const struct text_subset *src, size_t ncps, size_t ngids)
{
	*dst = *src;
	unsigned n = src->nglyphs ? src->nglyphs : 1;
	dst->prog = dup_bytes(src->prog, src->nprog);
	dst->uni = dup_bytes(src->uni, n * sizeof *src->uni);
	dst->width = dup_bytes(src->width, n * sizeof *src->width);
	dst->cp_gid = dup_bytes(src->cp_gid, (ncps ? ncps : 1) * sizeof *src->cp_gid);
	dst->gid_new = dup_bytes(src->gid_new, (ngids ? ngids : 1) * sizeof *src->gid_new);
}

void
text_subset_free(struct text_subset *s)
{
	if (s == NULL)
		return;
	free(s->prog);
	free(s->uni);
	free(s->width);
	free(s->cp_gid);
	free(s->gid_new);
	memset(s, 0, sizeof *s);
}
