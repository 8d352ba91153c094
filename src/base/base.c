/*
 * base — allocation, arenas, buffers, UTF-8, Chinese amounts, hashing and
 * letter case (diagnostics: diag.c).
 */
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base.h"
#include "limits.h"

/* ---------------------------------------------------------------- out of memory */

static _Thread_local char oom_what[512] = "starting";   /* this thread's job */
static void (*_Atomic oom_fn)(void);
/* given back when memory runs out, so the message can be printed and
 * translated (gettext allocates) */
static void *oom_reserve;
static pthread_once_t oom_reserved = PTHREAD_ONCE_INIT;

static void
reserve(void)
{
	oom_reserve = malloc(256 * 1024);
}

void
oom_context(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(oom_what, sizeof oom_what, fmt, ap);
	va_end(ap);
}

void
oom_hook(void (*fn)(void))
{
	oom_fn = fn;
}

void
oom_exit(size_t size)
{
	static atomic_flag once = ATOMIC_FLAG_INIT;
	if (atomic_flag_test_and_set(&once))
		_exit(1);   /* out of memory again while reporting it, or in another thread */
	free(oom_reserve);
	oom_reserve = NULL;
	if (oom_fn)
		oom_fn();
	fprintf(stderr, _("folio: error: out of memory while %s (%zu bytes more were needed); "
	    "nothing of it was written: give the job more memory (ulimit -v, the machine) or make "
	    "it smaller (docs/scale.md says what a job needs)\n"), oom_what, size);
	fflush(stderr);
	_exit(1);
}

static void
oom(size_t size)
{
	oom_exit(size);
}

void *
xmalloc(size_t size)
{
	pthread_once(&oom_reserved, reserve);
	void *p = malloc(size ? size : 1);
	if (p == NULL)
		oom(size);
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (p == NULL)
		oom(n * size);
	return p;
}

