/*
 * serve — a case as data: its fields in the schema's order
 * (schemas/case.rng), a case as JSON to XML and back, a web form's fields
 * to JSON, and a problem's line back to the field of what was sent.
 *
 * A case in JSON has the XML's structure: an element is a member named as
 * the element, an attribute a member "@name", a field's value a string, a
 * field that may repeat an array (docs/api.md).  A field is named by its
 * path, "customer/contacts/contact[2]/mobile" (1-based), in API errors and
 * as the name of the web form's input.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "../base/base.h"
#include "../source/source.h"
#include "serve_int.h"

/* Most members of a repeated field taken from one request. */
#define CASE_REPEAT_MAX 200

/* ---------------------------------------------------------------- the fields */

#define G  CF_GROUP
#define R  (CF_GROUP | CF_REPEAT)
#define O  CF_OPT
#define A  CF_ATTR

const struct case_field case_fields[] = {
	{ 0, "case", G, NULL, 0 },
	{ 1, "@id", A, NULL, 0 },
	{ 1, "handover-date", 0, NULL, 0 },
	{ 1, "customer", G, NULL, 0 },
	{ 2, "name-zh", 0, NULL, 0 },
	{ 2, "name-en", 0, NULL, 0 },
	{ 2, "credit-code", 0, NULL, 0 },
	{ 2, "industry", 0, NULL, 0 },
	{ 2, "legal-rep", 0, NULL, 0 },
	{ 2, "registered-address", O, NULL, 0 },
	{ 2, "staff-count", O, NULL, 0 },
	{ 2, "contacts", G, NULL, 0 },
	{ 3, "contact", R, NULL, 1 },
	{ 4, "@role", A, "primary|finance|administration|it|hr|other", 0 },
	{ 4, "name", 0, NULL, 0 },
	{ 4, "title", 0, NULL, 0 },
	{ 4, "office-phone", 0, NULL, 0 },
	{ 4, "mobile", 0, NULL, 0 },
	{ 4, "email", 0, NULL, 0 },
	{ 2, "emergency-contacts", G, NULL, 0 },
	{ 3, "contact", R, NULL, 2 },
	{ 4, "name", 0, NULL, 0 },
	{ 4, "title", 0, NULL, 0 },
	{ 4, "office-phone", O, NULL, 0 },
	{ 4, "mobile", 0, NULL, 0 },
	{ 4, "email", O, NULL, 0 },
	{ 2, "fire-safety-officer", G, NULL, 0 },
	{ 3, "name", 0, NULL, 0 },
	{ 3, "title", 0, NULL, 0 },
	{ 3, "office-phone", O, NULL, 0 },
	{ 3, "mobile", 0, NULL, 0 },
	{ 2, "vehicles", G | O, NULL, 0 },
	{ 3, "vehicle", R, NULL, 1 },
	{ 4, "plate", 0, NULL, 0 },
	{ 4, "space", O, NULL, 0 },
	{ 1, "agent", G | O, NULL, 0 },
	{ 2, "name", 0, NULL, 0 },
	{ 2, "title", O, NULL, 0 },
	{ 2, "id-number", 0, NULL, 0 },
	{ 2, "mobile", 0, NULL, 0 },
	{ 2, "authorised-on", 0, NULL, 0 },
	{ 1, "unit", G, NULL, 0 },
	{ 2, "floor", 0, NULL, 0 },
	{ 2, "number", 0, NULL, 0 },
	{ 2, "area", 0, NULL, 0 },
	{ 1, "lease", G, NULL, 0 },
	{ 2, "contract-no", 0, NULL, 0 },
	{ 2, "start", 0, NULL, 0 },
	{ 2, "end", 0, NULL, 0 },
	{ 1, "fees", G, NULL, 0 },
	{ 2, "billing-start", 0, NULL, 0 },
	{ 2, "fee", R, NULL, 1 },
	{ 3, "@code", A, NULL, 0 },
	{ 3, "@type", A, "charge|deposit", 0 },
	{ 3, "name", 0, NULL, 0 },
	{ 3, "unit-price", 0, NULL, 0 },
	{ 3, "unit", 0, NULL, 0 },
	{ 3, "quantity", 0, NULL, 0 },
	{ 3, "quantity-unit", O, NULL, 0 },
	{ 3, "months", 0, NULL, 0 },
	{ 3, "period", G | O, NULL, 0 },
	{ 4, "from", 0, NULL, 0 },
	{ 4, "to", 0, NULL, 0 },
	{ 3, "note", O, NULL, 0 },
	{ 1, "payment", G, NULL, 0 },
	{ 2, "deadline", 0, NULL, 0 },
	{ 1, "keys", G, NULL, 0 },
	{ 2, "key", R, NULL, 1 },
	{ 3, "number", 0, NULL, 0 },
	{ 3, "door", 0, NULL, 0 },
	{ 3, "count", 0, NULL, 0 },
	{ 1, "meters", G, NULL, 0 },
	{ 2, "meter", R, NULL, 1 },
	{ 3, "@type", A, "electricity|water|heat", 0 },
	{ 3, "number", 0, NULL, 0 },
	{ 3, "location", O, NULL, 0 },
	{ 3, "reading", 0, NULL, 0 },
	{ 3, "unit", 0, "kWh|m³|GJ", 0 },
	{ 1, "defects", G, NULL, 0 },
	{ 2, "defect", R, NULL, 0 },
	{ 3, "item", 0, NULL, 0 },
	{ 3, "location", 0, NULL, 0 },
	{ 3, "description", 0, NULL, 0 },
	{ 3, "deadline", 0, NULL, 0 },
	{ 3, "department", 0, "工程部|客服部|保安部|保洁部|财务部|租赁部", 0 },
	{ 1, "contractor", G | O, NULL, 0 },
	{ 2, "name", 0, NULL, 0 },
	{ 2, "licence", 0, NULL, 0 },
	{ 2, "qualification", O, NULL, 0 },
	{ 2, "manager", 0, NULL, 0 },
	{ 2, "phone", 0, NULL, 0 },
	{ 1, "handled-by", G | O, NULL, 0 },
	{ 2, "customer-service", 0, NULL, 0 },
	{ 2, "engineering", O, NULL, 0 },
	{ 2, "security", O, NULL, 0 },
};
const size_t case_nfields = sizeof case_fields / sizeof case_fields[0];

