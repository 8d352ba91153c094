/*
 * serve — the office's web page, in Chinese (docs/zh/web.md): 新客户入伙
 * (a form for every field of a case, the checks of folio check beside
 * each field), 客户列表 (search, open, edit, make the packet again), a
 * packet's documents, 空白表格 (the forms register: forms, copies, the
 * first serial number, one PDF) and 程序文件 (the manual's revision and
 * its PDF).  Plain HTML forms posted to the server, its style embedded
 * here: it works without the network and without JavaScript.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <json-c/json.h>

#include "../base/base.h"
#include "../base/file.h"
#include "../source/source.h"
#include "../text/text.h"
#include "serve_int.h"

static const char style[] =
	"*{box-sizing:border-box}\n"
	"body{margin:0;font:15px/1.6 \"Noto Sans CJK SC\",\"WenQuanYi Micro Hei\",\"Microsoft YaHei\",sans-serif;"
	"color:#1f2933;background:#f3f5f7}\n"
	"header{background:#1d4e89;color:#fff;padding:0 24px;display:flex;align-items:center;gap:32px}\n"
	"header .brand{font-size:18px;font-weight:bold;padding:14px 0}\n"
	"header nav a{color:#dbe7f5;text-decoration:none;padding:16px 12px;display:inline-block}\n"
	"header nav a.on,header nav a:hover{color:#fff;background:#163d6c}\n"
	"main{max-width:1080px;margin:24px auto;padding:0 24px}\n"
	"h1{font-size:22px;margin:0 0 16px}\n"
	"fieldset{background:#fff;border:1px solid #d5dbe1;border-radius:6px;margin:0 0 18px;padding:12px 18px 6px}\n"
	"fieldset fieldset{background:#f8fafb;margin:8px 0 12px}\n"
	"legend{font-weight:bold;padding:0 6px;color:#1d4e89}\n"
	".grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:4px 24px}\n"
	".f{display:flex;flex-direction:column;margin:4px 0 8px}\n"
	".f label{font-size:13px;color:#52606d}\n"
	".f .req{color:#c62828;margin-left:2px}\n"
	"input,select{font:inherit;padding:5px 8px;border:1px solid #b8c2cc;border-radius:4px;background:#fff}\n"
	"input:focus,select:focus{outline:2px solid #8ab4e8;border-color:#1d4e89}\n"
	"input[readonly]{background:#eef2f6;color:#52606d}\n"
	".bar{position:sticky;top:0;background:#f3f5f7;padding:8px 0;z-index:1}\n"
	".f.bad input,.f.bad select{border-color:#c62828;background:#fff5f5}\n"
	".err{color:#c62828;font-size:13px;margin-top:2px}\n"
	".note{background:#e8f3ea;border:1px solid #9fcfaa;color:#1e5f2e;padding:10px 14px;border-radius:6px;margin:0 0 16px}\n"
	".alert{background:#fdecea;border:1px solid #f1a9a0;color:#8a1c12;padding:10px 14px;border-radius:6px;margin:0 0 16px}\n"
	".alert ul{margin:6px 0 0;padding-left:20px}\n"
	".alert a{color:#8a1c12}\n"
	"button,.button{font:inherit;background:#1d4e89;color:#fff;border:0;border-radius:4px;padding:7px 18px;"
	"cursor:pointer;text-decoration:none;display:inline-block}\n"
	"button.second,.button.second{background:#fff;color:#1d4e89;border:1px solid #1d4e89}\n"
	".actions{display:flex;gap:12px;align-items:center;margin:8px 0 24px;flex-wrap:wrap}\n"
	"table{border-collapse:collapse;width:100%;background:#fff}\n"
	"th,td{border:1px solid #d5dbe1;padding:6px 10px;text-align:left;vertical-align:top}\n"
	"th{background:#eef2f6;font-weight:normal;color:#52606d}\n"
	"td form{display:inline}\n"
	"td button{padding:3px 10px;font-size:13px}\n"
	".cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(230px,1fr));gap:16px}\n"
	".card{background:#fff;border:1px solid #d5dbe1;border-radius:6px;padding:16px;color:inherit;text-decoration:none}\n"
	".card b{display:block;font-size:17px;color:#1d4e89;margin-bottom:6px}\n"
	".muted{color:#7b8794;font-size:13px}\n"
	"dl.info{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;background:#fff;padding:14px 18px;"
	"border:1px solid #d5dbe1;border-radius:6px}\n"
	"dl.info dt{color:#52606d}dl.info dd{margin:0}\n";

/* ---------------------------------------------------------------- HTML */

void
html_esc(struct buf *b, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '&': buf_puts(b, "&amp;"); break;
		case '<': buf_puts(b, "&lt;"); break;
		case '>': buf_puts(b, "&gt;"); break;
		case '"': buf_puts(b, "&quot;"); break;
		case '\'': buf_puts(b, "&#39;"); break;
		default: buf_putc(b, *s); break;
		}
	}
}

static const char *const nav[][2] = {
	{ "/new", "新客户入伙" },
	{ "/cases", "客户列表" },
	{ "/forms", "空白表格" },
	{ "/manual", "程序文件" },
	{ "/import", "导入客户" },
};

