/*
 * docset — field messages: a source's schema problems and bad values,
 * worded with the field's label (schemas/labels.xml), what is wrong and how
 * to put it right, all of them at once.  Values that are safe to read
 * otherwise (2024/3/5, 12,000.00) are accepted with a warning and
 * normalised; the caller may take the normalised bytes.
 */
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/file.h"
#include "../base/limits.h"
#include "../source/source.h"
#include "docset.h"
#include "docset_int.h"

/* ---------------------------------------------------------------- value rules */

struct rule {
	const char *type;
	const char *re;     /* POSIX ERE the whole value must match, or NULL */
	const char *hint;   /* how to write it (translated where used) */
};

static const struct rule rules[] = {
	{ "text", "^[^[:space:]](.*[^[:space:]])?$",
	  N_("write one line, not empty, with no spaces at its ends") },
	{ "code", "^[A-Za-z0-9][-A-Za-z0-9/._]*$",
	  N_("use only letters, digits and - / . _") },
	{ "date", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
	  N_("write the date as year-month-day, with two-digit month and day") },
	{ "amount", "^[0-9]+\\.[0-9]{2}$",
	  N_("write only digits with two decimals, no thousands separators") },
	{ "area", "^[0-9]+\\.[0-9]{2}$",
	  N_("write only digits with two decimals, greater than 0, no thousands separators") },
	{ "quantity", "^[0-9]+(\\.[0-9]{1,2})?$",
	  N_("write a number greater than 0 with at most two decimals") },
	{ "reading", "^[0-9]+(\\.[0-9]{1,2})?$",
	  N_("write a number with at most two decimals") },
	{ "count", "^[1-9][0-9]*$",
	  N_("write a whole number from 1 up") },
	{ "credit-code", "^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$",
	  N_("write the 18 characters of the unified social credit code: digits and capital letters "
	     "other than I, O, S, V and Z, the last one a check character") },
	{ "id-number", "^[1-9][0-9]{5}(19|20)[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9X]$",
	  N_("write the 18 characters of the resident identity card number, the last a digit or X") },
	{ "mobile", "^1[3-9][0-9]{9}$",
	  N_("write the 11 digits of a mobile number, starting with 1, no spaces or dashes") },
	{ "phone", "^(0[1-9][0-9]{1,2}-[0-9]{7,8}(-[0-9]{1,6})?|400-[0-9]{3}-[0-9]{4}|1[3-9][0-9]{9})$",
	  N_("write a landline with its area code (010-12345678, -extension allowed), "
	     "a 400 number or a mobile number, no spaces") },
	{ "email", "^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}$",
	  N_("write an e-mail address such as name@example.com") },
	{ "case-id", "^[0-9]{4}-[0-9]{3}$",
	  N_("write the year, a dash and a three-digit number") },
	{ "floor", "^B?[1-9][0-9]?$",
	  N_("write the floor number, with B before a basement floor") },
	{ "unit-number", "^[0-9]{4}(-[0-9]{4})?$",
	  N_("write the four-digit unit number, or a range of two joined by a dash") },
	{ "account-number", "^[0-9]{10,25}$",
	  N_("write the 10 to 25 digits of the account, no spaces") },
	{ "choice", NULL,
	  N_("use one of the values the schema lists (docs/sources-content.md)") },
};

static const struct rule *
rule_of(const char *type)
{
	for (size_t i = 0; type && i < sizeof rules / sizeof rules[0]; i++)
		if (strcmp(rules[i].type, type) == 0)
			return &rules[i];
	return NULL;
}

static int
matches(const char *re, const char *s)
{
	regex_t r;
	if (regcomp(&r, re, REG_EXTENDED | REG_NOSUB) != 0)
		return 1;
	int ok = regexec(&r, s, 0, NULL, 0) == 0;
	regfree(&r);
	return ok;
}

