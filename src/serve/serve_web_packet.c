/*
 * serve — a case's packet on the web page: made, its documents listed by
 * their titles, each PDF and the whole packet as a zip served from the
 * output folder (names checked, never followed out of it).
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../base/base.h"
#include "../base/file.h"
#include "../source/source.h"
#include "serve_int.h"

/* ---------------------------------------------------------------- packets */

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
	char *file = xmalloc(strlen(q->o->root) + strlen(id) + 16), *out = web_out_dir(q->o);
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

void
web_packet(const struct req *q, struct reply *r)
{
	const char *id = q->rest;
	if (!web_id_ok(id, r))
		return;
	char *out = web_out_dir(q->o);
	struct buf dir = {0}, b = {0};
	buf_printf(&dir, "%s/packets/%s", out, id);
	free(out);
	struct dirent **list = NULL;
	int n = scandir(dir.p, &list, web_pdf_file, alphasort);
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
	char *out = web_out_dir(q->o);
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
