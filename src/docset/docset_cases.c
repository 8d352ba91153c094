/*
 * docset — the cases under cases/ as data (id, tenant, unit, handover
 * date), for a list of cases (folio serve's GET /api/v1/cases).  Only
 * reads; the checks are docset_case.c's.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../source/source.h"
#include "docset.h"
#include "docset_int.h"

static char *
text_at(const struct xnode *root, const char *path)
{
	char t[512];
	ds_text(ds_at(root, path), t, sizeof t);
	/* trim the white space around the value */
	char *s = t, *e = t + strlen(t);
	while (*s && strchr(" \t\r\n", *s))
		s++;
	while (e > s && strchr(" \t\r\n", e[-1]))
		e--;
	return xstrndup(s, (size_t)(e - s));
}

int
docset_cases(const struct docset_opts *o, struct docset_case **out, size_t *nout, struct diag *d)
{
	char *dir = ds_path(o->root, "cases");
	size_t n = 0, k = 0;
	char **files = ds_list_xml(dir, &n);
	struct docset_case *v = xcalloc(n + 1, sizeof *v);
	int rc = 0;
	ds_allow(o);
	for (size_t i = 0; i < n; i++) {
		struct xdoc *x = src_xml_load(files[i], d);
		if (x == NULL) {
			rc = -1;
			continue;
		}
		const char *id = xnode_attr(x->root, "id");
		const char *slash = strrchr(files[i], '/');
		const char *base = slash ? slash + 1 : files[i];
		v[k].id = id ? xstrdup(id) : xstrndup(base, strlen(base) - 4);
		v[k].tenant = text_at(x->root, "customer/name-zh");
		v[k].floor = text_at(x->root, "unit/floor");
		v[k].unit = text_at(x->root, "unit/number");
		v[k].date = text_at(x->root, "handover-date");
		k++;
		src_xdoc_free(x);
	}
	src_allow_reset();
	ds_list_free(files, n);
	free(dir);
	*out = v;
	*nout = k;
	return rc;
}

void
docset_cases_free(struct docset_case *v, size_t n)
{
	for (size_t i = 0; v && i < n; i++) {
		free(v[i].id);
		free(v[i].tenant);
		free(v[i].floor);
		free(v[i].unit);
		free(v[i].date);
	}
	free(v);
}
