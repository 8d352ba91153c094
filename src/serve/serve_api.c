/*
 * serve — the JSON API's handlers (docs/api.md): render an XSL-FO body,
 * the forms register, a batch of blank forms, the list of cases.  They
 * call the same docset and engine functions as the command line.
 *
 * The engine is not safe to enter from two threads at once: the XML stage
 * keeps process-wide state (the parser's error context, the stylesheet
 * cache, the folders the loader may read, libxml2's one-time set-up), the
 * font stage ends each job with FcFini, which tears down fontconfig's
 * global configuration, and the output stage keeps its list of temporaries
 * for signals.  So every handler does its engine work under one mutex
 * (engine), and serve.c runs these handlers on one thread of their own,
 * so that the pool's threads never wait for the engine; receiving bodies,
 * parsing JSON and sending replies run concurrently on the pool's
 * threads.  Each request makes its own diagnostics sink, fonts and
 * private temporary folder.
 */
#include <assert.h>
#include <dirent.h>
#include <errno.h>
#include <json-c/json.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../base/base.h"
#include "../base/file.h"
#include "../source/source.h"
#include "../fo/fo.h"
#include "../text/text.h"
#include "../area/area.h"
#include "../layout/layout.h"
#include "../pdf/pdf.h"
#include "serve_int.h"

pthread_mutex_t engine = PTHREAD_MUTEX_INITIALIZER;

/* ---------------------------------------------------------------- replies */

void
reply_json(struct reply *r, unsigned status, struct json_object *j)
{
	const char *s = json_object_to_json_string_ext(j, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE);
	assert(r->body == NULL);   /* a reply is made once */
	r->status = status;
	r->type = "application/json; charset=utf-8";
	r->n = strlen(s) + 1;
	r->body = xmalloc(r->n);
	memcpy(r->body, s, r->n - 1);
	r->body[r->n - 1] = '\n';
	json_object_put(j);
}

void
reply_error(struct reply *r, unsigned status, const char *message)
{
	struct json_object *j = json_object_new_object(), *a = json_object_new_array(), *e = json_object_new_object();
	json_object_object_add(e, "message", json_object_new_string(message));
	json_object_array_add(a, e);
	json_object_object_add(j, "errors", a);
	reply_json(r, status, j);
}

/* A file name as the client may see it: relative to the project's root. */
static const char *
shown_file(const char *file, const char *root)
{
	size_t n = root ? strlen(root) : 0;
	if (file && n > 0 && strncmp(file, root, n) == 0 && file[n] == '/')
		return file + n + 1;
	return file ? file : "";
}

/* The errors of d as {"errors":[{"file","line","col","message"}]}, 422. */
void
reply_diag(struct reply *r, const struct diag *d, const char *root)
{
	struct json_object *j = json_object_new_object(), *a = json_object_new_array();
	for (size_t i = 0; i < d->n; i++) {
		if (d->v[i].level < DIAG_ERROR)
			continue;
		struct json_object *e = json_object_new_object();
		json_object_object_add(e, "file", json_object_new_string(shown_file(d->v[i].file, root)));
		json_object_object_add(e, "line", json_object_new_int(d->v[i].line));
		json_object_object_add(e, "col", json_object_new_int(d->v[i].col));
		json_object_object_add(e, "message", json_object_new_string(d->v[i].text));
		json_object_array_add(a, e);
	}
	if (json_object_array_length(a) == 0) {
		struct json_object *e = json_object_new_object();
		json_object_object_add(e, "message", json_object_new_string("the document could not be made"));
		json_object_array_add(a, e);
	}
	json_object_object_add(j, "errors", a);
	reply_json(r, 422, j);
}

void
reply_pdf(struct reply *r, struct buf *b)
{
	assert(r->body == NULL);   /* a reply is made once */
	r->status = 200;
	r->type = "application/pdf";
	r->body = b->p;
	r->n = b->n;
	b->p = NULL;
	b->n = b->cap = 0;
}

/* ---------------------------------------------------------------- temporaries */

/* A private folder for one request's files (mode 0700). */
/* The real path of the project's root, for file names in replies (owned). */
char *
root_real(const struct docset_opts *o)
{
	char *r = realpath(o->root, NULL);
	return r ? r : xstrdup(o->root);
}

