#!/usr/bin/env python3
"""Make the spreadsheets of the import tests from sample cases.

    python3 tests/import/mkfixtures.py cases/2024-001.xml cases/2024-002.xml ...

writes into tests/import/:
  tenants.xlsx      a workbook as Excel writes one: shared strings (one of them
                    rich text with a phonetic run), inline strings, numbers,
                    a date as a day count, cells past column Z, spaces
                    around two values
  utf8/tenants*.csv the same rows as CSV files in UTF-8 (the main one with a
                    byte order mark, the columns in another order, a value
                    with spaces around it)
  gbk/tenants*.csv  the same in GB18030/GBK, as Excel saves CSV in China
  bad.xlsx          the first case with a wrong mobile number (联系人, row 3),
                    a wrong date (客户, row 2) and a fee row of no tenant
Only the standard library (zipfile): the fixtures are committed beside it.
"""
import datetime
import os
import sys
import xml.etree.ElementTree as ET
import zipfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
NS = "{urn:folio:case}"

# the sheets and their columns, as folio import --template writes them
SHEETS = [
    (None, ["case/@id", "case/handover-date", "customer/name-zh", "customer/name-en",
            "customer/credit-code", "customer/industry", "customer/legal-rep",
            "customer/registered-address", "customer/staff-count", "fire-safety-officer/name",
            "fire-safety-officer/title", "fire-safety-officer/office-phone",
            "fire-safety-officer/mobile", "agent/name", "agent/title", "agent/id-number",
            "agent/mobile", "agent/authorised-on", "unit/floor", "unit/number", "unit/area",
            "lease/contract-no", "lease/start", "lease/end", "fees/billing-start",
            "payment/deadline", "contractor/name", "contractor/licence",
            "contractor/qualification", "contractor/manager", "contractor/phone",
            "handled-by/customer-service", "handled-by/engineering", "handled-by/security"]),
    ("customer/contacts", ["case/@id", "contacts/contact/@role", "contacts/contact/name",
                           "contacts/contact/title", "contacts/contact/office-phone",
                           "contacts/contact/mobile", "contacts/contact/email"]),
    ("customer/emergency-contacts", ["case/@id", "emergency-contacts/contact/name",
                                     "emergency-contacts/contact/title",
                                     "emergency-contacts/contact/office-phone",
                                     "emergency-contacts/contact/mobile",
                                     "emergency-contacts/contact/email"]),
    ("customer/vehicles", ["case/@id", "vehicle/plate", "vehicle/space"]),
    ("case/fees", ["case/@id", "fee/@code", "fee/@type", "fee/name", "fee/unit-price", "fee/unit",
                   "fee/quantity", "fee/quantity-unit", "fee/months", "period/from", "period/to",
                   "fee/note"]),
    ("case/keys", ["case/@id", "key/number", "key/door", "key/count"]),
    ("case/meters", ["case/@id", "meter/@type", "meter/number", "meter/location", "meter/reading",
                     "meter/unit"]),
    ("case/defects", ["case/@id", "defect/item", "defect/location", "defect/description",
                      "defect/deadline", "defect/department"]),
]
# where each part's rows are in a case, and the element of a row
ROWS = {"customer/contacts": "customer/contacts/contact",
        "customer/emergency-contacts": "customer/emergency-contacts/contact",
        "customer/vehicles": "customer/vehicles/vehicle", "case/fees": "fees/fee",
        "case/keys": "keys/key", "case/meters": "meters/meter", "case/defects": "defects/defect"}
# cells a workbook holds as numbers (Excel turns these into numbers as typed)
NUMBERS = {"customer/staff-count", "unit/area", "fee/unit-price", "fee/quantity", "fee/months",
           "key/count", "contacts/contact/mobile", "fire-safety-officer/mobile"}
DATES = {"case/handover-date", "lease/start"}


def labels():
    t = ET.parse(os.path.join(ROOT, "schemas/labels.xml")).getroot()
    return {f.get("path"): f.get("label") for f in t.iter("{urn:folio:labels}field")}


def get(e, rel):
    """The value of a path relative to e: a/b/@attr or a/b."""
    parts = rel.split("/")
    for p in parts[:-1]:
        e = e.find(NS + p) if e is not None else None
    if e is None:
        return ""
    last = parts[-1]
    if last.startswith("@"):
        return e.get(last[1:], "")
    c = e.find(NS + last)
    return (c.text or "") if c is not None else ""


def case_rows(path):
    root = ET.parse(path).getroot()
    cid = root.get("id")
    out = {}
    for sheet, cols in SHEETS:
        if sheet is None:
            row = [cid]
            for c in cols[1:]:
                top, rest = c.split("/", 1)
                base = root if top in ("case",) else root.find(NS + top) if top not in ("customer", "fire-safety-officer") else None
                if top == "case":
                    row.append(get(root, rest))
                elif top in ("customer",):
                    row.append(get(root.find(NS + "customer"), rest))
                elif top == "fire-safety-officer":
                    row.append(get(root.find(NS + "customer/" + NS + "fire-safety-officer"), rest))
                else:
                    row.append(get(base, rest) if base is not None else "")
            out[sheet] = [row]
        else:
            rows = []
            rp = ROWS[sheet].split("/")
            cont = root
            for p in rp[:-1]:
                cont = cont.find(NS + p) if cont is not None else None
            for e in (cont.findall(NS + rp[-1]) if cont is not None else []):
                row = [cid]
                for c in cols[1:]:
                    rel = c.split("/", 1)[1]
                    if c.startswith("period/"):
                        rel = c
                    elif c.count("/") == 2:
                        rel = c.split("/", 2)[2]
                    row.append(get(e, rel))
                rows.append(row)
            out[sheet] = rows
    return out


