/*
 * text — character classes for Chinese composition and break opportunities:
 * libunibreak (UAX #14, Unicode 6.2) with language "zh", then folio's
 * prohibition filter for what libunibreak leaves open (docs/cjk.md):
 *
 *   no break before  · ・ ‧ ～ ~ 〜 – / ／ and a lone —          (R1)
 *   no break before  —— ⸺ …… ⋯⋯ (one level for dash and ellipsis) (R4)
 *   no break after   / ／ in Chinese text (GB level)               (R2)
 *   no break inside  codes such as XT-KF-CX-001, 2024-03-15, v2.3  (R6)
 *   no break inside  ranges such as 3～5, 9:00～17:30               (R7)
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <linebreak.h>

#include "text.h"

enum text_kind
text_kind_of(uint32_t cp)
{
	switch (cp) {
	case 0x20: case 0x09: case 0x2002: case 0x2003: case 0x2009: case 0x200B:
		return TK_SPACE;
	case 0xA0: case 0x202F:
		return TK_NBSP;
	case 0xFF08: case 0xFF3B: case 0xFF5B: case 0x3014: case 0x3010: case 0x3016:
	case 0x3008: case 0x300A: case 0x300C: case 0x300E: case 0x201C: case 0x2018:
	case 0x3018: case 0x301D:
		return TK_OPEN;
	case 0xFF09: case 0xFF3D: case 0xFF5D: case 0x3015: case 0x3011: case 0x3017:
	case 0x3009: case 0x300B: case 0x300D: case 0x300F: case 0x201D: case 0x2019:
	case 0x3019: case 0x301E: case 0x301F:
		return TK_CLOSE;
	case 0xFF0C: case 0x3001: case 0xFF1B: case 0xFF1A:
		return TK_PAUSE;
	case 0x3002: case 0xFF0E: case 0xFF1F: case 0xFF01:
		return TK_STOP;
	case 0xB7: case 0x30FB: case 0x2027:
		return TK_MIDDLE;
	case 0x2014: case 0x2E3A:
		return TK_DASH;
	case 0x2026: case 0x22EF:
		return TK_ELLIPSIS;
	case 0xFF5E: case 0x301C: case 0x2013: case 0xFF0F:
		return TK_CONNECT;
	case 0xFFFC:
		return TK_OBJECT;
	}
	if (cp >= '0' && cp <= '9')
		return TK_DIGIT;
	if ((cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') ||
	    (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) ||
	    (cp >= 0x370 && cp <= 0x52F))
		return TK_LATIN;
	if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	    (cp >= 0x20000 && cp <= 0x3FFFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	    (cp >= 0x3040 && cp <= 0x30FF) || cp == 0x3000 || cp == 0x3005 ||
	    cp == 0x3007 || (cp >= 0xFF10 && cp <= 0xFF19) ||
	    (cp >= 0xFF21 && cp <= 0xFF3A) || (cp >= 0xFF41 && cp <= 0xFF5A) ||
	    (cp >= 0x2E80 && cp <= 0x2FDF) || (cp >= 0x3190 && cp <= 0x31FF) ||
	    (cp >= 0x3200 && cp <= 0x33FF) || cp == 0x25A1 || cp == 0x2610 || cp == 0x2611)
		return TK_HAN;
	return TK_OTHER;
}

int
text_is_wide(uint32_t cp)
{
	if (cp >= 0xAC00 && cp <= 0xD7A3)
		return 0;  /* Hangul keeps its line feeds as spaces */
	return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) ||
	    (cp >= 0x3041 && cp <= 0x33FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	    (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
	    (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
	    (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) ||
	    (cp >= 0x20000 && cp <= 0x3FFFD) || cp == 0x2014 || cp == 0x2026 ||
	    cp == 0x201C || cp == 0x201D || cp == 0x2018 || cp == 0x2019 || cp == 0xB7;
}

static int
is_alnum(uint32_t c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static int
no_break_before(uint32_t c)
{
	switch (c) {
	case 0xB7: case 0x30FB: case 0x2027:           /* interpuncts */
	case 0xFF5E: case 0x7E: case 0x301C:           /* waves */
	case 0x2013:                                   /* en dash connector */
	case 0x2F: case 0xFF0F:                        /* solidi */
	case 0x2014: case 0x2E3A: case 0x2026: case 0x22EF:  /* dash, ellipsis */
		return 1;
	}
	return 0;
}

void
text_breaks(const uint32_t *cps, size_t n, const char *lang, uint8_t *brk)
{
	static pthread_once_t inited = PTHREAD_ONCE_INIT;
	char *lb;
	int zh = lang == NULL || lang[0] == '\0' || strncmp(lang, "zh", 2) == 0;

	if (n == 0)
		return;
	pthread_once(&inited, init_linebreak);
	lb = xmalloc(n);
	set_linebreaks_utf32((const utf32_t *)cps, n, zh ? "zh" : lang, lb);
	for (size_t i = 0; i < n; i++)
		brk[i] = lb[i] == LINEBREAK_MUSTBREAK ? TB_FORCE
		    : lb[i] == LINEBREAK_ALLOWBREAK ? TB_ALLOW : TB_NONE;
	free(lb);
	/* the end of the text is not a forced break: the caller decides */
	if (brk[n - 1] == TB_FORCE && cps[n - 1] != '\n' && cps[n - 1] != 0x2028)
		brk[n - 1] = TB_ALLOW;

	for (size_t i = 0; i + 1 < n; i++) {
		if (brk[i] != TB_ALLOW)
			continue;
		uint32_t a = cps[i], b = cps[i + 1];
		/* R1, R4: marks that may not start a line */
		if (no_break_before(b) && a != ' ' && a != 0x3000)
			brk[i] = TB_NONE;
		/* R2: a solidus may not end a line in Chinese text */
		else if (zh && (a == 0x2F || a == 0xFF0F))
			brk[i] = TB_NONE;
		/* R7: a range such as 3～5 or 9:00～17:30 stays whole */
		else if ((a == 0xFF5E || a == '~' || a == 0x301C || a == 0x2013) && i > 0 &&
		    is_alnum(cps[i - 1]) && is_alnum(b))
			brk[i] = TB_NONE;
		/* R6: codes, dates and versions stay whole */
		else if ((a == '-' || a == '/' || a == '.' || a == '_') && i > 0 &&
		    is_alnum(cps[i - 1]) && is_alnum(b))
			brk[i] = TB_NONE;
	}
}