void
page_begin(struct buf *b, const char *title, const char *active)
{
	buf_puts(b, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
	html_esc(b, title);
	buf_puts(b, " · 收楼文件</title>\n<link rel=\"stylesheet\" href=\"/style.css\">\n</head>\n<body>\n"
	    "<header><a class=\"brand\" href=\"/\" style=\"color:#fff;text-decoration:none\">收楼文件</a><nav>");
	for (size_t i = 0; i < sizeof nav / sizeof nav[0]; i++)
		buf_printf(b, "<a href=\"%s\"%s>%s</a>", nav[i][0],
		    active && strcmp(active, nav[i][0]) == 0 ? " class=\"on\"" : "", nav[i][1]);
	buf_puts(b, "</nav></header>\n<main>\n<h1>");
	html_esc(b, title);
	buf_puts(b, "</h1>\n");
}

void
page_end(struct buf *b, struct reply *r, unsigned status)
{
	buf_puts(b, "</main>\n</body>\n</html>\n");
	r->status = status;
	r->type = "text/html; charset=utf-8";
	r->body = b->p ? b->p : xstrdup("");
	r->n = b->p ? b->n : 0;
	b->p = NULL;
	b->n = b->cap = 0;
}

/* A page that says what went wrong (messages, one a line). */
void
page_problem(struct reply *r, unsigned status, const char *title, const char *intro, const struct diag *d)
{
	struct buf b = {0};
	page_begin(&b, title, NULL);
	buf_puts(&b, "<div class=\"alert\">");
	html_esc(&b, intro);
	if (d && d->n) {
		buf_puts(&b, "<ul>");
		for (size_t i = 0; i < d->n; i++)
			if (d->v[i].level >= DIAG_ERROR) {
				buf_puts(&b, "<li>");
				html_esc(&b, d->v[i].text);
				buf_puts(&b, "</li>");
			}
		buf_puts(&b, "</ul>");
	}
	buf_puts(&b, "</div>\n<p><a href=\"javascript:history.back()\">返回</a></p>\n");
	page_end(&b, r, status);
}

void
web_style(const struct req *q, struct reply *r)
{
	(void)q;
	reply_bytes(r, 200, "text/css; charset=utf-8", style, sizeof style - 1);
}

void
web_home(const struct req *q, struct reply *r)
{
	struct buf b = {0};
	(void)q;
	page_begin(&b, "收楼文件", NULL);
	buf_puts(&b, "<div class=\"cards\">\n"
	    "<a class=\"card\" href=\"/new\"><b>新客户入伙</b>填写新客户的收楼资料，检查无误后保存，并生成收楼文件。</a>\n"
	    "<a class=\"card\" href=\"/cases\"><b>客户列表</b>按客户名称、单元或日期查找，打开、修改、重新生成收楼文件。</a>\n"
	    "<a class=\"card\" href=\"/forms\"><b>空白表格</b>选择表格、份数和起始编号，下载一个 PDF 打印。</a>\n"
	    "<a class=\"card\" href=\"/manual\"><b>程序文件</b>客服部工作程序的现行版本、生效日期和 PDF。</a>\n"
	    "<a class=\"card\" href=\"/import\"><b>导入客户</b>上传客户资料电子表格（Excel 或 CSV），逐行检查后一次建好多个案卷；可下载空白模板。</a>\n"
	    "</div>\n");
	page_end(&b, r, 200);
}

/* ---------------------------------------------------------------- the case form */

/* What a list value is called on the page. */
static const char *const choice_names[][2] = {
	{ "primary", "主要联系人" }, { "finance", "财务" }, { "administration", "行政" },
	{ "it", "IT" }, { "hr", "人事" }, { "other", "其他" },
	{ "charge", "收费" }, { "deposit", "押金/保证金" },
	{ "electricity", "电表" }, { "water", "水表" }, { "heat", "热表" },
};

static const char *
choice_name(const char *v)
{
	for (size_t i = 0; i < sizeof choice_names / sizeof choice_names[0]; i++)
		if (strcmp(choice_names[i][0], v) == 0)
			return choice_names[i][1];
	return v;
}

struct form_ctx {
	struct buf             *b;
	const struct ds_labels *labels;
	struct json_object     *errs;   /* [{path, label, message}], or NULL */
	char                   *shown;  /* which errors were shown beside a field (one flag each) */
	int                     edit;   /* the case number cannot be changed */
};

/* The member at key of obj (NULL when absent or not an object). */
static struct json_object *
member(struct json_object *obj, const char *key)
{
	struct json_object *v = NULL;
	if (obj == NULL || !json_object_is_type(obj, json_type_object) || !json_object_object_get_ex(obj, key, &v))
		return NULL;
	return v;
}

static const char *
label_of(const struct form_ctx *fc, const char *generic, const char *name, const char **example)
{
	const char *l = docset_label(fc->labels, generic, example);
	return l ? l : name;
}

static void
field_errors(struct form_ctx *fc, const char *path, struct buf *out)
{
	for (size_t i = 0; fc->errs && i < json_object_array_length(fc->errs); i++) {
		struct json_object *e = json_object_array_get_idx(fc->errs, i);
		const char *p = json_object_get_string(member(e, "path"));
		if (p && strcmp(p, path) == 0) {
			buf_puts(out, "<span class=\"err\">");
			html_esc(out, json_object_get_string(member(e, "message")));
			buf_puts(out, "</span>");
			fc->shown[i] = 1;
		}
	}
}

static void
render_field(struct form_ctx *fc, size_t j, struct json_object *obj, const char *path, const char *generic)
{
	const struct case_field *f = &case_fields[j];
	const char *example = NULL;
	const char *label = label_of(fc, generic, f->name, &example);
	const char *v = json_object_get_string(member(obj, f->name));
	struct buf errs = {0};
	field_errors(fc, path, &errs);
	buf_printf(fc->b, "<div class=\"f%s\"><label for=\"", errs.n ? " bad" : "");
	html_esc(fc->b, path);
	buf_puts(fc->b, "\">");
	html_esc(fc->b, label);
	if (!(f->flags & CF_OPT))
		buf_puts(fc->b, "<span class=\"req\" title=\"必填\">*</span>");
	buf_puts(fc->b, "</label>");
	if (f->choices) {
		buf_puts(fc->b, "<select id=\"");
		html_esc(fc->b, path);
		buf_puts(fc->b, "\" name=\"");
		html_esc(fc->b, path);
		buf_puts(fc->b, "\">");
		const char *c = f->choices;
		while (*c) {
			size_t n = strcspn(c, "|");
			char one[64];
			snprintf(one, sizeof one, "%.*s", (int)n, c);
			buf_puts(fc->b, "<option value=\"");
			html_esc(fc->b, one);
			buf_printf(fc->b, "\"%s>", v && strcmp(v, one) == 0 ? " selected" : "");
			html_esc(fc->b, choice_name(one));
			buf_puts(fc->b, "</option>");
			c += n + (c[n] == '|');
		}
		buf_puts(fc->b, "</select>");
	} else {
		buf_puts(fc->b, "<input id=\"");
		html_esc(fc->b, path);
		buf_puts(fc->b, "\" name=\"");
		html_esc(fc->b, path);
		buf_puts(fc->b, "\" value=\"");
		html_esc(fc->b, v ? v : "");
		buf_puts(fc->b, "\"");
		if (example) {
			buf_puts(fc->b, " placeholder=\"例如 ");
			html_esc(fc->b, example);
			buf_puts(fc->b, "\"");
		}
		if (fc->edit && strcmp(path, "@id") == 0)
			buf_puts(fc->b, " readonly");
		buf_puts(fc->b, ">");
	}
	if (errs.p)
		buf_add(fc->b, errs.p, errs.n);
	buf_puts(fc->b, "</div>\n");
	buf_free(&errs);
}

static void render_group(struct form_ctx *fc, size_t gi, struct json_object *obj, const char *path,
    const char *generic);

static char *
path_join(const char *a, const char *b)
{
	char *p = xmalloc(strlen(a) + strlen(b) + 2);
	if (a[0])
		sprintf(p, "%s/%s", a, b);
	else
		strcpy(p, b);
	return p;
}

static void
render_children(struct form_ctx *fc, size_t gi, struct json_object *obj, const char *path, const char *generic)
{
	/* the values of the group first, in a grid; its groups after them */
	int open = 0;
	for (size_t j = gi + 1; j < case_field_next(gi); j = case_field_next(j)) {
		if (case_fields[j].flags & CF_GROUP)
			continue;
		if (!open)
			buf_puts(fc->b, "<div class=\"grid\">\n");
		open = 1;
		char *p = path_join(path, case_fields[j].name), *g = path_join(generic, case_fields[j].name);
		render_field(fc, j, obj, p, g);
		free(p);
		free(g);
	}
	if (open)
		buf_puts(fc->b, "</div>\n");
	for (size_t j = gi + 1; j < case_field_next(gi); j = case_field_next(j)) {
		const struct case_field *f = &case_fields[j];
		if (!(f->flags & CF_GROUP))
			continue;
		char *p = path_join(path, f->name), *g = path_join(generic, f->name);
		struct json_object *v = member(obj, f->name);
		if (f->flags & CF_REPEAT) {
			size_t n = v && json_object_is_type(v, json_type_array) ? json_object_array_length(v) : 0;
			/* what there is, at least the fewest allowed, and one more to add */
			size_t rows = (n > (size_t)f->min ? n : (size_t)f->min) + 1;
			for (size_t k = 0; k < rows; k++) {
				char *pk = xmalloc(strlen(p) + 24);
				sprintf(pk, "%s[%zu]", p, k + 1);
				struct json_object *m = k < n ? json_object_array_get_idx(v, k) : NULL;
				if (m == NULL && strcmp(g, "case/customer/contacts/contact") == 0) {
					/* the first contact is the primary one, the others not */
					m = json_object_new_object();
					json_object_object_add(m, "@role", json_object_new_string(k == 0 ? "primary" : "other"));
					render_group(fc, j, m, pk, g);
					json_object_put(m);
				} else {
					render_group(fc, j, m, pk, g);
				}
				free(pk);
			}
		} else {
			render_group(fc, j, v, p, g);
		}
		free(p);
		free(g);
	}
}

static void
render_group(struct form_ctx *fc, size_t gi, struct json_object *obj, const char *path, const char *generic)
{
	const char *label = label_of(fc, generic, case_fields[gi].name, NULL);
	buf_puts(fc->b, "<fieldset id=\"");
	html_esc(fc->b, path);
	buf_puts(fc->b, "\"><legend>");
	html_esc(fc->b, label);
	const char *br = strrchr(path, '[');
	if (br && path[strlen(path) - 1] == ']')
		buf_printf(fc->b, " %d", atoi(br + 1));
	if (case_fields[gi].flags & CF_OPT)
		buf_puts(fc->b, " <span class=\"muted\">（如无可不填）</span>");
	else if ((case_fields[gi].flags & CF_REPEAT) && br && atoi(br + 1) > case_fields[gi].min)
		buf_puts(fc->b, " <span class=\"muted\">（可不填）</span>");
	buf_puts(fc->b, "</legend>\n");
	struct buf errs = {0};
	field_errors(fc, path, &errs);
	if (errs.p)
		buf_add(fc->b, errs.p, errs.n);
	buf_free(&errs);
	render_children(fc, gi, obj, path, generic);
	buf_puts(fc->b, "</fieldset>\n");
}

/* The form of a case: its values in obj, its problems in errs (may be NULL). */
static void
case_form(struct buf *b, const struct docset_opts *o, struct json_object *obj, struct json_object *errs,
    const char *action, const char *etag, int edit)
{
	struct form_ctx fc = { b, docset_labels_load(o), errs, NULL, edit };
	size_t nerr = errs ? json_object_array_length(errs) : 0;
	fc.shown = xcalloc(nerr + 1, 1);
	struct buf body = {0};
	fc.b = &body;
	buf_puts(&body, "<fieldset id=\"basic\"><legend>收楼案卷</legend>\n<div class=\"grid\">\n");
	for (size_t j = 1; j < case_nfields && case_fields[j].depth == 1; j = case_field_next(j))
		if (!(case_fields[j].flags & CF_GROUP)) {
			char *g = path_join("case", case_fields[j].name);
			render_field(&fc, j, obj, case_fields[j].name, g);
			free(g);
		}
	buf_puts(&body, "</div>\n</fieldset>\n");
	for (size_t j = 1; j < case_nfields; j = case_field_next(j))
		if (case_fields[j].flags & CF_GROUP) {
			char *g = path_join("case", case_fields[j].name);
			render_group(&fc, j, member(obj, case_fields[j].name), case_fields[j].name, g);
			free(g);
		}
	if (nerr) {
		buf_printf(b, "<div class=\"alert\" id=\"problems\"><b>有 %zu 处需要修改，尚未保存：</b><ul>\n", nerr);
		for (size_t i = 0; i < nerr; i++) {
			struct json_object *e = json_object_array_get_idx(errs, i);
			const char *p = json_object_get_string(member(e, "path"));
			const char *l = json_object_get_string(member(e, "label"));
			buf_puts(b, "<li>");
			if (fc.shown[i] && p) {
				buf_puts(b, "<a href=\"#");
				html_esc(b, p);
				buf_puts(b, "\">");
				html_esc(b, l ? l : p);
				buf_puts(b, "</a>：");
			} else if (l || (p && p[0])) {
				html_esc(b, l ? l : p);
				buf_puts(b, "：");
			}
			html_esc(b, json_object_get_string(member(e, "message")));
			buf_puts(b, "</li>\n");
		}
		buf_puts(b, "</ul></div>\n");
	}
	buf_puts(b, "<form method=\"post\" action=\"");
	html_esc(b, action);
	buf_puts(b, "\" accept-charset=\"utf-8\">\n");
	if (etag) {
		buf_puts(b, "<input type=\"hidden\" name=\"_etag\" value=\"");
		html_esc(b, etag);
		buf_puts(b, "\">\n");
	}
	buf_add(b, body.p, body.n);
	buf_puts(b, "<div class=\"actions\"><button type=\"submit\" id=\"save\">保存</button>"
	    "<span class=\"muted\">带 <span style=\"color:#c62828\">*</span> 的为必填项；保存前按 folio check "
	    "的规则检查每一项。</span></div>\n</form>\n");
	buf_free(&body);
	free(fc.shown);
	docset_labels_free((struct ds_labels *)fc.labels);
}

/* ---------------------------------------------------------------- new, edit, save */

/* The next case number of this year: YYYY-NNN after the highest one. */
static void
next_id(const struct docset_opts *o, char *out, size_t n)
{
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	int year = tm.tm_year + 1900, top = 0;
	char *dir = path_join(o->root, "cases");
	DIR *dp = opendir(dir);
	struct dirent *de;
	while (dp && (de = readdir(dp)) != NULL) {
		int y, k, c = 0;
		if (sscanf(de->d_name, "%4d-%3d.xml%n", &y, &k, &c) == 2 && c > 0 && y == year && k > top)
			top = k;
	}
	if (dp)
		closedir(dp);
	free(dir);
	snprintf(out, n, "%04d-%03d", year, top + 1 > 999 ? 999 : top + 1);
}

/* Check and save the case of a form.  Returns 0 when saved (*r is then not
 * set), or -1 with the form shown again with its problems in *r. */
static int
save_form(const struct req *q, const char *id, const char *etag, int edit, struct reply *r)
{
	struct form f;
	form_parse(q->body, q->n, &f);
	struct json_object *j = form_case_json(&f), *errs = json_object_new_array();
	struct buf xml = {0}, keep = {0}, b = {0};
	struct case_lines lines = { NULL, 0 };
	const char *sent = json_object_get_string(member(j, "@id"));
	char idv[80];
	snprintf(idv, sizeof idv, "%s", id ? id : sent ? sent : "");
	if (etag == NULL)
		etag = form_value(&f, "_etag");
	int rc = -1, stale = 0;
	if (!case_id_ok(idv)) {
		case_error_add(errs, "@id", "案卷编号", "请填写案卷编号：年份、短横线和三位数字，例如 2024-005");
	} else if (!edit) {
		struct buf cur = {0};
		if (case_read(q->o, idv, &cur) == 0)
			case_error_add(errs, "@id", "案卷编号", "此编号已有案卷：请换一个编号，或在客户列表中打开该案卷");
		buf_free(&cur);
	}
	if (edit && sent && strcmp(sent, idv) != 0)
		case_error_add(errs, "@id", "案卷编号", "案卷编号不能修改");
	if (json_object_array_length(errs) == 0 && case_from_json(j, &xml, &lines, errs) == 0 &&
	    case_check(q->o, idv, 1, xml.p ? xml.p : "", xml.n, &lines, errs, &keep) == 0) {
		char now[72];
		int s = case_save(q->o, idv, edit ? etag : NULL, keep.p ? keep.p : "", keep.n, now);
		if (s == 0)
			rc = 0;
		else if (s == 1 && edit)
			stale = 1;
		else if (s == 1)
			case_error_add(errs, "@id", "案卷编号", "此编号已有案卷：请换一个编号");
		else
			case_error_add(errs, "", NULL, "案卷未能写入文件（磁盘或权限问题），请联系 IT 人员");
	}
	if (rc < 0) {
		page_begin(&b, edit ? "修改案卷" : "新客户入伙", edit ? "/cases" : "/new");
		if (stale)
			buf_printf(&b, "<div class=\"alert\" id=\"stale\">保存前，此案卷已被别人修改过；为免覆盖对方的修改，"
			    "本次没有保存。请<a href=\"/cases/%s\">重新打开案卷</a>，再把修改填一次。</div>\n", idv);
		char action[128];
		snprintf(action, sizeof action, edit ? "/cases/%s" : "/new", idv);
		case_form(&b, q->o, j, errs, action, edit ? etag : NULL, edit);
		page_end(&b, r, stale ? 409 : 422);
	}
	json_object_put(j);
	json_object_put(errs);
	case_lines_free(&lines);
	buf_free(&xml);
	buf_free(&keep);
	form_free(&f);
	return rc;
}

void
web_new(const struct req *q, struct reply *r)
{
	if (strcmp(q->method, "POST") == 0) {
		struct form f;
		form_parse(q->body, q->n, &f);
		char id[80];
		snprintf(id, sizeof id, "%s", form_value(&f, "@id") ? form_value(&f, "@id") : "");
		form_free(&f);
		if (save_form(q, NULL, NULL, 0, r) == 0) {
			char url[128];
			snprintf(url, sizeof url, "/cases/%s?done=saved", id);
			reply_redirect(r, url);
		}
		return;
	}
	struct buf b = {0};
	char id[32];
	next_id(q->o, id, sizeof id);
	struct json_object *j = json_object_new_object();
	json_object_object_add(j, "@id", json_object_new_string(id));
	page_begin(&b, "新客户入伙", "/new");
	buf_puts(&b, "<p class=\"muted\">按合同和营业执照填写。保存时逐项检查，有问题的项会在旁边用红字说明。</p>\n");
	case_form(&b, q->o, j, NULL, "/new", NULL, 0);
	json_object_put(j);
	page_end(&b, r, 200);
}

static int
packet_exists(const struct docset_opts *o, const char *id)
{
	char *out = o->out_dir ? xstrdup(o->out_dir) : path_join(o->root, "output");
	struct buf p = {0};
	buf_printf(&p, "%s/packets/%s/packet.pdf", out, id);
	struct stat st;
	int yes = stat(p.p, &st) == 0;
	buf_free(&p);
	free(out);
	return yes;
}

void
web_case(const struct req *q, struct reply *r)
{
	const char *id = q->rest;
	if (!case_id_ok(id)) {
		page_problem(r, 400, "案卷编号不对", "案卷编号只能由字母、数字、短横线组成。", NULL);
		return;
	}
	if (strcmp(q->method, "POST") == 0) {
		struct form f;
		form_parse(q->body, q->n, &f);
		char *etag = xstrdup(form_value(&f, "_etag") ? form_value(&f, "_etag") : "");
		form_free(&f);
		if (save_form(q, id, etag, 1, r) == 0) {
			char url[128];
			snprintf(url, sizeof url, "/cases/%s?done=saved", id);
			reply_redirect(r, url);
		}
		free(etag);
		return;
	}
	struct buf c = {0}, b = {0};
	if (case_read(q->o, id, &c) < 0) {
		page_problem(r, 404, "没有这个案卷", "客户列表中没有这个编号的案卷。", NULL);
		return;
	}
	char etag[72];
	case_etag(c.p ? c.p : "", c.n, etag);
	struct diag d;
	diag_init(&d);
	pthread_mutex_lock(&engine);
	struct xdoc *x = src_xml_parse(c.p ? c.p : "", c.n, "case.xml", &d);
	struct json_object *j = x ? case_to_json(x->root) : NULL;
	src_xdoc_free(x);
	pthread_mutex_unlock(&engine);
	buf_free(&c);
	if (j == NULL) {
		page_problem(r, 422, "案卷无法读取", "案卷文件不是完整的 XML，请 IT 人员用 folio check 检查：", &d);
		diag_free(&d);
		return;
	}
	diag_free(&d);
	char title[200];
	snprintf(title, sizeof title, "案卷 %s", id);
	page_begin(&b, title, "/cases");
	if (q->done && strcmp(q->done, "saved") == 0)
		buf_puts(&b, "<div class=\"note\" id=\"saved\">已保存。检查全部通过，可以生成收楼文件。</div>\n");
	buf_printf(&b, "<div class=\"actions\"><form method=\"post\" action=\"/generate/%s\">"
	    "<button type=\"submit\" id=\"generate\">生成收楼文件</button></form>", id);
	if (packet_exists(q->o, id))
		buf_printf(&b, "<a class=\"button second\" href=\"/packet/%s\">查看已生成的文件</a>", id);
	buf_puts(&b, "</div>\n");
	char action[128];
	snprintf(action, sizeof action, "/cases/%s", id);
	case_form(&b, q->o, j, NULL, action, etag, 1);
	json_object_put(j);
	page_end(&b, r, 200);
}

/* ---------------------------------------------------------------- the list */

static int
contains(const char *hay, const char *needle)
{
	return hay && strstr(hay, needle) != NULL;
}

void
web_cases(const struct req *q, struct reply *r)
{
	struct diag d;
	struct docset_case *v = NULL;
	size_t n = 0;
	diag_init(&d);
	api_cases_load(q->o, &v, &n, &d);
	struct buf b = {0};
	const char *s = q->q ? q->q : "";
	page_begin(&b, "客户列表", "/cases");
	buf_puts(&b, "<form method=\"get\" action=\"/cases\" class=\"actions\">"
	    "<input name=\"q\" id=\"q\" size=\"32\" placeholder=\"客户名称、单元号或收楼日期\" value=\"");
	html_esc(&b, s);
	buf_puts(&b, "\"><button type=\"submit\">查找</button><a class=\"button second\" href=\"/new\">新客户入伙</a></form>\n");
	if (d.worst >= DIAG_ERROR) {
		buf_puts(&b, "<div class=\"alert\">以下案卷文件无法读取，没有列出：<ul>");
		for (size_t i = 0; i < d.n; i++)
			if (d.v[i].level >= DIAG_ERROR) {
				buf_puts(&b, "<li>");
				html_esc(&b, d.v[i].text);
				buf_puts(&b, "</li>");
			}
		buf_puts(&b, "</ul></div>\n");
	}
	buf_puts(&b, "<table id=\"cases\">\n<tr><th>案卷编号</th><th>客户</th><th>楼层</th><th>单元</th><th>收楼日期</th>"
	    "<th>操作</th></tr>\n");
	size_t shown = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[0] && !contains(v[i].tenant, s) && !contains(v[i].unit, s) && !contains(v[i].date, s) &&
		    !contains(v[i].id, s))
			continue;
		shown++;
		buf_puts(&b, "<tr><td>");
		html_esc(&b, v[i].id);
		buf_puts(&b, "</td><td>");
		html_esc(&b, v[i].tenant);
		buf_puts(&b, "</td><td>");
		html_esc(&b, v[i].floor);
		buf_puts(&b, "</td><td>");
		html_esc(&b, v[i].unit);
		buf_puts(&b, "</td><td>");
		html_esc(&b, v[i].date);
		buf_puts(&b, "</td><td>");
		if (case_id_ok(v[i].id)) {
			buf_printf(&b, "<a href=\"/cases/%s\">打开/修改</a> · <form method=\"post\" action=\"/generate/%s\">"
			    "<button type=\"submit\">生成</button></form>", v[i].id, v[i].id);
			if (packet_exists(q->o, v[i].id))
				buf_printf(&b, " · <a href=\"/packet/%s\">已生成的文件</a>", v[i].id);
		}
		buf_puts(&b, "</td></tr>\n");
	}
	buf_puts(&b, "</table>\n");
	buf_printf(&b, "<p class=\"muted\">共 %zu 个案卷%s。</p>\n", shown, s[0] ? "符合查找条件" : "");
	docset_cases_free(v, n);
	diag_free(&d);
	page_end(&b, r, 200);
}

