/*
 * import — the columns of each sheet of a tenants workbook, and the case
 * file their rows make: schemas/case.rng's elements in its order, one
 * value per line so that every problem the checks find on a line is a
 * cell.  Optional fields with an empty cell are left out; required ones
 * are written empty, so that the check names the empty cell.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../docset/docset_int.h"
#include "import_int.h"

#define ID { "case/@id", 1 }

static const struct im_field f_main[] = {
	ID, { "case/handover-date", 1 },
	{ "customer/name-zh", 1 }, { "customer/name-en", 1 }, { "customer/credit-code", 1 },
	{ "customer/industry", 1 }, { "customer/legal-rep", 1 }, { "customer/registered-address", 0 },
	{ "customer/staff-count", 0 },
	{ "fire-safety-officer/name", 1 }, { "fire-safety-officer/title", 1 },
	{ "fire-safety-officer/office-phone", 0 }, { "fire-safety-officer/mobile", 1 },
	{ "agent/name", 0 }, { "agent/title", 0 }, { "agent/id-number", 0 }, { "agent/mobile", 0 },
	{ "agent/authorised-on", 0 },
	{ "unit/floor", 1 }, { "unit/number", 1 }, { "unit/area", 1 },
	{ "lease/contract-no", 1 }, { "lease/start", 1 }, { "lease/end", 1 },
	{ "fees/billing-start", 1 }, { "payment/deadline", 1 },
	{ "contractor/name", 0 }, { "contractor/licence", 0 }, { "contractor/qualification", 0 },
	{ "contractor/manager", 0 }, { "contractor/phone", 0 },
	{ "handled-by/customer-service", 0 }, { "handled-by/engineering", 0 }, { "handled-by/security", 0 },
};
enum {
	M_ID, M_DATE, M_NAMEZH, M_NAMEEN, M_CREDIT, M_INDUSTRY, M_LEGAL, M_ADDRESS, M_STAFF,
	M_FSO_NAME, M_FSO_TITLE, M_FSO_PHONE, M_FSO_MOBILE,
	M_AG_NAME, M_AG_TITLE, M_AG_ID, M_AG_MOBILE, M_AG_ON,
	M_FLOOR, M_NUMBER, M_AREA, M_CONTRACT, M_START, M_END, M_BILLING, M_DEADLINE,
	M_CO_NAME, M_CO_LICENCE, M_CO_QUAL, M_CO_MANAGER, M_CO_PHONE,
	M_HB_CS, M_HB_ENG, M_HB_SEC
};
static const struct im_field f_contacts[] = {
	ID, { "contacts/contact/@role", 1 }, { "contacts/contact/name", 1 }, { "contacts/contact/title", 1 },
	{ "contacts/contact/office-phone", 1 }, { "contacts/contact/mobile", 1 }, { "contacts/contact/email", 1 },
};
static const struct im_field f_emergency[] = {
	ID, { "emergency-contacts/contact/name", 1 }, { "emergency-contacts/contact/title", 1 },
	{ "emergency-contacts/contact/office-phone", 0 }, { "emergency-contacts/contact/mobile", 1 },
	{ "emergency-contacts/contact/email", 0 },
};
static const struct im_field f_vehicles[] = { ID, { "vehicle/plate", 1 }, { "vehicle/space", 0 } };
static const struct im_field f_fees[] = {
	ID, { "fee/@code", 1 }, { "fee/@type", 1 }, { "fee/name", 1 }, { "fee/unit-price", 1 },
	{ "fee/unit", 1 }, { "fee/quantity", 1 }, { "fee/quantity-unit", 0 }, { "fee/months", 1 },
	{ "period/from", 0 }, { "period/to", 0 }, { "fee/note", 0 },
};
static const struct im_field f_keys[] = { ID, { "key/number", 1 }, { "key/door", 1 }, { "key/count", 1 } };
static const struct im_field f_meters[] = {
	ID, { "meter/@type", 1 }, { "meter/number", 1 }, { "meter/location", 0 }, { "meter/reading", 1 },
	{ "meter/unit", 1 },
};
static const struct im_field f_defects[] = {
	ID, { "defect/item", 1 }, { "defect/location", 1 }, { "defect/description", 1 },
	{ "defect/deadline", 1 }, { "defect/department", 1 },
};

#define N(a) (int)(sizeof a / sizeof a[0])
const struct im_part_def im_parts[IM_NPARTS] = {
	{ NULL, "case", 1, f_main, N(f_main) },
	{ "customer/contacts", "case/customer/contacts", 1, f_contacts, N(f_contacts) },
	{ "customer/emergency-contacts", "case/customer/emergency-contacts", 2, f_emergency, N(f_emergency) },
	{ "customer/vehicles", "case/customer/vehicles", 0, f_vehicles, N(f_vehicles) },
	{ "case/fees", "case/fees", 1, f_fees, N(f_fees) },
	{ "case/keys", "case/keys", 1, f_keys, N(f_keys) },
	{ "case/meters", "case/meters", 1, f_meters, N(f_meters) },
	{ "case/defects", "case/defects", 0, f_defects, N(f_defects) },
};

const char *
im_sheet_name(const struct ds_labels *l, int part)
{
	const char *s = im_parts[part].sheet ? ds_label(l, im_parts[part].sheet) : NULL;
	return s ? s : part == IM_MAIN ? IM_MAIN_SHEET : im_parts[part].sheet;
}

/* ---------------------------------------------------------------- values */

