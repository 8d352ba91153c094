/*
 * docset — folio check --layout: is what folio ships ready to print?  Read
 * from the area tree of each document as it is laid out, with the
 * properties of the formatting objects the areas were made from
 * (docs/layout-check.md):
 *
 *   overflow    a line of text runs out of its box (out of its cell in a table)
 *   keep        a block kept with what follows (a heading, a caption) ends a page
 *   table-split a table broken with fewer than three body rows on one side
 *               (two for a table of fewer than six)
 *   row-height  a row left empty to write in, lower than the site's form row height
 *   name-break  a block kept on one line (a name in a signature row) breaks
 *   near-empty  a page less than a quarter full that does not end a part
 *   seal-room   a seal asked for (盖章：) with less than 40 mm for it, or a
 *               signature block lower than 40 mm
 *
 * Each finding is a warning with the document and page; folio check
 * --layout fails when there is any.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../base/file.h"
#include "../area/area.h"
#include "../fo/fo.h"
#include "../layout/layout.h"
#include "../source/source.h"
#include "../text/text.h"
#include "docset.h"
#include "docset_int.h"

#define MM(x)      ((mpt)((x) * 72000.0 / 25.4 + 0.5))
#define TOLERANCE  500      /* half a point: rounding, not a fault */

static _Thread_local struct {   /* this thread's check (folio check --layout) */
	int         on;
	mpt         row_h;      /* the height of a row written in by hand */
	const char *prefix;     /* stripped from document names, or NULL */
	int         findings;
	int         docs;
} LC;

void
ds_layout_enable(mpt row_h, const char *prefix)
{
	LC.on = 1;
	LC.row_h = row_h;
	LC.prefix = prefix;
	LC.findings = 0;
	LC.docs = 0;
}

static const struct fo_node *
fo_of(const struct area *a)
{
	return (const struct fo_node *)a->fo;
}

/* ---------------------------------------------------------------- reporting */

struct ctx {
	struct diag            *d;
	const char             *doc;
	const struct area_page *pg;
};

static void
finding(struct ctx *c, const char *what, const char *fmt, const char *a, const char *b)
{
	char msg[600];
	snprintf(msg, sizeof msg, fmt, a ? a : "", b ? b : "");
	diag_report(c->d, DIAG_WARNING, c->doc, 0, 0, "page %d: %s: %s", c->pg->index, what, msg);
	LC.findings++;
}

/* The text of an area's runs, at most about 40 characters. */
static void
text_of(const struct area *a, struct buf *b)
{
	if (a->kind == AREA_RUN && a->text) {
		if (utf8_count(b->p ? b->p : "", b->n) < 40)
			buf_add(b, a->text, a->len);
		return;
	}
	if (a->kind == AREA_VIEWPORT)
		return;
	for (const struct area *k = a->first; k; k = k->next)
		text_of(k, b);
}

/* Text other than spaces (U+0020, U+3000): an ideographic space keeps an
 * empty cell's line, it is not an entry. */
static int
has_text(const struct area *a)
{
	if (a->kind == AREA_RUN && a->len > 0) {
		for (size_t i = 0; i < a->len; i++) {
			if (a->text[i] == ' ')
				continue;
			if (i + 2 < a->len && memcmp(a->text + i, "\xE3\x80\x80", 3) == 0) {
				i += 2;
				continue;
			}
			return 1;
		}
		return 0;
	}
	for (const struct area *k = a->first; k; k = k->next)
		if (has_text(k))
			return 1;
	return 0;
}

static const char *
text_str(struct buf *b)
{
	return b->p ? b->p : "";
}

/* ---------------------------------------------------------------- overflow */

/* Lines whose runs leave the box they are set in (the nearest block that
 * is not an inline's box); SVG drawings are not looked into. */
/* A mark that may hang past the end of a line (R14). */
static int
hangs(const struct area *r)
{
	static const char *const marks[] = { "，", "。", "、", "；", "：", "！", "？", "）", "》", "」", "』", "”", "’" };
	for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++) {
		size_t n = strlen(marks[i]);
		if (r->len >= n && memcmp(r->text + r->len - n, marks[i], n) == 0)
			return 1;
	}
	return 0;
}