/* Reply with d's problems, files named from the project's root. */
static void
reply_problems(const struct docset_opts *o, struct reply *r, const struct diag *d)
{
	char *root = root_real(o);
	reply_diag(r, d, root);
	free(root);
}

int
api_cases_load(const struct docset_opts *o, struct api_case_list *c)
{
	memset(c, 0, sizeof *c);
	diag_init(&c->d);
	pthread_mutex_lock(&engine);
	c->rc = docset_cases(o, &c->v, &c->n, &c->d);
	pthread_mutex_unlock(&engine);
	return c->rc;
}

void
api_cases_free(struct api_case_list *c)
{
	docset_cases_free(c->v, c->n);
	diag_free(&c->d);
}

/* ---------------------------------------------------------------- render */

/* A request's FO may name no file: every src attribute is refused, so a
 * request cannot embed a file of the server's machine into its PDF. */
static int
refuse_files(const struct xnode *e, struct diag *d)
{
	int bad = 0;
	for (; e; e = e->next) {
		if (e->kind != XNODE_ELEMENT)
			continue;
		for (int i = 0; i < e->nattrs; i++)
			if (strcmp(e->attrs[i].name, "src") == 0) {
				diag_report(d, DIAG_ERROR, "request.fo", e->line, 0, "%s: files are not read through "
				    "the API; give images in the templates or render with folio render", e->name);
				bad = 1;
			}
		bad |= refuse_files(e->first, d);
	}
	return bad;
}

void
api_render(const struct docset_opts *o, const char *body, size_t n, struct reply *r)
{
	struct diag d;
	struct buf pdf = {0};
	char dir[512];
	int ok = 0;
	(void)o;   /* an FO document reads nothing of the project */
	diag_init(&d);
	pthread_mutex_lock(&engine);
	struct xdoc *doc = src_xml_parse(body, n, "request.fo", &d);
	if (doc && refuse_files(doc->root, &d)) {
		src_xdoc_free(doc);
		doc = NULL;
	}
	struct text_fonts *fonts = doc ? text_fonts_new(&d) : NULL;
	struct fo_tree *fo = doc ? fo_tree_build_take(doc, &d) : NULL;
	struct area_tree *at = fo ? lay_document(fo, fonts, &d) : NULL;
	if (at && d.worst < DIAG_ERROR) {
		if (file_temp_dir(dir, sizeof dir, "folio-serve") < 0) {
			diag_report(&d, DIAG_ERROR, NULL, 0, 0, "cannot make a temporary folder: %s", strerror(errno));
		} else {
			char path[600];
			const char *why = NULL;
			snprintf(path, sizeof path, "%s/out.pdf", dir);
			if (pdf_write(at, path, &d) == 0 && file_read(path, 0, &pdf, &why) == 0)
				ok = 1;
			else if (why)
				diag_report(&d, DIAG_ERROR, NULL, 0, 0, "cannot read the PDF back: %s", why);
			file_remove_tree(dir);
		}
	}
	area_tree_free(at);
	fo_tree_free(fo);
	text_fonts_free(fonts);
	pthread_mutex_unlock(&engine);
	if (ok && d.worst < DIAG_ERROR)
		reply_pdf(r, &pdf);
	else
		reply_diag(r, &d, NULL);
	buf_free(&pdf);
	diag_free(&d);
}

/* ---------------------------------------------------------------- forms */

/* An object of string members: key, value, … up to a NULL key, in order. */
static struct json_object *
json_strings(const char *key, ...)
{
	struct json_object *e = json_object_new_object();
	va_list ap;
	va_start(ap, key);
	for (; key; key = va_arg(ap, const char *))
		json_object_object_add(e, key, json_object_new_string(va_arg(ap, const char *)));
	va_end(ap);
	return e;
}

int
api_forms_load(const struct docset_opts *o, struct api_form_list *f)
{
	memset(f, 0, sizeof *f);
	diag_init(&f->d);
	pthread_mutex_lock(&engine);
	struct text_fonts *fonts = text_fonts_new(&f->d);
	f->rc = docset_forms_info(o, fonts, &f->v, &f->n, &f->d);
	text_fonts_free(fonts);
	pthread_mutex_unlock(&engine);
	return f->rc;
}

void
api_forms_free(struct api_form_list *f)
{
	docset_forms_info_free(f->v, f->n);
	diag_free(&f->d);
}

