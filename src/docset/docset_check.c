/*
 * docset — validation of the sources: RELAX NG schemas first, then the
 * checks a schema cannot express (docs/sources-procedures.md): unique ids,
 * references to departments, forms and procedures that exist, procedure
 * codes in sequence, the current version equal to the last revision.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../source/source.h"
#include "docset.h"
#include "docset_int.h"

/* ---------------------------------------------------------------- xnode helpers */

const struct xnode *
ds_child(const struct xnode *e, const char *name)
{
	for (const struct xnode *c = e ? e->first : NULL; c; c = c->next)
		if (c->kind == XNODE_ELEMENT && strcmp(c->name, name) == 0)
			return c;
	return NULL;
}

const struct xnode *
ds_next(const struct xnode *e, const char *name)
{
	for (const struct xnode *c = e ? e->next : NULL; c; c = c->next)
		if (c->kind == XNODE_ELEMENT && strcmp(c->name, name) == 0)
			return c;
	return NULL;
}

char *
ds_path(const char *a, const char *b)
{
	size_t n = strlen(a) + strlen(b) + 2;
	char *p = xmalloc(n);
	snprintf(p, n, "%s/%s", a, b);
	return p;
}

/* ---------------------------------------------------------------- id sets */

struct idset {
	const char **id;
	int         *line;
	size_t       n;
};

static int
idset_find(const struct idset *s, const char *id)
{
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->id[i], id) == 0)
			return (int)i;
	return -1;
}

static void
idset_add(struct idset *s, const char *id, int line)
{
	s->id = xrealloc(s->id, (s->n + 1) * sizeof *s->id);
	s->line = xrealloc(s->line, (s->n + 1) * sizeof *s->line);
	s->id[s->n] = id;
	s->line[s->n++] = line;
}

static void
idset_free(struct idset *s)
{
	free(s->id);
	free(s->line);
	memset(s, 0, sizeof *s);
}

/* ---------------------------------------------------------------- checks */

struct ctx {
	struct diag *d;
	struct ds_labels *labels;
	struct idset depts, forms;
	const char  *manual_file, *register_file;
	int          errors;
};

static void
err(struct ctx *c, const char *file, int line, const char *fmt, const char *a, const char *b)
{
	char msg[512];
	snprintf(msg, sizeof msg, fmt, a ? a : "", b ? b : "");
	diag_report(c->d, DIAG_ERROR, file, line, 0, "%s", msg);
	c->errors++;
}

static void
check_dept(struct ctx *c, const char *file, const struct xnode *e, const char *attr)
{
	const char *v = xnode_attr(e, attr);
	if (v == NULL)
		return;
	/* an attribute may hold a list of ids */
	char *copy = xstrdup(v), *save = NULL;
	for (char *t = strtok_r(copy, " ", &save); t; t = strtok_r(NULL, " ", &save))
		if (idset_find(&c->depts, t) < 0)
			err(c, file, e->line, "%s=\"%s\": no such department in manual.xml "
			    "(expected one of the ids under <departments>)", attr, t);
	free(copy);
}

static void
check_form_ref(struct ctx *c, const char *file, const struct xnode *e, const char *attr)
{
	const char *v = xnode_attr(e, attr);
	if (v == NULL)
		return;
	char *copy = xstrdup(v), *save = NULL;
	for (char *t = strtok_r(copy, " ", &save); t; t = strtok_r(NULL, " ", &save))
		if (idset_find(&c->forms, t) < 0)
			err(c, file, e->line, "%s=\"%s\": no such form in forms-register.xml", attr, t);
	free(copy);
}

/* The flow of a procedure's steps: every @next, @yes and @no names a step
 * of the procedure (or "end" for the end), and a label is at most 24
 * characters, <wbr/> not counted. */
