/*
 * serve — cases on the web page: 新客户入伙 (a new case, its number the
 * next of the year), a case opened and edited, the form checked and saved
 * (a stale save refused), and 客户列表 (the list, searched).
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <json-c/json.h>

#include "../base/base.h"
#include "../source/source.h"
#include "serve_int.h"

/* ---------------------------------------------------------------- new, edit, save */

/* The next case number of this year: YYYY-NNN after the highest one. */
static void
next_id(const struct docset_opts *o, char *out, size_t n)
{
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	int year = tm.tm_year + 1900, top = 0;
	char *dir = web_path_join(o->root, "cases");
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
	const char *sent = json_object_get_string(web_member(j, "@id"));
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
		web_case_form(&b, q->o, j, errs, action, edit ? etag : NULL, edit);
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
	web_case_form(&b, q->o, j, NULL, "/new", NULL, 0);
	json_object_put(j);
	page_end(&b, r, 200);
}

static int
packet_exists(const struct docset_opts *o, const char *id)
{
	char *out = web_out_dir(o);
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
	if (!web_id_ok(id, r))
		return;
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
	struct json_object *j = api_case_json(&c, &d);
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
	web_case_form(&b, q->o, j, NULL, action, etag, 1);
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
	struct api_case_list c;
	api_cases_load(q->o, &c);
	struct buf b = {0};
	const char *s = q->q ? q->q : "";
	page_begin(&b, "客户列表", "/cases");
	buf_puts(&b, "<form method=\"get\" action=\"/cases\" class=\"actions\">"
	    "<input name=\"q\" id=\"q\" size=\"32\" placeholder=\"客户名称、单元号或收楼日期\" value=\"");
	html_esc(&b, s);
	buf_puts(&b, "\"><button type=\"submit\">查找</button><a class=\"button second\" href=\"/new\">新客户入伙</a></form>\n");
	if (c.d.worst >= DIAG_ERROR) {
		buf_puts(&b, "<div class=\"alert\">以下案卷文件无法读取，没有列出：");
		html_errors(&b, &c.d);
		buf_puts(&b, "</div>\n");
	}
	buf_puts(&b, "<table id=\"cases\">\n<tr><th>案卷编号</th><th>客户</th><th>楼层</th><th>单元</th><th>收楼日期</th>"
	    "<th>操作</th></tr>\n");
	size_t shown = 0;
	for (size_t i = 0; i < c.n; i++) {
		if (s[0] && !contains(c.v[i].tenant, s) && !contains(c.v[i].unit, s) &&
		    !contains(c.v[i].date, s) && !contains(c.v[i].id, s))
			continue;
		shown++;
		buf_puts(&b, "<tr><td>");
		html_esc(&b, c.v[i].id);
		buf_puts(&b, "</td><td>");
		html_esc(&b, c.v[i].tenant);
		buf_puts(&b, "</td><td>");
		html_esc(&b, c.v[i].floor);
		buf_puts(&b, "</td><td>");
		html_esc(&b, c.v[i].unit);
		buf_puts(&b, "</td><td>");
		html_esc(&b, c.v[i].date);
		buf_puts(&b, "</td><td>");
		if (case_id_ok(c.v[i].id)) {
			buf_printf(&b, "<a href=\"/cases/%s\">打开/修改</a> · <form method=\"post\" action=\"/generate/%s\">"
			    "<button type=\"submit\">生成</button></form>", c.v[i].id, c.v[i].id);
			if (packet_exists(q->o, c.v[i].id))
				buf_printf(&b, " · <a href=\"/packet/%s\">已生成的文件</a>", c.v[i].id);
		}
		buf_puts(&b, "</td></tr>\n");
	}
	buf_puts(&b, "</table>\n");
	buf_printf(&b, "<p class=\"muted\">共 %zu 个案卷%s。</p>\n", shown, s[0] ? "符合查找条件" : "");
	api_cases_free(&c);
	page_end(&b, r, 200);
}