/* Chinese names for the schema's choices. */
static const struct { const char *path, *zh, *v; } choices[] = {
	{ "contacts/contact/@role", "主要联系人", "primary" }, { "contacts/contact/@role", "主联系人", "primary" },
	{ "contacts/contact/@role", "主要", "primary" }, { "contacts/contact/@role", "财务", "finance" },
	{ "contacts/contact/@role", "行政", "administration" }, { "contacts/contact/@role", "IT", "it" },
	{ "contacts/contact/@role", "信息技术", "it" }, { "contacts/contact/@role", "人事", "hr" },
	{ "contacts/contact/@role", "人力资源", "hr" }, { "contacts/contact/@role", "其他", "other" },
	{ "fee/@type", "收费", "charge" }, { "fee/@type", "押金", "deposit" }, { "fee/@type", "保证金", "deposit" },
	{ "meter/@type", "电", "electricity" }, { "meter/@type", "电表", "electricity" },
	{ "meter/@type", "水", "water" }, { "meter/@type", "水表", "water" },
	{ "meter/@type", "热", "heat" }, { "meter/@type", "热量表", "heat" },
};

/* Leading and trailing white space, NO-BREAK SPACE and IDEOGRAPHIC SPACE cut off. */
static void
trim(const char **s, size_t *n)
{
	for (;;) {
		if (*n && strchr(" \t\r\n", (*s)[0]))
			(*s)++, (*n)--;
		else if (*n >= 2 && memcmp(*s, "\xc2\xa0", 2) == 0)
			*s += 2, *n -= 2;
		else if (*n >= 3 && memcmp(*s, "\xe3\x80\x80", 3) == 0)
			*s += 3, *n -= 3;
		else
			break;
	}
	for (;;) {
		if (*n && strchr(" \t\r\n", (*s)[*n - 1]))
			(*n)--;
		else if (*n >= 2 && memcmp(*s + *n - 2, "\xc2\xa0", 2) == 0)
			*n -= 2;
		else if (*n >= 3 && memcmp(*s + *n - 3, "\xe3\x80\x80", 3) == 0)
			*n -= 3;
		else
			break;
	}
}

/* Day count → YYYY-MM-DD (days from 1970-01-01; H. Hinnant's civil_from_days). */
static void
civil(long z, char out[48])
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long y = yoe + era * 400, doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
	long dd = doy - (153 * mp + 2) / 5 + 1, m = mp < 10 ? mp + 3 : mp - 9;
	snprintf(out, 48, "%04d-%02d-%02d", (int)(y + (m <= 2)), (int)m, (int)dd);
}

/* A workbook's number, as the field's type wants it written. */
static void
number(const struct im_gen *g, const char *type, const char *raw, struct buf *out)
{
	char *end;
	double v = strtod(raw, &end);
	if (*end != '\0' || !isfinite(v) || fabs(v) >= 1e15) {
		buf_puts(out, raw);
		return;
	}
	double cents = v * 100, whole = floor(v);
	int two = fabs(cents - nearbyint(cents)) < 1e-6;
	if (type && strcmp(type, "date") == 0 && v >= 1 && v < 2958466) {
		/* Excel's day 1 is 1900-01-01 and it counts a 1900-02-29 (day 60);
		 * in the 1904 system day 0 is 1904-01-02 less one */
		long day = (long)whole;
		char s[48];
		if (g->date1904)
			civil(day - 24107 + 0, s);   /* 1904-01-01 is day -24107 */
		else
			civil(day - (day < 61 ? 25568 : 25569), s);
		buf_puts(out, s);
	} else if (type && (strcmp(type, "amount") == 0 || strcmp(type, "area") == 0) && two && v >= 0) {
		buf_printf(out, "%.2f", v);
	} else if (type && (strcmp(type, "quantity") == 0 || strcmp(type, "reading") == 0) && two && v >= 0) {
		char s[64];
		snprintf(s, sizeof s, "%.2f", v);
		size_t k = strlen(s);
		while (s[k - 1] == '0')
			s[--k] = '\0';
		if (s[k - 1] == '.')
			s[--k] = '\0';
		buf_puts(out, s);
	} else if (v == whole) {
		buf_printf(out, "%.0f", v);
	} else {
		buf_printf(out, "%.15g", v);
	}
}