static void
check_flow(struct ctx *c, const char *file, const struct xnode *ss, const struct idset *steps)
{
	static const char *const attrs[] = { "next", "yes", "no" };
	for (const struct xnode *s = ds_child(ss, "step"); s; s = ds_next(s, "step")) {
		for (size_t a = 0; a < sizeof attrs / sizeof attrs[0]; a++) {
			const char *v = xnode_attr(s, attrs[a]);
			if (v == NULL)
				continue;
			char *copy = xstrdup(v), *save = NULL;
			for (char *t = strtok_r(copy, " ", &save); t; t = strtok_r(NULL, " ", &save))
				if (strcmp(t, "end") != 0 && idset_find(steps, t) < 0)
					err(c, file, s->line, "%s: no step \"%s\" in this procedure "
					    "(expected a step id or \"end\")", attrs[a], t);
			free(copy);
		}
		const struct xnode *l = ds_child(s, "label");
		size_t n = 0;
		for (const struct xnode *t = l ? l->first : NULL; t; t = t->next)
			if (t->kind == XNODE_TEXT)
				n += utf8_count(t->text, t->textlen);
		if (n > 24) {
			char cnt[32];
			snprintf(cnt, sizeof cnt, "%zu", n);
			err(c, file, l->line, "the flowchart label has %s characters; at most 24 fit a box%s",
			    cnt, "");
		}
	}
}

static void
check_procedure(struct ctx *c, const char *file, const struct xdoc *doc, const char *code)
{
	const struct xnode *p = doc->root;
	const char *pc = xnode_attr(p, "code");
	if (pc == NULL)
		err(c, file, p->line, "the procedure has no code: expected code=\"%s\"", code, "");
	if (pc && code && strcmp(pc, code) != 0)
		err(c, file, p->line, "the procedure's code is %s, but manual.xml lists this file as %s", pc, code);
	const struct xnode *resp = ds_child(p, "responsibility");
	for (const struct xnode *e = resp ? resp->first : NULL; e; e = e->next)
		if (e->kind == XNODE_ELEMENT)
			check_dept(c, file, e, "dept");
	struct idset steps = {0};
	const struct xnode *ss = ds_child(p, "steps");
	for (const struct xnode *s = ds_child(ss, "step"); s; s = ds_next(s, "step")) {
		const char *id = xnode_attr(s, "id");
		if (id) {
			int k = idset_find(&steps, id);
			if (k >= 0) {
				char where[32];
				snprintf(where, sizeof where, "%d", steps.line[k]);
				err(c, file, s->line, "duplicate step id \"%s\" (first used on line %s)", id, where);
			} else {
				idset_add(&steps, id, s->line);
			}
		}
		check_dept(c, file, s, "dept");
		check_dept(c, file, s, "assist");
		check_form_ref(c, file, s, "records");
	}
	check_flow(c, file, ss, &steps);
	idset_free(&steps);
	const struct xnode *rs = ds_child(p, "records");
	for (const struct xnode *r = ds_child(rs, "record"); r; r = ds_next(r, "record"))
		check_form_ref(c, file, r, "form");
}