/* Is a YYYY-MM-DD date a day of the calendar? */
static int
real_date(const char *s)
{
	int y, m, d;
	if (sscanf(s, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12 || d < 1)
		return 0;
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return d <= days[m - 1] + (m == 2 && leap);
}

/* ---------------------------------------------------------------- labels */

struct label {
	const char *path, *label, *type, *example;
};

struct ds_labels {
	struct xdoc  *doc;
	struct label *v;
	size_t        n;
};

struct ds_labels *
ds_labels_load(const struct docset_opts *o)
{
	struct ds_labels *l = xcalloc(1, sizeof *l);
	char *p = ds_path(ds_data(o), "schemas/labels.xml");
	struct diag q;
	diag_init(&q);
	l->doc = src_xml_load(p, &q);   /* without labels, messages name paths */
	diag_free(&q);
	free(p);
	for (const struct xnode *f = l->doc ? xnode_child(l->doc->root, "field") : NULL; f;
	    f = xnode_next(f, "field")) {
		l->v = xrealloc(l->v, (l->n + 1) * sizeof *l->v);
		struct label *x = &l->v[l->n++];
		x->path = xnode_attr(f, "path");
		x->label = xnode_attr(f, "label");
		x->type = xnode_attr(f, "type");
		x->example = xnode_attr(f, "example");
		if (x->path == NULL || x->label == NULL)
			l->n--;
	}
	return l;
}

void
ds_labels_free(struct ds_labels *l)
{
	if (l == NULL)
		return;
	src_xdoc_free(l->doc);
	free(l->v);
	free(l);
}

/* The label whose path is the longest suffix of path (on a / boundary). */
static const struct label *
label_of(const struct ds_labels *l, const char *path)
{
	const struct label *best = NULL;
	size_t n = strlen(path), bn = 0;
	for (size_t i = 0; l && i < l->n; i++) {
		size_t k = strlen(l->v[i].path);
		if (k > n || k <= bn || strcmp(path + n - k, l->v[i].path) != 0)
			continue;
		if (k < n && path[n - k - 1] != '/')
			continue;
		best = &l->v[i];
		bn = k;
	}
	return best;
}

const char *
ds_label(const struct ds_labels *l, const char *path)
{
	const struct label *x = label_of(l, path);
	return x ? x->label : NULL;
}

const char *
ds_label_type(const struct ds_labels *l, const char *path)
{
	const struct label *x = label_of(l, path);
	return x ? x->type : NULL;
}

/* What a message calls the field at path: "单价" in Chinese, "fees/fee/unit-price
 * (单价)" in English; the path alone when it has no label. */
static void
field_name(const struct ds_labels *l, const char *path, struct buf *out)
{
	const struct label *x = label_of(l, path);
	const char *p = strncmp(path, "case/", 5) == 0 ? path + 5 : path;
	if (x == NULL) {
		buf_puts(out, p);
		return;
	}
	/* TRANSLATORS: a field in a message: %1$s its Chinese label, %2$s its
	 * path in the file.  A Chinese message shows the label only. */
	buf_printf(out, _("%2$s (%1$s)"), x->label, p);
}

/* ---------------------------------------------------------------- reporting */

struct ds_fields {
	const struct ds_labels *l;
	const char  *file;     /* as the user named it */
	struct diag *d;
	int          errors;
	/* lines and paths already reported, so a schema's echo is not repeated */
	struct { int line; char *path; } *seen;
	size_t       nseen;
	/* normalisation: (line, old, new) edits of the source's bytes */
	struct { int line; char *from, *to; } *edits;
	size_t       nedits;
	/* a source made from another file: its problems go there */
	ds_locate_fn *locate;
	void         *locate_ctx;
	struct docset_field_errors *out;   /* also collect the errors here, or NULL */
};

static void
seen_add(struct ds_fields *c, int line, const char *path)
{
	c->seen = xrealloc(c->seen, (c->nseen + 1) * sizeof *c->seen);
	c->seen[c->nseen].line = line;
	c->seen[c->nseen++].path = xstrdup(path);
}

/* Has a problem of path, or of a field inside it, been reported? (line 0: any line) */
static int
seen_under(const struct ds_fields *c, int line, const char *path)
{
	size_t n = strlen(path);
	for (size_t i = 0; i < c->nseen; i++)
		if ((line == 0 || c->seen[i].line == line) && strncmp(c->seen[i].path, path, n) == 0 &&
		    (c->seen[i].path[n] == '\0' || c->seen[i].path[n] == '/'))
			return 1;
	return 0;
}

void
ds_fields_error(struct ds_fields *c, int line, const char *path, const char *fmt, ...)
{
	struct buf name = {0}, msg = {0};
	field_name(c->l, path, &name);
	va_list ap;
	va_start(ap, fmt);
	char tail[1024];
	vsnprintf(tail, sizeof tail, fmt, ap);
	va_end(ap);
	if (c->locate) {
		c->locate(c->locate_ctx, DIAG_ERROR, line, path, tail);
	} else {
		/* TRANSLATORS: a field message: the field, then what is wrong and how to fix it */
		buf_printf(&msg, _("%s: %s"), name.p, tail);
		diag_report(c->d, DIAG_ERROR, c->file, line, 0, "%s", msg.p);
	}
	if (c->out) {
		const struct label *x = label_of(c->l, path);
		struct docset_field_errors *o = c->out;
		o->v = xrealloc(o->v, (o->n + 1) * sizeof *o->v);
		o->v[o->n].path = xstrdup(path);
		o->v[o->n].label = x ? xstrdup(x->label) : NULL;
		o->v[o->n].message = xstrdup(tail);
		o->v[o->n++].line = line;
	}
	buf_free(&name);
	buf_free(&msg);
	seen_add(c, line, path);
	c->errors++;
}

/* The example of a field, as a message's tail ("e.g. 12000.00"), or "". */
static void
example_of(const struct label *x, char *out, size_t n)
{
	if (x == NULL) {
		out[0] = '\0';
		return;
	}
	if (x && x->example)
		snprintf(out, n, _(", e.g. %s"), x->example);
	else
		out[0] = '\0';
}

/* ---------------------------------------------------------------- lenient values */

/* 2024/3/5, 2024.3.5, 2024年3月5日, 2024-3-5 → 2024-03-05; 0 if it is none of these. */
static int
lenient_date(const char *s, char *out, size_t n)
{
	int y, m, d, k = 0;
	if (sscanf(s, "%4d/%2d/%2d%n", &y, &m, &d, &k) == 3 && s[k] == '\0') {
	} else if (sscanf(s, "%4d.%2d.%2d%n", &y, &m, &d, &k) == 3 && s[k] == '\0') {
	} else if (sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &k) == 3 && s[k] == '\0') {
	} else if (sscanf(s, "%4d年%2d月%2d%n", &y, &m, &d, &k) == 3 &&
	    (strcmp(s + k, "日") == 0 || s[k] == '\0')) {
	} else {
		return 0;
	}
	if (y < 1000)
		return 0;
	snprintf(out, n, "%04d-%02d-%02d", y, m, d);
	return real_date(out) && strcmp(out, s) != 0;
}

