/*
 * text_shape — HarfBuzz shaping of one run of one face: glyph ids, their
 * advances (kerning included) and offsets, and the cluster each glyph
 * belongs to, so that layout can put a ligature's width on its first
 * character and the PDF writer can draw glyph ids (docs/fonts.md).
 */
#include <stdlib.h>

#include <hb.h>

#include "text.h"

size_t
text_shape(struct text_face *face, const uint32_t *cps, size_t n, int rtl, int noliga,
    struct text_glyph **out)
{
	*out = NULL;
	if (n == 0 || face == NULL || face->hb_font == NULL)
		return 0;
	hb_buffer_t *buf = hb_buffer_create();
	hb_buffer_add_utf32(buf, cps, (int)n, 0, (int)n);
	hb_buffer_set_direction(buf, rtl ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
	/* script from the text; the language stays the default (features
	 * such as Turkish fi are not asked for) */
	hb_buffer_guess_segment_properties(buf);
	static const hb_feature_t off[] = {
		{ HB_TAG('l', 'i', 'g', 'a'), 0, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END },
		{ HB_TAG('c', 'l', 'i', 'g'), 0, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END },
		{ HB_TAG('d', 'l', 'i', 'g'), 0, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END },
	};
	hb_shape((hb_font_t *)face->hb_font, buf, noliga ? off : NULL, noliga ? 3 : 0);
	unsigned len = 0;
	hb_glyph_info_t *info = hb_buffer_get_glyph_infos(buf, &len);
	hb_glyph_position_t *pos = hb_buffer_get_glyph_positions(buf, NULL);
	struct text_glyph *g = xcalloc(len ? len : 1, sizeof *g);
	for (unsigned i = 0; i < len; i++) {
		g[i].gid = info[i].codepoint;
		g[i].cluster = info[i].cluster;
		g[i].adv = pos[i].x_advance;
		g[i].dx = pos[i].x_offset;
		g[i].dy = pos[i].y_offset;
	}
	hb_buffer_destroy(buf);
	*out = g;
	return len;
}

int32_t
text_glyph_advance(struct text_face *face, uint32_t gid)
{
	return hb_font_get_glyph_h_advance((hb_font_t *)face->hb_font, gid);
}

uint32_t
text_face_glyph(struct text_face *face, uint32_t cp)
{
	hb_codepoint_t gid = 0;
	if (!hb_font_get_nominal_glyph((hb_font_t *)face->hb_font, cp, &gid))
		return 0;
	return gid;
}