static int
validate(struct ctx *c, const char *file, const char *schema)
{
	int rc = ds_validate(c->labels, file, schema, c->d);
	if (rc < 0)
		c->errors++;
	return rc;
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

int
ds_check_procedures(const struct docset_opts *o, struct diag *d)
{
	struct ctx c;
	memset(&c, 0, sizeof c);
	c.d = d;
	c.labels = ds_labels_load(o);
	char *pdir = ds_path(o->root, "procedures"), *sdir = ds_path(ds_data(o), "schemas");
	char *manual = ds_path(pdir, "manual.xml"), *reg = ds_path(pdir, "forms-register.xml");
	char *rng_m = ds_path(sdir, "manual.rng"), *rng_r = ds_path(sdir, "forms-register.rng");
	char *rng_p = ds_path(sdir, "procedure.rng");
	struct xdoc *md = NULL, *rd = NULL;

	/* the cross-reference checks run even on a file the schema rejects,
	 * so that every problem is reported at once; a file that does not
	 * parse was reported by the validation already */
	struct diag quiet;
	diag_init(&quiet);
	validate(&c, manual, rng_m);
	md = src_xml_load(manual, &quiet);
	validate(&c, reg, rng_r);
	rd = src_xml_load(reg, &quiet);

	/* departments, defined once */
	const struct xnode *deps = md ? ds_child(md->root, "departments") : NULL;
	for (const struct xnode *e = ds_child(deps, "department"); e; e = ds_next(e, "department")) {
		const char *id = xnode_attr(e, "id");
		if (id && idset_find(&c.depts, id) >= 0)
			err(&c, manual, e->line, "department \"%s\" is defined twice%s", id, "");
		else if (id)
			idset_add(&c.depts, id, e->line);
	}
	/* forms, unique ids, owned by the procedure that prefixes them */
	for (const struct xnode *pf = rd ? ds_child(rd->root, "procedure-forms") : NULL; pf;
	    pf = ds_next(pf, "procedure-forms")) {
		const char *code = xnode_attr(pf, "code");
		for (const struct xnode *f = ds_child(pf, "form"); f; f = ds_next(f, "form")) {
			const char *id = xnode_attr(f, "id");
			if (id == NULL)
				continue;
			if (idset_find(&c.forms, id) >= 0)
				err(&c, reg, f->line, "form id \"%s\" is used twice%s", id, "");
			else
				idset_add(&c.forms, id, f->line);
			if (code && strncmp(id, code, strlen(code)) != 0)
				err(&c, reg, f->line, "form \"%s\" is listed under procedure %s but its id names another", id, code);
			check_dept(&c, reg, f, "dept");
		}
	}
	/* the procedures, in sequence */
	const struct xnode *procs = md ? ds_child(md->root, "procedures") : NULL;
	int expect = 1;
	for (const struct xnode *r = ds_child(procs, "procedure-ref"); r; r = ds_next(r, "procedure-ref")) {
		const char *code = xnode_attr(r, "code"), *href = xnode_attr(r, "href");
		char want[32];
		snprintf(want, sizeof want, "XT-KF-CX-%03d", expect++);
		if (code && strcmp(code, want) != 0)
			err(&c, manual, r->line, "procedure code %s is out of sequence: expected %s", code, want);
		if (href == NULL || strchr(href, '/') != NULL) {
			err(&c, manual, r->line, "href=\"%s\": expected a file name in procedures/%s", href, "");
			continue;
		}
		char *file = ds_path(pdir, href);
		validate(&c, file, rng_p);
		struct xdoc *pd = src_xml_load(file, &quiet);
		if (pd) {
			check_procedure(&c, file, pd, code);
			src_xdoc_free(pd);
		}
		free(file);
	}
	/* the current version is the last revision's */
	if (md) {
		const struct xnode *ver = ds_child(ds_child(md->root, "control"), "version");
		const struct xnode *revs = ds_child(md->root, "revisions"), *last = NULL;
		for (const struct xnode *r = ds_child(revs, "revision"); r; r = ds_next(r, "revision"))
			last = r;
		if (ver && last) {
			const char *e1 = xnode_attr(ver, "edition"), *r1 = xnode_attr(ver, "revision");
			const char *e2 = xnode_attr(last, "edition"), *r2 = xnode_attr(last, "revision");
			if (e1 && e2 && r1 && r2 && (strcmp(e1, e2) != 0 || strcmp(r1, r2) != 0))
				err(&c, manual, ver->line, "the version (edition %s) is not the last revision's; "
				    "add a <revision> entry for it (see docs/revisions.md)%s", e1, "");
		}
	}
	diag_free(&quiet);
	ds_labels_free(c.labels);
	src_xdoc_free(md);
	src_xdoc_free(rd);
	idset_free(&c.depts);
	idset_free(&c.forms);
	free(pdir);
	free(sdir);
	free(manual);
	free(reg);
	free(rng_m);
	free(rng_r);
	free(rng_p);
	return c.errors ? -1 : 0;
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
	for (size_t i = 0; i < n; i++)
		if ((sub && strcmp(sub, "cases") == 0 ? ds_check_case(o, labels, files[i], 1, NULL, d) :
		    ds_validate(labels, files[i], rng, d)) < 0)
			bad = 1;
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
	src_allow_reset();
	return bad ? -1 : 0;
}