/* ---------------------------------------------------------------- packets */

static char *
out_dir(const struct docset_opts *o)
{
	return o->out_dir ? xstrdup(o->out_dir) : path_join(o->root, "output");
}

void
web_generate(const struct req *q, struct reply *r)
{
	const char *id = q->rest;
	struct buf c = {0};
	if (!case_id_ok(id) || case_read(q->o, id, &c) < 0) {
		page_problem(r, 404, "没有这个案卷", "客户列表中没有这个编号的案卷。", NULL);
		return;
	}
	buf_free(&c);
	char *file = xmalloc(strlen(q->o->root) + strlen(id) + 16), *out = out_dir(q->o);
	sprintf(file, "%s/cases/%s.xml", q->o->root, id);
	struct diag d;
	diag_init(&d);
	if (case_packet(q->o, file, out, &d) == 0) {
		char url[128];
		snprintf(url, sizeof url, "/packet/%s", id);
		reply_redirect(r, url);
	} else {
		page_problem(r, 422, "收楼文件没有生成", "案卷有以下问题，请打开案卷修改后再生成：", &d);
	}
	diag_free(&d);
	free(file);
	free(out);
}

/* The title of a packet's file NN-name.pdf: its source's <title>. */
static void
file_title(const struct docset_opts *o, const char *file, char *out, size_t n)
{
	char name[256];
	snprintf(name, sizeof name, "%s", strlen(file) > 7 && file[2] == '-' ? file + 3 : file);
	size_t k = strlen(name);
	if (k > 4)
		name[k - 4] = '\0';
	snprintf(out, n, "%s", strcmp(file, "packet.pdf") == 0 ? "全部文件（合订本）" :
	    strcmp(name, "receipt") == 0 ? "收据" : name);
	struct buf p = {0};
	if (o->content)
		buf_printf(&p, "%s/%s.xml", o->content, name);
	else
		buf_printf(&p, "%s/docs/content/%s.xml", o->root, name);
	struct stat st;
	if (stat(p.p, &st) != 0) {
		buf_reset(&p);
		buf_printf(&p, "%s/procedures/forms/%s.xml", o->root, name);
	}
	struct diag d;
	diag_init(&d);
	struct buf bytes = {0};
	const char *why = NULL;
	if (stat(p.p, &st) == 0 && file_read(p.p, 4u << 20, &bytes, &why) == 0) {
		pthread_mutex_lock(&engine);
		struct xdoc *x = src_xml_parse(bytes.p, bytes.n, p.p, &d);
		for (const struct xnode *c = x ? x->root->first : NULL; c; c = c->next)
			if (c->kind == XNODE_ELEMENT && strcmp(c->name, "title") == 0 && c->first &&
			    c->first->kind == XNODE_TEXT) {
				snprintf(out, n, "%.*s", (int)c->first->textlen, c->first->text);
				break;
			}
		src_xdoc_free(x);
		pthread_mutex_unlock(&engine);
	}
	buf_free(&bytes);
	diag_free(&d);
	buf_free(&p);
}

