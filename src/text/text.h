/*
 * text — fonts and Chinese line composition.  Input: family lists, code
 * points, paragraph items with advances.  Output: faces with metrics, break
 * opportunities (UAX #14 via libunibreak, language zh, plus folio's own
 * prohibition filter), and lines with every item positioned (docs/cjk.md, R1–R16).
 */
#ifndef FOLIO_TEXT_H
#define FOLIO_TEXT_H

#include "../base/base.h"

/* ---------------------------------------------------------------- fonts */

struct text_face {
	char     *path;        /* font file */
	int       index;       /* face index in a collection */
	char     *family;      /* family name as fontconfig reports it */
	int       upem;        /* font units per em */
	int       ascender;    /* font units, positive up */
	int       descender;   /* font units, negative down */
	int       weight;      /* fontconfig weight of the face */
	int       italic;      /* the face itself is italic */
	unsigned  ordinal;     /* load order, for deterministic names */
	void     *hb_face;     /* hb_face_t * */
	void     *hb_font;     /* hb_font_t * */
	int32_t  *adv[256];    /* advance per BMP code point, -1 missing, -2 unknown:
	                          pages of 256, each made on first use */
};

#define TEXT_MAX_FACES 8

/* The faces a font-family list resolves to, in fallback order. */
struct text_fontset {
	int               n;
	struct text_face *face[TEXT_MAX_FACES];
	uint8_t           synth_bold[TEXT_MAX_FACES];    /* fill-and-stroke */
	uint8_t           synth_italic[TEXT_MAX_FACES];  /* slant */
	uint8_t           latin_only[TEXT_MAX_FACES];    /* only below U+2000 */
};

struct text_fonts;

/* A font manager, shared by the documents of a run.  Owned. */
struct text_fonts *text_fonts_new(struct diag *d);
void text_fonts_free(struct text_fonts *f);
/* Report to d from now on (one document after another); forgets which
 * missing families were already reported. */
void text_fonts_set_diag(struct text_fonts *f, struct diag *d);
/* The generic family serif means these faces first (either may be NULL):
 * latin for code points below U+2000, chinese for the rest.  Missing ones
 * are reported; the usual serif faces follow. */
void text_fonts_set_serif(struct text_fonts *f, const char *latin, const char *chinese);

/*
 * Resolve a comma-separated family list (generic names serif, sans-serif,
 * monospace allowed) with weight (100–900) and italic, through fontconfig.
 * The last entries are always the default Chinese faces, so every code point
 * they cover has a face.  Returns a borrowed set valid while f lives.
 */
const struct text_fontset *text_fontset_lookup(struct text_fonts *f,
    const char *families, int weight, int italic);

/*
 * The face of set that draws cp, first in list order: returns its index in
 * set and sets *adv (font units), or -1 when no face has cp.
 */
int text_fontset_find(const struct text_fontset *set, uint32_t cp, int32_t *adv);
/*
 * The same for cp in Latin context (latin = 1: the neighbouring letters
 * are Latin, Greek or Cyrillic): punctuation and symbols (U+2000–U+2BFF,
 * U+00B7) may then come from the Latin-only faces, as clreq and browsers
 * do; in Chinese context (latin = 0) they come from the Chinese face.
 */
int text_fontset_find_ctx(const struct text_fontset *set, uint32_t cp, int latin, int32_t *adv);
/* For choosing faces by context: 1 a Latin, Greek or Cyrillic letter or
 * digit, 2 a Chinese, Japanese or Korean character, 0 anything else. */
int text_script_of(uint32_t cp);

/* The first face of set that is not for Latin only (for line metrics). */
struct text_face *text_fontset_primary(const struct text_fontset *set);

/* Advance of cp in face in font units, or -1 when the face lacks it. */
int32_t text_face_advance(struct text_face *face, uint32_t cp);
/* Ink blank left and right of cp's glyph (font units); 0 if no ink box. */
void text_face_blanks(struct text_face *face, uint32_t cp, int32_t *left, int32_t *right);

/*
 * A glyph's advance in millipoints at size, as a PDF viewer will apply it:
 * PDF widths are integer thousandths of an em, truncated (libharu's /W), so
 * layout uses the same value and lines end where the PDF draws them.
 */
static inline mpt
text_advance(const struct text_face *face, int32_t units, mpt size)
{
	int64_t w = (int64_t)units * 1000 / face->upem;
	return (mpt)((w * size + 500) / 1000);
}

/* Convert font units to millipoints at size (millipoints). */
static inline mpt
text_units(const struct text_face *face, int32_t units, mpt size)
{
	return (mpt)(((int64_t)units * size + (units >= 0 ? face->upem / 2 : -face->upem / 2)) / face->upem);
}

