/*
 * docset — the checks of procedures/ that a schema cannot express
 * (docs/sources-procedures.md, "Checks the schemas cannot express"):
 * departments, forms and procedures referred to exist, steps agree with
 * the responsibility block, the register's numbering, procedure codes in
 * sequence, cross-references, the revision history, the form files.
 * Every problem is reported at once, with its file and line.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../source/source.h"
#include "docset.h"
#include "docset_int.h"

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

/* ---------------------------------------------------------------- context */

/* A procedure listed in manual.xml, loaded once for every check. */
struct proc {
	const char  *code;      /* as listed */
	char        *file;
	struct xdoc *doc;       /* NULL if it could not be read */
	int          line;      /* of its procedure-ref */
};

struct ctx {
	struct diag      *d;
	struct ds_labels *labels;
	struct idset      depts, forms, used;   /* used: forms listed by their owner */
	const char       *manual, *reg;
	struct proc      *procs;
	size_t            nprocs;
	int               errors;
};

static void err(struct ctx *c, const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void
err(struct ctx *c, const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_vreport(c->d, DIAG_ERROR, file, line, 0, fmt, ap);
	va_end(ap);
	c->errors++;
}

static const struct proc *
proc_find(const struct ctx *c, const char *code)
{
	for (size_t i = 0; i < c->nprocs; i++)
		if (c->procs[i].code && strcmp(c->procs[i].code, code) == 0)
			return &c->procs[i];
	return NULL;
}

/* The ids of a space-separated attribute, one call of fn each. */
#define FOR_IDS(v, t, body) do { \
	char *copy_ = xstrdup(v), *save_ = NULL; \
	for (char *t = strtok_r(copy_, " \t\n", &save_); t; t = strtok_r(NULL, " \t\n", &save_)) \
		body \
	free(copy_); \
} while (0)

static void
check_dept(struct ctx *c, const char *file, const struct xnode *e, const char *attr)
{
	const char *v = e ? xnode_attr(e, attr) : NULL;
	if (v == NULL)
		return;
	FOR_IDS(v, t, {
		if (idset_find(&c->depts, t) < 0)
			err(c, file, e->line, _("%s=\"%s\": no such department in manual.xml "
			    "(expected one of the ids under <departments>)"), attr, t);
	});
}

static void
check_form_ref(struct ctx *c, const char *file, const struct xnode *e, const char *attr)
{
	const char *v = xnode_attr(e, attr);
	if (v == NULL)
		return;
	FOR_IDS(v, t, {
		if (idset_find(&c->forms, t) < 0)
			err(c, file, e->line, _("%s=\"%s\": no such form in forms-register.xml"), attr, t);
	});
}

/* A non-negative integer attribute, or -1. */
static long
attr_num(const struct xnode *e, const char *name)
{
	const char *v = xnode_attr(e, name);
	char *end;
	if (v == NULL || *v < '0' || *v > '9')
		return -1;
	long n = strtol(v, &end, 10);
	return *end == '\0' && n >= 0 ? n : -1;
}

/* ---------------------------------------------------------------- one procedure */

/* The flow of a procedure's steps: every @next, @yes and @no names a step
 * of the procedure (or "end" for the end), and a label is at most 24
 * characters, <wbr/> not counted. */
static void
check_flow(struct ctx *c, const char *file, const struct xnode *ss, const struct idset *steps)
{
	static const char *const attrs[] = { "next", "yes", "no" };
	for (const struct xnode *s = xnode_child(ss, "step"); s; s = xnode_next(s, "step")) {
		for (size_t a = 0; a < sizeof attrs / sizeof attrs[0]; a++) {
			const char *v = xnode_attr(s, attrs[a]);
			if (v == NULL)
				continue;
			FOR_IDS(v, t, {
				if (strcmp(t, "end") != 0 && idset_find(steps, t) < 0)
					err(c, file, s->line, _("%s: no step \"%s\" in this procedure "
					    "(expected a step id or \"end\")"), attrs[a], t);
			});
		}
		const struct xnode *l = xnode_child(s, "label");
		size_t n = 0;
		for (const struct xnode *t = l ? l->first : NULL; t; t = t->next)
			if (t->kind == XNODE_TEXT)
				n += utf8_count(t->text, t->textlen);
		if (n > 24)
			err(c, file, l->line, _("the flowchart label has %zu characters; at most 24 fit a box"), n);
	}
}

