/*
 * import — Excel workbooks (.xlsx, Office Open XML SpreadsheetML): the
 * sheets' names and files (xl/workbook.xml and its relationships), the
 * shared strings, and each sheet's cells (shared and inline strings,
 * numbers as stored, booleans, formulas' cached values).  The parts are
 * parsed by the source stage (no network, no external entities, no DTD).
 * And the template workbook: header rows, every column formatted as text
 * so that Excel keeps 0608 and 13911276548 as typed.
 */
#include <stdlib.h>
#include <string.h>

#include "../source/source.h"
#include "import_int.h"

/* ---------------------------------------------------------------- helpers */

/* An attribute by local name, whatever its namespace (r:id). */
static const char *
attr(const struct xnode *e, const char *name)
{
	for (int i = 0; e && i < e->nattrs; i++)
		if (strcmp(e->attrs[i].name, name) == 0)
			return e->attrs[i].value;
	return NULL;
}

/* The text of e's <t> descendants, phonetic runs (<rPh>) left out. */
static void
text_t(const struct xnode *e, int in_t, struct buf *out)
{
	for (const struct xnode *c = e->first; c; c = c->next) {
		if (c->kind == XNODE_TEXT && in_t)
			buf_add(out, c->text, c->textlen);
		else if (c->kind == XNODE_ELEMENT && strcmp(c->name, "rPh") != 0 && strcmp(c->name, "phoneticPr") != 0)
			text_t(c, in_t || strcmp(c->name, "t") == 0, out);
	}
}

/* The whole text of e. */
static void
text_all(const struct xnode *e, struct buf *out)
{
	for (const struct xnode *c = e ? e->first : NULL; c; c = c->next) {
		if (c->kind == XNODE_TEXT)
			buf_add(out, c->text, c->textlen);
		else
			text_all(c, out);
	}
}

/* A part of the workbook parsed; NULL if absent (*missing set) or bad (reported). */
static struct xdoc *
part(struct im_zip *z, const char *name, const char *path, int *missing, struct diag *d)
{
	struct buf b = {0};
	int rc = im_zip_read(z, path, &b, d);
	if (missing)
		*missing = rc == 1;
	if (rc != 0) {
		if (rc == 1 && missing == NULL)
			diag_report(d, DIAG_ERROR, name, 0, 0, _("not an Excel workbook (.xlsx): it has no %s"), path);
		buf_free(&b);
		return NULL;
	}
	struct buf label = {0};
	buf_printf(&label, "%s:%s", name, path);
	struct xdoc *x = src_xml_parse(b.p ? b.p : "", b.n, label.p, d);
	buf_free(&label);
	buf_free(&b);
	return x;
}

/* "B12" → column 1, row 12; -1 if it is no cell reference. */
static int
cell_ref(const char *r, int *col, int *row)
{
	int c = 0, k = 0;
	while (r[k] >= 'A' && r[k] <= 'Z' && k < 3)
		c = c * 26 + (r[k++] - 'A' + 1);
	if (k == 0 || r[k] < '1' || r[k] > '9')
		return -1;
	long n = 0;
	for (; r[k] >= '0' && r[k] <= '9'; k++)
		if ((n = n * 10 + (r[k] - '0')) > 1048576)
			return -1;
	if (r[k] != '\0' || c > IM_MAX_COLS)
		return -1;
	*col = c - 1;
	*row = (int)n;
	return 0;
}

void
im_col_name(int col, char out[8])
{
	char t[8];
	int k = 0;
	for (col++; col > 0 && k < 7; col = (col - 1) / 26)
		t[k++] = (char)('A' + (col - 1) % 26);
	for (int i = 0; i < k; i++)
		out[i] = t[k - 1 - i];
	out[k] = '\0';
}

/* ---------------------------------------------------------------- reading */

struct strings {
	char  **v;
	size_t  n;
};

