/*
 * text — hyphenation points through libhyphen (the patterns LibreOffice
 * uses, Debian's hyphen-* packages), and the breaks of URLs and paths
 * (docs/hyphenation.md).
 *
 * Dictionaries are loaded once per process, on first use, and kept in a
 * small table under a mutex (the server lays out documents in threads);
 * the table is freed at exit.  A language with no dictionary is
 * remembered too, so that it is looked for once.
 */
#include <dirent.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hyphen.h>

#include "text.h"

#define HYPH_DIR     "/usr/share/hyphen"
#define HYPH_MAX     16     /* languages remembered */
#define WORD_MAX     64     /* longer words are not hyphenated */

struct text_hyph {
	char        key[24];    /* ll or ll_CC as asked */
	HyphenDict *dict;       /* NULL: none installed */
};

static pthread_mutex_t hyph_lock = PTHREAD_MUTEX_INITIALIZER;
static struct text_hyph hyph_tab[HYPH_MAX];
static int hyph_n;
static int hyph_atexit;

static void
hyph_cleanup(void)
{
	pthread_mutex_lock(&hyph_lock);
	for (int i = 0; i < hyph_n; i++)
		if (hyph_tab[i].dict)
			hnj_hyphen_free(hyph_tab[i].dict);
	hyph_n = 0;
	pthread_mutex_unlock(&hyph_lock);
}

static int
lower_ascii(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static int
upper_ascii(int c)
{
	return c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c;
}

static HyphenDict *
try_load(const char *dir, const char *name)
{
	char path[512];
	FILE *f;
	snprintf(path, sizeof path, "%s/hyph_%s.dic", dir, name);
	if ((f = fopen(path, "r")) == NULL)
		return NULL;
	fclose(f);
	return hnj_hyphen_load(path);
}

/* hyph_ll_*.dic, the first by name: a language asked for without a
 * country, or with one that has no dictionary of its own. */
static HyphenDict *
load_any(const char *dir, const char *ll)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char best[256] = "", pre[32];
	size_t np;
	if (d == NULL)
		return NULL;
	np = (size_t)snprintf(pre, sizeof pre, "hyph_%s_", ll);
	while ((e = readdir(d)) != NULL) {
		size_t n = strlen(e->d_name);
		if (strncmp(e->d_name, pre, np) == 0 && n > 4 && n < sizeof best &&
		    strcmp(e->d_name + n - 4, ".dic") == 0 && (best[0] == '\0' || strcmp(e->d_name, best) < 0))
			snprintf(best, sizeof best, "%s", e->d_name);
	}
	closedir(d);
	if (best[0] == '\0')
		return NULL;
	best[strlen(best) - 4] = '\0';
	return try_load(dir, best + 5);
}

const struct text_hyph *
text_hyph_dict(const char *lang, const char *country)
{
	char ll[12], cc[8], key[24];
	size_t i;
	const char *dir = getenv("FOLIO_HYPHEN_DIR");
	if (dir == NULL || *dir == '\0')
		dir = HYPH_DIR;
	if (lang == NULL || strlen(lang) < 2)
		return NULL;
	for (i = 0; lang[i] && i + 1 < sizeof ll && lang[i] != '-' && lang[i] != '_'; i++)
		ll[i] = (char)lower_ascii((unsigned char)lang[i]);
	ll[i] = '\0';
	/* a language given as en-US or en_US carries its country */
	if ((lang[i] == '-' || lang[i] == '_') && (country == NULL || *country == '\0'))
		country = lang + i + 1;
	for (i = 0; country && country[i] && i + 1 < sizeof cc && country[i] != '-'; i++)
		cc[i] = (char)upper_ascii((unsigned char)country[i]);
	cc[i] = '\0';
	for (const char *q = ll; *q; q++)
		if (*q < 'a' || *q > 'z')
			return NULL;   /* not a language code: no file name from it */
	for (const char *q = cc; *q; q++)
		if (!((*q >= 'A' && *q <= 'Z') || (*q >= '0' && *q <= '9')))
			cc[0] = '\0';
	snprintf(key, sizeof key, cc[0] ? "%s_%s" : "%s", ll, cc);

	pthread_mutex_lock(&hyph_lock);
	for (int k = 0; k < hyph_n; k++)
		if (strcmp(hyph_tab[k].key, key) == 0) {
			struct text_hyph *h = &hyph_tab[k];
			pthread_mutex_unlock(&hyph_lock);
			return h->dict ? h : NULL;
		}
	HyphenDict *dict = cc[0] ? try_load(dir, key) : NULL;
	if (dict == NULL)
		dict = try_load(dir, ll);
	if (dict == NULL)
		dict = load_any(dir, ll);
	struct text_hyph *h = NULL;
	if (hyph_n < HYPH_MAX) {
		h = &hyph_tab[hyph_n++];
		snprintf(h->key, sizeof h->key, "%s", key);
		h->dict = dict;
		if (!hyph_atexit) {
			atexit(hyph_cleanup);
			hyph_atexit = 1;
		}
	} else if (dict) {
		hnj_hyphen_free(dict);   /* more languages than a document has */
		dict = NULL;
	}
	pthread_mutex_unlock(&hyph_lock);
	return dict ? h : NULL;
}