void
api_forms_list(const struct docset_opts *o, struct reply *r)
{
	struct api_form_list f;
	api_forms_load(o, &f);
	if (f.rc < 0 || f.d.worst >= DIAG_ERROR) {
		reply_problems(o, r, &f.d);
	} else {
		struct json_object *j = json_object_new_object(), *a = json_object_new_array();
		for (size_t i = 0; i < f.n; i++) {
			struct json_object *e = json_strings("id", f.v[i].id, "number", f.v[i].number,
			    "name", f.v[i].name, (char *)NULL);
			json_object_object_add(e, "pages", json_object_new_int(f.v[i].pages));
			json_object_object_add(e, "parts", json_object_new_int(f.v[i].parts));
			json_object_array_add(a, e);
		}
		json_object_object_add(j, "forms", a);
		reply_json(r, 200, j);
	}
	api_forms_free(&f);
}

/* A whole number member of j from lo to hi; 0 absent, 1 set, -1 wrong. */
static int
member_int(struct json_object *j, const char *key, long lo, long hi, long *out)
{
	struct json_object *m;
	if (!json_object_object_get_ex(j, key, &m))
		return 0;
	if (!json_object_is_type(m, json_type_int))
		return -1;
	int64_t v = json_object_get_int64(m);
	if (v < lo || v > hi)
		return -1;
	*out = (long)v;
	return 1;
}

void
api_forms_make(const struct docset_opts *o, const char *body, size_t n, struct reply *r)
{
	enum json_tokener_error jerr = json_tokener_success;
	struct json_object *j = NULL;
	if (n > 0 && strlen(body) == n)
		j = json_tokener_parse_verbose(body, &jerr);
	if (j == NULL || !json_object_is_type(j, json_type_object)) {
		json_object_put(j);
		reply_error(r, 400, "the body must be a JSON object: {\"forms\": [...], \"copies\": N, \"serial_start\": N}");
		return;
	}
	long copies = 1, start = 0;
	int serial = 0, bad = 0;
	char **names = NULL;
	size_t nnames = 0;
	json_object_object_foreach(j, key, val) {
		if (strcmp(key, "forms") == 0) {
			if (!json_object_is_type(val, json_type_array) || json_object_array_length(val) > 200) {
				bad = 1;
				continue;
			}
			nnames = json_object_array_length(val);
			names = xcalloc(nnames + 1, sizeof *names);
			for (size_t i = 0; i < nnames; i++) {
				struct json_object *s = json_object_array_get_idx(val, i);
				if (!json_object_is_type(s, json_type_string) || json_object_get_string_len(s) == 0 ||
				    json_object_get_string_len(s) > 200) {
					bad = 1;
					names[i] = xstrdup("");
				} else {
					names[i] = xstrdup(json_object_get_string(s));
				}
			}
		} else if (strcmp(key, "serial") == 0) {
			if (!json_object_is_type(val, json_type_boolean))
				bad = 1;
			else
				serial = json_object_get_boolean(val);
		} else if (strcmp(key, "copies") != 0 && strcmp(key, "serial_start") != 0) {
			bad = 1;
		}
	}
	if (member_int(j, "copies", 1, 10000, &copies) < 0 || member_int(j, "serial_start", 1, 999999, &start) < 0)
		bad = 1;
	json_object_put(j);
	if (bad) {
		reply_error(r, 400, "members: forms (array of ids, printed numbers or names; none: all), "
		    "copies (1-10000), serial (true: continue the numbers), serial_start (1-999999)");
	} else {
		struct diag d;
		struct buf pdf = {0};
		char dir[512];
		int ok = 0;
		diag_init(&d);
		struct docset_opts q = *o;
		q.out_dir = dir;
		q.fo_dir = NULL;
		q.quiet = 1;
		pthread_mutex_lock(&engine);
		if (file_temp_dir(dir, sizeof dir, "folio-serve") < 0) {
			diag_report(&d, DIAG_ERROR, NULL, 0, 0, "cannot make a temporary folder: %s", strerror(errno));
		} else {
			struct text_fonts *fonts = text_fonts_new(&d);
			if (docset_forms(&q, fonts, names, (int)nnames, 1, (int)copies, serial || start > 0, (int)start,
			    &d) == 0 && d.worst < DIAG_ERROR) {
				/* the one PDF of forms/ (its name carries the numbers) */
				char *fdir = web_path_join(dir, "forms");
				ok = web_first_pdf(fdir, &pdf, NULL, 0);
				free(fdir);
			}
			text_fonts_free(fonts);
			file_remove_tree(dir);
		}
		pthread_mutex_unlock(&engine);
		if (ok) {
			reply_pdf(r, &pdf);
		} else {
			reply_problems(o, r, &d);
		}
		buf_free(&pdf);
		diag_free(&d);
	}
	for (size_t i = 0; i < nnames; i++)
		free(names[i]);
	free(names);
}