static int
pdf_file(const struct dirent *e)
{
	size_t n = strlen(e->d_name);
	return e->d_name[0] != '.' && n > 4 && strcmp(e->d_name + n - 4, ".pdf") == 0;
}

void
web_packet(const struct req *q, struct reply *r)
{
	const char *id = q->rest;
	if (!case_id_ok(id)) {
		page_problem(r, 400, "案卷编号不对", "案卷编号只能由字母、数字、短横线组成。", NULL);
		return;
	}
	char *out = out_dir(q->o);
	struct buf dir = {0}, b = {0};
	buf_printf(&dir, "%s/packets/%s", out, id);
	free(out);
	struct dirent **list = NULL;
	int n = scandir(dir.p, &list, pdf_file, alphasort);
	buf_free(&dir);
	if (n <= 0) {
		free(list);
		page_problem(r, 404, "还没有收楼文件", "这个案卷还没有生成收楼文件：请在案卷页面点“生成收楼文件”。", NULL);
		return;
	}
	char title[200];
	snprintf(title, sizeof title, "收楼文件 %s", id);
	page_begin(&b, title, "/cases");
	buf_printf(&b, "<div class=\"note\">收楼文件已生成。点文件名打开 PDF，或下载全部文件的压缩包。</div>\n"
	    "<div class=\"actions\"><a class=\"button\" id=\"zip\" href=\"/packets/%s.zip\">下载全部文件（ZIP）</a>"
	    "<a class=\"button second\" href=\"/cases/%s\">返回案卷</a></div>\n"
	    "<table id=\"documents\">\n<tr><th>文件</th><th>PDF</th></tr>\n", id, id);
	for (int i = 0; i < n; i++) {
		char t[256];
		file_title(q->o, list[i]->d_name, t, sizeof t);
		buf_puts(&b, "<tr><td>");
		html_esc(&b, t);
		buf_printf(&b, "</td><td><a href=\"/packets/%s/", id);
		html_esc(&b, list[i]->d_name);
		buf_puts(&b, "\">");
		html_esc(&b, list[i]->d_name);
		buf_puts(&b, "</a></td></tr>\n");
		free(list[i]);
	}
	free(list);
	buf_puts(&b, "</table>\n");
	page_end(&b, r, 200);
}