/* 12,000.00 → 12000.00, 12000 → 12000.00, 12000.5 → 12000.50; 0 if none. */
static int
lenient_amount(const char *s, char *out, size_t n)
{
	if (!matches("^([0-9]{1,3}(,[0-9]{3})+|[0-9]+)(\\.[0-9]{1,2})?$", s))
		return 0;
	struct buf b = {0};
	for (const char *p = s; *p; p++)
		if (*p != ',')
			buf_putc(&b, *p);
	const char *dot = strchr(b.p, '.');
	if (dot == NULL)
		buf_puts(&b, ".00");
	else if (strlen(dot) == 2)
		buf_putc(&b, '0');
	snprintf(out, n, "%s", b.p);
	buf_free(&b);
	return strcmp(out, s) != 0;
}

/* ---------------------------------------------------------------- value checks */

#define TO_FILL "【待填】"

/* The text of a leaf element (owned), or NULL if it has element children. */
static char *
leaf_text(const struct xnode *e)
{
	struct buf b = {0};
	for (const struct xnode *c = e->first; c; c = c->next) {
		if (c->kind == XNODE_ELEMENT) {
			buf_free(&b);
			return NULL;
		}
		buf_add(&b, c->text, c->textlen);
	}
	return b.p ? b.p : xstrdup("");
}