#undef G
#undef R
#undef O
#undef A

size_t
case_field_next(size_t i)
{
	size_t j = i + 1;
	while (j < case_nfields && case_fields[j].depth > case_fields[i].depth)
		j++;
	return j;
}

/* ---------------------------------------------------------------- lines */

static void
lines_add(struct case_lines *l, int line, const char *path, const char *generic)
{
	l->v = xrealloc(l->v, (l->n + 1) * sizeof *l->v);
	l->v[l->n].line = line;
	l->v[l->n].path = xstrdup(path);
	l->v[l->n++].generic = xstrdup(generic);
}

void
case_lines_free(struct case_lines *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->v[i].path);
		free(l->v[i].generic);
	}
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

char *
case_error_path(const struct case_lines *l, int line, const char *generic)
{
	const struct case_line *best = NULL;
	size_t bn = 0;
	for (size_t i = 0; i < l->n; i++) {
		size_t k = strlen(l->v[i].generic);
		if (l->v[i].line != line || k < bn || strncmp(generic, l->v[i].generic, k) != 0 ||
		    (generic[k] != '\0' && generic[k] != '/'))
			continue;
		best = &l->v[i];
		bn = k;
	}
	if (best == NULL)
		return xstrdup(strncmp(generic, "case/", 5) == 0 ? generic + 5 : generic);
	const char *rest = generic + bn;
	if (best->path[0] == '\0')
		return xstrdup(rest[0] == '/' ? rest + 1 : rest);
	struct buf b = {0};
	buf_puts(&b, best->path);
	buf_puts(&b, rest);
	return b.p;
}

