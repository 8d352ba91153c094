/*
 * serve — tenants imported from an uploaded spreadsheet (docs/api.md,
 * docs/zh/web.md): POST /api/v1/imports (a workbook or a CSV file as the
 * body, or files as parts of a multipart/form-data body), the page 导入客户
 * (an HTML form posting multipart/form-data, no JavaScript) and the blank
 * template to download.  The upload goes to import_bytes (a workbook) or
 * import_csv_set (CSV files, each a sheet told by its header row): the
 * same checks and the same all-or-nothing rule as folio import, its
 * problems by sheet, row and column.  The upload is held in memory only:
 * its kind is told from its bytes (a zip is a workbook, anything else
 * CSV), and no name the request sends names a file or is read at all.
 */
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../base/base.h"
#include "../import/import.h"
#include "serve_int.h"

/* ---------------------------------------------------------------- multipart/form-data */

/* One part of a multipart body: its field's name and its bytes (into the body). */
struct part {
	char        name[64];
	const char *p;
	size_t      n;
};

/* The boundary of a multipart/form-data Content-Type into out; -1 when none. */
static int
boundary_of(const char *type, char out[80])
{
	if (type == NULL || strncasecmp(type, "multipart/form-data", 19) != 0)
		return -1;
	const char *b = strcasestr(type, "boundary=");
	if (b == NULL)
		return -1;
	b += 9;
	size_t n;
	if (*b == '"') {
		b++;
		n = strcspn(b, "\"");
	} else {
		n = strcspn(b, "; \t");
	}
	if (n == 0 || n > 70)   /* RFC 2046: 1 to 70 characters */
		return -1;
	snprintf(out, 80, "%.*s", (int)n, b);
	return 0;
}

/*
 * The parts of a multipart body (RFC 7578): up to max of them into v.
 * Returns how many, or -1 when the body is not multipart as announced.
 */
static int
multipart(const char *type, const char *body, size_t n, struct part *v, int max)
{
	char bd[80], delim[88];
	if (boundary_of(type, bd) < 0)
		return -1;
	size_t dl = (size_t)snprintf(delim, sizeof delim, "\r\n--%s", bd);
	/* the first delimiter may begin the body (without its CRLF) */
	const char *at;
	if (n >= dl - 2 && memcmp(body, delim + 2, dl - 2) == 0)
		at = body + dl - 2;
	else if ((at = memmem(body, n, delim, dl)) != NULL)
		at += dl;
	else
		return -1;
	const char *end = body + n;
	int k = 0;
	for (;;) {
		/* after a delimiter: "--" ends the body, else CRLF and a part */
		if (end - at >= 2 && at[0] == '-' && at[1] == '-')
			return k;
		while (at < end && (*at == ' ' || *at == '\t'))
			at++;
		if (end - at < 2 || at[0] != '\r' || at[1] != '\n')
			return -1;
		at += 2;
		const char *hend = memmem(at, (size_t)(end - at), "\r\n\r\n", 4);
		if (hend == NULL || hend - at > 4096)
			return -1;
		char h[4100];
		snprintf(h, sizeof h, "%.*s", (int)(hend - at), at);
		const char *data = hend + 4;
		const char *next = memmem(data, (size_t)(end - data), delim, dl);
		if (next == NULL)
			return -1;
		if (k < max) {
			struct part *pt = &v[k];
			pt->name[0] = '\0';
			/* Content-Disposition: form-data; name="file"; filename="…" (the file name is not read) */
			for (const char *s = h; (s = strcasestr(s, "name=\"")) != NULL; s += 6)
				if (s > h && (s[-1] == ' ' || s[-1] == ';')) {
					size_t l = strcspn(s + 6, "\"");
					snprintf(pt->name, sizeof pt->name, "%.*s", (int)(l < 63 ? l : 63), s + 6);
					break;
				}
			pt->p = data;
			pt->n = (size_t)(next - data);
			k++;
		}
		at = next + dl;
	}
}

/* ---------------------------------------------------------------- the import */

struct problem {
	enum diag_level level;
	char           *sheet;
	int             row;
	char            col[8];
	char           *label;   /* or NULL */
	char           *text;
};

struct outcome {
	const char         *root;     /* to take out of messages */
	char               *real;     /* the root's real path, the same (owned) */
	struct diag        *d;
	char               *covered;  /* d's messages also in problems (one flag each) */
	size_t              ncovered;
	struct problem     *p;
	size_t              np;
	struct { char id[80]; enum import_status st; } *c;
	size_t              nc;
};

