/*
 * pdf_font — embed a face as a CIDFontType2 font.
 *
 *   code points and shaped glyph ids used ──► the face's subset, from the
 *   text stage (text_font_subset: glyph ids renumbered 0…n-1, layout
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

#include <hpdf.h>

#include "pdf_int.h"
#include "../text/text.h"

/* The six-letter subset tag: a hash of the name and the glyph set, so that
 * the same subset gets the same tag and different ones (almost surely)
 * do not. */
static void
subset_tag(const char *name, const struct pdf_face *p, char tag[7])
{
	uint64_t h = hash_bytes(HASH_INIT, name, strlen(name));
	for (size_t i = 0; i < p->ncps; i++)
		h = hash_bytes(h, &p->cps[i], sizeof p->cps[i]);
	for (size_t i = 0; i < p->ngids; i++)
		h = hash_bytes(h, &p->gids[i], sizeof p->gids[i]);
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
 * The subset and its deflated program are kept (at most CACHE_MAX
 * bytes of them, the oldest dropped first); the PDF objects are made anew
 * for each document, from the same bytes.
 */
#define CACHE_MAX ((size_t)48 << 20)

struct subset_entry {
	char                *path;
	int                  index;
	uint64_t             hash;     /* of the code points and glyph ids */
	uint32_t            *cps;      /* code points, ascending */
	size_t               ncps;
	uint32_t            *gids;     /* shaped glyphs, ascending */
	size_t               ngids;
	struct text_subset   sub;
	void                *z;        /* the program, deflated */
	size_t               zn;
	unsigned             raw;      /* its length */
	struct subset_entry *next;
};

static pthread_mutex_t cache_mu = PTHREAD_MUTEX_INITIALIZER;
static struct subset_entry *cache_first, *cache_last;
static size_t cache_bytes;

static uint64_t
set_hash(const struct pdf_face *p)
{
	uint64_t h = HASH_INIT;
	for (size_t i = 0; i < p->ncps; i++)
		h = hash_bytes(h, &p->cps[i], sizeof p->cps[i]);
	for (size_t i = 0; i < p->ngids; i++)
		h = hash_bytes(h, &p->gids[i], sizeof p->gids[i]);
	return h;
}

static int
same_u32(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
	return na == nb && (na == 0 || memcmp(a, b, na * sizeof *a) == 0);
}

/* A subset of p's face for its code points and glyphs made before: *sub
 * and *z copies (owned). */
static int
cache_get(const struct pdf_face *p, uint64_t h, struct text_subset *sub, void **z, size_t *zn,
    unsigned *raw)
{
	const struct text_face *f = p->face;
	int hit = 0;
	pthread_mutex_lock(&cache_mu);
	for (struct subset_entry *e = cache_first; e && !hit; e = e->next)
		if (e->hash == h && e->index == f->index && strcmp(e->path, f->path) == 0 &&
		    same_u32(e->cps, e->ncps, p->cps, p->ncps) && same_u32(e->gids, e->ngids, p->gids, p->ngids)) {
			text_subset_copy(sub, &e->sub, p->ncps, p->ngids);
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
cache_put(const struct pdf_face *p, uint64_t h, const struct text_subset *sub, const void *z,
    size_t zn, unsigned raw)
{
	if (zn + raw > CACHE_MAX / 4)
		return;
	struct subset_entry *e = xcalloc(1, sizeof *e);
	e->path = xstrdup(p->face->path);
	e->index = p->face->index;
	e->hash = h;
	e->cps = xmalloc((p->ncps ? p->ncps : 1) * sizeof *e->cps);
	memcpy(e->cps, p->cps, p->ncps * sizeof *e->cps);
	e->ncps = p->ncps;
	e->gids = xmalloc((p->ngids ? p->ngids : 1) * sizeof *e->gids);
	memcpy(e->gids, p->gids, p->ngids * sizeof *e->gids);
	e->ngids = p->ngids;
	text_subset_copy(&e->sub, sub, p->ncps, p->ngids);
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
		free(o->cps);
		free(o->gids);
		text_subset_free(&o->sub);
		free(o->z);
		free(o);
	}
	pthread_mutex_unlock(&cache_mu);
}

static int
cmp_int(const void *a, const void *b)
{
	int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
	return x < y ? -1 : x > y;
}

/* The most frequent width of glyphs 1…n-1 (the smallest of equals): /DW. */
static int
most_common(const int32_t *w, unsigned n)
{
	if (n < 2)
		return 1000;
	int32_t *v = xmalloc((n - 1) * sizeof *v);
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
width_array(HPDF_Doc doc, const int32_t *w, unsigned n, int dw)
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

/*
 * The ToUnicode entries of p's shaped glyphs, through the subset's new
 * ids: their CIDs into p->gids_cid; a glyph that stands for several
 * characters (a ligature) gets them all in multi[], one that stands for a
 * character the cmap does not give it gets it in uni[].  Returns multi
 * (owned), or NULL when no glyph is shaped.
 */
static const uint32_t **
shaped_text(struct pdf_face *p, const struct text_subset *sub, uint32_t *uni)
{
	if (p->ngids == 0)
		return NULL;
	unsigned n = sub->nglyphs;
	const uint32_t **multi = xcalloc(n ? n : 1, sizeof *multi);
	for (size_t i = 0; i < p->ngids; i++) {
		uint32_t g = sub->gid_new[i];
		if (g == 0)
			continue;
		p->gids_cid[i] = g;
		if (p->gids_at[i] == 0)
			continue;
		const uint32_t *t = p->gtext + p->gids_at[i] - 1;
		if (t[0] > 1)
			multi[g] = t;
		else if (t[0] == 1 && uni[g] == 0)
			uni[g] = t[1];
	}
	return multi;
}

/* The FontDescriptor desc of subset sub named full, its program in
 * program.  Returns 0, or non-zero when libharu failed. */
static int
put_descriptor(HPDF_Dict desc, const char *full, const struct text_subset *sub, HPDF_Dict program)
{
	/* the font box from the original face's head table (the subset's may
	 * not be recomputed) */
	HPDF_Box box = { (HPDF_REAL)sub->bbox[0], (HPDF_REAL)sub->bbox[1], (HPDF_REAL)sub->bbox[2],
		(HPDF_REAL)sub->bbox[3] };
	float slant = sub->slant;
	int st = 0;
	st |= pdf_haru_put_name(desc, "Type", "FontDescriptor");
	st |= pdf_haru_put_name(desc, "FontName", full);
	st |= pdf_haru_put_int(desc, "Flags", 4 | (slant != 0 ? 64 : 0));   /* symbolic, italic */
	st |= pdf_haru_put_box(desc, "FontBBox", box);
	st |= pdf_haru_put_int(desc, "ItalicAngle", (int32_t)slant);
	st |= pdf_haru_put_int(desc, "Ascent", sub->ascent);
	st |= pdf_haru_put_int(desc, "Descent", sub->descent);
	st |= pdf_haru_put_int(desc, "CapHeight", sub->cap_height);
	st |= pdf_haru_put_int(desc, "StemV", 80);
	st |= pdf_haru_put(desc, "FontFile2", program);
	return st;
}

/* The Type0 font type0 over the CIDFontType2 cidfont of subset sub named
 * full: its system info, descriptor desc, widths and ToUnicode tu.
 * Returns 0, or non-zero when libharu failed. */
static int
put_fonts(HPDF_Doc doc, HPDF_Dict info, HPDF_Dict cidfont, HPDF_Dict type0, HPDF_Dict desc,
    HPDF_Dict tu, const char *full, const struct text_subset *sub)
{
	const int32_t *w = sub->width;
	unsigned n = sub->nglyphs;
	int dw = most_common(w, n);
	int st = 0;
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
	return st;
}

/*
 * The subset of p (cached per run) embedded as a Type0 font: its glyph
 * ids for the code points and the shaped glyphs, the widths, the metrics
 * and the five objects, written in one order that fixes the objects'
 * numbers, so the PDF's bytes stay the same run after run.  NULL
 * (reported) when the font cannot be subset or embedded.
 */
HPDF_Dict
pdf_font_embed(HPDF_Doc doc, struct pdf_face *p, struct diag *d)
{
	struct text_face *f = p->face;
	uint64_t key = set_hash(p);
	struct text_subset sub;
	void *z = NULL;
	size_t zn = 0;
	unsigned zraw = 0;
	int ok = cache_get(p, key, &sub, &z, &zn, &zraw);
	if (!ok && text_font_subset(f, p->cps, p->ncps, p->gids, p->ngids, &sub) == 0) {
		ok = 1;
		z = pdf_deflate(sub.prog, sub.nprog, &zn);
		zraw = (unsigned)sub.nprog;
		if (z)
			cache_put(p, key, &sub, z, zn, zraw);
	}
	if (!ok) {
		/* HarfBuzz does not say why: its allocations failed, or the font */
		diag_report(d, DIAG_ERROR, NULL, 0, 0, "cannot subset font %s (out of memory, or a damaged "
		    "font)", f->path);
		return NULL;
	}
	unsigned n = sub.nglyphs;
	if (n > 0xFFFF) {
		diag_report(d, DIAG_ERROR, NULL, 0, 0, "font %s: more than 65535 glyphs used", f->path);
		text_subset_free(&sub);
		free(z);
		return NULL;
	}
	/* code point → glyph id (= CID), and back (sub.uni) */
	memcpy(p->cps_cid, sub.cp_gid, p->ncps * sizeof *p->cps_cid);
	uint32_t *uni = sub.uni;
	const uint32_t **multi = shaped_text(p, &sub, uni);

	char tag[7], full[112];
	subset_tag(sub.name, p, tag);
	snprintf(full, sizeof full, "%s+%s", tag, sub.name);

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
		pdf_haru_stream_flate(program);
		st |= pdf_haru_stream_write(program, sub.prog, (unsigned)sub.nprog);
		zraw = (unsigned)sub.nprog;
	}
	st |= pdf_haru_put_int(program, "Length1", (int32_t)zraw);

	st |= put_descriptor(desc, full, &sub, program);
	st |= put_fonts(doc, info, cidfont, type0, desc, tu, full, &sub);
done:
	free(z);
	free(multi);
	text_subset_free(&sub);
	if (st != 0) {
		diag_report(d, DIAG_ERROR, NULL, 0, 0, "cannot embed font %s", f->path);
		return NULL;
	}
	return type0;
}