def serial(d):
    return (datetime.date.fromisoformat(d) - datetime.date(1899, 12, 30)).days


def numeric_as_typed(v):
    """Does Excel's number show v as typed (1156.20 does not: it is 1156.2)?"""
    n = repr(float(v))
    return (n[:-2] if n.endswith(".0") else n) == v


def col_name(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def write_xlsx(path, sheets):
    """sheets: [(name, [header], [[cells]], [paths])]"""
    strings, index = [], {}

    def sst(s):
        if s not in index:
            index[s] = len(strings)
            strings.append(s)
        return index[s]

    files = {}
    for k, (name, header, rows, paths) in enumerate(sheets):
        x = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns='
             '"http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
        for r, cells in enumerate([header] + rows):
            x.append('<row r="%d">' % (r + 1))
            for c, v in enumerate(cells):
                if v == "":
                    continue
                ref = "%s%d" % (col_name(c), r + 1)
                p = paths[c]
                if r == 1 and k == 0 and p == "customer/name-en":
                    v = v + "  "             # spaces typed after a value are not data
                if r == 1 and k == 0 and p == "customer/legal-rep":
                    v = "\u3000" + v          # nor an ideographic space before it
                if r > 0 and p in NUMBERS and not (p == "fee/quantity" and not numeric_as_typed(v)):
                    n = repr(float(v))   # as Excel stores it: 32.00 is 32
                    n = n[:-2] if n.endswith(".0") else n
                    x.append('<c r="%s"><v>%s</v></c>' % (ref, n))
                elif r > 0 and p in DATES:
                    x.append('<c r="%s" s="1"><v>%d</v></c>' % (ref, serial(v)))
                elif r > 0 and (c + r) % 3 == 0:
                    x.append('<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, escape(v)))
                else:
                    x.append('<c r="%s" t="s"><v>%d</v></c>' % (ref, sst(v)))
            x.append("</row>")
        x.append("</sheetData></worksheet>")
        files["xl/worksheets/sheet%d.xml" % (k + 1)] = "".join(x)
    si = []
    for s in strings:
        if len(s) >= 4 and not s.isascii():
            # rich text in two runs, with a phonetic run that is not text
            h = len(s) // 2
            si.append('<si><r><t>%s</t></r><r><rPr><b/></rPr><t>%s</t></r><rPh sb="0" eb="1"><t>PHONETIC</t>'
                      '</rPh></si>' % (escape(s[:h]), escape(s[h:])))
        else:
            si.append('<si><t xml:space="preserve">%s</t></si>' % escape(s))
    files["xl/sharedStrings.xml"] = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns='
                                     '"http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d">%s</sst>'
                                     % (len(strings), "".join(si)))
    files["xl/workbook.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/'
        'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<workbookPr/><sheets>%s</sheets></workbook>' % "".join(
            '<sheet name="%s" sheetId="%d" r:id="rId%d"/>' % (escape(s[0]), i + 1, i + 1) for i, s in enumerate(sheets)))
    files["xl/_rels/workbook.xml.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/'
        'package/2006/relationships">%s<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/'
        '2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>' % "".join(
            '<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'worksheet" Target="%sworksheets/sheet%d.xml"/>' % (i + 1, "/xl/" if i == 1 else "", i + 1)
            for i in range(len(sheets))))
    files["[Content_Types].xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/'
        'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, files[name].encode("utf-8"))


def csv_field(v):
    return '"%s"' % v.replace('"', '""') if any(ch in v for ch in ',"\r\n') else v


def write_csvs(folder, sheets, encoding):
    os.makedirs(folder, exist_ok=True)
    for k, (name, header, rows, paths) in enumerate(sheets):
        order = list(range(len(header)))
        if k == 0:
            order.reverse()   # the columns in any order
        lines = []
        for r, cells in enumerate([header] + rows):
            vals = [cells[i] for i in order]
            if r == 1 and k == 0:
                vals[-3] = "  " + vals[-3] + " "   # spaces around a value are not data
            lines.append(",".join(csv_field(v) for v in vals))
        data = "\r\n".join(lines) + "\r\n"
        fn = "tenants.csv" if k == 0 else "tenants-%s.csv" % name
        raw = data.encode(encoding)
        if encoding == "utf-8" and k == 0:
            raw = b"\xef\xbb\xbf" + raw
        with open(os.path.join(folder, fn), "wb") as f:
            f.write(raw)


def main():
    lab = labels()
    cases = [case_rows(p) for p in sys.argv[1:]]
    sheets = []
    for sheet, cols in SHEETS:
        name = "客户" if sheet is None else lab[sheet]
        rows = [r for c in cases for r in c[sheet]]
        sheets.append((name, [lab[c] for c in cols], rows, cols))
    write_xlsx(os.path.join(HERE, "tenants.xlsx"), sheets)
    write_csvs(os.path.join(HERE, "utf8"), sheets, "utf-8")
    write_csvs(os.path.join(HERE, "gbk"), sheets, "gb18030")
    # the bad workbook: the first case only, three mistakes
    bad = []
    for name, header, rows, cols in sheets:
        rows = [list(r) for r in rows if r[0] == cases[0][None][0][0]]
        if name == "客户":
            rows[0][cols.index("lease/end")] = "2027-02-30"
        if name == "联系人":
            rows[1][cols.index("contacts/contact/mobile")] = "1391127654"
        if name == "费用":
            rows.append(["2099-999"] + rows[0][1:])
        bad.append((name, header, rows, cols))
    write_xlsx(os.path.join(HERE, "bad.xlsx"), bad)


main()