/* An opening bracket whose blank half may stand left of the line start. */
static int
opens(const struct area *r)
{
	static const char *const marks[] = { "《", "（", "「", "『", "“", "‘", "〈", "【" };
	for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++) {
		size_t n = strlen(marks[i]);
		if (r->len >= n && memcmp(r->text, marks[i], n) == 0)
			return 1;
	}
	return 0;
}

static void
check_overflow(struct ctx *c, const struct area *a, const struct area *box, const struct area *ref,
    int in_cell)
{
	if (a->kind == AREA_VIEWPORT)
		return;
	if (a->kind == AREA_REGION)
		ref = a;
	if (a->kind == AREA_BLOCK && (a->name == NULL || strcmp(a->name, "inline") != 0)) {
		box = a;
		/* a hanging indent may start a line left of its block, not of its cell */
		if (a->name && (strcmp(a->name, "table-cell") == 0 || strcmp(a->name, "block-container") == 0))
			ref = a;
		if (a->name && strcmp(a->name, "table-cell") == 0)
			in_cell = 1;
	}
	if (a->kind == AREA_LINE && box) {
		mpt lo = (ref ? ref->x : box->x) - TOLERANCE, hi = box->x + box->w + TOLERANCE;
		for (const struct area *r = a->first; r; r = r->next) {
			/* text, and the rules of leaders (a line to write on) */
			if (!(r->kind == AREA_RUN && !r->has_matrix && r->len > 0) && r->kind != AREA_RULE)
				continue;
			mpt h = r->kind == AREA_RUN && r->next == NULL && hangs(r) ? r->size : 0;
			mpt o = r->kind == AREA_RUN && r == a->first && opens(r) ? r->size / 2 : 0;
			if (r->x < lo - o || r->x + r->w > hi + h) {
				struct buf t = {0};
				text_of(a, &t);
				char by[32];
				mpt over = r->x < lo ? lo - r->x : r->x + r->w - hi;
				snprintf(by, sizeof by, "%.1f", (double)(over + TOLERANCE) / 1000.0);
				finding(c, "overflow", in_cell ? "cell text runs %spt out of its cell: «%s»"
				    : "a line runs %spt out of its box: «%s»", by, text_str(&t));
				buf_free(&t);
				break;
			}
		}
		return;
	}
	for (const struct area *k = a->first; k; k = k->next)
		check_overflow(c, k, box, ref, in_cell);
}

/* ---------------------------------------------------------------- keeps */

/* The last line of the body (document order), with the innermost block
 * around it. */
static void
last_line(const struct area *a, const struct area *block, const struct area **line,
    const struct area **in)
{
	if (a->kind == AREA_VIEWPORT)
		return;
	if (a->kind == AREA_BLOCK && fo_of(a) && fo_of(a)->type == FO_BLOCK)
		block = a;
	if (a->kind == AREA_LINE) {
		*line = a;
		*in = block;
		return;
	}
	for (const struct area *k = a->first; k; k = k->next)
		last_line(k, block, line, in);
}

static void
check_keep(struct ctx *c, const struct area *body)
{
	const struct area *line = NULL, *in = NULL;
	last_line(body, NULL, &line, &in);
	if (in == NULL || fo_of(in)->style->keep_with_next == KEEP_AUTO)
		return;
	struct buf t = {0};
	text_of(in, &t);
	finding(c, "keep", "the page ends with «%s», which is kept with what follows "
	    "(a heading or caption alone at the foot of the page)%s", text_str(&t), "");
	buf_free(&t);
}

/* ---------------------------------------------------------------- rows */

static int
is_named(const struct area *a, const char *name)
{
	return a->kind == AREA_BLOCK && a->name && strcmp(a->name, name) == 0;
}

/* Rows to write in: ruled cells of 15 mm or more without text, at least as
 * many as the cells with text (a label and its blank, a numbered empty
 * row); a blank 备注 in a row of data is not one, nor a cell without
 * borders, which only spaces a layout table. */