static void
check_value(struct ds_fields *c, const char *path, int line, const char *value, int attr)
{
	const struct label *x = label_of(c->l, path);
	if (strstr(value, TO_FILL) != NULL) {
		char ex[256];
		example_of(x, ex, sizeof ex);
		ds_fields_error(c, line, path, _("not filled in yet: replace %s with the value%s"), TO_FILL, ex);
		return;
	}
	const struct rule *r = x ? rule_of(x->type) : NULL;
	if (r == NULL || r->re == NULL)
		return;
	char fixed[128];
	if (!attr && (strcmp(r->type, "date") == 0 ? lenient_date(value, fixed, sizeof fixed) :
	    (strcmp(r->type, "amount") == 0 || strcmp(r->type, "area") == 0) &&
	    lenient_amount(value, fixed, sizeof fixed))) {
		struct buf name = {0};
		field_name(c->l, path, &name);
		if (c->locate) {
			struct buf msg = {0};
			buf_printf(&msg, _("\"%s\" is read as \"%s\"; please write it so (%s)"), value, fixed,
			    _(r->hint));
			c->locate(c->locate_ctx, DIAG_WARNING, line, path, msg.p);
			buf_free(&msg);
		} else {
			diag_report(c->d, DIAG_WARNING, c->file, line, 0,
			    _("%s: \"%s\" is read as \"%s\"; please write it so (%s)"), name.p, value, fixed,
			    _(r->hint));
		}
		buf_free(&name);
		c->edits = xrealloc(c->edits, (c->nedits + 1) * sizeof *c->edits);
		c->edits[c->nedits].line = line;
		c->edits[c->nedits].from = xstrdup(value);
		c->edits[c->nedits++].to = xstrdup(fixed);
		seen_add(c, line, path);
		return;
	}
	int ok = matches(r->re, value);
	if (ok && strcmp(r->type, "date") == 0)
		ok = real_date(value);
	if (ok && (strcmp(r->type, "area") == 0 || strcmp(r->type, "quantity") == 0))
		ok = strspn(value, "0.") != strlen(value);
	if (ok)
		return;
	char ex[256];
	example_of(x, ex, sizeof ex);
	if (value[0] == '\0')
		ds_fields_error(c, line, path, _("empty: %s%s"), _(r->hint), ex);
	else
		ds_fields_error(c, line, path, _("\"%s\" is not valid: %s%s"), value, _(r->hint), ex);
}

static void
walk_values(struct ds_fields *c, const struct xnode *e, struct buf *path)
{
	size_t mark = path->n;
	if (path->n)
		buf_putc(path, '/');
	buf_puts(path, e->name);
	for (int i = 0; i < e->nattrs; i++) {
		size_t m2 = path->n;
		buf_printf(path, "/@%s", e->attrs[i].name);
		check_value(c, path->p, e->line, e->attrs[i].value, 1);
		path->n = m2;
		path->p[m2] = '\0';
	}
	/* in a case every field has a label: an element without one is unknown
	 * (the schema stops at the first surprise in an element; this does not) */
	if (c->l && c->l->n > 0 && strcmp(path->p, "case") != 0 && strncmp(path->p, "case/", 5) == 0 &&
	    label_of(c->l, path->p) == NULL) {
		/* named by the element it stands in, which has a label */
		char *parent = xstrndup(path->p, mark);
		ds_fields_error(c, e->line, parent, _("<%s> is not a field of a case: remove it, or check "
		    "its spelling (docs/sources-content.md lists the fields)"), e->name);
		free(parent);
		seen_add(c, e->line, path->p);
		path->n = mark;
		path->p[mark] = '\0';
		return;
	}
	char *t = leaf_text(e);
	if (t) {
		check_value(c, path->p, e->line, t, 0);
		free(t);
	}
	for (const struct xnode *k = e->first; k; k = k->next)
		if (k->kind == XNODE_ELEMENT)
			walk_values(c, k, path);
	path->n = mark;
	path->p[mark] = '\0';
}

