/*
 * text — font lookup through fontconfig, metrics through HarfBuzz, and the
 * per-character fallback list.
 *
 * A family list resolves to up to TEXT_MAX_FACES faces: each named family
 * that fontconfig really has (a substitute family does not count), then the
 * default Chinese faces, then DejaVu for symbols and LXGW WenKai for rare
 * ideographs.  Bold or italic that a
 * family lacks is synthesised later (fill-and-stroke, slant): the set
 * records which.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <fontconfig/fontconfig.h>
#include <hb.h>
#include <hb-ot.h>

#include "text.h"

/* Generic families map to faces a Chinese office document expects. */
/*
 * Generic families map to what a Chinese office document expects: Song
 * (Ming) for body text with a Times-like face for Latin, Hei with an
 * Arial-like face.  A family marked with a leading '^' is used for Latin
 * only (code points below U+2000, not U+00B7), so Chinese punctuation and
 * quotes stay full width from the Chinese face.
 */
static const struct { const char *generic; const char *families; } generics[] = {
	{ "serif",      "^Liberation Serif,^DejaVu Serif,AR PL UMing CN,AR PL SungtiL GB,WenQuanYi Zen Hei" },
	{ "sans-serif", "^Liberation Sans,^DejaVu Sans,WenQuanYi Zen Hei,WenQuanYi Micro Hei,AR PL UMing CN" },
	{ "monospace",  "^Liberation Mono,^DejaVu Sans Mono,WenQuanYi Zen Hei Mono,WenQuanYi Micro Hei Mono" },
	{ "cursive",    "LXGW WenKai,AR PL UMing CN" },
	{ "fantasy",    "LXGW WenKai,AR PL UMing CN" },
};
/* Always at the end of a set: every Chinese character finds a face.  LXGW
 * WenKai comes last for the rare ideographs the others lack, among them
 * the supplementary-plane ones of personal names (𠮷 U+20BB7). */
static const char *const fallback = "AR PL UMing CN,WenQuanYi Zen Hei,DejaVu Sans,LXGW WenKai";

struct set_entry {
	char               *key;   /* families|weight|italic */
	struct text_fontset set;
};

/* What fontconfig answered for a family at a weight and slant: a face, or
 * NULL when the family is not installed (every set ends with the same
 * fallback families, so the same questions come back). */
struct match {
	char             *family;
	int               weight, italic;
	struct text_face *face;
};

struct text_fonts {
	struct diag       *d;
	FcConfig          *fc;
	struct text_face **faces;
	size_t             nfaces;
	struct set_entry **sets;
	size_t             nsets;
	char             **missing;   /* families reported missing */
	size_t             nmissing;
	struct match      *matches;   /* fontconfig's answers, asked once each */
	size_t             nmatches;
	char              *serif_latin;     /* the site's body faces, or NULL */
	char              *serif_chinese;
	char              *nomatch[2][2];   /* fontconfig's face for no family, by bold, italic */
};

struct text_fonts *
text_fonts_new(struct diag *d)
{
	struct text_fonts *f = xcalloc(1, sizeof *f);
	f->d = d;
	FcInit();
	f->fc = FcConfigGetCurrent();
	return f;
}

void
text_fonts_set_diag(struct text_fonts *f, struct diag *d)
{
	f->d = d;
	for (size_t i = 0; i < f->nmissing; i++)
		free(f->missing[i]);
	f->nmissing = 0;
	/* sets remember nothing about reports: look them up again */
	for (size_t i = 0; i < f->nsets; i++) {
		free(f->sets[i]->key);
		free(f->sets[i]);
	}
	f->nsets = 0;
}

void
text_fonts_set_serif(struct text_fonts *f, const char *latin, const char *chinese)
{
	free(f->serif_latin);
	free(f->serif_chinese);
	f->serif_latin = latin && *latin ? xstrdup(latin) : NULL;
	f->serif_chinese = chinese && *chinese ? xstrdup(chinese) : NULL;
	text_fonts_set_diag(f, f->d);   /* sets made before mean the old faces */
}

