/*
 * docset — likely leftovers of a copied case: a phone number, car plate,
 * ID or credit number or contact person that another case of cases/ has
 * too (compared without spaces, hyphens and dots: 京N D3K27 is 京N·D3K27).
 * Warnings, not errors: two tenants may share a person, but usually
 * it is an old tenant's value that survived a copy-and-edit.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/file.h"
#include "../source/source.h"
#include "docset.h"
#include "docset_int.h"

enum kind { K_PHONE, K_PLATE, K_NUMBER, K_PERSON };

static const char *const kind_name[] = {
	/* TRANSLATORS: what a value shared by two cases is */
	N_("phone"), N_("car plate"), N_("ID or credit number"), N_("contact"),
};

struct value {
	enum kind kind;
	char     *key;     /* compared: spaces, hyphens, dots and middle dots left out */
	char     *text;    /* as written */
	int       line;
};

struct values {
	struct value *v;
	size_t        n;
};

static int
under(const struct xnode *e, const char *name)
{
	for (const struct xnode *p = e->parent; p; p = p->parent)
		if (p->name && strcmp(p->name, name) == 0)
			return 1;
	return 0;
}

/* What kind of value e holds, or -1 for one that is not compared (the
 * contractor and the office's own staff serve many tenants). */
static int
kind_of(const struct xnode *e)
{
	const char *n = e->name, *parent = e->parent && e->parent->name ? e->parent->name : "";
	if (under(e, "contractor") || under(e, "handled-by"))
		return -1;
	if (strcmp(n, "mobile") == 0 || strcmp(n, "office-phone") == 0 || strcmp(n, "phone") == 0)
		return K_PHONE;
	if (strcmp(n, "plate") == 0)
		return K_PLATE;
	if (strcmp(n, "credit-code") == 0 || strcmp(n, "id-number") == 0)
		return K_NUMBER;
	if (strcmp(n, "legal-rep") == 0 || (strcmp(n, "name") == 0 && (strcmp(parent, "contact") == 0 ||
	    strcmp(parent, "fire-safety-officer") == 0 || strcmp(parent, "agent") == 0)))
		return K_PERSON;
	return -1;
}

static void
collect(const struct xnode *e, struct values *out)
{
	for (const struct xnode *c = e->first; c; c = c->next) {
		if (c->kind != XNODE_ELEMENT)
			continue;
		int k = kind_of(c);
		if (k < 0) {
			collect(c, out);
			continue;
		}
		char text[256];
		ds_text(c, text, sizeof text);
		char key[256];
		size_t n = 0;
		for (const char *s = text; *s && n + 1 < sizeof key; s++) {
			if (strncmp(s, "\xC2\xB7", 2) == 0) {   /* the middle dot of 京N·D3K27 */
				s++;
				continue;
			}
			if (*s != ' ' && *s != '-' && *s != '\t' && *s != '\n' && *s != '.')
				key[n++] = *s;
		}
		key[n] = '\0';
		/* too short to mean anything, or not filled in yet */
		if (n < (k == K_PERSON ? 2u : 5u) || strstr(text, "【待填】") != NULL)
			continue;
		out->v = xrealloc(out->v, (out->n + 1) * sizeof *out->v);
		out->v[out->n++] = (struct value){ (enum kind)k, xstrdup(key), xstrdup(text), c->line };
	}
}

static void
values_free(struct values *vs)
{
	for (size_t i = 0; i < vs->n; i++) {
		free(vs->v[i].key);
		free(vs->v[i].text);
	}
	free(vs->v);
}

static int
load(const char *file, struct values *out)
{
	struct diag quiet;
	diag_init(&quiet);
	struct xdoc *x = src_xml_load(file, &quiet);
	diag_free(&quiet);
	if (x == NULL)
		return -1;
	collect(x->root, out);
	src_xdoc_free(x);
	return 0;
}

/* Do two files hold the same bytes, or are they one file? */
static int
same_case(const char *a, const char *b)
{
	char *ra = realpath(a, NULL), *rb = realpath(b, NULL);
	int same = ra && rb && strcmp(ra, rb) == 0;
	free(ra);
	free(rb);
	if (same)
		return 1;
	return file_same_bytes(a, b);
}

void
ds_case_leftovers(const struct docset_opts *o, const char *file, struct diag *d)
{
	struct values mine = {0};
	if (load(file, &mine) < 0 || mine.n == 0) {
		values_free(&mine);
		return;
	}
	char *dir = ds_path(o->root, "cases");
	size_t n;
	char **files = ds_list_xml(dir, &n);
	for (size_t f = 0; f < n; f++) {
		if (same_case(files[f], file))
			continue;
		struct values other = {0};
		if (load(files[f], &other) < 0) {
			values_free(&other);
			continue;
		}
		for (size_t i = 0; i < mine.n; i++) {
			const struct value *v = &mine.v[i];
			/* once per value and other case: at the first line it is on */
			int earlier = 0;
			for (size_t k = 0; k < i && !earlier; k++)
				earlier = mine.v[k].kind == v->kind && strcmp(mine.v[k].key, v->key) == 0;
			for (size_t k = 0; k < other.n && !earlier; k++)
				if (other.v[k].kind == v->kind && strcmp(other.v[k].key, v->key) == 0) {
					diag_report(d, DIAG_WARNING, file, v->line, 0, _("%s %s also appears in %s:%d; "
					    "was an earlier tenant's case copied and this not changed?"),
					    _(kind_name[v->kind]), v->text, files[f], other.v[k].line);
					break;
				}
		}
		values_free(&other);
	}
	ds_list_free(files, n);
	free(dir);
	values_free(&mine);
}