uint32_t
text_lower(uint32_t c)
{
	if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7))
		return c + 0x20;
	if (((c >= 0x100 && c <= 0x137 && c != 0x130) || (c >= 0x14A && c <= 0x177)) && c % 2 == 0)
		return c + 1;
	if (((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) && c % 2 == 1)
		return c + 1;
	if (c >= 0x391 && c <= 0x3A9)
		return c + 0x20;
	if (c >= 0x410 && c <= 0x42F)
		return c + 0x20;
	if (c >= 0x400 && c <= 0x40F)
		return c + 0x50;
	return c;
}

int
text_hyph_word(const struct text_hyph *h, const uint32_t *cps, size_t n, int push, int remain,
    uint8_t *ok)
{
	char word[WORD_MAX * 4 + 1], hy[WORD_MAX * 4 + 5];
	size_t len = 0;
	int found = 0;
	memset(ok, 0, n);
	if (h == NULL || h->dict == NULL || n > WORD_MAX || push < 1 || remain < 1 ||
	    n < (size_t)push + (size_t)remain)
		return 0;
	for (size_t i = 0; i < n; i++) {
		uint32_t c = text_lower(cps[i]);
		if (c < 0x80) {
			word[len++] = (char)c;
		} else if (c < 0x800) {
			word[len++] = (char)(0xC0 | (c >> 6));
			word[len++] = (char)(0x80 | (c & 0x3F));
		} else if (c < 0x10000) {
			word[len++] = (char)(0xE0 | (c >> 12));
			word[len++] = (char)(0x80 | ((c >> 6) & 0x3F));
			word[len++] = (char)(0x80 | (c & 0x3F));
		} else {
			return 0;
		}
	}
	word[len] = '\0';
	char **rep = NULL;
	int *pos = NULL, *cut = NULL;
	char hw[sizeof word * 2 + 8];
	memset(hy, 0, sizeof hy);
	if (hnj_hyphen_hyphenate2(h->dict, word, (int)len, hy, hw, &rep, &pos, &cut) != 0)
		return 0;
	/* with a UTF-8 dictionary hy[] counts characters; a Latin-1 one
	 * is not used (Debian's dictionaries are UTF-8) */
	size_t nh = h->dict->utf8 ? n : len;
	for (size_t i = 0; i + 1 < n && i < nh; i++) {
		if (!(hy[i] & 1) || (rep && rep[i]))
			continue;   /* no point, or one that changes the spelling */
		/* remain: characters left before the hyphen; push: those
		 * pushed to the next line (XSL 1.1 §7.10.6, §7.10.7) */
		if (i + 1 < (size_t)remain || n - (i + 1) < (size_t)push)
			continue;
		ok[i] = 1;
		found = 1;
	}
	if (rep) {
		for (size_t i = 0; i < nh; i++)
			free(rep[i]);
		free(rep);
		free(pos);
		free(cut);
	}
	return found;
}

/* May the item stand inside a URL or path? */
static int
url_item(const struct text_item *a)
{
	return a->kind != TK_SPACE && a->kind != TK_NBSP && a->kind != TK_OBJECT &&
	    a->kind != TK_LEADER && a->kind != TK_HAN && !text_is_wide(a->cp);
}

void
text_url_breaks(struct text_item *it, size_t n, mpt width)
{
	size_t s = 0;
	while (s < n) {
		if (!url_item(&it[s])) {
			s++;
			continue;
		}
		size_t e = s;
		int64_t w = 0;
		int slash = 0;
		while (e < n && url_item(&it[e])) {
			w += it[e].adv;
			slash |= it[e].cp == '/';
			if (it[e++].brk == TB_FORCE)
				break;
		}
		if (slash && w > width) {
			/* after /, and before ? & = #; never at the run's edges
			 * nor between the two slashes of :// */
			for (size_t i = s; i + 1 < e; i++) {
				uint32_t a = it[i].cp, b = it[i + 1].cp;
				if (it[i].brk != TB_NONE || (it[i].keep && it[i + 1].keep))
					continue;
				if ((a == '/' && b != '/') ||
				    (i > s && (b == '?' || b == '&' || b == '=' || b == '#')))
					it[i].soft = TS_URL;
			}
		}
		s = e;
	}
}
