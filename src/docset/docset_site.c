/*
 * docset — the site file (site.xml): the management office's identity and
 * the printing defaults.  Read once per job, validated against
 * schemas/site.rng, and handed to every template as the parameter "site"
 * (the file's absolute path, which the templates read with document())
 * and "site-logo" (the logo's absolute path, or empty); the default fonts
 * go to the text stage as the meaning of "serif".  See docs/site.md.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../source/source.h"
#include "../text/text.h"
#include "docset.h"
#include "docset_int.h"

/* The fixed names a placeholder may use besides the hotlines' ids. */
static const char *const site_keys[] = {
	"office", "company", "issuer", "building", "address", "postcode",
	"account-holder", "bank", "account-number",
};

static char *
absolute(const char *p)
{
	char *r = realpath(p, NULL);
	return r ? r : xstrdup(p);
}

int
ds_site_load(const struct docset_opts *o, struct ds_site *s, struct diag *d)
{
	memset(s, 0, sizeof *s);
	char *file = o->site ? xstrdup(o->site) : ds_path(o->root, "site.xml");
	if (access(file, R_OK) != 0) {
		diag_report(d, DIAG_ERROR, file, 0, 0, _("no site file: copy site.xml from the installed "
		    "share/folio folder into the project and fill in the office's names (see docs/site.md)"));
		free(file);
		return -1;
	}
	s->file = absolute(file);
	free(file);
	char *rng = ds_path(ds_data(o), "schemas/site.rng");
	int bad = src_relaxng_validate(s->file, rng, d) < 0;
	free(rng);
	if (bad)
		return -1;
	s->doc = src_xml_load(s->file, d);
	if (s->doc == NULL)
		return -1;
	const struct xnode *root = s->doc->root;
	const struct xnode *f = xnode_child(root, "fonts");
	s->chinese = xnode_child(f, "chinese") ? xnode_text_trimmed(xnode_child(f, "chinese")) : NULL;
	s->latin = xnode_child(f, "latin") ? xnode_text_trimmed(xnode_child(f, "latin")) : NULL;
	const struct xnode *logo = xnode_child(root, "logo");
	if (logo) {
		char *dir = xstrdup(s->file);
		char *slash = strrchr(dir, '/');
		if (slash)
			*slash = '\0';
		char *p = ds_path(dir, xnode_attr(logo, "src"));
		free(dir);
		if (access(p, R_OK) != 0) {
			diag_report(d, DIAG_ERROR, s->file, logo->line, 0,
			    _("logo: cannot read %s (the path is relative to the site file)"), p);
			free(p);
			return -1;
		}
		s->logo = absolute(p);
		free(p);
	}
	return 0;
}

void
ds_site_free(struct ds_site *s)
{
	src_xdoc_free(s->doc);
	free(s->file);
	free(s->logo);
	free(s->latin);
	free(s->chinese);
	memset(s, 0, sizeof *s);
}

void
ds_site_allow(const struct ds_site *s)
{
	/* the file itself, not the folder it is in */
	if (s->file)
		src_allow_dir(s->file);
	if (s->logo)
		src_allow_dir(s->logo);
}

void
ds_site_fonts(const struct ds_site *s, struct text_fonts *fonts)
{
	if (fonts && (s->latin || s->chinese))
		text_fonts_set_serif(fonts, s->latin, s->chinese);
}

int
ds_site_has(const struct ds_site *s, const char *key)
{
	for (size_t i = 0; i < sizeof site_keys / sizeof site_keys[0]; i++)
		if (strcmp(key, site_keys[i]) == 0)
			return 1;
	const struct xnode *h = xnode_child(s->doc ? s->doc->root : NULL, "hotlines");
	for (const struct xnode *e = xnode_child(h, "hotline"); e; e = xnode_next(e, "hotline"))
		if (xnode_attr(e, "id") && strcmp(xnode_attr(e, "id"), key) == 0)
			return 1;
	return 0;
}

/* Placeholders of one source: <site ref="…"/> and site="…" attributes. */
static int
check_refs(const struct ds_site *s, const struct xnode *e, int in_title, const char *file,
    struct diag *d)
{
	int bad = 0;
	const char *key = NULL;
	in_title |= strcmp(e->name, "title") == 0;
	if (strcmp(e->name, "site") == 0)
		key = xnode_attr(e, "ref");
	else
		key = xnode_attr(e, "site");
	if (key && in_title && strcmp(e->name, "site") == 0) {
		/* titles go to bookmarks and page heads as plain text */
		diag_report(d, DIAG_ERROR, file, e->line, 0, _("<site ref=\"%s\"/> in a title: write the "
		    "title without the office's names (titles are printed as plain text)"), key);
		bad = 1;
	} else if (key && !ds_site_has(s, key)) {
		diag_report(d, DIAG_ERROR, file, e->line, 0, _("the site file has no value \"%s\" (give one of "
		    "office, company, issuer, building, address, postcode, account-holder, bank, "
		    "account-number, or the id of a <hotline> in %s)"), key, s->file);
		bad = 1;
	}
	for (const struct xnode *c = e->first; c; c = c->next)
		if (c->kind == XNODE_ELEMENT && check_refs(s, c, in_title, file, d) < 0)
			bad = 1;
	return bad ? -1 : 0;
}

int
ds_site_check_refs(const struct ds_site *s, const char *file, struct diag *d)
{
	struct diag q;
	diag_init(&q);
	struct xdoc *x = src_xml_load(file, &q);
	diag_free(&q);
	if (x == NULL)
		return 0;   /* the schema check reports it */
	int rc = check_refs(s, x->root, 0, file, d);
	src_xdoc_free(x);
	return rc;
}

const char **
ds_site_params(const struct ds_site *s, const char **params, int n, int cap)
{
	if (n + 5 > cap)
		return params;
	params[n++] = "site";
	params[n++] = s->file ? s->file : "";
	params[n++] = "site-logo";
	params[n++] = s->logo ? s->logo : "";
	params[n] = NULL;
	return params;
}