/* The path "a/b" (a may be ""), owned. */
static char *
join(const char *a, const char *b)
{
	struct buf p = {0};
	if (a[0])
		buf_printf(&p, "%s/", a);
	buf_puts(&p, b);
	return p.p;
}

/* The model's index of the element at a generic path ("case/unit"), or -1. */
static long
field_at(const char *generic)
{
	size_t i = 0;
	const char *p = generic;
	if (strncmp(p, "case", 4) != 0 || (p[4] != '\0' && p[4] != '/'))
		return -1;
	p += 4;
	while (*p == '/') {
		p++;
		size_t n = strcspn(p, "/");
		size_t j = i + 1, found = case_nfields;
		for (; j < case_nfields && case_fields[j].depth > case_fields[i].depth; j = case_field_next(j))
			if (strlen(case_fields[j].name) == n && strncmp(case_fields[j].name, p, n) == 0) {
				found = j;
				break;
			}
		if (found == case_nfields)
			return -1;
		i = found;
		p += n;
	}
	return (long)i;
}

static void
walk_lines(const struct xnode *e, const char *path, const char *generic, struct case_lines *l)
{
	lines_add(l, e->line, path, generic);
	struct { const char *name; int n; } seen[64];
	int nseen = 0;
	for (const struct xnode *c = e->first; c; c = c->next) {
		if (c->kind != XNODE_ELEMENT)
			continue;
		char *g = join(generic, c->name);
		long f = field_at(g);
		int k = 0;
		for (int i = 0; i < nseen; i++)
			if (strcmp(seen[i].name, c->name) == 0)
				k = ++seen[i].n;
		if (k == 0 && nseen < 64) {
			seen[nseen].name = c->name;
			seen[nseen++].n = k = 1;
		}
		struct buf seg = {0};
		buf_puts(&seg, c->name);
		if (f >= 0 && (case_fields[f].flags & CF_REPEAT))
			buf_printf(&seg, "[%d]", k);
		char *p = join(path, seg.p);
		walk_lines(c, p, g, l);
		free(p);
		free(g);
		buf_free(&seg);
	}
}

void
case_lines_of_xml(const struct xnode *root, struct case_lines *l)
{
	walk_lines(root, "", "case", l);
}

/* ---------------------------------------------------------------- JSON → XML */

struct emit {
	struct buf         *xml;
	struct case_lines  *lines;
	struct json_object *errs;
	int                 line;   /* of the next line written */
};

void
case_error_add(struct json_object *errs, const char *path, const char *label, const char *message)
{
	struct json_object *e = json_object_new_object();
	json_object_object_add(e, "path", json_object_new_string(path));
	if (label)
		json_object_object_add(e, "label", json_object_new_string(label));
	json_object_object_add(e, "message", json_object_new_string(message));
	json_object_array_add(errs, e);
}

/* A member's value as text (owned), or NULL when it is absent or null;
 * a structure where a value belongs is an error. */
static char *
value_of(struct json_object *obj, const char *key, const char *path, struct emit *em)
{
	struct json_object *v = NULL;
	if (obj == NULL || !json_object_object_get_ex(obj, key, &v) || v == NULL)
		return NULL;
	switch (json_object_get_type(v)) {
	case json_type_string:
	case json_type_int:
	case json_type_double:
		return xstrdup(json_object_get_string(v));
	case json_type_null:
		return NULL;
	case json_type_boolean:
	case json_type_object:
	case json_type_array:
		break;
	}
	case_error_add(em->errs, path, NULL, "a field's value is a string");
	return NULL;
}

/* Has obj (a group's JSON) any value that is not empty?  Fields with a
 * list of values do not count: a form's selects always have one. */