/* Is name a file name of a packet's folder (no /, not hidden, .pdf)? */
static int
file_name_ok(const char *name)
{
	size_t n = strlen(name);
	if (n < 5 || n > 128 || name[0] == '.' || strcmp(name + n - 4, ".pdf") != 0)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!((name[i] >= '0' && name[i] <= '9') || (name[i] >= 'a' && name[i] <= 'z') ||
		    (name[i] >= 'A' && name[i] <= 'Z') || strchr("-_.", name[i])))
			return 0;
	return strstr(name, "..") == NULL;
}

void
web_packet_file(const struct req *q, struct reply *r)
{
	char id[80], name[160] = "";
	const char *slash = strchr(q->rest, '/');
	size_t k = slash ? (size_t)(slash - q->rest) : strlen(q->rest);
	int zip = 0;
	if (slash == NULL && k > 4 && strcmp(q->rest + k - 4, ".zip") == 0) {
		zip = 1;
		k -= 4;
	}
	snprintf(id, sizeof id, "%.*s", (int)(k < sizeof id ? k : 0), q->rest);
	if (slash)
		snprintf(name, sizeof name, "%s", slash + 1);
	if (!case_id_ok(id) || (!zip && !file_name_ok(name))) {
		reply_error(r, 404, "no such file");
		return;
	}
	char *out = out_dir(q->o);
	struct buf dir = {0}, b = {0};
	buf_printf(&dir, "%s/packets/%s", out, id);
	free(out);
	if (zip) {
		struct stat st;
		if (stat(dir.p, &st) == 0 && S_ISDIR(st.st_mode) && packet_zip(dir.p, &b) == 0) {
			reply_bytes(r, 200, "application/zip", b.p, b.n);
			snprintf(r->disposition, sizeof r->disposition, "attachment; filename=\"%s.zip\"", id);
		} else {
			reply_error(r, 404, "no such packet");
		}
	} else {
		buf_printf(&dir, "/%s", name);
		struct stat st;
		const char *why = NULL;
		if (lstat(dir.p, &st) == 0 && S_ISREG(st.st_mode) && file_read(dir.p, 0, &b, &why) == 0) {
			reply_pdf(r, &b);
			snprintf(r->disposition, sizeof r->disposition, "inline; filename=\"%.64s-%.80s\"", id, name);
		} else {
			reply_error(r, 404, "no such file");
		}
	}
	buf_free(&b);
	buf_free(&dir);
}