static void
strings_load(struct im_zip *z, const char *name, const char *path, struct strings *s, int *bad,
    struct diag *d)
{
	int missing;
	struct xdoc *x = part(z, name, path, &missing, d);
	if (x == NULL) {
		*bad |= !missing;
		return;
	}
	for (const struct xnode *si = xnode_child(x->root, "si"); si; si = xnode_next(si, "si")) {
		struct buf b = {0};
		text_t(si, 0, &b);
		s->v = xrealloc(s->v, (s->n + 1) * sizeof *s->v);
		s->v[s->n++] = b.p ? b.p : xstrdup("");
	}
	src_xdoc_free(x);
}

static void
strings_free(struct strings *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
}

/* A relationship target → a path in the zip (targets are relative to xl/). */
static void
target_path(const char *t, struct buf *out)
{
	if (t[0] == '/')
		buf_puts(out, t + 1);
	else
		buf_printf(out, "xl/%s", t);
}

static int
read_sheet(struct im_zip *z, const char *name, const char *path, const struct strings *ss,
    struct im_sheet *s, struct diag *d)
{
	struct xdoc *x = part(z, name, path, NULL, d);
	if (x == NULL)
		return -1;
	const struct xnode *data = xnode_child(x->root, "sheetData");
	int rc = 0, rowno = 0;
	for (const struct xnode *r = xnode_child(data, "row"); r && rc == 0; r = xnode_next(r, "row")) {
		const char *rn = attr(r, "r");
		int want = rn ? atoi(rn) : rowno + 1;
		if (want <= rowno || want > 1048576) {
			diag_report(d, DIAG_ERROR, name, 0, 0, _("sheet %s: row %s is out of order or out of range; "
			    "save the workbook again from Excel"), s->name, rn ? rn : "?");
			rc = -1;
			break;
		}
		rowno = want;
		if ((size_t)s->nrows >= IM_MAX_ROWS) {
			diag_report(d, DIAG_ERROR, name, 0, 0, _("sheet %s has more than %d rows: split it"),
			    s->name, IM_MAX_ROWS);
			rc = -1;
			break;
		}
		int col = -1;
		for (const struct xnode *c = xnode_child(r, "c"); c; c = xnode_next(c, "c")) {
			const char *ref = attr(c, "r"), *t = attr(c, "t");
			int cc, cr;
			if (ref && (cell_ref(ref, &cc, &cr) < 0 || cr != rowno || cc <= col)) {
				diag_report(d, DIAG_ERROR, name, 0, 0, _("sheet %s, row %d: the cell reference \"%s\" "
				    "is not valid here; save the workbook again from Excel"), s->name, rowno, ref);
				rc = -1;
				break;
			}
			col = ref ? cc : col + 1;
			if (col >= IM_MAX_COLS) {
				rc = -1;
				diag_report(d, DIAG_ERROR, name, 0, 0, _("sheet %s, row %d: more than %d columns"),
				    s->name, rowno, IM_MAX_COLS);
				break;
			}
			struct buf v = {0};
			int num = 0;
			if (t && strcmp(t, "inlineStr") == 0) {
				const struct xnode *is = xnode_child(c, "is");
				if (is)
					text_t(is, 0, &v);
			} else {
				text_all(xnode_child(c, "v"), &v);
				if (t && strcmp(t, "s") == 0 && v.p) {
					char *end;
					long k = strtol(v.p, &end, 10);
					if (*end != '\0' || k < 0 || (size_t)k >= ss->n) {
						char cn[8];
						im_col_name(col, cn);
						diag_report(d, DIAG_ERROR, name, 0, 0, _("sheet %s, cell %s%d: shared string %s "
						    "does not exist; save the workbook again from Excel"), s->name, cn, rowno, v.p);
						buf_free(&v);
						rc = -1;
						break;
					}
					buf_reset(&v);
					buf_puts(&v, ss->v[k]);
				} else if (t && strcmp(t, "b") == 0 && v.p) {
					const char *yes = strcmp(v.p, "1") == 0 ? "TRUE" : "FALSE";
					buf_reset(&v);
					buf_puts(&v, yes);
				} else if (t && strcmp(t, "e") == 0) {
					/* an error value (#N/A …) is kept as text: the checks name it */
				} else if (t == NULL || strcmp(t, "n") == 0) {
					num = v.n > 0;
				}
			}
			if (v.n > IM_MAX_CELL) {
				char cn[8];
				im_col_name(col, cn);
				diag_report(d, DIAG_ERROR, name, 0, 0, _("sheet %s, cell %s%d holds more than %d bytes"),
				    s->name, cn, rowno, IM_MAX_CELL);
				buf_free(&v);
				rc = -1;
				break;
			}
			if (v.n && im_sheet_set(s, rowno, col, v.p, v.n, num) < 0) {
				diag_report(d, DIAG_ERROR, name, 0, 0, _("sheet %s has more than %ld cells: it is not a "
				    "tenants sheet"), s->name, IM_MAX_CELLS);
				buf_free(&v);
				rc = -1;
				break;
			}
			buf_free(&v);
		}
	}
	src_xdoc_free(x);
	return rc;
}