void *
xrealloc(void *p, size_t size)
{
	void *q = realloc(p, size ? size : 1);
	if (q == NULL)
		oom(size);
	return q;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

int
str_is_space(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
			return 0;
	return 1;
}

/* ---------------------------------------------------------------- lengths */

mpt
mpt_add(mpt a, mpt b, int *over)
{
	int64_t s = (int64_t)a + b;
	if (s > LIMIT_LENGTH_MAX || s < -LIMIT_LENGTH_MAX) {
		if (over)
			*over = 1;
		return s > 0 ? LIMIT_LENGTH_MAX : -LIMIT_LENGTH_MAX;
	}
	return (mpt)s;
}

/* ---------------------------------------------------------------- arena */

struct chunk {
	struct chunk *next;
	size_t        size;   /* bytes of data[] */
	size_t        used;   /* bytes handed out */
	max_align_t   data[]; /* flexible, aligned */
};

struct arena {
	struct chunk *head;
	size_t        bytes;
};

#define CHUNK_MIN (64 * 1024)

struct arena *
arena_new(void)
{
	return xcalloc(1, sizeof(struct arena));
}

/* size bytes at an offset that is a multiple of align (a power of two
 * no larger than max_align_t's) in a's newest chunk, or in a new one. */
static void *
arena_take(struct arena *a, size_t size, size_t align)
{
	struct chunk *c = a->head;
	size_t off = c ? (c->used + align - 1) & ~(align - 1) : 0;

	if (c == NULL || off > c->size || c->size - off < size) {
		/* chunks grow with the arena, from 1 KB to CHUNK_MIN: a small
		 * arena (a table row's) takes little */
		size_t grow = a->bytes < 1024 ? 1024 : a->bytes < CHUNK_MIN ? a->bytes : CHUNK_MIN;
		size_t want = size > grow ? size : grow;
		c = xmalloc(sizeof(*c) + want);
		c->size = want;
		c->used = 0;
		c->next = a->head;
		a->head = c;
		a->bytes += want;
		off = 0;
	}
	c->used = off + size;
	assert(c->used <= c->size && off % align == 0);
	return (char *)c->data + off;
}

void *
arena_alloc(struct arena *a, size_t size)
{
	void *p = arena_take(a, size, sizeof(max_align_t));
	memset(p, 0, size);
	return p;
}

/* Strings are byte aligned: a name of a few bytes takes those bytes, not
 * the 16 of an aligned allocation. */
char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_take(a, n + 1, 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

size_t
arena_bytes(const struct arena *a)
{
	return a ? a->bytes : 0;
}

void
arena_free(struct arena *a)
{
	if (a == NULL)
		return;
	struct chunk *c = a->head;
	while (c != NULL) {
		struct chunk *next = c->next;
		free(c);
		c = next;
	}
	free(a);
}

/* ---------------------------------------------------------------- buf */

static void
buf_grow(struct buf *b, size_t more)
{
	if (b->n + more + 1 <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < b->n + more + 1)
		cap *= 2;
	b->p = xrealloc(b->p, cap);
	b->cap = cap;
}

void
buf_add(struct buf *b, const char *s, size_t n)
{
	buf_grow(b, n);
	memcpy(b->p + b->n, s, n);
	b->n += n;
	assert(b->n < b->cap);   /* room for the NUL that always follows */
	b->p[b->n] = '\0';
}

void
buf_puts(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void
buf_putc(struct buf *b, char c)
{
	buf_add(b, &c, 1);
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	buf_grow(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->p + b->n, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->n += (size_t)n;
}

void
buf_add_utf8(struct buf *b, uint32_t cp)
{
	char tmp[4];
	buf_add(b, tmp, (size_t)utf8_encode(cp, tmp));
}

void
buf_add_xml(struct buf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		switch (s[i]) {
		case '<': buf_puts(b, "&lt;"); break;
		case '>': buf_puts(b, "&gt;"); break;
		case '&': buf_puts(b, "&amp;"); break;
		case '"': buf_puts(b, "&quot;"); break;
		default:
			if ((unsigned char)s[i] < 0x20 && s[i] != '\t' && s[i] != '\n')
				buf_printf(b, "&#x%x;", (unsigned char)s[i]);
			else
				buf_putc(b, s[i]);
		}
	}
}

void
buf_family_list(struct buf *b, const char *v)
{
	const char *q = v;
	while (*q) {
		while (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\r')
			q++;
		const char *st = q;
		while (*q && *q != ',')
			q++;
		const char *en = q;
		while (en > st && (en[-1] == ' ' || en[-1] == '\t' || en[-1] == '\n' || en[-1] == '\r'))
			en--;
		if (en > st && (*st == '\'' || *st == '"')) {
			st++;
			if (en > st && (en[-1] == '\'' || en[-1] == '"'))
				en--;
		}
		if (en > st) {
			if (b->n)
				buf_putc(b, ',');
			buf_add(b, st, (size_t)(en - st));
		}
		if (*q == ',')
			q++;
	}
}

void
buf_reset(struct buf *b)
{
	b->n = 0;
	if (b->p)
		b->p[0] = '\0';
}

void
buf_free(struct buf *b)
{
	free(b->p);
	b->p = NULL;
	b->n = b->cap = 0;
}

/* ---------------------------------------------------------------- UTF-8 */

uint32_t
utf8_next(const char **pp, const char *end)
{
	const unsigned char *p = (const unsigned char *)*pp;
	const unsigned char *e = (const unsigned char *)end;
	uint32_t cp;
	int n;

	if (p >= e)
		return 0;
	if (p[0] < 0x80) {
		*pp = (const char *)p + 1;
		return p[0];
	}
	if ((p[0] & 0xE0) == 0xC0) {
		cp = p[0] & 0x1F;
		n = 1;
	} else if ((p[0] & 0xF0) == 0xE0) {
		cp = p[0] & 0x0F;
		n = 2;
	} else if ((p[0] & 0xF8) == 0xF0) {
		cp = p[0] & 0x07;
		n = 3;
	} else {
		*pp = (const char *)p + 1;
		return 0xFFFD;
	}
	if (e - p <= n) {
		*pp = (const char *)e;
		return 0xFFFD;
	}
	for (int i = 1; i <= n; i++) {
		if ((p[i] & 0xC0) != 0x80) {
			*pp = (const char *)p + i;
			return 0xFFFD;
		}
		cp = (cp << 6) | (p[i] & 0x3F);
	}
	*pp = (const char *)p + n + 1;
	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0xFFFD;
	return cp;
}

int
utf8_encode(uint32_t cp, char out[4])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

size_t
utf8_count(const char *s, size_t n)
{
	const char *end = s + n;
	size_t k = 0;
	while (s < end) {
		utf8_next(&s, end);
		k++;
	}
	return k;
}

/* ---------------------------------------------------------------- amounts */

/*
 * Chinese capital amounts (大写金额) by the usual banking rules: digits in
 * groups of four (元, 万, 亿); a run of zeros inside the number is read as
 * one 零; 零 is not read at the end of a group, but before a group that
 * follows a zero-led group it is; no 角 or 分 → 整; 角 without 分 → 整;
 * 分 without 角 → 零 before it when there are yuan.
 */
int
zh_amount_capital(const char *text, struct buf *out)
{
	static const char *digit[] = { "零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖" };
	static const char *unit[] = { "", "拾", "佰", "仟" };
	static const char *group[] = { "", "万", "亿" };
	char ip[16];
	int jiao = 0, fen = 0;
	size_t n = 0;
	const char *p = text;

	while (*p == ' ')
		p++;
	if (*p < '0' || *p > '9')
		return -1;
	while (*p >= '0' && *p <= '9') {
		if (n >= 12)
			return -1;
		ip[n++] = *p++;
	}
	ip[n] = '\0';
	if (*p == '.') {
		p++;
		if (*p >= '0' && *p <= '9')
			jiao = *p++ - '0';
		if (*p >= '0' && *p <= '9')
			fen = *p++ - '0';
	}
	while (*p == ' ')
		p++;
	if (*p != '\0')
		return -1;
	/* strip leading zeros of the integer part */
	const char *ds = ip;
	while (*ds == '0' && ds[1] != '\0')
		ds++;
	size_t len = strlen(ds);
	int yuan = !(len == 1 && ds[0] == '0');

	buf_puts(out, "人民币");
	if (yuan) {
		int zero = 0;        /* a zero is pending */
		int ngroups = (int)((len + 3) / 4);
		for (int gi = ngroups - 1; gi >= 0; gi--) {
			/* digits of group gi (0 = lowest) */
			int any = 0;
			for (int k = 3; k >= 0; k--) {
				long pos = (long)len - 1 - (gi * 4 + k);
				if (pos < 0)
					continue;
				int dgt = ds[pos] - '0';
				if (dgt == 0) {
					zero = 1;
					continue;
				}
				if (zero && (any || gi < ngroups - 1 || k < 3) && out->n > strlen("人民币"))
					buf_puts(out, "零");
				zero = 0;
				buf_puts(out, digit[dgt]);
				buf_puts(out, unit[k]);
				any = 1;
			}
			if (any)
				buf_puts(out, group[gi]);
		}
		buf_puts(out, "元");
	}
	if (jiao == 0 && fen == 0) {
		buf_puts(out, yuan ? "整" : "零元整");
		return 0;
	}
	if (jiao) {
		buf_puts(out, digit[jiao]);
		buf_puts(out, "角");
	} else if (yuan) {
		buf_puts(out, "零");
	}
	if (fen) {
		buf_puts(out, digit[fen]);
		buf_puts(out, "分");
	} else {
		buf_puts(out, "整");
	}
	return 0;
}

uint64_t
hash_bytes(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;
	for (size_t i = 0; i < n; i++)
		h = (h ^ b[i]) * 1099511628211ull;
	return h;
}

/* ---------------------------------------------------------------- case */

uint32_t
uc_upper(uint32_t c)
{
	if (c >= 'a' && c <= 'z')
		return c - 32;
	if ((c >= 0xE0 && c <= 0xFE && c != 0xF7))
		return c - 32;
	if (c == 0xFF)
		return 0x178;
	if (c >= 0x100 && c <= 0x17F && c != 0x130 && c != 0x131 && c != 0x138 && c != 0x149 && c != 0x17F) {
		/* pairs: even upper, odd lower, except 0x139–0x148 and 0x179–0x17E */
		int odd_upper = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
		if (odd_upper ? (c % 2 == 0) : (c % 2 == 1))
			return c - 1;
		return c;
	}
	if (c == 0x3C2)
		return 0x3A3;   /* final sigma */
	if (c >= 0x3B1 && c <= 0x3C9)
		return c - 32;
	if (c >= 0x430 && c <= 0x44F)
		return c - 32;
	if (c >= 0x450 && c <= 0x45F)
		return c - 80;
	if (c >= 0xFF41 && c <= 0xFF5A)
		return c - 32;
	return c;
}

uint32_t
uc_lower(uint32_t c)
{
	if (c >= 'A' && c <= 'Z')
		return c + 32;
	if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
		return c + 32;
	if (c == 0x178)
		return 0xFF;
	if (c >= 0x100 && c <= 0x17F && c != 0x130 && c != 0x131 && c != 0x138 && c != 0x149 && c != 0x17F) {
		int odd_upper = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
		if (odd_upper ? (c % 2 == 1) : (c % 2 == 0))
			return c + 1;
		return c;
	}
	if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2)
		return c + 32;
	if (c >= 0x410 && c <= 0x42F)
		return c + 32;
	if (c >= 0x400 && c <= 0x40F)
		return c + 80;
	if (c >= 0xFF21 && c <= 0xFF3A)
		return c + 32;
	return c;
}

int
uc_is_lower(uint32_t c)
{
	return uc_upper(c) != c || c == 0xDF;
}

int
uc_is_letter(uint32_t c)
{
	return uc_upper(c) != c || uc_lower(c) != c || c == 0xDF;
}