/* ---------------------------------------------------------------- blank forms */

void
web_forms(const struct req *q, struct reply *r)
{
	if (strcmp(q->method, "POST") == 0) {
		struct form f;
		form_parse(q->body, q->n, &f);
		struct json_object *j = json_object_new_object(), *a = json_object_new_array();
		for (size_t i = 0; i < f.n; i++)
			if (strcmp(f.v[i].key, "form") == 0)
				json_object_array_add(a, json_object_new_string(f.v[i].value));
		json_object_object_add(j, "forms", a);
		const char *copies = form_value(&f, "copies"), *start = form_value(&f, "serial_start");
		long c = copies && *copies ? strtol(copies, NULL, 10) : 1;
		json_object_object_add(j, "copies", json_object_new_int64(c));
		if (start && *start)
			json_object_object_add(j, "serial_start", json_object_new_int64(strtol(start, NULL, 10)));
		form_free(&f);
		const char *s = json_object_to_json_string(j);
		if (json_object_array_length(a) == 0) {
			page_problem(r, 422, "空白表格", "请至少选择一张表格。", NULL);
		} else {
			api_forms_make(q->o, s, strlen(s), r);
			if (r->status == 200) {
				snprintf(r->disposition, sizeof r->disposition, "inline; filename=\"forms.pdf\"");
			} else {
				/* the API's errors, as a page */
				struct diag d;
				diag_init(&d);
				struct json_object *e = json_tokener_parse(r->body ? r->body : "");
				struct json_object *ea = member(e, "errors");
				for (size_t i = 0; ea && i < json_object_array_length(ea); i++)
					diag_report(&d, DIAG_ERROR, NULL, 0, 0, "%s",
					    json_object_get_string(member(json_object_array_get_idx(ea, i), "message")));
				json_object_put(e);
				free(r->body);
				r->body = NULL;
				page_problem(r, r->status == 400 ? 422 : r->status, "空白表格",
				    "表格没有生成：份数为 1 至 10000，起始编号为 1 至 999999。", &d);
				diag_free(&d);
			}
		}
		json_object_put(j);
		return;
	}
	struct diag d;
	struct docset_form *v = NULL;
	size_t n = 0;
	diag_init(&d);
	pthread_mutex_lock(&engine);
	struct text_fonts *fonts = text_fonts_new(&d);
	int rc = docset_forms_info(q->o, fonts, &v, &n, &d);
	text_fonts_free(fonts);
	pthread_mutex_unlock(&engine);
	if (rc < 0) {
		page_problem(r, 500, "空白表格", "表格登记册无法读取：", &d);
		diag_free(&d);
		return;
	}
	struct buf b = {0};
	page_begin(&b, "空白表格", "/forms");
	buf_puts(&b, "<form method=\"post\" action=\"/forms\" accept-charset=\"utf-8\">\n"
	    "<div class=\"actions bar\">"
	    "<label>份数 <input type=\"number\" name=\"copies\" id=\"copies\" value=\"1\" min=\"1\" max=\"10000\" style=\"width:90px\"></label>"
	    "<label>起始编号 <input type=\"number\" name=\"serial_start\" id=\"serial_start\" min=\"1\" max=\"999999\" "
	    "placeholder=\"不编号则不填\" style=\"width:150px\"></label>"
	    "<button type=\"submit\" id=\"make\">下载 PDF</button>"
	    "<span class=\"muted\">勾选下表中的表格；填写起始编号时，每份按顺序编号，并记住已发出的编号，下次接着编。</span></div>\n"
	    "<table id=\"register\">\n<tr><th>选择</th><th>表格编号</th><th>表格名称</th><th>每份页数</th><th>联数</th></tr>\n");
	for (size_t i = 0; i < n; i++) {
		buf_puts(&b, "<tr><td><input type=\"checkbox\" name=\"form\" id=\"form-");
		html_esc(&b, v[i].id);
		buf_puts(&b, "\" value=\"");
		html_esc(&b, v[i].id);
		buf_puts(&b, "\"></td><td><label for=\"form-");
		html_esc(&b, v[i].id);
		buf_puts(&b, "\">");
		html_esc(&b, v[i].number[0] ? v[i].number : v[i].id);
		buf_puts(&b, "</label></td><td>");
		html_esc(&b, v[i].name);
		buf_printf(&b, "</td><td>%d</td><td>%d</td></tr>\n", v[i].pages, v[i].parts);
	}
	buf_puts(&b, "</table>\n</form>\n");
	docset_forms_info_free(v, n);
	diag_free(&d);
	page_end(&b, r, 200);
}