/* text without the project's root before its file names (owned). */
static char *
unrooted(const struct outcome *o, const char *text)
{
	struct buf b = {0};
	const char *roots[2] = { o->real, o->root };
	for (const char *s = text; *s;) {
		size_t skip = 0;
		for (int k = 0; k < 2 && skip == 0; k++) {
			size_t l = roots[k] ? strlen(roots[k]) : 0;
			if (l > 1 && strncmp(s, roots[k], l) == 0 && s[l] == '/')
				skip = l + 1;
		}
		if (skip) {
			s += skip;
		} else {
			buf_putc(&b, *s);
			s++;
		}
	}
	return b.p ? b.p : xstrdup("");
}

static void
on_problem(void *ctx, enum diag_level level, const char *sheet, int row, const char *col, const char *label,
    const char *text)
{
	struct outcome *o = ctx;
	if (o->d->n > 0) {
		/* the message just reported to d is this one */
		if (o->ncovered < o->d->n) {
			o->covered = xrealloc(o->covered, o->d->n);
			memset(o->covered + o->ncovered, 0, o->d->n - o->ncovered);
			o->ncovered = o->d->n;
		}
		o->covered[o->d->n - 1] = 1;
	}
	o->p = xrealloc(o->p, (o->np + 1) * sizeof *o->p);
	struct problem *p = &o->p[o->np++];
	p->level = level;
	p->sheet = xstrdup(sheet ? sheet : "");
	p->row = row;
	snprintf(p->col, sizeof p->col, "%s", col ? col : "");
	p->label = label ? xstrdup(label) : NULL;
	p->text = unrooted(o, text);
}

static void
on_case(void *ctx, const char *id, const char *file, enum import_status st)
{
	struct outcome *o = ctx;
	(void)file;
	o->c = xrealloc(o->c, (o->nc + 1) * sizeof *o->c);
	snprintf(o->c[o->nc].id, sizeof o->c[o->nc].id, "%s", id ? id : "");
	o->c[o->nc].st = st;
	o->nc++;
}

static int
covered(const struct outcome *o, size_t i)
{
	return i < o->ncovered && o->covered[i];
}

static void
outcome_free(struct outcome *o)
{
	for (size_t i = 0; i < o->np; i++) {
		free(o->p[i].sheet);
		free(o->p[i].label);
		free(o->p[i].text);
	}
	free(o->p);
	free(o->c);
	free(o->covered);
	free(o->real);
}

/* The files of an upload: one workbook, or CSV files (one sheet each). */
#define UPLOAD_FILES 8
struct upload {
	const char *p[UPLOAD_FILES];
	size_t      n[UPLOAD_FILES];
	size_t      count;
	int         more;      /* files past UPLOAD_FILES */
	int         partial;
};

/* What is wrong with an upload's shape, before its contents are read. */
enum { UP_OK, UP_NONE, UP_XLS, UP_MIXED, UP_MANY };

static int
is_zip(const char *p, size_t n)
{
	return n >= 4 && memcmp(p, "PK\3\4", 4) == 0;
}