/* ---------------------------------------------------------------- schema problems */

static void
word_problem(struct ds_fields *c, const struct src_rng_problem *p)
{
	char child[512], ex[256];
	const struct label *x;
	switch (p->kind) {
	case SRC_RNG_VALUE:
		if (seen_under(c, p->line, p->path))
			return;
		x = label_of(c->l, p->path);
		example_of(x, ex, sizeof ex);
		if (x && rule_of(x->type))
			ds_fields_error(c, p->line, p->path, _("\"%s\" is not valid: %s%s"), p->value,
			    _(rule_of(x->type)->hint), ex);
		else if (p->value[0])
			ds_fields_error(c, p->line, p->path, _("\"%s\" is not a valid value here%s"), p->value, ex);
		else
			ds_fields_error(c, p->line, p->path, _("a value is not valid here (an attribute or the text)%s"), ex);
		return;
	case SRC_RNG_UNEXPECTED:
		snprintf(child, sizeof child, "%s/%s", p->path, p->name);
		if (seen_under(c, p->line, child))
			return;
		ds_fields_error(c, p->line, child, _("<%s> does not belong here: remove it, or check its "
		    "spelling and its place (the fields come in a fixed order)"), p->name);
		return;
	case SRC_RNG_MISSING:
		if (p->name[0] == '\0') {
			/* libxml2 did not say what: a group that needs more entries */
			if (!seen_under(c, 0, p->path))
				ds_fields_error(c, p->line, p->path, _("something is missing in it: check which entries "
				    "it needs, and how many, against the documented format"));
			return;
		}
		snprintf(child, sizeof child, "%s/%s", p->path, p->name);
		if (seen_under(c, 0, child))
			return;
		example_of(label_of(c->l, child), ex, sizeof ex);
		ds_fields_error(c, p->line, child, _("missing: add <%s> in its place%s"), p->name, ex);
		return;
	case SRC_RNG_ATTRIBUTES:
		if (seen_under(c, p->line, p->path))
			return;
		if (p->name[0])
			ds_fields_error(c, p->line, p->path, _("the attribute %s does not belong here: remove it"), p->name);
		else
			ds_fields_error(c, p->line, p->path, _("an attribute is missing or not valid: "
			    "check the attributes against the documented format"));
		return;
	case SRC_RNG_CONTENT:
		if (seen_under(c, 0, p->path))
			return;
		ds_fields_error(c, p->line, p->path, _("its content is not valid: check it against the documented format"));
		return;
	case SRC_RNG_OTHER:
		ds_fields_error(c, p->line, p->path, "%s", p->message);
		return;
	}
}

/* Apply the normalisation edits to the source's bytes, line by line. */
static void
apply_edits(const struct ds_fields *c, const char *bytes, size_t n, struct buf *out)
{
	int line = 1;
	size_t i = 0;
	while (i < n) {
		size_t j = i;
		while (j < n && bytes[j] != '\n')
			j++;
		struct buf l = {0};
		buf_add(&l, bytes + i, j - i);
		for (size_t k = 0; k < c->nedits; k++) {
			if (c->edits[k].line != line)
				continue;
			/* the value stands between > and < on its element's line */
			struct buf from = {0};
			buf_printf(&from, ">%s<", c->edits[k].from);
			char *at = strstr(l.p ? l.p : "", from.p);
			if (at) {
				struct buf nl = {0};
				buf_add(&nl, l.p, (size_t)(at - l.p) + 1);
				buf_puts(&nl, c->edits[k].to);
				buf_puts(&nl, at + from.n - 1);
				buf_free(&l);
				l = nl;
			}
			buf_free(&from);
		}
		if (l.p)
			buf_add(out, l.p, l.n);
		buf_free(&l);
		if (j < n)
			buf_putc(out, '\n');
		i = j + 1;
		line++;
	}
}

struct ds_fields *
ds_fields_new(const struct ds_labels *l, const char *file, struct diag *d)
{
	struct ds_fields *c = xcalloc(1, sizeof *c);
	c->l = l;
	c->file = file;
	c->d = d;
	return c;
}