static int
filled(struct json_object *obj, size_t gi)
{
	if (obj == NULL || !json_object_is_type(obj, json_type_object))
		return obj != NULL && !json_object_is_type(obj, json_type_null);
	for (size_t j = gi + 1; j < case_field_next(gi); j = case_field_next(j)) {
		const struct case_field *f = &case_fields[j];
		struct json_object *v = NULL;
		if (!json_object_object_get_ex(obj, f->name, &v) || v == NULL)
			continue;
		if (f->choices)
			continue;
		if (f->flags & CF_REPEAT) {
			if (!json_object_is_type(v, json_type_array))
				return 1;
			for (size_t k = 0; k < json_object_array_length(v); k++)
				if (filled(json_object_array_get_idx(v, k), j))
					return 1;
		} else if (f->flags & CF_GROUP) {
			if (filled(v, j))
				return 1;
		} else if (!json_object_is_type(v, json_type_string) || json_object_get_string_len(v) > 0) {
			return 1;
		}
	}
	return 0;
}

/* A value in XML: line breaks and tabs as character references, so that
 * every element keeps its one line; other control characters refused. */
static void
put_value(struct emit *em, const char *v, const char *path)
{
	for (const char *p = v; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (c == '\n' || c == '\r' || c == '\t') {
			buf_printf(em->xml, "&#%d;", c);
		} else if (c < 0x20 || c == 0x7f) {
			case_error_add(em->errs, path, NULL, "a control character is not allowed in a value");
			return;
		} else {
			buf_add_xml(em->xml, p, 1);
		}
	}
}

static void
newline(struct emit *em, const char *path, const char *generic)
{
	lines_add(em->lines, em->line, path, generic);
	buf_putc(em->xml, '\n');
	em->line++;
}

static void emit_group(struct emit *em, struct json_object *obj, size_t gi, const char *path,
    const char *generic, int indent);

/* The members of obj that are not fields of group gi are errors. */
static void
unknown_members(struct emit *em, struct json_object *obj, size_t gi, const char *path)
{
	json_object_object_foreach(obj, key, val) {
		(void)val;
		int known = 0;
		for (size_t j = gi + 1; j < case_field_next(gi) && !known; j = case_field_next(j))
			known = strcmp(case_fields[j].name, key) == 0;
		if (!known) {
			char *p = join(path, key);
			case_error_add(em->errs, p, NULL, "not a field of a case here (docs/api.md lists them)");
			free(p);
		}
	}
}

static void
emit_child(struct emit *em, struct json_object *obj, size_t j, const char *path, const char *generic,
    int indent)
{
	const struct case_field *f = &case_fields[j];
	char *p = join(path, f->name), *g = join(generic, f->name);
	struct json_object *v = NULL;
	int has = obj && json_object_object_get_ex(obj, f->name, &v) && v && !json_object_is_type(v, json_type_null);
	if (f->flags & CF_REPEAT) {
		size_t n = 0, nfilled = 0, kept = 0;
		if (has && json_object_is_type(v, json_type_array))
			n = json_object_array_length(v);
		else if (has)
			case_error_add(em->errs, p, NULL, "a field that repeats is an array");
		if (n > CASE_REPEAT_MAX) {
			case_error_add(em->errs, p, NULL, "too many members");
			n = 0;
		}
		for (size_t k = 0; k < n; k++)
			nfilled += filled(json_object_array_get_idx(v, k), j) != 0;
		for (size_t k = 0; k < n || kept < (size_t)f->min; k++) {
			struct json_object *m = k < n ? json_object_array_get_idx(v, k) : NULL;
			int full = filled(m, j);
			/* a blank member is left out unless the field needs that many */
			if (!full && kept + nfilled >= (size_t)f->min)
				continue;
			if (m && !json_object_is_type(m, json_type_object)) {
				char *pk = xmalloc(strlen(p) + 24);
				sprintf(pk, "%s[%zu]", p, k + 1);
				case_error_add(em->errs, pk, NULL, "a member of a field that repeats is an object");
				free(pk);
				m = NULL;
			}
			char *pk = xmalloc(strlen(p) + 24);
			sprintf(pk, "%s[%zu]", p, k + 1);
			emit_group(em, m, j, pk, g, indent);
			free(pk);
			kept++;
			nfilled -= full != 0;
		}
	} else if (f->flags & CF_GROUP) {
		if (has && !json_object_is_type(v, json_type_object)) {
			case_error_add(em->errs, p, NULL, "a group of fields is an object");
			v = NULL;
		}
		if (!(f->flags & CF_OPT) || filled(v, j))
			emit_group(em, v, j, p, g, indent);
	} else {
		char *t = value_of(obj, f->name, p, em);
		if (t || !(f->flags & CF_OPT)) {
			if (t && (f->flags & CF_OPT) && t[0] == '\0') {
				/* an optional field left empty is not there */
			} else {
				for (int i = 0; i < indent; i++)
					buf_puts(em->xml, "  ");
				buf_printf(em->xml, "<%s>", f->name);
				put_value(em, t ? t : "", p);
				buf_printf(em->xml, "</%s>", f->name);
				newline(em, p, g);
			}
		}
		free(t);
	}
	free(p);
	free(g);
}