/* ---------------------------------------------------------------- the manual */

static void
text_esc(struct buf *b, const struct xnode *e)
{
	for (const struct xnode *c = e ? e->first : NULL; c; c = c->next)
		if (c->kind == XNODE_TEXT) {
			char *t = xstrndup(c->text, c->textlen);
			html_esc(b, t);
			free(t);
		}
}

void
web_manual(const struct req *q, struct reply *r)
{
	char *p = path_join(q->o->root, "procedures/manual.xml");
	struct buf bytes = {0}, b = {0};
	const char *why = NULL;
	struct diag d;
	diag_init(&d);
	struct xdoc *x = NULL;
	pthread_mutex_lock(&engine);
	if (file_read(p, 4u << 20, &bytes, &why) == 0)
		x = src_xml_parse(bytes.p, bytes.n, "procedures/manual.xml", &d);
	if (x == NULL) {
		pthread_mutex_unlock(&engine);
		page_problem(r, 500, "程序文件", "手册文件 procedures/manual.xml 无法读取：", &d);
		goto done;
	}
	const struct xnode *ctl = xnode_child(x->root, "control");
	const struct xnode *ver = xnode_child(ctl, "version"), *eff = xnode_child(ctl, "effective");
	page_begin(&b, "程序文件", "/manual");
	buf_puts(&b, "<dl class=\"info\" id=\"current\"><dt>手册</dt><dd>");
	text_esc(&b, xnode_child(ctl, "title"));
	buf_puts(&b, "</dd><dt>手册编号</dt><dd>");
	html_esc(&b, xnode_attr(x->root, "code"));
	buf_puts(&b, "</dd><dt>现行版本</dt><dd>第 ");
	html_esc(&b, ver ? xnode_attr(ver, "edition") : "?");
	buf_puts(&b, " 版 第 ");
	html_esc(&b, ver ? xnode_attr(ver, "revision") : "?");
	buf_puts(&b, " 次修订</dd><dt>生效日期</dt><dd>");
	html_esc(&b, eff ? xnode_attr(eff, "date") : "");
	buf_puts(&b, "</dd><dt>受控状态</dt><dd>");
	text_esc(&b, xnode_child(ctl, "status"));
	buf_puts(&b, "</dd></dl>\n<div class=\"actions\" style=\"margin-top:16px\">"
	    "<a class=\"button\" id=\"manual-pdf\" href=\"/manual.pdf\">打开现行手册 PDF</a></div>\n"
	    "<h2 style=\"font-size:18px\">修订记录</h2>\n<table id=\"revisions\"><tr><th>版次</th><th>生效日期</th>"
	    "<th>修订内容摘要</th><th>修订人</th><th>审核人</th></tr>\n");
	for (const struct xnode *v = xnode_child(xnode_child(x->root, "revisions"), "revision"); v; v = v->next) {
		if (v->kind != XNODE_ELEMENT || strcmp(v->name, "revision") != 0)
			continue;
		buf_puts(&b, "<tr><td>");
		html_esc(&b, xnode_attr(v, "edition"));
		buf_puts(&b, "/");
		html_esc(&b, xnode_attr(v, "revision"));
		buf_puts(&b, "</td><td>");
		html_esc(&b, xnode_attr(v, "effective"));
		buf_puts(&b, "</td><td>");
		text_esc(&b, xnode_child(v, "summary"));
		buf_puts(&b, "</td><td>");
		text_esc(&b, xnode_child(v, "reviser"));
		buf_puts(&b, "</td><td>");
		text_esc(&b, xnode_child(v, "reviewer"));
		buf_puts(&b, "</td></tr>\n");
	}
	buf_puts(&b, "</table>\n");
	src_xdoc_free(x);
	pthread_mutex_unlock(&engine);
	page_end(&b, r, 200);
done:
	diag_free(&d);
	buf_free(&bytes);
	free(p);
}