/* ---------------------------------------------------------------- cases */

void
api_cases(const struct docset_opts *o, struct reply *r)
{
	struct api_case_list c;
	api_cases_load(o, &c);
	if (c.rc < 0 && c.n == 0 && c.d.worst >= DIAG_ERROR) {
		reply_problems(o, r, &c.d);
	} else {
		/* a case that does not parse is left out of the list, and said */
		struct json_object *j = json_object_new_object(), *a = json_object_new_array();
		for (size_t i = 0; i < c.n; i++) {
			struct json_object *e = json_strings("id", c.v[i].id, "tenant", c.v[i].tenant,
			    "floor", c.v[i].floor, "unit", c.v[i].unit, "date", c.v[i].date, (char *)NULL);
			json_object_array_add(a, e);
		}
		json_object_object_add(j, "cases", a);
		if (c.rc < 0) {
			char *root = root_real(o);
			struct json_object *w = json_object_new_array();
			for (size_t i = 0; i < c.d.n; i++)
				if (c.d.v[i].level >= DIAG_ERROR) {
					struct json_object *e = json_object_new_object();
					json_object_object_add(e, "file", json_object_new_string(shown_file(c.d.v[i].file, root)));
					json_object_object_add(e, "line", json_object_new_int(c.d.v[i].line));
					json_object_object_add(e, "col", json_object_new_int(c.d.v[i].col));
					json_object_object_add(e, "message", json_object_new_string(c.d.v[i].text));
					json_object_array_add(w, e);
				}
			json_object_object_add(j, "errors", w);
			free(root);
		}
		reply_json(r, 200, j);
	}
	api_cases_free(&c);
}

/* ---------------------------------------------------------------- one case */

void
reply_bytes(struct reply *r, unsigned status, const char *type, const char *s, size_t n)
{
	assert(r->body == NULL);   /* a reply is made once */
	r->status = status;
	r->type = type;
	r->body = xmalloc(n + 1);
	memcpy(r->body, s, n);
	r->n = n;
}

void
reply_redirect(struct reply *r, const char *url)
{
	static const char text[] = "see other\n";
	reply_bytes(r, 303, "text/plain; charset=utf-8", text, sizeof text - 1);
	snprintf(r->location, sizeof r->location, "%s", url);
}

/* {"errors":[...]} with status (errs taken). */
static void
reply_errors(struct reply *r, unsigned status, struct json_object *errs)
{
	struct json_object *j = json_object_new_object();
	json_object_object_add(j, "errors", errs);
	reply_json(r, status, j);
}

struct json_object *
api_case_json(const struct buf *b, struct diag *d)
{
	pthread_mutex_lock(&engine);
	struct xdoc *x = src_xml_parse(b->p ? b->p : "", b->n, "case.xml", d);
	struct json_object *j = x ? case_to_json(x->root) : NULL;
	src_xdoc_free(x);
	pthread_mutex_unlock(&engine);
	return j;
}

void
api_case_get(const struct req *q, struct reply *r)
{
	struct buf b = {0};
	if (!case_id_ok(q->rest)) {
		reply_error(r, 400, "a case number is letters, digits, - and _ (no / and no .)");
		return;
	}
	if (case_read(q->o, q->rest, &b) < 0) {
		reply_error(r, 404, "no such case");
		return;
	}
	struct diag d;
	diag_init(&d);
	struct json_object *j = api_case_json(&b, &d);
	if (j) {
		reply_json(r, 200, j);
		case_etag(b.p ? b.p : "", b.n, r->etag);
	} else {
		reply_diag(r, &d, NULL);
	}
	diag_free(&d);
	buf_free(&b);
}