static void
emit_group(struct emit *em, struct json_object *obj, size_t gi, const char *path, const char *generic,
    int indent)
{
	const struct case_field *f = &case_fields[gi];
	if (obj && !json_object_is_type(obj, json_type_object))
		obj = NULL;
	for (int i = 0; i < indent; i++)
		buf_puts(em->xml, "  ");
	buf_printf(em->xml, "<%s", f->name);
	if (gi == 0)
		buf_puts(em->xml, " xmlns=\"urn:folio:case\"");
	for (size_t j = gi + 1; j < case_field_next(gi); j = case_field_next(j)) {
		if (!(case_fields[j].flags & CF_ATTR))
			continue;
		char *p = join(path, case_fields[j].name);
		char *t = value_of(obj, case_fields[j].name, p, em);
		buf_printf(em->xml, " %s=\"", case_fields[j].name + 1);
		put_value(em, t ? t : "", p);
		buf_putc(em->xml, '"');
		free(t);
		free(p);
	}
	buf_putc(em->xml, '>');
	newline(em, path, generic);
	if (obj)
		unknown_members(em, obj, gi, path);
	for (size_t j = gi + 1; j < case_field_next(gi); j = case_field_next(j))
		if (!(case_fields[j].flags & CF_ATTR))
			emit_child(em, obj, j, path, generic, indent + 1);
	for (int i = 0; i < indent; i++)
		buf_puts(em->xml, "  ");
	buf_printf(em->xml, "</%s>", f->name);
	newline(em, path, generic);
}

int
case_from_json(struct json_object *j, struct buf *xml, struct case_lines *lines, struct json_object *errs)
{
	struct emit em = { xml, lines, errs, 2 };
	size_t before = json_object_array_length(errs);
	buf_puts(xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	emit_group(&em, j, 0, "", "case", 0);
	return json_object_array_length(errs) > before ? -1 : 0;
}

/* ---------------------------------------------------------------- XML → JSON */

static struct json_object *
group_json(const struct xnode *e, size_t gi)
{
	struct json_object *o = json_object_new_object();
	for (size_t j = gi + 1; j < case_field_next(gi); j = case_field_next(j)) {
		const struct case_field *f = &case_fields[j];
		if (f->flags & CF_ATTR) {
			const char *v = xnode_attr(e, f->name + 1);
			if (v)
				json_object_object_add(o, f->name, json_object_new_string(v));
			continue;
		}
		struct json_object *a = (f->flags & CF_REPEAT) ? json_object_new_array() : NULL;
		for (const struct xnode *c = e->first; c; c = c->next) {
			if (c->kind != XNODE_ELEMENT || strcmp(c->name, f->name) != 0)
				continue;
			if (a) {
				json_object_array_add(a, group_json(c, j));
				continue;
			}
			if (f->flags & CF_GROUP) {
				json_object_object_add(o, f->name, group_json(c, j));
			} else {
				char *t = xnode_text(c);
				json_object_object_add(o, f->name, json_object_new_string(t));
				free(t);
			}
			break;
		}
		if (a)
			json_object_object_add(o, f->name, a);
	}
	return o;
}

struct json_object *
case_to_json(const struct xnode *root)
{
	return group_json(root, 0);
}

/* ---------------------------------------------------------------- a web form */

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decode application/x-www-form-urlencoded bytes (owned). */
static char *
url_decode(const char *s, size_t n)
{
	char *o = xmalloc(n + 1), *w = o;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '+') {
			*w++ = ' ';
		} else if (s[i] == '%' && i + 2 < n && hexval(s[i + 1]) >= 0 && hexval(s[i + 2]) >= 0) {
			*w++ = (char)(hexval(s[i + 1]) * 16 + hexval(s[i + 2]));
			i += 2;
		} else {
			*w++ = s[i];
		}
	}
	*w = '\0';
	return o;
}