static void
face_free(struct text_face *face)
{
	hb_font_destroy(face->hb_font);
	hb_face_destroy(face->hb_face);
	for (int i = 0; i < 256; i++)
		free(face->adv[i]);
	free(face->path);
	free(face->family);
	free(face);
}

void
text_fonts_free(struct text_fonts *f)
{
	if (f == NULL)
		return;
	for (size_t i = 0; i < f->nfaces; i++)
		face_free(f->faces[i]);
	free(f->faces);
	for (size_t i = 0; i < f->nsets; i++) {
		free(f->sets[i]->key);
		free(f->sets[i]);
	}
	free(f->sets);
	for (size_t i = 0; i < f->nmissing; i++)
		free(f->missing[i]);
	free(f->missing);
	free(f->serif_latin);
	free(f->serif_chinese);
	for (int i = 0; i < 4; i++)
		free(f->nomatch[i / 2][i % 2]);
	for (size_t i = 0; i < f->nmatches; i++)
		free(f->matches[i].family);
	free(f->matches);
	free(f);
	FcFini();   /* folio is fontconfig's only user in the process */
}

static struct text_face *
face_load(struct text_fonts *f, const char *path, int index, const char *family,
    int weight, int italic)
{
	for (size_t i = 0; i < f->nfaces; i++)
		if (f->faces[i]->index == index && strcmp(f->faces[i]->path, path) == 0)
			return f->faces[i];

	hb_blob_t *blob = hb_blob_create_from_file_or_fail(path);
	if (blob == NULL)
		return NULL;
	hb_face_t *hf = hb_face_create(blob, (unsigned)index);
	hb_blob_destroy(blob);
	/* libharu embeds TrueType outlines only: a CFF font cannot be used */
	hb_blob_t *glyf = hb_face_reference_table(hf, HB_TAG('g', 'l', 'y', 'f'));
	unsigned glen = hb_blob_get_length(glyf);
	hb_blob_destroy(glyf);
	if (glen == 0) {
		char key[512];
		snprintf(key, sizeof key, "cff:%s", path);
		diag_once(f->d, key, DIAG_WARNING, NULL, 0, 0,
		    "font %s (%s) has no TrueType outlines and cannot be embedded; it is skipped",
		    family, path);
		hb_face_destroy(hf);
		return NULL;
	}
	struct text_face *face = xcalloc(1, sizeof *face);
	face->path = xstrdup(path);
	face->index = index;
	face->family = xstrdup(family);
	face->hb_face = hf;
	hb_font_t *font = hb_font_create(hf);
	hb_ot_font_set_funcs(font);
	face->hb_font = font;
	face->upem = (int)hb_face_get_upem(hf);
	if (face->upem <= 0)
		face->upem = 1000;
	hb_font_set_scale(font, face->upem, face->upem);
	hb_font_extents_t ext;
	if (hb_font_get_h_extents(font, &ext)) {
		face->ascender = ext.ascender;
		face->descender = ext.descender;
	}
	if (face->ascender <= 0 || face->ascender - face->descender <= 0) {
		face->ascender = face->upem * 88 / 100;
		face->descender = -face->upem * 12 / 100;
	}
	/* the face's own weight and slant, from its OS/2 table: fontconfig
	 * reports the requested values for faces it would embolden */
	face->weight = weight;
	face->italic = italic;
	hb_blob_t *os2 = hb_face_reference_table(hf, HB_TAG('O', 'S', '/', '2'));
	unsigned olen;
	const unsigned char *od = (const unsigned char *)hb_blob_get_data(os2, &olen);
	if (od && olen >= 64) {
		face->weight = od[4] << 8 | od[5];
		face->italic = ((od[62] << 8 | od[63]) & 0x201) != 0;
	}
	hb_blob_destroy(os2);
	face->ordinal = (unsigned)f->nfaces;
	f->faces = xrealloc(f->faces, (f->nfaces + 1) * sizeof *f->faces);
	f->faces[f->nfaces++] = face;
	return face;
}