int
im_value(const struct im_gen *g, const struct im_rec *r, int field, struct buf *out)
{
	int c = r->col[field];
	if (c < 0 || c >= r->row->n || r->row->c[c].v == NULL)
		return 0;
	const char *s = r->row->c[c].v;
	size_t n = strlen(s);
	trim(&s, &n);
	if (n == 0)
		return 0;
	const char *path = im_parts[r->part].f[field].path;
	if (r->row->c[c].num) {
		char *raw = xstrndup(s, n);
		number(g, ds_label_type(g->labels, path), raw, out);
		free(raw);
		return 1;
	}
	for (size_t i = 0; i < sizeof choices / sizeof choices[0]; i++)
		if (strcmp(choices[i].path, path) == 0 && strlen(choices[i].zh) == n &&
		    strncasecmp(choices[i].zh, s, n) == 0) {
			buf_puts(out, choices[i].v);
			return 1;
		}
	int choice = 0;
	for (size_t i = 0; i < sizeof choices / sizeof choices[0]; i++)
		choice |= strcmp(choices[i].path, path) == 0;
	if (choice) {
		/* a choice written in capitals (Primary, KWH) is the same choice */
		for (size_t i = 0; i < n; i++)
			buf_putc(out, s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] - 'A' + 'a') : s[i]);
		return 1;
	}
	buf_add(out, s, n);
	return 1;
}

/* ---------------------------------------------------------------- the case */

/* Start a line that came from field of rec (-1: the row). */
static void
line(struct im_gen *g, const struct im_rec *rec, int field, int depth)
{
	g->w = xrealloc(g->w, (g->nw + 1) * sizeof *g->w);
	g->w[g->nw].rec = rec;
	g->w[g->nw++].field = field;
	for (int i = 0; i < depth; i++)
		buf_puts(&g->x, "  ");
}

/* A value for XML, kept on its line (line breaks as references). */
static void
put_value(struct im_gen *g, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\n')
			buf_puts(&g->x, "&#10;");
		else if (s[i] == '\r')
			buf_puts(&g->x, "&#13;");
		else if (s[i] == '\t')
			buf_puts(&g->x, "&#9;");
		else
			buf_add_xml(&g->x, s + i, 1);
	}
}

/* <elem>value</elem> of field of r, when it has a value or is required. */
static void
leaf_if(struct im_gen *g, int depth, const char *elem, const struct im_rec *r, int field, int req)
{
	struct buf v = {0};
	int has = im_value(g, r, field, &v);
	if (has || req) {
		line(g, r, field, depth);
		buf_printf(&g->x, "<%s>", elem);
		put_value(g, v.p ? v.p : "", v.n);
		buf_printf(&g->x, "</%s>\n", elem);
	}
	buf_free(&v);
}

static void
leaf(struct im_gen *g, int depth, const char *elem, const struct im_rec *r, int field)
{
	leaf_if(g, depth, elem, r, field, im_parts[r->part].f[field].req);
}

/* <elem> or <elem attr="value"> (field of r) on its own line. */
static void
open_tag(struct im_gen *g, int depth, const char *elem, const struct im_rec *r, const char *attr, int field)
{
	line(g, r, attr ? field : -1, depth);
	buf_printf(&g->x, "<%s", elem);
	if (attr) {
		struct buf v = {0};
		im_value(g, r, field, &v);
		buf_printf(&g->x, " %s=\"", attr);
		put_value(g, v.p ? v.p : "", v.n);
		buf_putc(&g->x, '"');
		buf_free(&v);
	}
	buf_puts(&g->x, ">\n");
}

static void
close_tag(struct im_gen *g, int depth, const char *elem, const struct im_rec *r)
{
	line(g, r, -1, depth);
	buf_printf(&g->x, "</%s>\n", elem);
}