void
form_parse(const char *body, size_t n, struct form *f)
{
	size_t i = 0;
	memset(f, 0, sizeof *f);
	while (i < n) {
		size_t j = i;
		while (j < n && body[j] != '&')
			j++;
		size_t eq = i;
		while (eq < j && body[eq] != '=')
			eq++;
		if (j > i) {
			f->v = xrealloc(f->v, (f->n + 1) * sizeof *f->v);
			f->v[f->n].key = url_decode(body + i, eq - i);
			f->v[f->n++].value = eq < j ? url_decode(body + eq + 1, j - eq - 1) : xstrdup("");
		}
		i = j + 1;
	}
}

const char *
form_value(const struct form *f, const char *key)
{
	for (size_t i = 0; i < f->n; i++)
		if (strcmp(f->v[i].key, key) == 0)
			return f->v[i].value;
	return NULL;
}

void
form_free(struct form *f)
{
	for (size_t i = 0; i < f->n; i++) {
		free(f->v[i].key);
		free(f->v[i].value);
	}
	free(f->v);
	memset(f, 0, sizeof *f);
}

/* Set the value at a field path in obj: "a/b[2]/c" makes a.b[1].c. */
static void
set_path(struct json_object *obj, const char *path, const char *value)
{
	char seg[128];
	while (*path) {
		size_t n = strcspn(path, "/");
		if (n == 0 || n >= sizeof seg)
			return;
		memcpy(seg, path, n);
		seg[n] = '\0';
		int last = path[n] == '\0';
		path += n + !last;
		char *br = strchr(seg, '[');
		if (br == NULL) {
			if (last) {
				json_object_object_add(obj, seg, json_object_new_string(value));
				return;
			}
			struct json_object *c = NULL;
			if (!json_object_object_get_ex(obj, seg, &c) || !json_object_is_type(c, json_type_object)) {
				c = json_object_new_object();
				json_object_object_add(obj, seg, c);
			}
			obj = c;
			continue;
		}
		long k = strtol(br + 1, NULL, 10);
		*br = '\0';
		if (last || k < 1 || k > CASE_REPEAT_MAX)
			return;
		struct json_object *a = NULL;
		if (!json_object_object_get_ex(obj, seg, &a) || !json_object_is_type(a, json_type_array)) {
			a = json_object_new_array();
			json_object_object_add(obj, seg, a);
		}
		while (json_object_array_length(a) < (size_t)k)
			json_object_array_add(a, json_object_new_object());
		obj = json_object_array_get_idx(a, (size_t)k - 1);
	}
}

struct json_object *
form_case_json(const struct form *f)
{
	struct json_object *j = json_object_new_object();
	for (size_t i = 0; i < f->n; i++) {
		/* the form's own controls start with "_" */
		if (f->v[i].key[0] == '_')
			continue;
		set_path(j, f->v[i].key, f->v[i].value);
	}
	return j;
}
