/*
 * docset — sources changed under an issued revision: when the current
 * version of the manual is archived already (folio archive), every source
 * must still be the archived copy; a change needs a new revision entry
 * (docs/revisions.md).  A warning with the file and the first line that
 * differs; folio check and folio manual give it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../base/file.h"
#include "../base/limits.h"
#include "../source/source.h"
#include "docset.h"
#include "docset_int.h"

/* The first line where the two files differ, 0 if they are the same, -1
 * if the current one cannot be read. */
static int
first_difference(const char *cur, const char *old)
{
	struct buf a = {0}, b = {0};
	const char *why = NULL;
	int line = -1;
	if (file_read(cur, LIMIT_SOURCE_BYTES, &a, &why) == 0 &&
	    file_read(old, LIMIT_SOURCE_BYTES, &b, &why) == 0) {
		size_t i = 0, n = a.n < b.n ? a.n : b.n;
		int ln = 1;
		while (i < n && a.p[i] == b.p[i]) {
			if (a.p[i] == '\n')
				ln++;
			i++;
		}
		line = i == n && a.n == b.n ? 0 : ln;
	}
	buf_free(&a);
	buf_free(&b);
	return line;
}

static void
compare(const char *pdir, const char *sub, const char *name, const char *ed, const char *rv,
    struct diag *d)
{
	char *cur = ds_path(pdir, name), *dir = ds_path(pdir, sub), *old = ds_path(dir, name);
	struct stat st;
	if (stat(old, &st) != 0) {
		if (stat(cur, &st) == 0)
			diag_report(d, DIAG_WARNING, cur, 1, 0, _("this file is not in the sources of revision "
			    "%s/%s, which was already issued (procedures/%s/): adding it needs a new <revision> "
			    "entry in manual.xml, with <version> and <effective> to match"), ed, rv, sub);
	} else {
		int line = first_difference(cur, old);
		if (line > 0)
			diag_report(d, DIAG_WARNING, cur, line, 0, _("this file differs from its copy in "
			    "procedures/%s/ from this line on, but revision %s/%s was already issued: a change "
			    "needs a new <revision> entry in manual.xml, with <version> and <effective> to match"),
			    sub, ed, rv);
	}
	free(cur);
	free(dir);
	free(old);
}

void
ds_check_issued(const struct docset_opts *o, const struct xnode *manual, struct diag *d)
{
	const struct xnode *ver = xnode_child(xnode_child(manual, "control"), "version");
	const char *ed = ver ? xnode_attr(ver, "edition") : NULL, *rv = ver ? xnode_attr(ver, "revision") : NULL;
	if (ed == NULL || rv == NULL || strchr(ed, '/') || strchr(rv, '/') || strlen(ed) + strlen(rv) > 40)
		return;
	char sub[96];
	snprintf(sub, sizeof sub, "issued/E%.40sR%.40s", ed, rv);
	char *pdir = ds_path(o->root, "procedures"), *dir = ds_path(pdir, sub);
	struct stat st;
	if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode)) {
		compare(pdir, sub, "manual.xml", ed, rv, d);
		compare(pdir, sub, "forms-register.xml", ed, rv, d);
		const struct xnode *ps = xnode_child(manual, "procedures");
		for (const struct xnode *r = xnode_child(ps, "procedure-ref"); r; r = xnode_next(r, "procedure-ref")) {
			const char *href = xnode_attr(r, "href");
			if (href && strchr(href, '/') == NULL && href[0] != '.')
				compare(pdir, sub, href, ed, rv, d);
		}
	}
	free(pdir);
	free(dir);
}