/* <name> with the n fields from first of r as its elements, field k
 * written even when empty if bit k of req is set. */
static void
group(struct im_gen *g, const struct im_rec *r, const char *name, const char *const *elems, int n, int first,
    unsigned req)
{
	open_tag(g, 1, name, r, NULL, 0);
	for (int k = 0; k < n; k++)
		leaf_if(g, 2, elems[k], r, first + k, (req >> k) & 1);
	close_tag(g, 1, name, r);
}

/* Has r a value in any of the fields from..to? */
static int
any(const struct im_gen *g, const struct im_rec *r, int from, int to)
{
	struct buf v = {0};
	int has = 0;
	for (int f = from; f <= to && !has; f++)
		has = im_value(g, r, f, &v);
	buf_free(&v);
	return has;
}

static void
contacts(struct im_gen *g, const struct im_tenant *t)
{
	const struct im_rec *m = &t->main;
	open_tag(g, 2, "contacts", m, NULL, 0);
	/* the primary contact comes first (the schema's rule), the others in row order */
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < t->n[IM_CONTACTS]; i++) {
			const struct im_rec *r = &t->rows[IM_CONTACTS][i];
			struct buf role = {0};
			im_value(g, r, 1, &role);
			int primary = role.p && strcmp(role.p, "primary") == 0;
			buf_free(&role);
			if (primary != (pass == 0))
				continue;
			open_tag(g, 3, "contact", r, "role", 1);
			static const char *const e[] = { "name", "title", "office-phone", "mobile", "email" };
			for (int k = 0; k < 5; k++)
				leaf(g, 4, e[k], r, k + 2);
			close_tag(g, 3, "contact", r);
		}
	close_tag(g, 2, "contacts", m);
	open_tag(g, 2, "emergency-contacts", m, NULL, 0);
	for (size_t i = 0; i < t->n[IM_EMERGENCY]; i++) {
		const struct im_rec *r = &t->rows[IM_EMERGENCY][i];
		open_tag(g, 3, "contact", r, NULL, 0);
		static const char *const e[] = { "name", "title", "office-phone", "mobile", "email" };
		for (int k = 0; k < 5; k++)
			leaf(g, 4, e[k], r, k + 1);
		close_tag(g, 3, "contact", r);
	}
	close_tag(g, 2, "emergency-contacts", m);
}

static void
fees(struct im_gen *g, const struct im_tenant *t)
{
	const struct im_rec *m = &t->main;
	open_tag(g, 1, "fees", m, NULL, 0);
	leaf(g, 2, "billing-start", m, M_BILLING);
	for (size_t i = 0; i < t->n[IM_FEES]; i++) {
		const struct im_rec *r = &t->rows[IM_FEES][i];
		struct buf code = {0}, type = {0};
		im_value(g, r, 1, &code);
		im_value(g, r, 2, &type);
		line(g, r, 1, 2);
		buf_puts(&g->x, "<fee code=\"");
		put_value(g, code.p ? code.p : "", code.n);
		buf_puts(&g->x, "\" type=\"");
		put_value(g, type.p ? type.p : "", type.n);
		buf_puts(&g->x, "\">\n");
		buf_free(&code);
		buf_free(&type);
		static const char *const e[] = { "name", "unit-price", "unit", "quantity", "quantity-unit", "months" };
		for (int k = 0; k < 6; k++)
			leaf(g, 3, e[k], r, k + 3);
		if (any(g, r, 9, 10)) {
			open_tag(g, 3, "period", r, NULL, 0);
			/* both ends of a period are needed once one is given */
			struct buf v = {0};
			for (int k = 9; k <= 10; k++) {
				buf_reset(&v);
				im_value(g, r, k, &v);
				line(g, r, k, 4);
				buf_printf(&g->x, "<%s>", k == 9 ? "from" : "to");
				put_value(g, v.p ? v.p : "", v.n);
				buf_printf(&g->x, "</%s>\n", k == 9 ? "from" : "to");
			}
			buf_free(&v);
			close_tag(g, 3, "period", r);
		}
		leaf(g, 3, "note", r, 11);
		close_tag(g, 2, "fee", r);
	}
	close_tag(g, 1, "fees", m);
}