void
ds_fields_locate(struct ds_fields *c, ds_locate_fn *fn, void *ctx)
{
	c->locate = fn;
	c->locate_ctx = ctx;
}

void
ds_fields_collect(struct ds_fields *c, struct docset_field_errors *out)
{
	c->out = out;
}

int
ds_fields_free(struct ds_fields *c)
{
	if (c == NULL)
		return 0;
	int errors = c->errors;
	for (size_t i = 0; i < c->nseen; i++)
		free(c->seen[i].path);
	free(c->seen);
	for (size_t i = 0; i < c->nedits; i++) {
		free(c->edits[i].from);
		free(c->edits[i].to);
	}
	free(c->edits);
	free(c);
	return errors;
}

int
ds_fields_reported(const struct ds_fields *c, const char *path)
{
	return seen_under(c, 0, path);
}

void
ds_fields_example(const struct ds_fields *c, const char *path, char *out, size_t n)
{
	example_of(label_of(c->l, path), out, n);
}

int
ds_fields_validate(struct ds_fields *c, const char *rng, struct buf *normalised)
{
	const char *file = c->file;
	struct diag *d = c->d;
	int errors = c->errors;
	struct buf raw = {0};
	const char *why = NULL;
	/* a regular file only, never blocking: the schema pass reports why not */
	int f = file_read(file, LIMIT_SOURCE_BYTES, &raw, &why) == 0;
	/* the values first: every bad one, and the lenient ones normalised */
	struct diag q;
	diag_init(&q);
	struct xdoc *x = f ? src_xml_parse(raw.p ? raw.p : "", raw.n, file, &q) : NULL;
	diag_free(&q);
	if (x) {
		struct buf path = {0};
		walk_values(c, x->root, &path);
		buf_free(&path);
		src_xdoc_free(x);
	}
	struct buf fixed = {0};
	if (f && c->nedits)
		apply_edits(c, raw.p ? raw.p : "", raw.n, &fixed);
	/* then the schema, on what the values became */
	struct src_rng_problem *v;
	size_t n;
	int rc = f && c->nedits ? src_relaxng_problems(file, fixed.p ? fixed.p : "", fixed.n, rng, &v, &n, d) :
	    src_relaxng_problems(file, NULL, 0, rng, &v, &n, d);
	/* the precise problems before the general ones that echo them */
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < n; i++)
			if ((v[i].kind == SRC_RNG_CONTENT || v[i].kind == SRC_RNG_ATTRIBUTES) == pass)
				word_problem(c, &v[i]);
	src_rng_problems_free(v, n);
	if (normalised) {
		if (c->nedits)
			buf_add(normalised, fixed.p ? fixed.p : "", fixed.n);
		else
			buf_add(normalised, raw.p ? raw.p : "", raw.n);
	}
	buf_free(&fixed);
	buf_free(&raw);
	return rc < 0 || c->errors > errors ? -1 : 0;
}

int
ds_validate(const struct ds_labels *l, const char *file, const char *rng, struct diag *d)
{
	struct ds_fields *c = ds_fields_new(l, file, d);
	int rc = ds_fields_validate(c, rng, NULL);
	ds_fields_free(c);
	return rc;
}

/* ---------------------------------------------------------------- for programs */

struct ds_labels *
docset_labels_load(const struct docset_opts *o)
{
	return ds_labels_load(o);
}

void
docset_labels_free(struct ds_labels *l)
{
	ds_labels_free(l);
}

const char *
docset_label(const struct ds_labels *l, const char *path, const char **example)
{
	const struct label *x = label_of(l, path);
	if (example)
		*example = x ? x->example : NULL;
	return x ? x->label : NULL;
}

void
docset_field_errors_free(struct docset_field_errors *e)
{
	for (size_t i = 0; i < e->n; i++) {
		free(e->v[i].path);
		free(e->v[i].label);
		free(e->v[i].message);
	}
	free(e->v);
	e->v = NULL;
	e->n = 0;
}