static void
check_rows(struct ctx *c, const struct area *a)
{
	if (a->kind == AREA_VIEWPORT)
		return;
	if (is_named(a, "table-row")) {
		int blank = 0, filled = 0;
		for (const struct area *k = a->first; k; k = k->next) {
			if (!is_named(k, "table-cell"))
				continue;
			if (has_text(k))
				filled++;
			else if (k->w >= MM(15) && (k->border[1].width > 0 || k->border[0].width > 0))
				blank++;
		}
		if (blank > 0 && blank >= filled && a->h + TOLERANCE < LC.row_h) {
			char h[32], want[32];
			snprintf(h, sizeof h, "%.1f", a->h * 25.4 / 72000.0);
			snprintf(want, sizeof want, "%.1f", LC.row_h * 25.4 / 72000.0);
			finding(c, "row-height", "a row to write in is %smm high, lower than the form "
			    "row height %smm", h, want);
		}
	}
	for (const struct area *k = a->first; k; k = k->next)
		check_rows(c, k);
}

/* ---------------------------------------------------------------- names */

/* A block kept on one line (keep-together.within-line, set on it and not
 * inherited) that takes more than one. */
static void
check_names(struct ctx *c, const struct area *a)
{
	if (a->kind == AREA_VIEWPORT)
		return;
	const struct fo_node *n = fo_of(a);
	if (a->kind == AREA_BLOCK && n && n->type == FO_BLOCK
	    && n->style->keep_within_line == KEEP_ALWAYS
	    && !(n->parent && n->parent->style && n->parent->style->keep_within_line == KEEP_ALWAYS)) {
		int lines = 0;
		for (const struct area *k = a->first; k; k = k->next)
			lines += k->kind == AREA_LINE;
		if (lines > 1) {
			struct buf t = {0};
			text_of(a, &t);
			finding(c, "name-break", "«%s» is kept on one line (a name in a signature row) "
			    "but breaks across lines%s", text_str(&t), "");
			buf_free(&t);
		}
		return;
	}
	for (const struct area *k = a->first; k; k = k->next)
		check_names(c, k);
}

/* ---------------------------------------------------------------- seals */

/* A signature block (a table with role="signature", the signature-and-seal
 * component of the templates) whose tallest row leaves less than 40 mm for
 * a round seal over the parties' names. */
static mpt
tallest_row(const struct area *a)
{
	mpt t = 0;
	for (const struct area *k = a->first; k; k = k->next) {
		mpt h = is_named(k, "table-row") ? k->h : is_named(k, "table") ? 0 : tallest_row(k);
		if (h > t)
			t = h;
	}
	return t;
}

/* The whole text of an area's runs. */
static void
runs_of(const struct area *a, struct buf *b)
{
	if (a->kind == AREA_RUN && a->text)
		buf_add(b, a->text, a->len);
	for (const struct area *k = a->first; k; k = k->next)
		runs_of(k, b);
}

/* Does a line ask for a seal: a label with 盖章 before its colon
 * (管理处（盖章）：, 单位盖章：, 申请单位（盖章）或授权人签字：), not a sentence
 * that speaks of one (自双方签字盖章之日起生效，)? */
static int
asks_seal(const char *s, size_t n)
{
	static const char seal[] = "\xe7\x9b\x96\xe7\xab\xa0";   /* 盖章 */
	const char *end = s + n;
	for (const char *p = s; p && p + 6 <= end; p++) {
		if (memcmp(p, seal, 6) != 0)
			continue;
		for (const char *q = p + 6; q < end;) {
			uint32_t cp = utf8_next(&q, end);
			if (cp == 0xFF1A || cp == ':')                /* ： */
				return 1;
			if (cp == 0x3002 || cp == 0xFF0C || cp == 0xFF1B || cp == 0x3001)   /* 。，；、 */
				break;
		}
	}
	return 0;
}

/* A line that asks for a seal, with less than 40 mm from its top to the
 * foot of its table row (none outside a table), and a signature block
 * (role="signature") whose tallest row is lower than 40 mm. */