/* A part whose rows are elements of leaves: keys, meters, defects, vehicles. */
static void
simple_part(struct im_gen *g, const struct im_tenant *t, int part, int depth, const char *container,
    const char *elem, const char *attr, const char *const *leaves)
{
	const struct im_rec *m = &t->main;
	if (t->n[part] == 0 && im_parts[part].min == 0) {
		if (part == IM_DEFECTS) {
			line(g, m, -1, depth);
			buf_printf(&g->x, "<%s/>\n", container);
		}
		return;
	}
	open_tag(g, depth, container, m, NULL, 0);
	for (size_t i = 0; i < t->n[part]; i++) {
		const struct im_rec *r = &t->rows[part][i];
		int first = attr ? 2 : 1;
		open_tag(g, depth + 1, elem, r, attr, 1);
		for (int k = 0; leaves[k]; k++)
			leaf(g, depth + 2, leaves[k], r, first + k);
		close_tag(g, depth + 1, elem, r);
	}
	close_tag(g, depth, container, m);
}

void
im_case_xml(struct im_gen *g, const struct im_tenant *t)
{
	const struct im_rec *m = &t->main;
	struct buf id = {0};
	im_value(g, m, M_ID, &id);
	line(g, m, -1, 0);
	buf_puts(&g->x, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	line(g, m, M_ID, 0);
	buf_puts(&g->x, "<case xmlns=\"urn:folio:case\" id=\"");
	put_value(g, id.p ? id.p : "", id.n);
	buf_puts(&g->x, "\">\n");
	buf_free(&id);
	leaf(g, 1, "handover-date", m, M_DATE);
	open_tag(g, 1, "customer", m, NULL, 0);
	static const char *const cust[] = { "name-zh", "name-en", "credit-code", "industry", "legal-rep",
	    "registered-address", "staff-count" };
	for (int k = 0; k < 7; k++)
		leaf(g, 2, cust[k], m, M_NAMEZH + k);
	contacts(g, t);
	open_tag(g, 2, "fire-safety-officer", m, NULL, 0);
	static const char *const fso[] = { "name", "title", "office-phone", "mobile" };
	for (int k = 0; k < 4; k++)
		leaf(g, 3, fso[k], m, M_FSO_NAME + k);
	close_tag(g, 2, "fire-safety-officer", m);
	static const char *const veh[] = { "plate", "space", NULL };
	simple_part(g, t, IM_VEHICLES, 2, "vehicles", "vehicle", NULL, veh);
	close_tag(g, 1, "customer", m);
	if (any(g, m, M_AG_NAME, M_AG_ON)) {
		/* an agent's fields are required once there is an agent, but the title */
		static const char *const ag[] = { "name", "title", "id-number", "mobile", "authorised-on" };
		group(g, m, "agent", ag, 5, M_AG_NAME, ~(1u << 1));
	}
	open_tag(g, 1, "unit", m, NULL, 0);
	leaf(g, 2, "floor", m, M_FLOOR);
	leaf(g, 2, "number", m, M_NUMBER);
	leaf(g, 2, "area", m, M_AREA);
	close_tag(g, 1, "unit", m);
	open_tag(g, 1, "lease", m, NULL, 0);
	leaf(g, 2, "contract-no", m, M_CONTRACT);
	leaf(g, 2, "start", m, M_START);
	leaf(g, 2, "end", m, M_END);
	close_tag(g, 1, "lease", m);
	fees(g, t);
	open_tag(g, 1, "payment", m, NULL, 0);
	leaf(g, 2, "deadline", m, M_DEADLINE);
	close_tag(g, 1, "payment", m);
	static const char *const keys[] = { "number", "door", "count", NULL };
	simple_part(g, t, IM_KEYS, 1, "keys", "key", NULL, keys);
	static const char *const meters[] = { "number", "location", "reading", "unit", NULL };
	simple_part(g, t, IM_METERS, 1, "meters", "meter", "type", meters);
	static const char *const defects[] = { "item", "location", "description", "deadline", "department", NULL };
	simple_part(g, t, IM_DEFECTS, 1, "defects", "defect", NULL, defects);
	static const char *const co[] = { "name", "licence", "qualification", "manager", "phone" };
	if (any(g, m, M_CO_NAME, M_CO_PHONE)) {
		group(g, m, "contractor", co, 5, M_CO_NAME, ~(1u << 2));
	}
	if (any(g, m, M_HB_CS, M_HB_SEC)) {
		static const char *const hb[] = { "customer-service", "engineering", "security" };
		group(g, m, "handled-by", hb, 3, M_HB_CS, 1u << 0);
	}
	line(g, m, -1, 0);
	buf_puts(&g->x, "</case>\n");
}