/*
 * The case a request sends, as JSON (an object) or XML (it starts with
 * "<"): its XML into xml, where its fields are into lines, its number into
 * id (when id is given, the JSON may leave it out).  Returns 0, or -1
 * with the problems in errs.
 */
static int
case_of_body(const struct req *q, char *id, size_t idn, struct buf *xml, struct case_lines *lines,
    struct json_object *errs)
{
	size_t i = 0;
	while (i < q->n && strchr(" \t\r\n", q->body[i]))
		i++;
	if (strlen(q->body) != q->n) {
		case_error_add(errs, "", NULL, "the body holds a NUL byte");
		return -1;
	}
	if (i < q->n && q->body[i] == '<') {
		struct diag d;
		diag_init(&d);
		pthread_mutex_lock(&engine);
		struct xdoc *x = src_xml_parse(q->body, q->n, "case.xml", &d);
		if (x) {
			case_lines_of_xml(x->root, lines);
			const char *v = xnode_attr(x->root, "id");
			if (id[0] == '\0')
				snprintf(id, idn, "%s", v ? v : "");
		}
		src_xdoc_free(x);
		pthread_mutex_unlock(&engine);
		for (size_t k = 0; k < d.n; k++)
			if (d.v[k].level >= DIAG_ERROR) {
				char m[1200];
				snprintf(m, sizeof m, "line %d, column %d: %s", d.v[k].line, d.v[k].col, d.v[k].text);
				case_error_add(errs, "", NULL, m);
			}
		diag_free(&d);
		if (x == NULL)
			return -1;
		buf_add(xml, q->body, q->n);
		return 0;
	}
	enum json_tokener_error jerr = json_tokener_success;
	struct json_object *j = json_tokener_parse_verbose(q->body, &jerr);
	if (j == NULL || !json_object_is_type(j, json_type_object)) {
		json_object_put(j);
		case_error_add(errs, "", NULL, "the body must be a case: a JSON object or the case's XML (docs/api.md)");
		return -1;
	}
	struct json_object *v = NULL;
	if (json_object_object_get_ex(j, "@id", &v) && json_object_is_type(v, json_type_string)) {
		if (id[0] && strcmp(id, json_object_get_string(v)) != 0)
			case_error_add(errs, "@id", NULL, "not the case number of the URL");
		else
			snprintf(id, idn, "%s", json_object_get_string(v));
	} else if (id[0]) {
		json_object_object_add(j, "@id", json_object_new_string(id));
	}
	int rc = case_from_json(j, xml, lines, errs);
	json_object_put(j);
	return rc < 0 || json_object_array_length(errs) > 0 ? -1 : 0;
}

void
api_case_put(const struct req *q, struct reply *r)
{
	char id[80];
	if (!case_id_ok(q->rest)) {
		reply_error(r, 400, "a case number is letters, digits, - and _ (no / and no .)");
		return;
	}
	const char *etag = q->if_match;
	if (etag == NULL && !(q->if_none && strcmp(q->if_none, "*") == 0)) {
		reply_error(r, 428, "send If-Match with the ETag of GET (or If-None-Match: * for a new case)");
		return;
	}
	snprintf(id, sizeof id, "%s", q->rest);
	struct buf xml = {0}, keep = {0};
	struct case_lines lines = { NULL, 0 };
	struct json_object *errs = json_object_new_array();
	if (case_of_body(q, id, sizeof id, &xml, &lines, errs) < 0 ||
	    case_check(q->o, id, 1, xml.p ? xml.p : "", xml.n, &lines, errs, &keep) < 0) {
		reply_errors(r, 422, errs);
	} else {
		char now[72];
		int rc = case_save(q->o, id, etag, keep.p ? keep.p : "", keep.n, now);
		json_object_put(errs);
		if (rc == 1 && etag) {
			reply_error(r, 412, "the case changed since it was read (or is not there): GET it again, "
			    "then send the changes with its new ETag");
		} else if (rc == 1) {
			reply_error(r, 412, "the case exists already: GET it, then send If-Match with its ETag");
		} else if (rc < 0) {
			reply_error(r, 500, "the case could not be written");
		} else {
			struct json_object *j = json_object_new_object();
			json_object_object_add(j, "id", json_object_new_string(id));
			json_object_object_add(j, "etag", json_object_new_string(now));
			reply_json(r, etag ? 200 : 201, j);
			memcpy(r->etag, now, sizeof now);
		}
	}
	case_lines_free(&lines);
	buf_free(&xml);
	buf_free(&keep);
}