/* Steps: unique ids, departments from the responsibility block, records
 * from the procedure's list. */
static void
check_steps(struct ctx *c, const char *file, const struct xnode *ss, const struct idset *resp,
    const struct idset *recs)
{
	struct idset steps = {0};
	for (const struct xnode *s = xnode_child(ss, "step"); s; s = xnode_next(s, "step")) {
		const char *id = xnode_attr(s, "id");
		const char *sid = id ? id : "?";
		if (id) {
			int k = idset_find(&steps, id);
			if (k >= 0)
				err(c, file, s->line, _("duplicate step id \"%s\" (first used on line %d)"), id,
				    steps.line[k]);
			else
				idset_add(&steps, id, s->line);
		}
		check_dept(c, file, s, "dept");
		check_dept(c, file, s, "assist");
		check_form_ref(c, file, s, "records");
		const char *v;
		if ((v = xnode_attr(s, "dept")) != NULL)
			FOR_IDS(v, t, {
				if (idset_find(&c->depts, t) >= 0 && idset_find(resp, t) < 0)
					err(c, file, s->line, _("step %s: dept=\"%s\" is neither the lead nor an "
					    "assisting department of this procedure: add <assist dept=\"%s\"/> to "
					    "<responsibility> or give the step another department"), sid, t, t);
			});
		if ((v = xnode_attr(s, "assist")) != NULL)
			FOR_IDS(v, t, {
				if (idset_find(&c->depts, t) >= 0 && idset_find(resp, t) < 0)
					err(c, file, s->line, _("step %s: assist=\"%s\" is neither the lead nor an "
					    "assisting department of this procedure: add <assist dept=\"%s\"/> to "
					    "<responsibility> or remove it from the step"), sid, t, t);
			});
		if ((v = xnode_attr(s, "records")) != NULL)
			FOR_IDS(v, t, {
				if (idset_find(&c->forms, t) >= 0 && idset_find(recs, t) < 0)
					err(c, file, s->line, _("step %s: records=\"%s\" is not in this procedure's "
					    "<records>: add <record form=\"%s\"/> there or remove it from the step"),
					    sid, t, t);
			});
	}
	check_flow(c, file, ss, &steps);
	idset_free(&steps);
}

