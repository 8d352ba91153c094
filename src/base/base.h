/*
 * base — the stage every other stage stands on: allocation that aborts on
 * exhaustion, arenas, an owned string buffer, UTF-8, integer lengths and
 * diagnostics with source locations.  Depends on libc only.
 */
#ifndef FOLIO_BASE_H
#define FOLIO_BASE_H

#include <libintl.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define FOLIO_VERSION "0.1.0"

/* Every length in folio is an integer number of millipoints (1/1000 pt). */
typedef int32_t mpt;

#define MPT_PER_PT   1000
#define PT(x)        ((mpt)((x) * MPT_PER_PT))

/*
 * a + b, saturated at ±LIMIT_LENGTH_MAX (limits.h): sums of lengths that
 * layout keeps (indents, nested borders and padding, positions) stay in
 * that range, so a few of them more still fit an mpt.  Sets *over to 1
 * (when over is not NULL) if the sum was out of range, for a diagnostic.
 */
mpt mpt_add(mpt a, mpt b, int *over);

/*
 * ---- allocation: when memory runs out, folio exits with status 1 and
 * "out of memory while <what it was doing>", after removing its
 * temporaries, so no half-written file is left (never an abort).
 */
void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
int   str_is_space(const char *s, size_t n);   /* XML white space only (or empty) */
/* What folio is doing, for that message ("laying out X"): a printf
 * format, kept until the next call.  Cheap; stages call it as they start. */
void oom_context(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* fn runs when memory has run out, before the exit (file.c: removing the
 * temporaries).  One hook. */
void oom_hook(void (*fn)(void));
/* Memory ran out asking for size bytes: the message, the hook, exit 1.
 * For the libraries' allocators that folio routes here (libxml2, libharu). */
void oom_exit(size_t size) __attribute__((noreturn));

/*
 * An arena: many small allocations freed in one call.  Used for the FO tree,
 * the area tree and per-document scratch.  Memory is zeroed.
 */
struct arena;
struct arena *arena_new(void);                /* owned; free with arena_free */
void *arena_alloc(struct arena *a, size_t size);
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);
size_t arena_bytes(const struct arena *a);    /* bytes reserved, for stats */
void arena_free(struct arena *a);             /* accepts NULL */

/* An owned, growable, always NUL-terminated byte buffer. */
struct buf {
	char   *p;     /* bytes, NUL-terminated when non-NULL */
	size_t  n;     /* used bytes */
	size_t  cap;   /* allocated bytes */
};
void buf_add(struct buf *b, const char *s, size_t n);
void buf_puts(struct buf *b, const char *s);
void buf_putc(struct buf *b, char c);
void buf_printf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void buf_add_utf8(struct buf *b, uint32_t cp);
void buf_add_xml(struct buf *b, const char *s, size_t n); /* escaped for XML */
/* A font-family list as "A,B,C": quotes and white space around the names
 * removed, empty names dropped (XSL and SVG font-family alike). */
void buf_family_list(struct buf *b, const char *list);
void buf_reset(struct buf *b);
void buf_free(struct buf *b);

/* A borrowed string view. */
struct str {
	const char *p;
	size_t      n;
};

/*
 * UTF-8.  utf8_next decodes one code point at *p (advancing *p) and returns
 * U+FFFD for a malformed sequence; it never reads past end.
 */
uint32_t utf8_next(const char **p, const char *end);
int utf8_encode(uint32_t cp, char out[4]);   /* returns bytes written */
size_t utf8_count(const char *s, size_t n);  /* code points in s */
/* Simple case mapping of the alphabets text-transform meets: Basic Latin,
 * Latin-1, Latin Extended-A, Greek, Cyrillic and full-width Latin; any
 * other code point is returned as it is. */
uint32_t uc_upper(uint32_t c);
uint32_t uc_lower(uint32_t c);
int uc_is_lower(uint32_t c);
int uc_is_letter(uint32_t c);

/* FNV-1a over n bytes, continuing from h (start with HASH_INIT). */
#define HASH_INIT 1469598103934665603ull
uint64_t hash_bytes(uint64_t h, const void *p, size_t n);
/* SHA-256 of n bytes as 64 lowercase hex digits (what sha256sum prints). */
void sha256_hex(const void *data, size_t n, char out[65]);

/*
 * An amount of money in Chinese capital numerals, as payment notices
 * require: "12345.60" → 人民币壹万贰仟叁佰肆拾伍元陆角整.  The amount is a
 * non-negative decimal with at most two places, below one trillion.
 * Appends to out; returns 0, or -1 (nothing appended) if text is not such
 * an amount.
 */
int zh_amount_capital(const char *text, struct buf *out);

/*
 * ---- messages: every user-facing string is marked _("…") where it is made
 * (N_("…") where it is only listed, translated where it is used); the
 * catalogues are po/<lang>.po, built into locale/<lang>/LC_MESSAGES/folio.mo.
 */
#define _(s)  gettext(s)
#define N_(s) (s)
/* Set the locale from the environment and find the catalogues: once, first
 * thing in main.  Numbers stay in the C format. */
void intl_init(void);

/* ---- colours (color.c) ---- */
/*
 * A colour as XSL-FO and SVG write it: #rgb, #rrggbb, rgb(r, g, b) with
 * numbers 0..255 or percentages, rgb-icc() (its sRGB part), or a CSS/SVG
 * colour keyword, case-insensitive.  Sets *out to 0xRRGGBB and returns 0,
 * or returns -1 when v is none of these.
 */
int color_parse(const char *v, uint32_t *out);

/* ---- diagnostics ---- */
enum diag_level {
	DIAG_NOTE,
	DIAG_WARNING,
	DIAG_ERROR
};

struct diag_msg {
	enum diag_level level;
	const char     *file;   /* borrowed from the sink's string pool */
	int             line;   /* 1-based, 0 = unknown */
	int             col;    /* 1-based, 0 = unknown */
	char           *text;
	unsigned        seq;    /* order of reporting */
	int             last;   /* a summary: printed after every other message */
};

/*
 * A diagnostics sink collects messages with their source locations; they are
 * printed once, sorted by file, line and column (diag_flush).  A sink counts
 * the worst level seen, which maps to the exit status.
 */
struct diag {
	struct diag_msg *v;
	size_t           n, cap;
	enum diag_level  worst;
	int              any;      /* a message was reported */
	char           **once;     /* keys of warn-once messages */
	size_t           nonce, caponce;
	char           **files;    /* string pool of file names */
	size_t           nfiles;
	int              quiet;    /* do not keep notes */
	size_t           max_msgs; /* cap; later messages are counted only */
	size_t           dropped;
};

void diag_init(struct diag *d);
void diag_report(struct diag *d, enum diag_level level, const char *file,
    int line, int col, const char *fmt, ...) __attribute__((format(printf, 6, 7)));
void diag_vreport(struct diag *d, enum diag_level level, const char *file,
    int line, int col, const char *fmt, va_list ap);
/* Report only the first time key is seen in this sink; returns 1 if reported. */
int diag_once(struct diag *d, const char *key, enum diag_level level,
    const char *file, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));
/* A summary of what went before ("the packet is not written"): printed
 * after all other messages, whatever its file and line. */
void diag_summary(struct diag *d, enum diag_level level, const char *file,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
void diag_flush(struct diag *d, void *stream);  /* FILE *; prints and empties */
/* Move every message of src into dst (warn-once keys too); src is emptied. */
void diag_merge(struct diag *dst, struct diag *src);
void diag_free(struct diag *d);
const char *diag_level_name(enum diag_level level);

#endif /* FOLIO_BASE_H */