/* ---------------------------------------------------------------- a packet */

/* The PDF of a packet folder that document names: "packet", a document
 * or form ("customer-handbook", "XT-KF-CX-001-R01") or a file's name;
 * owned, or NULL. */
char *
packet_document(const char *dir, const char *document)
{
	struct dirent **list = NULL;
	int n = scandir(dir, &list, NULL, alphasort);
	char *found = NULL;
	for (int i = 0; i < n; i++) {
		const char *f = list[i]->d_name;
		size_t k = strlen(f), dn = strlen(document);
		int pdf = k > 4 && strcmp(f + k - 4, ".pdf") == 0 && f[0] != '.';
		/* NN-name.pdf: name, or the whole file name with or without .pdf */
		int hit = pdf && ((k == dn + 4 && strncmp(f, document, dn) == 0) || strcmp(f, document) == 0 ||
		    (k > 3 && f[2] == '-' && k - 7 == dn && strncmp(f + 3, document, dn) == 0));
		if (hit && found == NULL) {
			found = xmalloc(strlen(dir) + k + 2);
			sprintf(found, "%s/%s", dir, f);
		}
		free(list[i]);
	}
	free(list);
	return found;
}

void
api_packet(const struct req *q, struct reply *r)
{
	char id[80] = "", dir[512];
	struct buf xml = {0}, keep = {0};
	struct case_lines lines = { NULL, 0 };
	struct json_object *errs = json_object_new_array();
	if (case_of_body(q, id, sizeof id, &xml, &lines, errs) < 0) {
		reply_errors(r, 422, errs);
		errs = NULL;
		goto done;
	}
	if (!case_id_ok(id)) {
		case_error_add(errs, "@id", NULL, "a case number is letters, digits, - and _ (no / and no .)");
		reply_errors(r, 422, errs);
		errs = NULL;
		goto done;
	}
	if (case_check(q->o, id, 0, xml.p ? xml.p : "", xml.n, &lines, errs, &keep) < 0) {
		reply_errors(r, 422, errs);
		errs = NULL;
		goto done;
	}
	json_object_put(errs);
	errs = NULL;
	if (file_temp_dir(dir, sizeof dir, "folio-serve") < 0) {
		reply_error(r, 500, "cannot make a temporary folder");
		goto done;
	}
	struct diag d;
	diag_init(&d);
	char *file = xmalloc(strlen(dir) + strlen(id) + 8), *out = xmalloc(strlen(dir) + 8);
	sprintf(file, "%s/%s.xml", dir, id);
	sprintf(out, "%s/out", dir);
	pthread_mutex_lock(&engine);
	int rc = file_write(file, xml.p ? xml.p : "", xml.n, &d);
	pthread_mutex_unlock(&engine);
	if (rc == 0)
		rc = case_packet(q->o, file, out, &d);
	if (rc < 0) {
		reply_problems(q->o, r, &d);
	} else {
		char *pk = xmalloc(strlen(out) + strlen(id) + 16);
		sprintf(pk, "%s/packets/%s", out, id);
		struct buf b = {0};
		if (q->document) {
			char *p = packet_document(pk, q->document);
			const char *why = NULL;
			if (p && file_read(p, 0, &b, &why) == 0) {
				reply_pdf(r, &b);
				const char *base = strrchr(p, '/') + 1;
				snprintf(r->disposition, sizeof r->disposition, "inline; filename=\"%.64s-%.80s\"", id, base);
			} else {
				reply_error(r, 404, "no such document in the packet: give packet, a document or form "
				    "name (customer-handbook, XT-KF-CX-001-R01) or a file name (01-customer-handbook.pdf)");
			}
			free(p);
		} else if (packet_zip(pk, &b) == 0) {
			reply_bytes(r, 200, "application/zip", b.p, b.n);
			snprintf(r->disposition, sizeof r->disposition, "attachment; filename=\"%s.zip\"", id);
		} else {
			reply_error(r, 500, "the packet could not be put in a zip file");
		}
		buf_free(&b);
		free(pk);
	}
	file_remove_tree(dir);
	free(file);
	free(out);
	diag_free(&d);
done:
	json_object_put(errs);
	case_lines_free(&lines);
	buf_free(&xml);
	buf_free(&keep);
}
