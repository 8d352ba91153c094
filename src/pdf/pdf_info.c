/*
 * pdf_info — what the document says of itself: the Info dictionary
 * (title, author, subject, keywords as UTF-16 text strings, producer,
 * dates from SOURCE_DATE_EPOCH for reproducible files), the same as XMP
 * metadata, and the catalog's /Lang.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <hpdf.h>

#include "pdf_int.h"
#include "../area/area.h"

/* Put s as a PDF text string, UTF-16BE with a byte-order mark. */
int
pdf_put_text(HPDF_Dict d, const char *key, const char *s)
{
	struct buf b = {0};
	const char *e = s + strlen(s);
	buf_add(&b, "\xFE\xFF", 2);
	while (s < e) {
		uint32_t c = utf8_next(&s, e);
		if (c >= 0x10000) {
			c -= 0x10000;
			uint16_t hi = (uint16_t)(0xD800 + (c >> 10)), lo = (uint16_t)(0xDC00 + (c & 0x3FF));
			char u[4] = { (char)(hi >> 8), (char)hi, (char)(lo >> 8), (char)lo };
			buf_add(&b, u, 4);
		} else {
			char u[2] = { (char)(c >> 8), (char)c };
			buf_add(&b, u, 2);
		}
	}
	int rc = pdf_haru_put_bytes(d, key, b.p, b.n);
	buf_free(&b);
	return rc;
}

static void
xml_escaped(struct buf *b, const char *s)
{
	buf_add_xml(b, s, strlen(s));
}

/*
 * An XMP metadata stream in the catalog, with the same title, author,
 * subject, keywords, producer and language as the Info dictionary.
 */
static void
xmp_metadata(struct pdf_writer *w, const struct area_tree *t)
{
	if (!t->title && !t->author && !t->subject && !t->keywords)
		return;
	struct buf b = {0};
	buf_puts(&b, "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
	    "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
	    "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
	    " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n");
	const char *lang = t->language && *t->language ? t->language : "x-default";
	if (t->title) {
		buf_printf(&b, "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">");
		xml_escaped(&b, t->title);
		buf_puts(&b, "</rdf:li></rdf:Alt></dc:title>\n");
	}
	if (t->author) {
		buf_puts(&b, "<dc:creator><rdf:Seq><rdf:li>");
		xml_escaped(&b, t->author);
		buf_puts(&b, "</rdf:li></rdf:Seq></dc:creator>\n");
	}
	if (t->subject) {
		buf_puts(&b, "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">");
		xml_escaped(&b, t->subject);
		buf_puts(&b, "</rdf:li></rdf:Alt></dc:description>\n");
	}
	if (t->keywords) {
		buf_puts(&b, "<pdf:Keywords>");
		xml_escaped(&b, t->keywords);
		buf_puts(&b, "</pdf:Keywords>\n");
	}
	buf_printf(&b, "<dc:language><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:language>\n", lang);
	buf_puts(&b, "<pdf:Producer>folio " FOLIO_VERSION "</pdf:Producer>\n"
	    "</rdf:Description></rdf:RDF></x:xmpmeta>\n<?xpacket end=\"w\"?>");
	HPDF_Dict meta = pdf_haru_stream(w->doc);
	if (meta) {
		pdf_haru_put_name(meta, "Type", "Metadata");
		pdf_haru_put_name(meta, "Subtype", "XML");
		pdf_haru_stream_write(meta, b.p, b.n);
		pdf_haru_put(pdf_haru_catalog(w->doc), "Metadata", meta);
	}
	buf_free(&b);
}

void
pdf_info(struct pdf_writer *w, const struct area_tree *t)
{
	HPDF_SetInfoAttr(w->doc, HPDF_INFO_PRODUCER, "folio " FOLIO_VERSION);
	HPDF_Dict info = pdf_haru_info(w->doc);
	if (t->title && info)
		pdf_put_text(info, "Title", t->title);
	if (t->author && info)
		pdf_put_text(info, "Author", t->author);
	if (t->subject && info)
		pdf_put_text(info, "Subject", t->subject);
	if (t->keywords && info)
		pdf_put_text(info, "Keywords", t->keywords);
	xmp_metadata(w, t);
	if (t->language && t->language[0])
		pdf_haru_put_str(pdf_haru_catalog(w->doc), "Lang", t->language);
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	if (sde && *sde) {
		time_t when = (time_t)strtoll(sde, NULL, 10);
		struct tm tm;
		if (gmtime_r(&when, &tm)) {
			HPDF_Date dt = { tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
			    tm.tm_min, tm.tm_sec, 'Z', 0, 0 };
			HPDF_SetInfoDateAttr(w->doc, HPDF_INFO_CREATION_DATE, dt);
			HPDF_SetInfoDateAttr(w->doc, HPDF_INFO_MOD_DATE, dt);
		}
	}
}