void
web_manual_pdf(const struct req *q, struct reply *r)
{
	char dir[512];
	struct diag d;
	struct buf pdf = {0};
	int ok = 0;
	diag_init(&d);
	if (file_temp_dir(dir, sizeof dir, "folio-serve") < 0) {
		reply_error(r, 500, "cannot make a temporary folder");
		diag_free(&d);
		return;
	}
	struct docset_opts o = *q->o;
	o.out_dir = dir;
	o.fo_dir = NULL;
	o.quiet = 1;
	o.procedure = NULL;
	pthread_mutex_lock(&engine);
	struct text_fonts *fonts = text_fonts_new(&d);
	if (docset_manual(&o, fonts, &d) == 0 && d.worst < DIAG_ERROR) {
		char *m = path_join(dir, "manual");
		struct dirent **list = NULL;
		int n = scandir(m, &list, pdf_file, alphasort);
		for (int i = 0; i < n; i++) {
			if (!ok) {
				char *p = path_join(m, list[i]->d_name);
				const char *why = NULL;
				ok = file_read(p, 0, &pdf, &why) == 0;
				free(p);
				snprintf(r->disposition, sizeof r->disposition, "inline; filename=\"%.100s\"", list[i]->d_name);
			}
			free(list[i]);
		}
		free(list);
		free(m);
	}
	text_fonts_free(fonts);
	pthread_mutex_unlock(&engine);
	file_remove_tree(dir);
	if (ok)
		reply_pdf(r, &pdf);
	else
		page_problem(r, 500, "程序文件", "手册 PDF 没有生成：", &d);
	buf_free(&pdf);
	diag_free(&d);
}