/* ---------------------------------------------------------------- shaping */

/* One glyph of a shaped run (font units of its face). */
struct text_glyph {
	uint32_t gid;       /* glyph id in the face */
	uint32_t cluster;   /* index of the first code point of its cluster */
	int32_t  adv;       /* advance, kerning included */
	int32_t  dx, dy;    /* offset from the pen position (dy up) */
};

/*
 * Shape n code points with face (HarfBuzz's default features: kern, liga,
 * and the script's own, such as Arabic joining), right to left when rtl;
 * noliga turns the optional ligatures off (letter-spaced text).
 * Returns the number of glyphs, in visual order (*out owned, free()).
 */
size_t text_shape(struct text_face *face, const uint32_t *cps, size_t n, int rtl, int noliga,
    struct text_glyph **out);
/* The advance of glyph gid in font units. */
int32_t text_glyph_advance(struct text_face *face, uint32_t gid);
/* The glyph id of cp in face (its cmap), 0 when it has none. */
uint32_t text_face_glyph(struct text_face *face, uint32_t cp);

/* ---------------------------------------------------------------- subsets */

/* A face cut down to the glyphs a document draws, for embedding (the PDF
 * writer's font program), as plain data. */
struct text_subset {
	void     *prog;          /* the font program (TrueType), owned */
	size_t    nprog;         /* bytes */
	unsigned  nglyphs;       /* its glyphs: ids 0 … nglyphs-1 */
	uint32_t *uni;           /* [nglyphs] the code point a glyph shows (the lowest), 0 none */
	int32_t  *width;         /* [nglyphs] advance, thousandths of an em, truncated */
	uint32_t *cp_gid;        /* [ncps] new glyph id of each code point asked for, 0 none */
	uint32_t *gid_new;       /* [ngids] new glyph id of each glyph id asked for, 0 none */
	char      name[100];     /* PostScript name, characters a PDF name holds unescaped */
	int32_t   ascent, descent, cap_height;   /* thousandths of an em */
	int32_t   bbox[4];       /* font box: left, bottom, right, top, thousandths of an em */
	float     slant;         /* italic angle, degrees */
};

/*
 * The subset of face for the code points cps[0, ncps) and the glyph ids
 * gids[0, ngids) (shaped glyphs such as ligatures; may be none), both
 * ascending: HarfBuzz's hb-subset, layout tables dropped, glyphs
 * renumbered.  Returns 0 and fills *s (free with text_subset_free), or -1
 * when HarfBuzz fails (out of memory, or a damaged font; it does not say
 * which), with *s empty.
 */
int text_font_subset(struct text_face *face, const uint32_t *cps, size_t ncps, const uint32_t *gids,
    size_t ngids, struct text_subset *s);
/* A deep copy of src (made for ncps code points and ngids glyph ids). */
void text_subset_copy(struct text_subset *dst, const struct text_subset *src, size_t ncps,
    size_t ngids);
void text_subset_free(struct text_subset *s);   /* accepts NULL */

/* ---------------------------------------------------------------- classes */

enum text_kind {
	TK_OTHER,       /* symbols, anything not below */
	TK_HAN,         /* ideographs, kana, U+3000, full-width letters */
	TK_LATIN,       /* letters of alphabetic scripts */
	TK_DIGIT,       /* European digits */
	TK_SPACE,       /* U+0020 and other breaking spaces */
	TK_NBSP,        /* U+00A0 */
	TK_OPEN,        /* opening bracket or quote (full width) */
	TK_CLOSE,       /* closing bracket or quote (full width) */
	TK_PAUSE,       /* ，、；： */
	TK_STOP,        /* 。．？！ */
	TK_MIDDLE,      /* interpuncts · ・ */
	TK_DASH,        /* — ⸺ (two-em dash halves) */
	TK_ELLIPSIS,    /* … ⋯ */
	TK_CONNECT,     /* ～ – - / ／ connectors and solidi */
	TK_OBJECT,      /* an inline object (not a character) */
	TK_LEADER       /* an elastic leader: lmin ≤ width ≤ lmax, grows first */
};

enum text_kind text_kind_of(uint32_t cp);
/* East Asian Width F, W or H (not Hangul): for R16 line-feed removal. */
int text_is_wide(uint32_t cp);

/* ---------------------------------------------------------------- breaks */

enum { TB_NONE = 0, TB_ALLOW = 1, TB_FORCE = 2 };

/*
 * Break opportunities after each of n code points (brk[i] describes the
 * position after cps[i]), for language lang ("zh" by default): UAX #14 from
 * libunibreak, then the prohibition filter of docs/cjk.md: R1, R2, R4 and R6.
 */
