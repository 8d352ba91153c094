/*
 * serve — the office's documents on the web page: 空白表格 (the forms
 * register: forms, copies, the first serial number, one PDF) and 程序文件
 * (the manual's revision, its history and its PDF, made afresh).
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "../base/base.h"
#include "../base/file.h"
#include "../source/source.h"
#include "../text/text.h"
#include "serve_int.h"

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
				struct json_object *ea = web_member(e, "errors");
				for (size_t i = 0; ea && i < json_object_array_length(ea); i++)
					diag_report(&d, DIAG_ERROR, NULL, 0, 0, "%s",
					    json_object_get_string(web_member(json_object_array_get_idx(ea, i), "message")));
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
	struct api_form_list f;
	if (api_forms_load(q->o, &f) < 0) {
		page_problem(r, 500, "空白表格", "表格登记册无法读取：", &f.d);
		api_forms_free(&f);
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
	for (size_t i = 0; i < f.n; i++) {
		buf_puts(&b, "<tr><td><input type=\"checkbox\" name=\"form\" id=\"form-");
		html_esc(&b, f.v[i].id);
		buf_puts(&b, "\" value=\"");
		html_esc(&b, f.v[i].id);
		buf_puts(&b, "\"></td><td><label for=\"form-");
		html_esc(&b, f.v[i].id);
		buf_puts(&b, "\">");
		html_esc(&b, f.v[i].number[0] ? f.v[i].number : f.v[i].id);
		buf_puts(&b, "</label></td><td>");
		html_esc(&b, f.v[i].name);
		buf_printf(&b, "</td><td>%d</td><td>%d</td></tr>\n", f.v[i].pages, f.v[i].parts);
	}
	buf_puts(&b, "</table>\n</form>\n");
	api_forms_free(&f);
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
	char *p = web_path_join(q->o->root, "procedures/manual.xml");
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
		char *m = web_path_join(dir, "manual");
		char name[256];
		ok = web_first_pdf(m, &pdf, name, sizeof name);
		if (ok)
			snprintf(r->disposition, sizeof r->disposition, "inline; filename=\"%.100s\"", name);
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