static void
check_procedure(struct ctx *c, const struct proc *pr)
{
	const char *file = pr->file;
	const struct xnode *p = pr->doc->root;
	const char *pc = xnode_attr(p, "code");
	if (pc == NULL)
		err(c, file, p->line, _("the procedure has no code: expected code=\"%s\""), pr->code);
	else if (strcmp(pc, pr->code) != 0)
		err(c, file, p->line, _("the procedure's code is %s, but manual.xml lists this file as %s"),
		    pc, pr->code);

	/* the responsibility block: each department once */
	struct idset resp = {0}, recs = {0};
	const struct xnode *rb = xnode_child(p, "responsibility");
	for (const struct xnode *e = rb ? rb->first : NULL; e; e = e->next) {
		if (e->kind != XNODE_ELEMENT)
			continue;
		check_dept(c, file, e, "dept");
		const char *dept = xnode_attr(e, "dept");
		if (dept == NULL)
			continue;
		int k = idset_find(&resp, dept);
		if (k >= 0)
			err(c, file, e->line, _("department \"%s\" appears twice in <responsibility> (first on "
			    "line %d): a department is either the lead or assists, once"), dept, resp.line[k]);
		else
			idset_add(&resp, dept, e->line);
	}

	/* the records: registered forms, each once; the forms it owns are used */
	const struct xnode *rs = xnode_child(p, "records");
	for (const struct xnode *r = xnode_child(rs, "record"); r; r = xnode_next(r, "record")) {
		const char *f = xnode_attr(r, "form");
		if (f == NULL)
			continue;
		check_form_ref(c, file, r, "form");
		int k = idset_find(&recs, f);
		if (k >= 0)
			err(c, file, r->line, _("form %s is listed twice in <records> (first on line %d): "
			    "remove one"), f, recs.line[k]);
		else
			idset_add(&recs, f, r->line);
		size_t n = strlen(pr->code);
		if (strncmp(f, pr->code, n) == 0 && f[n] == '-' && idset_find(&c->used, f) < 0)
			idset_add(&c->used, f, r->line);
	}

	check_steps(c, file, xnode_child(p, "steps"), &resp, &recs);

	/* at most one responsibility note (the schema asks for one key note) */
	int first = 0;
	const struct xnode *ns = xnode_child(p, "notes");
	for (const struct xnode *n = xnode_child(ns, "note"); n; n = xnode_next(n, "note")) {
		const char *role = xnode_attr(n, "role");
		if (role == NULL || strcmp(role, "responsibility") != 0)
			continue;
		if (first)
			err(c, file, n->line, _("a second responsibility note (the first is on line %d): a "
			    "procedure has at most one <note role=\"responsibility\">; merge them"), first);
		else
			first = n->line;
	}

	/* related documents that are procedures of this manual */
	const struct xnode *sup = xnode_child(p, "supporting");
	for (const struct xnode *dc = xnode_child(sup, "document"); dc; dc = xnode_next(dc, "document")) {
		const char *ref = xnode_attr(dc, "procedure");
		if (ref == NULL)
			continue;
		const struct proc *to = proc_find(c, ref);
		if (to == NULL) {
			err(c, file, dc->line, _("document procedure=\"%s\": no such procedure in manual.xml"), ref);
			continue;
		}
		if (to == pr) {
			err(c, file, dc->line, _("document procedure=\"%s\" names this procedure itself: "
			    "a related document is another procedure"), ref);
			continue;
		}
		if (to->doc == NULL)
			continue;
		char *want = xnode_text_trimmed(xnode_child(to->doc->root, "title"));
		char *have = xnode_text_trimmed(dc);
		if (strcmp(want, have) != 0)
			err(c, file, dc->line, _("document procedure=\"%s\": the text \"%s\" is not that "
			    "procedure's title; write \"%s\""), ref, have, want);
		free(want);
		free(have);
	}
	idset_free(&resp);
	idset_free(&recs);
}

/* ---------------------------------------------------------------- manual.xml */

static void
check_departments(struct ctx *c, const struct xnode *m)
{
	const struct xnode *deps = xnode_child(m, "departments");
	for (const struct xnode *e = xnode_child(deps, "department"); e; e = xnode_next(e, "department")) {
		const char *id = xnode_attr(e, "id");
		int k = id ? idset_find(&c->depts, id) : -1;
		if (k >= 0)
			err(c, c->manual, e->line, _("department \"%s\" is defined twice (first on line %d)"),
			    id, c->depts.line[k]);
		else if (id)
			idset_add(&c->depts, id, e->line);
	}
	const struct xnode *ctl = xnode_child(m, "control");
	check_dept(c, c->manual, xnode_child(ctl, "prepared"), "dept");
	check_dept(c, c->manual, xnode_child(ctl, "reviewed"), "dept");
	check_dept(c, c->manual, xnode_child(ctl, "approved"), "dept");
	const struct xnode *dist = xnode_child(m, "distribution");
	for (const struct xnode *e = xnode_child(dist, "copy"); e; e = xnode_next(e, "copy"))
		check_dept(c, c->manual, e, "dept");
}

/* The revision history: oldest first, dates not decreasing, the last one
 * the current version, changed codes listed procedures. */