void text_breaks(const uint32_t *cps, size_t n, const char *lang, uint8_t *brk);

/* ---------------------------------------------------------------- hyphenation */

struct text_hyph;

/*
 * The hyphenation dictionary of language lang (ISO 639, "en", or a tag
 * such as "en-US") and country (ISO 3166, "US", or NULL): libhyphen's
 * hyph_ll_CC.dic, else hyph_ll.dic, else the first hyph_ll_*.dic, in
 * /usr/share/hyphen (FOLIO_HYPHEN_DIR overrides).  Loaded on first use,
 * kept for the process and freed at exit; thread-safe.  NULL when none.
 */
const struct text_hyph *text_hyph_dict(const char *lang, const char *country);

/*
 * Hyphenation points of the word cps[0..n) (letters only): ok[i] = 1 where
 * a hyphen may follow cps[i], leaving at least remain characters before it
 * and push after it.  Returns whether there is any.
 */
/* Lower case of a letter text_kind_of() calls Latin (Latin-1, Latin
 * Extended-A, Greek, Cyrillic); anything else as it is. */
uint32_t text_lower(uint32_t c);

int text_hyph_word(const struct text_hyph *h, const uint32_t *cps, size_t n, int push,
    int remain, uint8_t *ok);

/* ---------------------------------------------------------------- lines */

/* One item of a paragraph: a character or an inline object. */
struct text_item {
	uint32_t cp;          /* code point, or U+FFFC for an object */
	uint8_t  kind;        /* enum text_kind */
	uint8_t  brk;         /* TB_* after this item */
	uint8_t  nojust;      /* no justification space after this item */
	uint8_t  keep;        /* inside keep-together.within-line */
	uint8_t  soft;        /* TS_*: a break where brk is TB_NONE, at a cost */
	mpt      adv;         /* natural advance incl. letter-spacing */
	mpt      em;          /* font size of the item */
	mpt      lblank;      /* compressible blank before the ink */
	mpt      rblank;      /* compressible blank after the ink */
	mpt      lmin, lmax;  /* TK_LEADER: least and greatest width (adv is the optimum) */
	mpt      hyw;         /* TS_HYPHEN: width of the hyphen drawn after the item */
	/* results */
	mpt      x;           /* pen position of the glyph origin in the line */
	mpt      lcut, rcut;  /* compression applied on each side */
	mpt      gap;         /* space after the item (autospace + justification) */
	uint8_t  hidden;      /* suppressed space at a line edge */
};

/* Breaks that cost something (docs/hyphenation.md): inside a word, with
 * a hyphen drawn at the line end; inside a URL or path, without one. */
enum { TS_NONE = 0, TS_HYPHEN = 1, TS_URL = 2 };

/*
 * URL and path breaks: in a run of items with no space that contains a /
 * and is wider than width, a break after / and before ? & = # (TS_URL)
 * where no break is allowed already.
 */
void text_url_breaks(struct text_item *it, size_t n, mpt width);

struct text_line {
	size_t start, end;    /* items [start, end) */
	mpt    width;         /* set width of the content */
	mpt    avail;         /* width available */
	int    last;          /* last line of the paragraph */
	int    cut;           /* ends where no break is allowed: the text
	                         before the next break is wider than the line */
	mpt    hyw;           /* ends in a hyphenated word: the hyphen's width,
	                         drawn after the last item */
};

/* Alignment of a paragraph's lines; relative: the last line as the others
 * (text-align-last), start when they are justified. */
enum text_align { TEXT_ALIGN_START, TEXT_ALIGN_CENTER, TEXT_ALIGN_END, TEXT_ALIGN_JUSTIFY,
	TEXT_ALIGN_RELATIVE };

struct text_para_opts {
	mpt      width;        /* line width, millipoints */
	mpt      indent;       /* first line indent */
	mpt      last_end_indent; /* last-line-end-indent */
	uint8_t  align;        /* enum text_align */
	uint8_t  align_last;   /* enum text_align, for the last line */
	uint8_t  wrap;         /* 0: no-wrap */
	uint8_t  hanging;      /* R14 */
	uint8_t  autospace;    /* R10 ¼ em between Han and Latin */
	uint8_t  ladder;       /* most hyphenated lines in a row; 0 no limit */
};

/* The R10 gap between two adjacent items: ¼ em between Han and Latin. */
mpt text_autospace(const struct text_item *a, const struct text_item *b);

/*
 * Break items into lines and position every item.  Returns the number of
 * lines; *lines is an owned array (free with free()).
 */
size_t text_para_break(struct text_item *items, size_t n,
    const struct text_para_opts *o, struct text_line **lines);

#endif
