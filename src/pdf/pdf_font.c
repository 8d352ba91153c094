/*
 * pdf_font — embed a face as a CIDFontType2 font.
 *
 *   code points used ──► hb-subset (glyph ids renumbered 0…n-1, layout
 *   tables dropped) ──► the font objects, written with libharu's object
 *   layer: Type0 (Identity-H) → CIDFontType2 (CIDToGIDMap /Identity, /W)
 *   → FontDescriptor → FontFile2, and a ToUnicode CMap.
 *
 * CIDs are the glyph ids of the subset font, so the text on the page is
 * a string of glyph ids and no code-to-glyph table is needed.  libharu's
 * own TrueType path is not used: it maps every one of the 65,536 UTF-16
 * codes through the font's cmap by linear search, writes a 128 KB
 * CIDToGIDMap for each font, re-parses and re-writes the font program,
 * needs a temporary file, and cannot show code points beyond the BMP
 * (docs/fonts.md).
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hb.h>
#include <hb-ot.h>
#include <hb-subset.h>
#include <hpdf.h>

#include "pdf_int.h"
#include "../text/text.h"

/* Tables a CIDFontType2 program keeps (ISO 32000-1 §9.9, plus cmap, name,
 * OS/2 and post, which some readers look at). */
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

/* The subset of face for cps and the glyph ids gids (may be empty);
 * *g2cid receives the old glyph id → new one of gids (created here). */