int
im_read_xlsx(const char *name, const char *bytes, size_t n, struct im_book *b, struct diag *d)
{
	struct im_zip *z = im_zip_open(name, bytes, n, d);
	if (z == NULL)
		return -1;
	int bad = 0;
	struct xdoc *wb = part(z, name, "xl/workbook.xml", NULL, d);
	struct xdoc *rels = wb ? part(z, name, "xl/_rels/workbook.xml.rels", NULL, d) : NULL;
	struct strings ss = {0};
	if (wb == NULL || rels == NULL)
		bad = 1;
	if (!bad)
		strings_load(z, name, "xl/sharedStrings.xml", &ss, &bad, d);
	const char *d1904 = wb ? attr(xnode_child(wb->root, "workbookPr"), "date1904") : NULL;
	b->date1904 = d1904 && (strcmp(d1904, "1") == 0 || strcmp(d1904, "true") == 0);
	const struct xnode *sheets = wb ? xnode_child(wb->root, "sheets") : NULL;
	for (const struct xnode *sh = xnode_child(sheets, "sheet"); sh && !bad; sh = xnode_next(sh, "sheet")) {
		const char *sn = attr(sh, "name"), *id = attr(sh, "id");
		const char *target = NULL;
		for (const struct xnode *r = xnode_child(rels->root, "Relationship"); r && id; r = xnode_next(r, "Relationship"))
			if (attr(r, "Id") && strcmp(attr(r, "Id"), id) == 0)
				target = attr(r, "Target");
		if (sn == NULL || target == NULL) {
			diag_report(d, DIAG_ERROR, name, 0, 0, _("sheet %s has no part in the workbook; save it "
			    "again from Excel"), sn ? sn : "?");
			bad = 1;
			break;
		}
		struct buf path = {0};
		target_path(target, &path);
		struct im_sheet *s = im_book_add(b, sn, name);
		if (read_sheet(z, name, path.p, &ss, s, d) < 0)
			bad = 1;
		buf_free(&path);
	}
	if (!bad && b->n == 0) {
		diag_report(d, DIAG_ERROR, name, 0, 0, "%s", _("the workbook has no sheets"));
		bad = 1;
	}
	strings_free(&ss);
	src_xdoc_free(wb);
	src_xdoc_free(rels);
	im_zip_close(z);
	return bad ? -1 : 0;
}

/* ---------------------------------------------------------------- the template */

/* A worksheet of the template: its rows as text cells (the first, the
 * headers, bold), the header row frozen, every column formatted as text. */