static void
check_revisions(struct ctx *c, const struct xnode *m)
{
	const struct xnode *revs = xnode_child(m, "revisions"), *last = NULL;
	long pe = -1, pv = -1;
	const char *pdate = NULL;
	int pline = 0;
	for (const struct xnode *r = xnode_child(revs, "revision"); r; r = xnode_next(r, "revision")) {
		long e = attr_num(r, "edition"), v = attr_num(r, "revision");
		const char *date = xnode_attr(r, "effective");
		if (e >= 0 && v >= 0 && pe >= 0 && (e < pe || (e == pe && v <= pv)))
			err(c, c->manual, r->line, _("revision %ld/%ld comes after revision %ld/%ld (line %d): "
			    "entries run oldest first, each with a greater edition or revision"), e, v, pe, pv, pline);
		if (date && pdate && strlen(date) == 10 && strlen(pdate) == 10 && strcmp(date, pdate) < 0)
			err(c, c->manual, r->line, _("revision %ld/%ld takes effect on %s, before the entry above "
			    "it (%s, line %d): effective dates do not go back"), e, v, date, pdate, pline);
		if (e >= 0 && v >= 0) {
			pe = e;
			pv = v;
		}
		pdate = date;
		pline = r->line;
		last = r;
		for (const struct xnode *ch = xnode_child(r, "changed"); ch; ch = xnode_next(ch, "changed")) {
			const char *code = xnode_attr(ch, "code");
			if (code && proc_find(c, code) == NULL)
				err(c, c->manual, ch->line, _("changed code=\"%s\": no such procedure in manual.xml"),
				    code);
		}
	}
	const struct xnode *ctl = xnode_child(m, "control");
	const struct xnode *ver = xnode_child(ctl, "version"), *eff = xnode_child(ctl, "effective");
	if (ver == NULL || last == NULL)
		return;
	long e1 = attr_num(ver, "edition"), r1 = attr_num(ver, "revision");
	long e2 = attr_num(last, "edition"), r2 = attr_num(last, "revision");
	if (e1 >= 0 && r1 >= 0 && e2 >= 0 && r2 >= 0 && (e1 != e2 || r1 != r2))
		err(c, c->manual, ver->line, _("the version is edition %ld revision %ld, but the last "
		    "<revision> entry (line %d) is %ld/%ld: add a <revision> entry for this version "
		    "(see docs/revisions.md) or correct <version>"), e1, r1, last->line, e2, r2);
	const char *d1 = eff ? xnode_attr(eff, "date") : NULL, *d2 = xnode_attr(last, "effective");
	if (d1 && d2 && strcmp(d1, d2) != 0)
		err(c, c->manual, eff->line, _("the effective date is %s, but the last <revision> entry "
		    "(line %d) takes effect on %s: the two must be the same"), d1, last->line, d2);
}

/* The number a note gives first ("共包括 13 个程序"), or -1. */
static long
first_number(const struct xnode *e)
{
	char *s = xnode_text_trimmed(e);
	long n = -1;
	for (char *p = s; *p; p++)
		if (*p >= '0' && *p <= '9') {
			n = strtol(p, NULL, 10);
			break;
		}
	free(s);
	return n;
}

/* Codes in sequence, each file there and of its code; the files loaded. */
static void
load_procedures(struct ctx *c, const struct xnode *m, const char *pdir, const char *rng)
{
	const struct xnode *ps = xnode_child(m, "procedures");
	int expect = 1;
	for (const struct xnode *r = xnode_child(ps, "procedure-ref"); r; r = xnode_next(r, "procedure-ref")) {
		const char *code = xnode_attr(r, "code"), *href = xnode_attr(r, "href");
		char want[32];
		snprintf(want, sizeof want, "XT-KF-CX-%03d", expect++);
		if (code && strcmp(code, want) != 0)
			err(c, c->manual, r->line, _("procedure code %s is out of sequence: expected %s"), code, want);
		if (code == NULL || href == NULL)
			continue;
		char hwant[64];
		snprintf(hwant, sizeof hwant, "%s.xml", code);
		if (strcmp(href, hwant) != 0) {
			err(c, c->manual, r->line, _("href=\"%s\": expected \"%s\" (a procedure's file is named "
			    "after its code)"), href, hwant);
			if (strchr(href, '/') != NULL || href[0] == '.')
				continue;
		}
		struct proc *pr;
		c->procs = xrealloc(c->procs, (c->nprocs + 1) * sizeof *c->procs);
		pr = &c->procs[c->nprocs++];
		pr->code = code;
		pr->file = ds_path(pdir, href);
		pr->line = r->line;
		pr->doc = NULL;
		FILE *f = fopen(pr->file, "rb");
		if (f == NULL) {
			err(c, c->manual, r->line, _("href=\"%s\": there is no file procedures/%s"), href, href);
			continue;
		}
		fclose(f);
		if (ds_validate(c->labels, pr->file, rng, c->d) < 0)
			c->errors++;
		struct diag quiet;
		diag_init(&quiet);
		pr->doc = src_xml_load(pr->file, &quiet);
		diag_free(&quiet);
	}
	const struct xnode *note = xnode_child(xnode_child(m, "notes"), "note");
	long said = note ? first_number(note) : -1;
	if (said >= 0 && ps && said != (long)(expect - 1))
		err(c, c->manual, note->line, _("note 1 says the manual has %ld procedures, but "
		    "<procedures> lists %d: correct one of them"), said, expect - 1);
}

