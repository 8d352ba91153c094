/*
 * docset — folio check: every source against its RELAX NG schema, the
 * procedures' cross-references (docset_check_proc.c), every case with the
 * rules of a packet, the site's placeholders; and the helpers the
 * document-set files share.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../source/source.h"
#include "docset.h"
#include "docset_int.h"

/* ---------------------------------------------------------------- paths */

char *
ds_path(const char *a, const char *b)
{
	size_t n = strlen(a) + strlen(b) + 2;
	char *p = xmalloc(n);
	snprintf(p, n, "%s/%s", a, b);
	return p;
}

static int
is_xml(const char *name)
{
	size_t n = strlen(name);
	return n > 4 && strcmp(name + n - 4, ".xml") == 0 && name[0] != '.';
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The .xml files of dir, sorted; owned array of owned strings. */
char **
ds_list_xml(const char *dir, size_t *n)
{
	DIR *dp = opendir(dir);
	char **v = NULL;
	*n = 0;
	if (dp == NULL)
		return NULL;
	struct dirent *de;
	while ((de = readdir(dp)) != NULL) {
		if (!is_xml(de->d_name))
			continue;
		v = xrealloc(v, (*n + 1) * sizeof *v);
		v[(*n)++] = ds_path(dir, de->d_name);
	}
	closedir(dp);
	if (*n > 1)
		qsort(v, *n, sizeof *v, cmp_str);
	return v;
}

void
ds_list_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* Every file of a folder against one schema; cases with every rule of a packet. */
static int
check_dir(const struct docset_opts *o, const char *sub, const char *schema, struct diag *d)
{
	char *dir = sub ? ds_path(o->root, sub) : ds_content(o), *rng = ds_path(ds_data(o), schema);
	size_t n;
	char **files = ds_list_xml(dir, &n);
	struct ds_labels *labels = ds_labels_load(o);
	int bad = 0;
	int cases = sub && strcmp(sub, "cases") == 0;
	for (size_t i = 0; i < n; i++) {
		if ((cases ? ds_check_case(o, labels, files[i], 1, NULL, d) :
		    ds_validate(labels, files[i], rng, d)) < 0)
			bad = 1;
		if (cases)
			ds_case_leftovers(o, files[i], d);
	}
	ds_labels_free(labels);
	ds_list_free(files, n);
	free(dir);
	free(rng);
	return bad ? -1 : 0;
}

const char *
ds_data(const struct docset_opts *o)
{
	return o->data ? o->data : o->root;
}

char *
ds_content(const struct docset_opts *o)
{
	return o->content ? xstrdup(o->content) : ds_path(o->root, "docs/content");
}

void
ds_allow(const struct docset_opts *o)
{
	static const char *src[] = { "procedures", "cases" };
	static const char *data[] = { "templates", "schemas" };
	src_allow_reset();
	for (size_t i = 0; i < sizeof src / sizeof src[0]; i++) {
		char *p = ds_path(o->root, src[i]);
		src_allow_dir(p);
		free(p);
	}
	for (size_t i = 0; i < sizeof data / sizeof data[0]; i++) {
		char *p = ds_path(ds_data(o), data[i]);
		src_allow_dir(p);
		free(p);
	}
	char *content = ds_content(o);
	src_allow_dir(content);
	free(content);
}

/* The placeholders of the documents and forms name values the site has. */
static int
check_site_refs(const struct docset_opts *o, const struct ds_site *site, struct diag *d)
{
	int bad = 0;
	for (size_t k = 0; k < 2; k++) {
		char *dir = k == 0 ? ds_content(o) : ds_path(o->root, "procedures/forms");
		size_t n;
		char **files = ds_list_xml(dir, &n);
		for (size_t i = 0; i < n; i++)
			if (ds_site_check_refs(site, files[i], d) < 0)
				bad = 1;
		ds_list_free(files, n);
		free(dir);
	}
	return bad ? -1 : 0;
}

int
docset_check(const struct docset_opts *o, struct diag *d)
{
	int bad = 0;
	struct ds_site site;
	ds_allow(o);
	if (ds_site_load(o, &site, d) < 0 || check_site_refs(o, &site, d) < 0)
		bad = 1;
	ds_site_free(&site);
	if (ds_check_procedures(o, d) < 0)
		bad = 1;
	if (check_dir(o, "cases", "schemas/case.rng", d) < 0)
		bad = 1;
	if (check_dir(o, NULL, "schemas/document.rng", d) < 0)
		bad = 1;
	if (check_dir(o, "procedures/forms", "schemas/form.rng", d) < 0)
		bad = 1;
	if (ds_check_packet_sources(o, d) < 0)
		bad = 1;
	src_allow_reset();
	/* the summary last, after every problem */
	size_t errors = 0, warnings = 0;
	for (size_t i = 0; i < d->n; i++) {
		errors += d->v[i].level >= DIAG_ERROR;
		warnings += d->v[i].level == DIAG_WARNING;
	}
	errors += d->dropped;
	if (bad || errors)
		diag_summary(d, DIAG_ERROR, NULL, _("errors: %zu, warnings: %zu (above); correct "
		    "the files they name and run folio check again"), errors, warnings);
	return bad ? -1 : 0;
}