static hb_face_t *
subset(hb_face_t *face, const hb_set_t *cps, const hb_set_t *gids, hb_map_t **g2cid)
{
	*g2cid = NULL;
	hb_subset_input_t *in = hb_subset_input_create_or_fail();
	if (in == NULL)
		return NULL;
	hb_set_union(hb_subset_input_unicode_set(in), cps);
	hb_set_union(hb_subset_input_glyph_set(in), gids);
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
	if (hb_set_is_empty(gids)) {
		sub = hb_subset_or_fail(face, in);
	} else {
		/* through a plan, which tells where the glyphs went */
		hb_subset_plan_t *plan = hb_subset_plan_create_or_fail(face, in);
		if (plan) {
			const hb_map_t *m = hb_subset_plan_old_to_new_glyph_mapping(plan);
			hb_map_t *g = hb_map_create();
			hb_codepoint_t gid = HB_SET_VALUE_INVALID;
			while (hb_set_next(gids, &gid)) {
				hb_codepoint_t v = hb_map_get(m, gid);
				if (v != HB_MAP_VALUE_INVALID)
					hb_map_set(g, gid, v);
			}
			sub = hb_subset_plan_execute_or_fail(plan);
			hb_subset_plan_destroy(plan);
			if (sub)
				*g2cid = g;
			else
				hb_map_destroy(g);
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

/* The six-letter subset tag: a hash of the name and the glyph set, so that
 * the same subset gets the same tag and different ones (almost surely)
 * do not. */
static void
subset_tag(const char *name, const hb_set_t *cps, const hb_set_t *gids, char tag[7])
{
	uint64_t h = hash_bytes(HASH_INIT, name, strlen(name));
	hb_codepoint_t cp = HB_SET_VALUE_INVALID;
	while (hb_set_next(cps, &cp))
		h = hash_bytes(h, &cp, sizeof cp);
	for (cp = HB_SET_VALUE_INVALID; hb_set_next(gids, &cp);)
		h = hash_bytes(h, &cp, sizeof cp);
	for (int i = 0; i < 6; i++) {
		tag[i] = (char)('A' + h % 26);
		h /= 26;
	}
	tag[6] = '\0';
}

/* ---------------------------------------------------------------- subsets of this run */

/*
 * Subsets made in this run, by face and code points: a batch embeds a
 * handbook's fonts in each case's PDFs again, with the same glyphs, and
 * subsetting and deflating a Chinese face is most of a small PDF's time.
 * The subset face and its deflated program are kept (at most CACHE_MAX
 * bytes of them, the oldest dropped first); the PDF objects are made anew
 * for each document, from the same bytes.
 */
#define CACHE_MAX ((size_t)48 << 20)

struct subset_entry {
	char                *path;
	int                  index;
	uint64_t             hash;     /* of the code points */
	hb_set_t            *cps;
	hb_set_t            *gids;     /* shaped glyphs */
	hb_map_t            *g2cid;    /* … and their CIDs, or NULL */
	hb_face_t           *sub;      /* referenced */
	void                *z;        /* the program, deflated */
	size_t               zn;
	unsigned             raw;      /* its length */
	struct subset_entry *next;
};

static pthread_mutex_t cache_mu = PTHREAD_MUTEX_INITIALIZER;
static struct subset_entry *cache_first, *cache_last;
static size_t cache_bytes;

static uint64_t
set_hash(const hb_set_t *cps, const hb_set_t *gids)
{
	uint64_t h = HASH_INIT;
	hb_codepoint_t cp = HB_SET_VALUE_INVALID;
	while (hb_set_next(cps, &cp))
		h = hash_bytes(h, &cp, sizeof cp);
	for (cp = HB_SET_VALUE_INVALID; hb_set_next(gids, &cp);)
		h = hash_bytes(h, &cp, sizeof cp);
	return h;
}

/* A subset of f for cps made before: *sub referenced, *z a copy (owned). */
static int
cache_get(const struct text_face *f, const hb_set_t *cps, const hb_set_t *gids, uint64_t h,
    hb_face_t **sub, hb_map_t **g2cid, void **z, size_t *zn, unsigned *raw)
{
	int hit = 0;
	pthread_mutex_lock(&cache_mu);
	for (struct subset_entry *e = cache_first; e && !hit; e = e->next)
		if (e->hash == h && e->index == f->index && strcmp(e->path, f->path) == 0 &&
		    hb_set_is_equal(e->cps, cps) && hb_set_is_equal(e->gids, gids)) {
			*sub = hb_face_reference(e->sub);
			*g2cid = e->g2cid ? hb_map_copy(e->g2cid) : NULL;
			*z = xmalloc(e->zn);
			memcpy(*z, e->z, e->zn);
			*zn = e->zn;
			*raw = e->raw;
			hit = 1;
		}
	pthread_mutex_unlock(&cache_mu);
	return hit;
}

static void
cache_put(const struct text_face *f, const hb_set_t *cps, const hb_set_t *gids, uint64_t h,
    hb_face_t *sub, const hb_map_t *g2cid, const void *z, size_t zn, unsigned raw)
{
	if (zn + raw > CACHE_MAX / 4)
		return;
	struct subset_entry *e = xcalloc(1, sizeof *e);
	e->path = xstrdup(f->path);
	e->index = f->index;
	e->hash = h;
	e->cps = hb_set_copy(cps);
	e->gids = hb_set_copy(gids);
	e->g2cid = g2cid ? hb_map_copy(g2cid) : NULL;
	e->sub = hb_face_reference(sub);
	e->z = xmalloc(zn);
	memcpy(e->z, z, zn);
	e->zn = zn;
	e->raw = raw;
	pthread_mutex_lock(&cache_mu);
	if (cache_last)
		cache_last->next = e;
	else
		cache_first = e;
	cache_last = e;
	cache_bytes += zn + raw;
	while (cache_bytes > CACHE_MAX && cache_first != e) {
		struct subset_entry *o = cache_first;
		cache_first = o->next;
		cache_bytes -= o->zn + o->raw;
		free(o->path);
		hb_set_destroy(o->cps);
		hb_set_destroy(o->gids);
		hb_map_destroy(o->g2cid);
		hb_face_destroy(o->sub);
		free(o->z);
		free(o);
	}
	pthread_mutex_unlock(&cache_mu);
}

static int
cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return x < y ? -1 : x > y;
}

/* The most frequent width of glyphs 1…n-1 (the smallest of equals): /DW. */
static int
most_common(const int *w, unsigned n)
{
	if (n < 2)
		return 1000;
	int *v = xmalloc((n - 1) * sizeof *v);
	memcpy(v, w + 1, (n - 1) * sizeof *v);
	qsort(v, n - 1, sizeof *v, cmp_int);
	int best = v[0];
	unsigned bestn = 0;
	for (unsigned i = 0, j; i < n - 1; i = j) {
		for (j = i; j < n - 1 && v[j] == v[i]; j++)
			;
		if (j - i > bestn) {
			bestn = j - i;
			best = v[i];
		}
	}
	free(v);
	return best;
}

/* /W: runs of three or more equal widths as c_first c_last w, others as
 * c [w …]; widths equal to /DW are left out. */
static HPDF_Array
width_array(HPDF_Doc doc, const int *w, unsigned n, int dw)
{
	HPDF_Array a = pdf_haru_array(doc);
	HPDF_Array list = NULL;
	for (unsigned i = 1; i < n;) {
		unsigned j = i;
		while (j < n && w[j] == w[i])
			j++;
		if (w[i] == dw) {
			list = NULL;
		} else if (j - i >= 3) {
			pdf_haru_add_int(a, (int32_t)i);
			pdf_haru_add_int(a, (int32_t)(j - 1));
			pdf_haru_add_int(a, w[i]);
			list = NULL;
		} else {
			for (unsigned k = i; k < j; k++) {
				/* libharu's arrays hold at most HPDF_LIMIT_MAX_ARRAY items */
				if (list == NULL || pdf_haru_count(list) >= 8192) {
					pdf_haru_add_int(a, (int32_t)k);
					list = pdf_haru_array(doc);
					pdf_haru_add(a, list);
				}
				pdf_haru_add_int(list, w[k]);
			}
		}
		i = j;
	}
	return a;
}

static void
utf16_hex(struct buf *b, uint32_t cp)
{
	if (cp >= 0x10000) {
		cp -= 0x10000;
		buf_printf(b, "%04X%04X", 0xD800 + (cp >> 10), 0xDC00 + (cp & 0x3FF));
	} else {
		buf_printf(b, "%04X", cp);
	}
}

/*
 * The ToUnicode CMap: uni[cid] is the code point a glyph stands for (the
 * lowest, when several share a glyph; 0 for none).  Consecutive glyphs of
 * consecutive BMP code points within one high byte become a bfrange, the
 * rest bfchar entries; at most 100 entries a block.
 */
struct tu_entry {
	unsigned lo, hi;
	uint32_t cp;
	const uint32_t *multi;   /* count, code points: a ligature's; or NULL */
};

static void
tu_blocks(struct buf *b, const struct tu_entry *e, size_t n, const char *kind)
{
	for (size_t i = 0; i < n; i++) {
		if (i % 100 == 0)
			buf_printf(b, "%zu begin%s\n", n - i < 100 ? n - i : 100, kind);
		if (e[i].hi > e[i].lo)
			buf_printf(b, "<%04X> <%04X> ", e[i].lo, e[i].hi);
		else
			buf_printf(b, "<%04X> ", e[i].lo);
		buf_puts(b, "<");
		if (e[i].multi)
			for (uint32_t k = 1; k <= e[i].multi[0]; k++)
				utf16_hex(b, e[i].multi[k]);
		else
			utf16_hex(b, e[i].cp);
		buf_puts(b, ">\n");
		if (i % 100 == 99 || i + 1 == n)
			buf_printf(b, "end%s\n", kind);
	}
}

static HPDF_Dict
tounicode(HPDF_Doc doc, const uint32_t *uni, const uint32_t *const *multi, unsigned n)
{
	HPDF_Dict cmap = pdf_haru_stream(doc);
	if (cmap == NULL)
		return NULL;
	pdf_haru_stream_flate(cmap);
	struct tu_entry *range = xmalloc((n ? n : 1) * sizeof *range);
	struct tu_entry *single = xmalloc((n ? n : 1) * sizeof *single);
	size_t nr = 0, ns = 0;
	for (unsigned i = 1; i < n;) {
		if (multi && multi[i]) {
			single[ns++] = (struct tu_entry){ i, i, 0, multi[i] };
			i++;
			continue;
		}
		if (uni[i] == 0) {
			i++;
			continue;
		}
		unsigned j = i + 1;
		while (j < n && (j & 0xFF) != 0 && uni[j] == uni[j - 1] + 1 && uni[j] < 0x10000 &&
		    (uni[j] & 0xFF) != 0 && !(multi && multi[j]))
			j++;
		if (j - i >= 2)
			range[nr++] = (struct tu_entry){ i, j - 1, uni[i], NULL };
		else
			single[ns++] = (struct tu_entry){ i, i, uni[i], NULL };
		i = j;
	}
	struct buf b = {0};
	buf_puts(&b, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
	    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
	    "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
	    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	tu_blocks(&b, range, nr, "bfrange");
	tu_blocks(&b, single, ns, "bfchar");
	buf_puts(&b, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
	pdf_haru_stream_write(cmap, b.p, b.n);
	buf_free(&b);
	free(range);
	free(single);
	return cmap;
}

static HPDF_INT32
scaled(hb_position_t v, unsigned upem)
{
	return (HPDF_INT32)((int64_t)v * 1000 / (int64_t)upem);
}

/*
 * Design note: over 100 lines on purpose.  The subset (cached per run),
 * its glyph ids for the code points, the widths, the metrics and the
 * five objects share the subset face, its font, upem and the name; they
 * are written in one order that fixes the objects' numbers, so the PDF's
 * bytes stay the same run after run.  The glyph-id side (cid, uni, w)
 * will change when the text stage hands shaped glyphs to the writer;
 * it is left whole until then.
 */
HPDF_Dict
pdf_font_embed(HPDF_Doc doc, struct text_face *f, const hb_set_t *cps, hb_map_t *cid,
    const struct pdf_face *shaped, hb_map_t *gcid, struct diag *d)
{
	hb_set_t *none = hb_set_create();
	const hb_set_t *gids = shaped && shaped->gids ? shaped->gids : none;
	uint64_t key = set_hash(cps, gids);
	hb_map_t *g2cid = NULL;
	hb_face_t *sub = NULL;
	void *z = NULL;
	size_t zn = 0;
	unsigned zraw = 0;
	if (!cache_get(f, cps, gids, key, &sub, &g2cid, &z, &zn, &zraw)) {
		sub = subset((hb_face_t *)f->hb_face, cps, gids, &g2cid);
		if (sub) {
			hb_blob_t *blob = hb_face_reference_blob(sub);
			unsigned len;
			const char *data = hb_blob_get_data(blob, &len);
			z = pdf_deflate(data, len, &zn);
			zraw = len;
			if (z)
				cache_put(f, cps, gids, key, sub, g2cid, z, zn, zraw);
			hb_blob_destroy(blob);
		}
	}
	if (sub == NULL) {
		/* HarfBuzz does not say why: its allocations failed, or the font */
		diag_report(d, DIAG_ERROR, NULL, 0, 0, "cannot subset font %s (out of memory, or a damaged "
		    "font)", f->path);
		hb_set_destroy(none);
		return NULL;
	}
	unsigned n = hb_face_get_glyph_count(sub);
	if (n > 0xFFFF) {
		diag_report(d, DIAG_ERROR, NULL, 0, 0, "font %s: more than 65535 glyphs used", f->path);
		hb_face_destroy(sub);
		hb_map_destroy(g2cid);
		hb_set_destroy(none);
		free(z);
		return NULL;
	}
	hb_font_t *font = hb_font_create(sub);   /* scale: font units */
	unsigned upem = hb_face_get_upem(sub);
	if (upem == 0)
		upem = 1000;

	/* code point → glyph id (= CID), and back */
	uint32_t *uni = xcalloc(n ? n : 1, sizeof *uni);
	hb_codepoint_t cp = HB_SET_VALUE_INVALID;
	while (hb_set_next(cps, &cp)) {
		hb_codepoint_t g;
		if (hb_font_get_nominal_glyph(font, cp, &g) && g < n) {
			hb_map_set(cid, cp, g);
			if (uni[g] == 0)
				uni[g] = cp;
		}
	}
	/* shaped glyphs: their CIDs, and the text of those that stand for
	 * more than one character or for none the cmap gives */
	const uint32_t **multi = NULL;
	if (g2cid && shaped) {
		multi = xcalloc(n ? n : 1, sizeof *multi);
		hb_codepoint_t old = HB_SET_VALUE_INVALID;
		while (hb_set_next(gids, &old)) {
			hb_codepoint_t g = hb_map_get(g2cid, old);
			if (g == HB_MAP_VALUE_INVALID || g >= n)
				continue;
			hb_map_set(gcid, old, g);
			hb_codepoint_t at = hb_map_get(shaped->gtu, old);
			if (at == HB_MAP_VALUE_INVALID)
				continue;
			const uint32_t *t = shaped->gtext + at;
			if (t[0] > 1)
				multi[g] = t;
			else if (t[0] == 1 && uni[g] == 0)
				uni[g] = t[1];
		}
	}
	/* widths as the layout measured them: advance × 1000 / upem, truncated */
	int *w = xcalloc(n ? n : 1, sizeof *w);
	for (unsigned g = 0; g < n; g++)
		w[g] = (int)((int64_t)hb_font_get_glyph_h_advance(font, g) * 1000 / upem);
	int dw = most_common(w, n);

	char name[100], tag[7], full[112];
	ps_name(sub, f, name, sizeof name);
	subset_tag(name, cps, gids, tag);
	snprintf(full, sizeof full, "%s+%s", tag, name);

	HPDF_Dict program = pdf_haru_stream(doc);
	HPDF_Dict desc = pdf_haru_dict(doc);
	HPDF_Dict cidfont = pdf_haru_dict(doc);
	HPDF_Dict type0 = pdf_haru_dict(doc);
	HPDF_Dict info = pdf_haru_dict(doc);
	HPDF_Dict tu = tounicode(doc, uni, multi, n);
	int st = 0;
	if (!program || !desc || !cidfont || !type0 || !info || !tu) {
		st = -1;
		goto done;
	}
	st |= pdf_haru_indirect(doc, desc);
	st |= pdf_haru_indirect(doc, cidfont);
	st |= pdf_haru_indirect(doc, type0);
	if (st != 0)
		goto done;

	if (z == NULL || pdf_haru_stream_put_deflated(program, z, zn) < 0) {
		hb_blob_t *blob = hb_face_reference_blob(sub);
		unsigned len;
		const char *data = hb_blob_get_data(blob, &len);
		pdf_haru_stream_flate(program);
		st |= pdf_haru_stream_write(program, data, len);
		zraw = len;
		hb_blob_destroy(blob);
	}
	st |= pdf_haru_put_int(program, "Length1", (int32_t)zraw);

	hb_position_t asc = 0, dsc = 0, cap = 0;
	hb_ot_metrics_get_position_with_fallback(font, HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, &asc);
	hb_ot_metrics_get_position_with_fallback(font, HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, &dsc);
	hb_ot_metrics_get_position_with_fallback(font, HB_OT_METRICS_TAG_CAP_HEIGHT, &cap);
	float slant = hb_style_get_value(font, HB_STYLE_TAG_SLANT_ANGLE);
	/* the font box from the original face's head table (the subset's may
	 * not be recomputed) */
	HPDF_Box box = { 0, (HPDF_REAL)scaled(dsc, upem), 1000, (HPDF_REAL)scaled(asc, upem) };
	hb_blob_t *head = hb_face_reference_table((hb_face_t *)f->hb_face, HB_TAG('h', 'e', 'a', 'd'));
	unsigned hl;
	const uint8_t *h = (const uint8_t *)hb_blob_get_data(head, &hl);
	if (hl >= 54) {
		unsigned fu = (unsigned)(h[18] << 8 | h[19]);
		int16_t v[4];
		for (int k = 0; k < 4; k++)
			v[k] = (int16_t)(h[36 + 2 * k] << 8 | h[37 + 2 * k]);
		if (fu > 0) {
			box.left = (HPDF_REAL)scaled(v[0], fu);
			box.bottom = (HPDF_REAL)scaled(v[1], fu);
			box.right = (HPDF_REAL)scaled(v[2], fu);
			box.top = (HPDF_REAL)scaled(v[3], fu);
		}
	}
	hb_blob_destroy(head);

	st |= pdf_haru_put_name(desc, "Type", "FontDescriptor");
	st |= pdf_haru_put_name(desc, "FontName", full);
	st |= pdf_haru_put_int(desc, "Flags", 4 | (slant != 0 ? 64 : 0));   /* symbolic, italic */
	st |= pdf_haru_put_box(desc, "FontBBox", box);
	st |= pdf_haru_put_int(desc, "ItalicAngle", (int32_t)slant);
	st |= pdf_haru_put_int(desc, "Ascent", scaled(asc, upem));
	st |= pdf_haru_put_int(desc, "Descent", scaled(dsc, upem));
	st |= pdf_haru_put_int(desc, "CapHeight", scaled(cap ? cap : asc, upem));
	st |= pdf_haru_put_int(desc, "StemV", 80);
	st |= pdf_haru_put(desc, "FontFile2", program);

	st |= pdf_haru_put_str(info, "Registry", "Adobe");
	st |= pdf_haru_put_str(info, "Ordering", "Identity");
	st |= pdf_haru_put_int(info, "Supplement", 0);

	st |= pdf_haru_put_name(cidfont, "Type", "Font");
	st |= pdf_haru_put_name(cidfont, "Subtype", "CIDFontType2");
	st |= pdf_haru_put_name(cidfont, "BaseFont", full);
	st |= pdf_haru_put(cidfont, "CIDSystemInfo", info);
	st |= pdf_haru_put(cidfont, "FontDescriptor", desc);
	st |= pdf_haru_put_int(cidfont, "DW", dw);
	st |= pdf_haru_put(cidfont, "W", width_array(doc, w, n, dw));
	st |= pdf_haru_put_name(cidfont, "CIDToGIDMap", "Identity");

	HPDF_Array desc_fonts = pdf_haru_array(doc);
	st |= pdf_haru_add(desc_fonts, cidfont);
	st |= pdf_haru_put_name(type0, "Type", "Font");
	st |= pdf_haru_put_name(type0, "Subtype", "Type0");
	st |= pdf_haru_put_name(type0, "BaseFont", full);
	st |= pdf_haru_put_name(type0, "Encoding", "Identity-H");
	st |= pdf_haru_put(type0, "DescendantFonts", desc_fonts);
	st |= pdf_haru_put(type0, "ToUnicode", tu);
done:
	free(z);
	free(uni);
	free(multi);
	hb_map_destroy(g2cid);
	hb_set_destroy(none);
	free(w);
	hb_font_destroy(font);
	hb_face_destroy(sub);
	if (st != 0) {
		diag_report(d, DIAG_ERROR, NULL, 0, 0, "cannot embed font %s", f->path);
		return NULL;
	}
	return type0;
}