/* No procedure file of procedures/ is left out of the manual. */
static void
check_unlisted(struct ctx *c, const char *pdir)
{
	size_t n;
	char **files = ds_list_xml(pdir, &n);
	for (size_t i = 0; i < n; i++) {
		const char *base = strrchr(files[i], '/') + 1;
		if (strcmp(base, "manual.xml") == 0 || strcmp(base, "forms-register.xml") == 0)
			continue;
		int listed = 0;
		for (size_t k = 0; k < c->nprocs && !listed; k++)
			listed = strcmp(c->procs[k].file, files[i]) == 0;
		if (listed)
			continue;
		char code[64];
		snprintf(code, sizeof code, "%.*s", (int)(strlen(base) - 4), base);
		err(c, files[i], 1, _("this procedure file is not listed in manual.xml: add <procedure-ref "
		    "code=\"%s\" href=\"%s\"/> to <procedures>, or move the file out of procedures/"), code, base);
	}
	ds_list_free(files, n);
}

/* ---------------------------------------------------------------- forms-register.xml */

struct regform {
	const char *id, *number;
	int line;
};

static void
check_register(struct ctx *c, const struct xnode *reg, struct regform **out, size_t *nout)
{
	struct regform *v = NULL;
	size_t n = 0;
	for (const struct xnode *pf = xnode_child(reg, "procedure-forms"); pf; pf = xnode_next(pf, "procedure-forms")) {
		const char *code = xnode_attr(pf, "code");
		int seq = 1;
		for (const struct xnode *f = xnode_child(pf, "form"); f; f = xnode_next(f, "form"), seq++) {
			const char *id = xnode_attr(f, "id"), *num = xnode_attr(f, "number");
			check_dept(c, c->reg, f, "dept");
			if (id == NULL)
				continue;
			int k = idset_find(&c->forms, id);
			if (k >= 0)
				err(c, c->reg, f->line, _("form id \"%s\" is used twice (first on line %d)"), id,
				    c->forms.line[k]);
			else
				idset_add(&c->forms, id, f->line);
			size_t cl = code ? strlen(code) : 0;
			if (code && (strncmp(id, code, cl) != 0 || strncmp(id + cl, "-R", 2) != 0)) {
				err(c, c->reg, f->line, _("form \"%s\" is listed under procedure %s but its id names "
				    "another: a form's id is its procedure's code, -R and its sequence number"), id, code);
				continue;
			}
			const char *sq = id + cl + 1;   /* the R */
			long got = strtol(sq + 1, NULL, 10);
			if (got != seq)
				err(c, c->reg, f->line, _("form %s has sequence number %02ld where %02d is next: "
				    "the forms of a procedure are numbered 01, 02, ... without gaps, in order"), id, got, seq);
			/* the printed number ends in the procedure number and the sequence */
			if (num && cl >= 3) {
				char tail[32];
				snprintf(tail, sizeof tail, "-%.3s-%s", code + cl - 3, sq + 1);
				size_t nl = strlen(num), tl = strlen(tail);
				if (nl < tl || strcmp(num + nl - tl, tail) != 0)
					err(c, c->reg, f->line, _("form %s: number=\"%s\" does not end in \"%s\", the "
					    "procedure number and sequence of its id"), id, num, tail);
			}
			if (num) {
				for (size_t i = 0; i < n; i++)
					if (strcmp(v[i].number, num) == 0)
						err(c, c->reg, f->line, _("form %s: number=\"%s\" is already the number of "
						    "form %s (line %d): printed numbers are unique"), id, num, v[i].id, v[i].line);
				v = xrealloc(v, (n + 1) * sizeof *v);
				v[n++] = (struct regform){ id, num, f->line };
			}
		}
	}
	*out = v;
	*nout = n;
}

