/*
 * base — the message catalogue: the locale from the environment and the
 * folder where the translations (folio.mo) are found.
 *
 * The catalogue is looked for, in order: $FOLIO_LOCALEDIR; locale/ beside
 * the binary (the build tree: build/release/locale); ../share/locale from
 * the binary (an installed folio: PREFIX/bin and PREFIX/share/locale); the
 * folder compiled in (LOCALEDIR).
 *
 * A locale the environment asks for but the system has not generated
 * (LANG=zh_CN.UTF-8 on a fresh Debian, or in a container) still gets its
 * messages: the character handling becomes C.UTF-8, and the language is
 * passed to gettext through LANGUAGE, which glibc honours in any locale
 * other than "C".
 */
#include <limits.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base.h"

#ifndef LOCALEDIR
#define LOCALEDIR "/usr/local/share/locale"
#endif

static int
is_dir(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The folder of the running binary, owned, or NULL. */
static char *
exe_dir(void)
{
	char buf[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
	if (n <= 0)
		return NULL;
	buf[n] = '\0';
	char *slash = strrchr(buf, '/');
	if (slash == NULL)
		return NULL;
	*slash = '\0';
	return xstrdup(buf);
}

/* Where the catalogues are: owned. */
static char *
locale_dir(void)
{
	const char *env = getenv("FOLIO_LOCALEDIR");
	if (env && *env)
		return xstrdup(env);
	char *dir = exe_dir();
	if (dir) {
		static const char *const rel[] = { "/locale", "/../share/locale" };
		for (size_t i = 0; i < sizeof rel / sizeof rel[0]; i++) {
			struct buf b = {0};
			buf_printf(&b, "%s%s", dir, rel[i]);
			if (is_dir(b.p)) {
				free(dir);
				return b.p;
			}
			buf_free(&b);
		}
		free(dir);
	}
	return xstrdup(LOCALEDIR);
}

/* The locale name the environment asks messages in, as setlocale reads it. */
static const char *
wanted_messages(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);
		if (v && *v)
			return v;
	}
	return NULL;
}

void
intl_init(void)
{
	if (setlocale(LC_ALL, "") == NULL) {
		/* the locale asked for is not installed: keep its language */
		const char *want = wanted_messages();
		setlocale(LC_ALL, "C.UTF-8");
		if (want && strcmp(want, "C") != 0 && strcmp(want, "POSIX") != 0 &&
		    strncmp(want, "C.", 2) != 0 && getenv("LANGUAGE") == NULL) {
			char lang[64];
			size_t n = strcspn(want, ".@");
			if (n >= sizeof lang)
				n = sizeof lang - 1;
			memcpy(lang, want, n);
			lang[n] = '\0';
			setenv("LANGUAGE", lang, 1);
		}
	}
	/* numbers in the PDF and in messages are written the C way everywhere */
	setlocale(LC_NUMERIC, "C");
	char *dir = locale_dir();
	bindtextdomain("folio", dir);
	textdomain("folio");
	free(dir);
}