static int
upload_shape(const struct upload *u)
{
	size_t zips = 0;
	if (u->count == 0)
		return UP_NONE;
	if (u->more)
		return UP_MANY;
	for (size_t i = 0; i < u->count; i++) {
		/* an Excel 97-2003 workbook (OLE2), which folio does not read */
		if (u->n[i] >= 8 && memcmp(u->p[i], "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8) == 0)
			return UP_XLS;
		zips += is_zip(u->p[i], u->n[i]);
	}
	return zips && u->count > 1 ? UP_MIXED : UP_OK;
}

/* Add a file to u. */
static void
upload_add(struct upload *u, const char *p, size_t n)
{
	if (u->count == UPLOAD_FILES) {
		u->more = 1;
		return;
	}
	u->p[u->count] = p;
	u->n[u->count++] = n;
}

/* The files and the partial box of a multipart body (parts "file" and
 * "partial"); -1 when the body is not multipart as announced. */
static int
upload_of_form(const struct req *q, struct upload *u)
{
	struct part parts[2 * UPLOAD_FILES];
	int np = multipart(q->type, q->body, q->n, parts, 2 * UPLOAD_FILES);
	for (int i = 0; i < np; i++) {
		if (strcmp(parts[i].name, "file") == 0 && parts[i].n > 0)
			upload_add(u, parts[i].p, parts[i].n);
		else if (strcmp(parts[i].name, "partial") == 0)
			u->partial = 1;
	}
	return np < 0 ? -1 : 0;
}

/* Import an upload of the right shape into the project: 0 when every
 * tenant was written or was there already, -1 otherwise (what became of
 * each in out, the messages in d; free both). */
static int
run_import(const struct docset_opts *doc, const struct upload *u, struct outcome *out, struct diag *d)
{
	memset(out, 0, sizeof *out);
	diag_init(d);
	out->d = d;
	out->root = doc->root;
	out->real = root_real(doc);
	struct import_opts io;
	memset(&io, 0, sizeof io);
	io.doc = doc;
	io.partial = u->partial;
	io.on_case = on_case;
	io.on_problem = on_problem;
	io.ctx = out;
	int rc;
	pthread_mutex_lock(&engine);
	if (is_zip(u->p[0], u->n[0]))
		rc = import_bytes("upload.xlsx", u->p[0], u->n[0], &io, d);
	else
		rc = import_csv_set(u->p, u->n, u->count, &io, d);
	pthread_mutex_unlock(&engine);
	return rc;
}

static const char *
status_name(enum import_status st)
{
	return st == IMPORT_WRITTEN ? "written" : st == IMPORT_UNCHANGED ? "unchanged" : "refused";
}

static int
yes(const char *v)
{
	return v && *v && strcmp(v, "0") != 0 && strcasecmp(v, "false") != 0 && strcasecmp(v, "no") != 0;
}

/* ---------------------------------------------------------------- the API */

void
api_import(const struct req *q, struct reply *r)
{
	struct upload u;
	memset(&u, 0, sizeof u);
	u.partial = yes(q->partial);
	if (q->type && strncasecmp(q->type, "multipart/form-data", 19) == 0) {
		if (upload_of_form(q, &u) < 0) {
			reply_error(r, 400, "the multipart body is malformed");
			return;
		}
	} else if (q->n > 0) {
		upload_add(&u, q->body, q->n);
	}
	static const char *const why[] = {
		[UP_NONE] = "no file: send the workbook (.xlsx) or a CSV file as the body, or CSV files as "
		    "the parts named \"file\" of a multipart/form-data body",
		[UP_XLS] = "an Excel 97-2003 workbook (.xls): save it as an Excel workbook (.xlsx) or as "
		    "CSV UTF-8, then send that",
		[UP_MIXED] = "a workbook holds every sheet: send it alone, or CSV files only",
		[UP_MANY] = "more than 8 files: a CSV file is one sheet, and the template has 8",
	};
	int shape = upload_shape(&u);
	if (shape != UP_OK) {
		reply_error(r, shape == UP_NONE ? 400 : 422, why[shape]);
		return;
	}
	struct diag d;
	struct outcome o;
	int rc = run_import(q->o, &u, &o, &d);
	struct json_object *j = json_object_new_object(), *cases = json_object_new_array(),
	    *errs = json_object_new_array(), *warns = json_object_new_array();
	for (size_t i = 0; i < o.nc; i++) {
		struct json_object *e = json_object_new_object();
		json_object_object_add(e, "id", json_object_new_string(o.c[i].id));
		json_object_object_add(e, "status", json_object_new_string(status_name(o.c[i].st)));
		json_object_array_add(cases, e);
	}
	for (size_t i = 0; i < o.np; i++) {
		struct json_object *e = json_object_new_object();
		json_object_object_add(e, "sheet", json_object_new_string(o.p[i].sheet));
		json_object_object_add(e, "row", json_object_new_int(o.p[i].row));
		json_object_object_add(e, "column", json_object_new_string(o.p[i].col));
		if (o.p[i].label)
			json_object_object_add(e, "label", json_object_new_string(o.p[i].label));
		json_object_object_add(e, "message", json_object_new_string(o.p[i].text));
		json_object_array_add(o.p[i].level >= DIAG_ERROR ? errs : warns, e);
	}
	/* what is not at a cell: the file as a whole, and the summary */
	for (size_t i = 0; i < d.n; i++) {
		if (covered(&o, i) || d.v[i].level < DIAG_WARNING)
			continue;
		struct json_object *e = json_object_new_object();
		char *t = unrooted(&o, d.v[i].text);
		if (d.v[i].file && d.v[i].file[0])
			json_object_object_add(e, "file", json_object_new_string(d.v[i].file));
		json_object_object_add(e, "message", json_object_new_string(t));
		free(t);
		json_object_array_add(d.v[i].level >= DIAG_ERROR ? errs : warns, e);
	}
	json_object_object_add(j, "cases", cases);
	json_object_object_add(j, "errors", errs);
	json_object_object_add(j, "warnings", warns);
	reply_json(r, rc == 0 && d.worst < DIAG_ERROR ? 200 : 422, j);
	outcome_free(&o);
	diag_free(&d);
}

void
api_import_template(const struct req *q, struct reply *r)
{
	struct import_opts io;
	struct diag d;
	struct buf b = {0};
	memset(&io, 0, sizeof io);
	io.doc = q->o;
	diag_init(&d);
	pthread_mutex_lock(&engine);
	int rc = import_template_xlsx(&io, &b, &d);
	pthread_mutex_unlock(&engine);
	if (rc == 0) {
		reply_bytes(r, 200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
		    b.p ? b.p : "", b.n);
		snprintf(r->disposition, sizeof r->disposition, "attachment; filename=\"tenants-template.xlsx\"");
	} else {
		reply_diag(r, &d, NULL);
	}
	buf_free(&b);
	diag_free(&d);
}

/* ---------------------------------------------------------------- the page */

static void
upload_form(struct buf *b, int partial)
{
	buf_printf(b, "<form method=\"post\" action=\"/import\" enctype=\"multipart/form-data\" id=\"upload\">\n"
	    "<fieldset><legend>上传客户资料表</legend>\n"
	    "<div class=\"actions\"><input type=\"file\" name=\"file\" id=\"file\" required multiple "
	    "accept=\".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv\">"
	    "<label><input type=\"checkbox\" name=\"partial\" id=\"partial\" value=\"1\"%s> "
	    "有错误时，仍导入没有错误的客户</label>"
	    "<button type=\"submit\" id=\"import\">上传并导入</button></div>\n"
	    "<p class=\"muted\">一个 Excel 工作簿（.xlsx），或几个 CSV 文件（UTF-8 或 GBK，每个文件一个工作表，"
	    "可一次选多个），合计不超过 4 MB。"
	    "每个客户一行写在“客户”表，联系人、费用、钥匙、表计等写在各自的表中，用“案卷编号”对应。"
	    "逐行按 folio check 的规则检查：只要有一处错误，就不导入任何客户（勾选上面一项时除外）；"
	    "已有的案卷不会被覆盖。</p>\n"
	    "<p><a class=\"button second\" id=\"template\" href=\"/import/template.xlsx\">下载空白模板（Excel）</a></p>\n"
	    "</fieldset>\n</form>\n", partial ? " checked" : "");
}

static void
problem_rows(struct buf *b, const struct outcome *o, int errors)
{
	for (size_t i = 0; i < o->np; i++) {
		const struct problem *p = &o->p[i];
		if ((p->level >= DIAG_ERROR) != errors)
			continue;
		buf_puts(b, "<tr><td>");
		html_esc(b, p->sheet);
		buf_puts(b, "</td><td>");
		if (p->row > 0)
			buf_printf(b, "第 %d 行", p->row);
		buf_puts(b, "</td><td>");
		if (p->col[0]) {
			html_esc(b, p->col);
			buf_puts(b, " 列");
		}
		buf_puts(b, "</td><td>");
		html_esc(b, p->label ? p->label : "");
		buf_puts(b, "</td><td>");
		html_esc(b, p->text);
		buf_puts(b, "</td></tr>\n");
	}
}

static void
import_page(const struct req *q, struct reply *r, const struct outcome *o, const struct diag *d, int rc,
    int partial)
{
	struct buf b = {0};
	size_t nerr = 0, nwarn = 0, written = 0, same = 0, refused = 0;
	for (size_t i = 0; i < o->np; i++)
		o->p[i].level >= DIAG_ERROR ? nerr++ : nwarn++;
	for (size_t i = 0; i < o->nc; i++)
		o->c[i].st == IMPORT_WRITTEN ? written++ : o->c[i].st == IMPORT_UNCHANGED ? same++ : refused++;
	(void)q;
	page_begin(&b, "导入客户", "/import");
	int other = 0;
	for (size_t i = 0; i < d->n; i++)
		other += !covered(o, i) && !d->v[i].last && d->v[i].level >= DIAG_ERROR;
	if (rc < 0 || d->worst >= DIAG_ERROR) {
		buf_puts(&b, "<div class=\"alert\" id=\"problems\"><b>");
		if (written + same == 0)
			buf_puts(&b, "表中有错误，没有导入任何客户。");
		else
			buf_printf(&b, "表中有错误：没有错误的 %zu 个客户已导入，有错误的 %zu 个没有导入。", written + same,
			    refused);
		buf_puts(&b, "</b>请按下表在电子表格中改正，保存后重新上传。");
		if (other) {
			buf_puts(&b, "<ul>");
			for (size_t i = 0; i < d->n; i++)
				if (!covered(o, i) && !d->v[i].last && d->v[i].level >= DIAG_ERROR) {
					char *t = unrooted(o, d->v[i].text);
					buf_puts(&b, "<li>");
					if (d->v[i].file && d->v[i].file[0]) {
						html_esc(&b, d->v[i].file);
						buf_puts(&b, "：");
					}
					html_esc(&b, t);
					buf_puts(&b, "</li>");
					free(t);
				}
			buf_puts(&b, "</ul>");
		}
		buf_puts(&b, "</div>\n");
		if (nerr) {
			buf_printf(&b, "<table id=\"errors\">\n<tr><th>表</th><th>行</th><th>列</th><th>项目</th>"
			    "<th>错误（共 %zu 处）</th></tr>\n", nerr);
			problem_rows(&b, o, 1);
			buf_puts(&b, "</table>\n");
		}
	}
	if (written + same) {
		buf_printf(&b, "<div class=\"note\" id=\"done\">已导入 %zu 个客户", written);
		if (same)
			buf_printf(&b, "；%zu 个客户的案卷已存在且内容相同，未改动", same);
		buf_puts(&b, "。点案卷编号打开案卷，核对后生成收楼文件。</div>\n"
		    "<table id=\"imported\">\n<tr><th>案卷编号</th><th>结果</th><th>操作</th></tr>\n");
		for (size_t i = 0; i < o->nc; i++) {
			if (o->c[i].st == IMPORT_REFUSED || !case_id_ok(o->c[i].id))
				continue;
			buf_printf(&b, "<tr><td><a href=\"/cases/%s\">%s</a></td><td>%s</td><td>"
			    "<form method=\"post\" action=\"/generate/%s\"><button type=\"submit\">生成收楼文件</button>"
			    "</form></td></tr>\n", o->c[i].id, o->c[i].id,
			    o->c[i].st == IMPORT_WRITTEN ? "已导入" : "已存在，内容相同", o->c[i].id);
		}
		buf_puts(&b, "</table>\n");
	}
	if (nwarn) {
		buf_printf(&b, "<h2 style=\"font-size:16px\">提示（%zu 条，已按规则改写，不影响导入）</h2>\n"
		    "<table id=\"warnings\">\n<tr><th>表</th><th>行</th><th>列</th><th>项目</th><th>提示</th></tr>\n", nwarn);
		problem_rows(&b, o, 0);
		buf_puts(&b, "</table>\n");
	}
	buf_puts(&b, "<p></p>\n");
	upload_form(&b, partial);
	page_end(&b, r, rc < 0 || d->worst >= DIAG_ERROR ? 422 : 200);
}

void
web_import(const struct req *q, struct reply *r)
{
	if (strcmp(q->method, "POST") != 0) {
		struct buf b = {0};
		page_begin(&b, "导入客户", "/import");
		buf_puts(&b, "<p class=\"muted\">从电子表格一次导入多个新客户：先下载空白模板，按表头填写，"
		    "再上传。每个客户生成一个案卷（cases/编号.xml），和“新客户入伙”保存的一样。</p>\n");
		upload_form(&b, 0);
		page_end(&b, r, 200);
		return;
	}
	struct upload u;
	memset(&u, 0, sizeof u);
	static const char *const why[] = {
		[UP_NONE] = "请先选择要上传的电子表格文件（.xlsx 或 .csv）。",
		[UP_XLS] = "这是旧版 Excel 文件（.xls），folio 不能读取：请在 Excel 中“另存为”Excel 工作簿（.xlsx）"
		    "或“CSV UTF-8（逗号分隔）”，再上传。",
		[UP_MIXED] = "Excel 工作簿（.xlsx）已包含全部工作表，请单独上传；或者只上传 CSV 文件。",
		[UP_MANY] = "一次最多上传 8 个 CSV 文件（模板共 8 个工作表）。",
	};
	if (upload_of_form(q, &u) < 0) {
		page_problem(r, 422, "导入客户", "上传没有成功，请重新选择文件再上传。", NULL);
		return;
	}
	int shape = upload_shape(&u);
	if (shape != UP_OK) {
		page_problem(r, 422, "导入客户", why[shape], NULL);
		return;
	}
	struct diag d;
	struct outcome o;
	int rc = run_import(q->o, &u, &o, &d);
	import_page(q, r, &o, &d, rc, u.partial);
	outcome_free(&o);
	diag_free(&d);
}