/* Each register form is in the records of the procedure its id names. */
static void
check_forms_used(struct ctx *c)
{
	for (size_t i = 0; i < c->forms.n; i++) {
		const char *id = c->forms.id[i];
		const char *r = strstr(id, "-R");
		if (r == NULL || idset_find(&c->used, id) >= 0)
			continue;
		char code[64];
		snprintf(code, sizeof code, "%.*s", (int)(r - id), id);
		const struct proc *pr = proc_find(c, code);
		if (pr == NULL || pr->doc == NULL)
			continue;   /* reported as a procedure that is missing */
		err(c, c->reg, c->forms.line[i], _("form %s is not in the <records> of its procedure %s: "
		    "add <record form=\"%s\"/> there, or remove the form from the register"), id, code, id);
	}
}

/* Every XML file of procedures/forms/ is named after one registered form, whose
 * id and printed number it carries; the schema is checked by folio check. */
static void
check_form_files(struct ctx *c, const char *pdir, const struct regform *rf, size_t nrf)
{
	char *fdir = ds_path(pdir, "forms");
	size_t n;
	char **files = ds_list_xml(fdir, &n);
	for (size_t i = 0; i < n; i++) {
		const char *base = strrchr(files[i], '/') + 1;
		char id[128];
		snprintf(id, sizeof id, "%.*s", (int)(strlen(base) - 4), base);
		int k = idset_find(&c->forms, id);
		if (k < 0) {
			err(c, files[i], 1, _("the form file %s is not named after a form of forms-register.xml: "
			    "name it after the form's id (e.g. XT-KF-CX-001-R01.xml) or register the form"), base);
			continue;
		}
		struct diag quiet;
		diag_init(&quiet);
		struct xdoc *x = src_xml_load(files[i], &quiet);
		diag_free(&quiet);
		if (x == NULL)
			continue;
		const char *fid = xnode_attr(x->root, "id"), *num = xnode_attr(x->root, "number");
		if (fid && strcmp(fid, id) != 0)
			err(c, files[i], x->root->line, _("the form's id is %s, but its file is named %s: "
			    "the two must be the same"), fid, base);
		for (size_t r = 0; num && r < nrf; r++)
			if (strcmp(rf[r].id, id) == 0 && strcmp(rf[r].number, num) != 0)
				err(c, files[i], x->root->line, _("the form's number is %s, but forms-register.xml "
				    "(line %d) gives %s: the two must be the same"), num, rf[r].line, rf[r].number);
		src_xdoc_free(x);
	}
	ds_list_free(files, n);
	free(fdir);
}

/* ---------------------------------------------------------------- all of procedures/ */

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
	c.manual = manual;
	c.reg = reg;

	/* the cross-reference checks run even on a file the schema rejects,
	 * so that every problem is reported at once; a file that does not
	 * parse was reported by the validation already */
	struct diag quiet;
	diag_init(&quiet);
	if (ds_validate(c.labels, manual, rng_m, d) < 0)
		c.errors++;
	struct xdoc *md = src_xml_load(manual, &quiet);
	if (ds_validate(c.labels, reg, rng_r, d) < 0)
		c.errors++;
	struct xdoc *rd = src_xml_load(reg, &quiet);
	diag_free(&quiet);

	struct regform *rf = NULL;
	size_t nrf = 0;
	if (md)
		check_departments(&c, md->root);
	if (rd)
		check_register(&c, rd->root, &rf, &nrf);
	if (md) {
		load_procedures(&c, md->root, pdir, rng_p);
		for (size_t i = 0; i < c.nprocs; i++)
			if (c.procs[i].doc)
				check_procedure(&c, &c.procs[i]);
		check_revisions(&c, md->root);
		check_unlisted(&c, pdir);
		if (rd)
			check_forms_used(&c);
	}
	if (rd)
		check_form_files(&c, pdir, rf, nrf);
	if (md)
		ds_check_issued(o, md->root, d);

	for (size_t i = 0; i < c.nprocs; i++) {
		free(c.procs[i].file);
		src_xdoc_free(c.procs[i].doc);
	}
	free(c.procs);
	free(rf);
	ds_labels_free(c.labels);
	src_xdoc_free(md);
	src_xdoc_free(rd);
	idset_free(&c.depts);
	idset_free(&c.forms);
	idset_free(&c.used);
	free(pdir);
	free(sdir);
	free(manual);
	free(reg);
	free(rng_m);
	free(rng_r);
	free(rng_p);
	return c.errors ? -1 : 0;
}