static void
check_seal(struct ctx *c, const struct area *a, const struct area *row)
{
	if (a->kind == AREA_VIEWPORT)
		return;
	const struct fo_node *n = fo_of(a);
	if (is_named(a, "table") && n && n->role == FO_ROLE_SIGNATURE) {
		mpt tallest = tallest_row(a);
		if (tallest + TOLERANCE < MM(40)) {
			char h[32];
			snprintf(h, sizeof h, "%.1f", tallest * 25.4 / 72000.0);
			finding(c, "seal-room", "a signature block is %smm high: no room for a 40mm seal%s", h, "");
			return;
		}
	}
	if (a->kind == AREA_LINE) {
		struct buf t = {0};
		runs_of(a, &t);
		if (asks_seal(t.p ? t.p : "", t.n)) {
			mpt room = row ? row->y + row->h - a->y : 0;
			if (room + TOLERANCE < MM(40)) {
				char h[32];
				snprintf(h, sizeof h, "%.1f", room * 25.4 / 72000.0);
				struct buf s = {0};
				text_of(a, &s);
				finding(c, "seal-room", "«%s» asks for a seal with %smm below it: no room for a "
				    "40mm seal (the signature-and-seal component)", text_str(&s), h);
				buf_free(&s);
			}
		}
		buf_free(&t);
		return;
	}
	for (const struct area *k = a->first; k; k = k->next)
		check_seal(c, k, is_named(k, "table-row") ? k : row);
}

/* ---------------------------------------------------------------- tables */

struct frag {
	const struct fo_node *table;
	int                   page;
	int                   rows;   /* body rows on this page */
};

struct frags {
	struct frag *v;
	size_t       n;
};

static int
body_row(const struct area *row)
{
	const struct fo_node *r = fo_of(row);
	return !(r && r->parent && (r->parent->type == FO_TABLE_HEADER || r->parent->type == FO_TABLE_FOOTER));
}

static int
count_rows(const struct area *a)
{
	int n = 0;
	for (const struct area *k = a->first; k; k = k->next) {
		if (is_named(k, "table"))
			continue;   /* a nested table has rows of its own */
		if (is_named(k, "table-row"))
			n += body_row(k);
		else
			n += count_rows(k);
	}
	return n;
}

static void
collect_tables(const struct area *a, int page, struct frags *f)
{
	if (a->kind == AREA_VIEWPORT)
		return;
	if (is_named(a, "table") && fo_of(a)) {
		f->v = xrealloc(f->v, (f->n + 1) * sizeof *f->v);
		f->v[f->n++] = (struct frag){ fo_of(a), page, count_rows(a) };
	}
	for (const struct area *k = a->first; k; k = k->next)
		collect_tables(k, page, f);
}

static void
check_tables(struct ctx *c, const struct area_tree *t, const struct frags *f)
{
	for (size_t i = 0; i < f->n; i++) {
		/* the first fragment of each table: gather its others */
		int first = 1, total = 0, parts = 0, bad = 0, badpage = 0;
		for (size_t j = 0; j < i && first; j++)
			if (f->v[j].table == f->v[i].table)
				first = 0;
		if (!first)
			continue;
		for (size_t j = i; j < f->n; j++) {
			if (f->v[j].table != f->v[i].table)
				continue;
			total += f->v[j].rows;
			parts++;
		}
		/* a table of six rows or more breaks with three on each side; a
		 * shorter one (4 or 5 rows can only break 2/2 or 2/3) with two */
		int need = total >= 6 ? 3 : 2;
		size_t k = 0;
		for (size_t j = i; j < f->n; j++) {
			if (f->v[j].table != f->v[i].table)
				continue;
			k++;
			/* the first and the last part need their rows; one in the middle is whole pages */
			if ((k == 1 || (int)k == parts) && f->v[j].rows < need && !bad) {
				bad = 1;
				badpage = f->v[j].page;
			}
		}
		if (parts > 1 && total >= 2 && bad) {
			struct ctx cc = *c;
			for (const struct area_page *p = t->first; p; p = p->next)
				if (p->index == badpage)
					cc.pg = p;
			char n[16];
			snprintf(n, sizeof n, "%d", total);
			finding(&cc, "table-split", "a table of %s body rows is broken with fewer than %s "
			    "rows on this page", n, need == 3 ? "three" : "two");
		}
	}
}