int32_t
text_face_advance(struct text_face *face, uint32_t cp)
{
	int32_t *page = cp < 65536 ? face->adv[cp >> 8] : NULL;
	if (page && page[cp & 255] != -2)
		return page[cp & 255];
	hb_codepoint_t gid;
	int32_t a = -1;
	if (hb_font_get_nominal_glyph(face->hb_font, cp, &gid) && gid != 0)
		a = hb_font_get_glyph_h_advance(face->hb_font, gid);
	if (cp < 65536) {
		if (page == NULL) {
			page = face->adv[cp >> 8] = xmalloc(256 * sizeof *page);
			for (int i = 0; i < 256; i++)
				page[i] = -2;
		}
		page[cp & 255] = a;
	}
	return a;
}

void
text_face_blanks(struct text_face *face, uint32_t cp, int32_t *left, int32_t *right)
{
	hb_codepoint_t gid;
	hb_glyph_extents_t e;
	*left = *right = 0;
	if (!hb_font_get_nominal_glyph(face->hb_font, cp, &gid))
		return;
	int32_t adv = hb_font_get_glyph_h_advance(face->hb_font, gid);
	if (!hb_font_get_glyph_extents(face->hb_font, gid, &e) || e.width <= 0)
		return;
	*left = e.x_bearing > 0 ? e.x_bearing : 0;
	*right = adv - (e.x_bearing + e.width);
	if (*right < 0)
		*right = 0;
}

/* Does fontconfig's match for pattern really belong to family? */
static int
family_matches(FcPattern *m, const char *family)
{
	FcChar8 *name;
	for (int i = 0; FcPatternGetString(m, FC_FAMILY, i, &name) == FcResultMatch; i++)
		if (strcasecmp((const char *)name, family) == 0)
			return 1;
	return 0;
}

static void
note_missing(struct text_fonts *f, const char *family)
{
	for (size_t i = 0; i < f->nmissing; i++)
		if (strcmp(f->missing[i], family) == 0)
			return;
	f->missing = xrealloc(f->missing, (f->nmissing + 1) * sizeof *f->missing);
	f->missing[f->nmissing++] = xstrdup(family);
	diag_report(f->d, DIAG_WARNING, NULL, 0, 0,
	    "font family \"%s\" is not installed; the next family in the list is used", family);
}

static struct text_face *match_family(struct text_fonts *f, const char *family, int weight, int italic,
    int report);

static void
add_family(struct text_fonts *f, struct text_fontset *set, const char *family,
    int weight, int italic, int report)
{
	int latin = 0;
	if (set->n >= TEXT_MAX_FACES)
		return;
	if (family[0] == '^') {
		latin = 1;
		family++;
		/* one Latin face is enough */
		for (int i = 0; i < set->n; i++)
			if (set->latin_only[i])
				return;
	}
	if (strcasecmp(family, "serif") == 0 && (f->serif_latin || f->serif_chinese)) {
		/* the site's faces first, reported when missing; then the usual */
		if (f->serif_latin) {
			char *l = xmalloc(strlen(f->serif_latin) + 2);
			sprintf(l, "^%s", f->serif_latin);
			add_family(f, set, l, weight, italic, 1);
			free(l);
		}
		if (f->serif_chinese)
			add_family(f, set, f->serif_chinese, weight, italic, 1);
	}
	for (size_t g = 0; g < sizeof generics / sizeof generics[0]; g++) {
		if (strcasecmp(family, generics[g].generic) == 0) {
			char *list = xstrdup(generics[g].families), *save = NULL;
			for (char *t = strtok_r(list, ",", &save); t; t = strtok_r(NULL, ",", &save))
				add_family(f, set, t, weight, italic, 0);
			free(list);
			return;
		}
	}
	struct text_face *face = NULL;
	size_t mi;
	for (mi = 0; mi < f->nmatches; mi++)
		if (f->matches[mi].weight == weight && f->matches[mi].italic == italic &&
		    strcmp(f->matches[mi].family, family) == 0)
			break;
	if (mi < f->nmatches) {
		face = f->matches[mi].face;
		if (face == NULL && report)
			note_missing(f, family);
	} else {
		face = match_family(f, family, weight, italic, report);
		f->matches = xrealloc(f->matches, (f->nmatches + 1) * sizeof *f->matches);
		f->matches[f->nmatches++] = (struct match){ xstrdup(family), weight, italic, face };
	}
	if (face == NULL)
		return;
	for (int i = 0; i < set->n; i++)
		if (set->face[i] == face)
			return;
	int k = set->n++;
	set->latin_only[k] = (uint8_t)latin;
	set->face[k] = face;
	set->synth_bold[k] = weight >= 600 && face->weight < 600;
	set->synth_italic[k] = italic && !face->italic;
}