static void
sheet_xml(const struct im_sheet *s, struct buf *out)
{
	int ncol = s->nrows ? s->rows[0].n : 1;
	buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	    "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
	    "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" "
	    "activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>");
	buf_printf(out, "<cols><col min=\"1\" max=\"%d\" width=\"18\" style=\"1\" customWidth=\"1\"/>"
	    "<col min=\"%d\" max=\"%d\" width=\"10\" style=\"1\"/></cols><sheetData>", ncol, ncol + 1, 16384);
	for (size_t r = 0; r < s->nrows; r++) {
		buf_printf(out, "<row r=\"%d\">", s->rows[r].num);
		for (int c = 0; c < s->rows[r].n; c++) {
			const char *v = s->rows[r].c[c].v;
			char cn[8];
			im_col_name(c, cn);
			if (v == NULL)
				continue;
			buf_printf(out, "<c r=\"%s%d\" s=\"%d\" t=\"inlineStr\"><is><t>", cn, s->rows[r].num,
			    r == 0 ? 2 : 1);
			buf_add_xml(out, v, strlen(v));
			buf_puts(out, "</t></is></c>");
		}
		buf_puts(out, "</row>");
	}
	buf_puts(out, "</sheetData></worksheet>\n");
}

int
im_write_xlsx(const struct im_book *b, struct buf *out, struct diag *d)
{
	size_t n = 5 + b->n, k = 0;
	const char **names = xcalloc(n, sizeof *names);
	char **owned = xcalloc(b->n, sizeof *owned);
	struct buf *data = xcalloc(n, sizeof *data);

	names[k] = "[Content_Types].xml";
	buf_puts(&data[k], "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
	    "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
	    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
	    "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
	    "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>");
	for (size_t i = 0; i < b->n; i++)
		buf_printf(&data[k], "<Override PartName=\"/xl/worksheets/sheet%zu.xml\" ContentType=\"application/"
		    "vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>", i + 1);
	buf_puts(&data[k++], "</Types>\n");

	names[k] = "_rels/.rels";
	buf_puts(&data[k++], "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
	    "relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>\n");

	names[k] = "xl/workbook.xml";
	buf_puts(&data[k], "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	    "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
	    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>");
	for (size_t i = 0; i < b->n; i++) {
		buf_puts(&data[k], "<sheet name=\"");
		buf_add_xml(&data[k], b->s[i].name, strlen(b->s[i].name));
		buf_printf(&data[k], "\" sheetId=\"%zu\" r:id=\"rId%zu\"/>", i + 1, i + 1);
	}
	buf_puts(&data[k++], "</sheets></workbook>\n");

	names[k] = "xl/_rels/workbook.xml.rels";
	buf_puts(&data[k], "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
	for (size_t i = 0; i < b->n; i++)
		buf_printf(&data[k], "<Relationship Id=\"rId%zu\" Type=\"http://schemas.openxmlformats.org/"
		    "officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet%zu.xml\"/>", i + 1, i + 1);
	buf_printf(&data[k++], "<Relationship Id=\"rId%zu\" Type=\"http://schemas.openxmlformats.org/"
	    "officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/></Relationships>\n", b->n + 1);

	/* style 1: text (number format 49, "@"); style 2: text, bold (the headers) */
	names[k] = "xl/styles.xml";
	buf_puts(&data[k++], "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
	    "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
	    "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"等线\"/></font>"
	    "<font><b/><sz val=\"11\"/><name val=\"等线\"/></font></fonts>"
	    "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
	    "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
	    "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
	    "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
	    "<cellXfs count=\"3\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
	    "<xf numFmtId=\"49\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
	    "<xf numFmtId=\"49\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" "
	    "applyFont=\"1\"/></cellXfs>"
	    "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
	    "</styleSheet>\n");

	for (size_t i = 0; i < b->n; i++, k++) {
		struct buf p = {0};
		buf_printf(&p, "xl/worksheets/sheet%zu.xml", i + 1);
		owned[i] = p.p;
		names[k] = owned[i];
		sheet_xml(&b->s[i], &data[k]);
	}
	int rc = im_zip_write(names, data, n, out, d);
	for (size_t i = 0; i < n; i++)
		buf_free(&data[i]);
	for (size_t i = 0; i < b->n; i++)
		free(owned[i]);
	free(owned);
	free(names);
	free(data);
	return rc;
}