/* ---------------------------------------------------------------- pages */

static const struct area *
body_of(const struct area_page *p)
{
	for (const struct area *r = p->root ? p->root->first : NULL; r; r = r->next)
		if (r->kind == AREA_REGION && r->name && strcmp(r->name, "xsl-region-body") == 0)
			return r;
	if (p->root && p->root->kind == AREA_REGION && p->root->name
	    && strcmp(p->root->name, "xsl-region-body") == 0)
		return p->root;
	return NULL;
}

static mpt
bottom_of(const struct area *a)
{
	mpt b = 0;
	for (const struct area *k = a->first; k; k = k->next) {
		mpt e = k->kind == AREA_BLOCK || k->kind == AREA_LINE || k->kind == AREA_VIEWPORT
		    || k->kind == AREA_RULE || k->kind == AREA_IMAGE ? k->y + k->h : bottom_of(k);
		if (e > b)
			b = e;
	}
	return b;
}

mpt
ds_page_room(const struct area_page *p)
{
	const struct area *body = p ? body_of(p) : NULL;
	if (body == NULL)
		return 0;
	mpt used = body->first ? bottom_of(body) - body->y : 0;
	return body->h > used ? body->h - used : 0;
}

/* Does the page start with a forced break (a new part: a chapter, a
 * procedure, an appendix)? */
static int
starts_part(const struct area *a)
{
	for (const struct area *k = a; k; k = k->first) {
		const struct fo_node *n = fo_of(k);
		if (n && n->style && n->style->break_before != BREAK_AUTO)
			return 1;
		if (k->first == NULL)
			break;
	}
	return 0;
}

/* Does the page end with a forced break after its last block? */
static int
ends_part(const struct area *a)
{
	for (const struct area *k = a; k; k = k->last) {
		const struct fo_node *n = fo_of(k);
		if (n && n->style && n->style->break_after != BREAK_AUTO)
			return 1;
		if (k->last == NULL)
			break;
	}
	return 0;
}

static void
check_fill(struct ctx *c, const struct area *body, const struct area_page *next)
{
	if (next == NULL || next->seq_first)
		return;   /* the end of a page sequence: a document or its part */
	const struct area *nb = body_of(next);
	if ((nb && starts_part(nb->first)) || ends_part(body->last))
		return;
	mpt used = body->first ? bottom_of(body) - body->y : 0;
	if (used * 4 < body->h) {
		char pc[16];
		snprintf(pc, sizeof pc, "%d", (int)((int64_t)used * 100 / (body->h ? body->h : 1)));
		finding(c, "near-empty", "the page is %s%% full and does not end a part%s", pc, "");
	}
}

/* ---------------------------------------------------------------- entry */

void
ds_layout_check(const struct area_tree *t, const char *path, struct diag *d)
{
	if (!LC.on || t == NULL)
		return;
	LC.docs++;
	const char *doc = path;
	size_t np = LC.prefix ? strlen(LC.prefix) : 0;
	if (np && strncmp(path, LC.prefix, np) == 0)
		doc = path + np + (path[np] == '/');
	/* a packet is laid out in packets/.<case>.tmpNNNN/ before it is renamed */
	char name[512];
	snprintf(name, sizeof name, "%s", doc);
	char *dot = strstr(name, "/.");
	char *tmpd = dot ? strstr(dot, ".tmp") : NULL;
	char *slash = tmpd ? strchr(tmpd, '/') : NULL;
	if (slash) {
		memmove(dot + 1, dot + 2, (size_t)(tmpd - dot - 2));
		memmove(tmpd - 1, slash, strlen(slash) + 1);
	}
	struct ctx c = { d, name, NULL };
	struct frags f = {0};
	for (const struct area_page *p = t->first; p; p = p->next) {
		const struct area *body = body_of(p);
		c.pg = p;
		if (body == NULL)
			continue;
		check_overflow(&c, body, NULL, body, 0);
		check_rows(&c, body);
		check_names(&c, body);
		check_seal(&c, body, NULL);
		if (p->next && !p->next->seq_first)
			check_keep(&c, body);
		check_fill(&c, body, p->next);
		collect_tables(body, p->index, &f);
	}
	check_tables(&c, t, &f);
	free(f.v);
}