static FcPattern *
fc_match(struct text_fonts *f, const char *family, int weight, int italic)
{
	FcPattern *p = FcPatternCreate();
	FcPatternAddString(p, FC_FAMILY, (const FcChar8 *)family);
	FcPatternAddInteger(p, FC_WEIGHT, FcWeightFromOpenType(weight));
	FcPatternAddInteger(p, FC_SLANT, italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
	FcConfigSubstitute(f->fc, p, FcMatchPattern);
	FcDefaultSubstitute(p);
	FcResult r;
	FcPattern *m = FcFontMatch(f->fc, p, &r);
	FcPatternDestroy(p);
	return m;
}

/*
 * Is m a face fontconfig's own rules put in family's place (Helvetica →
 * Liberation Sans, Times → Liberation Serif: its metric aliases), not the
 * face it gives any unknown name?  Told apart by asking for a name no font
 * has: what that gets is the default, not a substitute.
 */
static int
substitutes(struct text_fonts *f, FcPattern *m, int weight, int italic)
{
	char **none = &f->nomatch[weight >= 600][italic != 0];
	FcChar8 *file, *dfile;
	if (*none == NULL) {
		FcPattern *d = fc_match(f, "folio-no-such-family", weight, italic);
		*none = xstrdup(d && FcPatternGetString(d, FC_FILE, 0, &dfile) == FcResultMatch
		    ? (const char *)dfile : "");
		if (d)
			FcPatternDestroy(d);
	}
	return FcPatternGetString(m, FC_FILE, 0, &file) == FcResultMatch &&
	    strcmp((const char *)file, *none) != 0;
}

/* Ask fontconfig for family; NULL (reported when asked) if it would only
 * give its default face.  A face fontconfig substitutes for the family
 * (a metric-compatible alias) is taken under its own name. */
static struct text_face *
match_family(struct text_fonts *f, const char *family, int weight, int italic, int report)
{
	FcPattern *m = fc_match(f, family, weight, italic);
	FcChar8 *real = NULL;
	size_t fl = strlen(family);
	if (m && !family_matches(m, family) && !substitutes(f, m, weight, italic) &&
	    fl > 6 && fl < 200 && strcasecmp(family + fl - 6, " roman") == 0) {
		/* the PostScript name's spelling: Times Roman is Times */
		char base[200];
		memcpy(base, family, fl - 6);
		base[fl - 6] = '\0';
		FcPatternDestroy(m);
		m = fc_match(f, base, weight, italic);
		if (m && (family_matches(m, base) || substitutes(f, m, weight, italic)))
			FcPatternGetString(m, FC_FAMILY, 0, &real);
	}
	if (m && !family_matches(m, family)) {
		if (substitutes(f, m, weight, italic))
			FcPatternGetString(m, FC_FAMILY, 0, &real);
		if (real == NULL) {
			if (report)
				note_missing(f, family);
			FcPatternDestroy(m);
			return NULL;
		}
	}
	if (m == NULL) {
		if (report)
			note_missing(f, family);
		return NULL;
	}
	FcChar8 *file;
	int index = 0, fw = FC_WEIGHT_REGULAR, slant = FC_SLANT_ROMAN;
	FcPatternGetString(m, FC_FILE, 0, &file);
	FcPatternGetInteger(m, FC_INDEX, 0, &index);
	FcPatternGetInteger(m, FC_WEIGHT, 0, &fw);
	FcPatternGetInteger(m, FC_SLANT, 0, &slant);
	struct text_face *face = face_load(f, (const char *)file, index,
	    real ? (const char *)real : family, FcWeightToOpenType(fw), slant != FC_SLANT_ROMAN);
	FcPatternDestroy(m);
	return face;
}

const struct text_fontset *
text_fontset_lookup(struct text_fonts *f, const char *families, int weight, int italic)
{
	char key[1024];
	snprintf(key, sizeof key, "%s|%d|%d", families, weight >= 600 ? 700 : 400, italic);
	for (size_t i = 0; i < f->nsets; i++)
		if (strcmp(f->sets[i]->key, key) == 0)
			return &f->sets[i]->set;

	struct text_fontset set;
	memset(&set, 0, sizeof set);
	char *list = xstrdup(families), *save = NULL;
	for (char *t = strtok_r(list, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
		while (*t == ' ')
			t++;
		if (*t)
			add_family(f, &set, t, weight, italic, 1);
	}
	free(list);
	list = xstrdup(fallback);
	for (char *t = strtok_r(list, ",", &save); t; t = strtok_r(NULL, ",", &save))
		add_family(f, &set, t, weight, italic, 0);
	free(list);
	if (set.n == 0)
		diag_once(f->d, "nofonts", DIAG_ERROR, NULL, 0, 0,
		    "no usable font found for \"%s\" nor the default Chinese fonts "
		    "(install fonts-arphic-uming and fonts-wqy-zenhei)", families);

	struct set_entry *e = xmalloc(sizeof *e);
	e->key = xstrdup(key);
	e->set = set;
	f->sets = xrealloc(f->sets, (f->nsets + 1) * sizeof *f->sets);
	f->sets[f->nsets++] = e;
	return &e->set;
}

int
text_script_of(uint32_t cp)
{
	if ((cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') ||
	    (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) ||
	    (cp >= 0x370 && cp <= 0x52F) || (cp >= 0x1E00 && cp <= 0x1FFF))
		return 1;
	if ((cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7AF) ||
	    (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
	    (cp >= 0xFF00 && cp <= 0xFFEF) || (cp >= 0x20000 && cp <= 0x3FFFF))
		return 2;
	return 0;
}

int
text_fontset_find(const struct text_fontset *set, uint32_t cp, int32_t *adv)
{
	return text_fontset_find_ctx(set, cp, 0, adv);
}

int
text_fontset_find_ctx(const struct text_fontset *set, uint32_t cp, int latin, int32_t *adv)
{
	/* Latin-only faces draw what is below U+2000, and in Latin context
	 * the punctuation and symbols up to U+2BFF too */
	int skip_latin = latin ? cp > 0x2BFF : (cp >= 0x2000 || cp == 0xB7);
	for (int i = 0; i < set->n; i++) {
		if (set->latin_only[i] && skip_latin)
			continue;
		int32_t a = text_face_advance(set->face[i], cp);
		if (a >= 0) {
			*adv = a;
			return i;
		}
	}
	return -1;
}

struct text_face *
text_fontset_primary(const struct text_fontset *set)
{
	for (int i = 0; i < set->n; i++)
		if (!set->latin_only[i])
			return set->face[i];
	return set->n > 0 ? set->face[0] : NULL;
}
