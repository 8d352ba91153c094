/*
 * serve — the frame of the office's web page, in Chinese (docs/zh/web.md):
 * its style (embedded: it works without the network and without
 * JavaScript), the head and navigation every page shares, the page that
 * says what went wrong, the home page, and the small helpers the page's
 * parts share.  The parts themselves: the case form
 * (serve_web_form.c), new, edit, save and the list (serve_web_case.c),
 * packets (serve_web_packet.c), blank forms and the manual
 * (serve_web_docs.c).
 */
#include <assert.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "../base/base.h"
#include "../base/file.h"
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
	assert(r->body == NULL);   /* a reply is made once */
	r->status = status;
	r->type = "text/html; charset=utf-8";
	r->body = b->p ? b->p : xstrdup("");
	r->n = b->p ? b->n : 0;
	b->p = NULL;
	b->n = b->cap = 0;
}

void
html_errors(struct buf *b, const struct diag *d)
{
	buf_puts(b, "<ul>");
	for (size_t i = 0; i < d->n; i++)
		if (d->v[i].level >= DIAG_ERROR) {
			buf_puts(b, "<li>");
			html_esc(b, d->v[i].text);
			buf_puts(b, "</li>");
		}
	buf_puts(b, "</ul>");
}

/* A page that says what went wrong (messages, one a line). */
void
page_problem(struct reply *r, unsigned status, const char *title, const char *intro, const struct diag *d)
{
	struct buf b = {0};
	page_begin(&b, title, NULL);
	buf_puts(&b, "<div class=\"alert\">");
	html_esc(&b, intro);
	if (d && d->n)
		html_errors(&b, d);
	buf_puts(&b, "</div>\n<p><a href=\"javascript:history.back()\">返回</a></p>\n");
	page_end(&b, r, status);
}

int
web_id_ok(const char *id, struct reply *r)
{
	if (case_id_ok(id))
		return 1;
	page_problem(r, 400, "案卷编号不对", "案卷编号只能由字母、数字、短横线组成。", NULL);
	return 0;
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

/* ---------------------------------------------------------------- shared by the parts */

struct json_object *
web_member(struct json_object *obj, const char *key)
{
	struct json_object *v = NULL;
	if (obj == NULL || !json_object_is_type(obj, json_type_object) || !json_object_object_get_ex(obj, key, &v))
		return NULL;
	return v;
}

char *
web_path_join(const char *a, const char *b)
{
	char *p = xmalloc(strlen(a) + strlen(b) + 2);
	if (a[0])
		sprintf(p, "%s/%s", a, b);
	else
		strcpy(p, b);
	return p;
}

char *
web_out_dir(const struct docset_opts *o)
{
	return o->out_dir ? xstrdup(o->out_dir) : web_path_join(o->root, "output");
}

int
web_pdf_file(const struct dirent *e)
{
	size_t n = strlen(e->d_name);
	return e->d_name[0] != '.' && n > 4 && strcmp(e->d_name + n - 4, ".pdf") == 0;
}

int
web_first_pdf(const char *dir, struct buf *pdf, char *name, size_t n)
{
	struct dirent **list = NULL;
	int m = scandir(dir, &list, web_pdf_file, alphasort), ok = 0;
	for (int i = 0; i < m; i++) {
		if (i == 0) {
			char *p = web_path_join(dir, list[i]->d_name);
			const char *why = NULL;
			ok = file_read(p, 0, pdf, &why) == 0;
			free(p);
			if (name)
				snprintf(name, n, "%s", list[i]->d_name);
		}
		free(list[i]);
	}
	free(list);
	return ok;
}