/* ---------------------------------------------------------------- the job */

/* The form row height of the site file (default 8mm). */
mpt
ds_site_row_height(const struct ds_site *s)
{
	mpt h = MM(8);
	const struct xnode *e = s->doc ? xnode_child(s->doc->root, "form-row-height") : NULL;
	const struct xnode *t = e ? e->first : NULL;
	if (t && t->kind == XNODE_TEXT) {
		char v[64];
		snprintf(v, sizeof v, "%.*s", (int)(t->textlen < 63 ? t->textlen : 63), t->text);
		char *end;
		double x = strtod(v, &end);
		while (*end == ' ' || *end == '\n' || *end == '\t')
			end++;
		if (strncmp(end, "mm", 2) == 0)
			h = MM(x);
		else if (strncmp(end, "cm", 2) == 0)
			h = MM(x * 10);
		else if (strncmp(end, "pt", 2) == 0)
			h = (mpt)(x * 1000 + 0.5);
	}
	return h;
}

int
docset_layout(const struct docset_opts *o, struct text_fonts *fonts, char **files, int nfiles,
    struct diag *d)
{
	int rc = 0;
	if (nfiles > 0) {
		/* FO files as they are: the checks of the tests */
		ds_layout_enable(MM(8), NULL);
		for (int i = 0; i < nfiles; i++) {
			struct xdoc *doc = src_xml_load(files[i], d);
			struct fo_tree *fo = doc ? fo_tree_build_take(doc, d) : NULL;
			struct area_tree *at = fo ? lay_document(fo, fonts, d) : NULL;
			if (at == NULL)
				rc = -1;
			ds_layout_check(at, files[i], d);
			area_tree_free(at);
			fo_tree_free(fo);
		}
	} else {
		/* everything folio ships: the manual, every case's packet, every blank form */
		struct ds_site site;
		ds_allow(o);
		if (ds_site_load(o, &site, d) < 0) {
			ds_site_free(&site);
			return -1;
		}
		mpt row_h = ds_site_row_height(&site);
		ds_site_free(&site);
		char tmp[PATH_MAX];
		if (file_temp_dir(tmp, sizeof tmp, "folio-layout") < 0) {
			diag_report(d, DIAG_ERROR, tmp, 0, 0, "cannot create a temporary folder: %s", strerror(errno));
			return -1;
		}
		struct docset_opts oo = *o;
		oo.out_dir = tmp;
		oo.fo_dir = NULL;
		oo.procedure = NULL;
		oo.copy = 0;
		oo.quiet = 1;
		oo.jobs = 1;   /* the findings are counted in this process */
		ds_layout_enable(row_h, tmp);
		if (docset_manual(&oo, fonts, d) < 0)
			rc = -1;
		char *cdir = ds_path(o->root, "cases");
		size_t nc = 0;
		char **cases = ds_list_xml(cdir, &nc);
		if (nc > 0 && docset_packet(&oo, fonts, cases, (int)nc, d) < 0)
			rc = -1;
		ds_list_free(cases, nc);
		free(cdir);
		if (docset_forms(&oo, fonts, NULL, 0, 0, 1, 0, 0, d) < 0)
			rc = -1;
		file_remove_tree(tmp);
	}
	fprintf(stderr, "folio: layout: %d finding%s in %d document%s\n", LC.findings,
	    LC.findings == 1 ? "" : "s", LC.docs, LC.docs == 1 ? "" : "s");
	LC.on = 0;
	return rc < 0 || LC.findings > 0 ? -1 : 0;
}
