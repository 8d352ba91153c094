#!/usr/bin/env python3
"""Spacing evenness of justified Chinese paragraphs (docs/bench.md).

    python3 bench/evenness.py write FO [ROOT]    the test document
    python3 bench/evenness.py typst TYP [ROOT]   the same paragraphs for Typst
    python3 bench/evenness.py measure PDF        one line of figures
    python3 bench/evenness.py lines PDF          each full line: mean gap, text

The document: paragraphs of justified Chinese with numbers and Latin, a
narrow measure (14 em), each paragraph its own block, on tall pages.
Without ROOT, the twelve paragraphs below; with ROOT (the top of folio's
tree), the office's own text: every paragraph of at least 60 characters,
most of them Han, of the procedures (procedures/XT-KF-CX-*.xml) and the
tenant documents (docs/content/*.xml).
From the PDF's characters (mutool draw -F stext), lines are found by their
baselines and paragraphs by the larger gap between them.  For every full
line (not a paragraph's last), the mean gap between two adjacent Han
characters, in em (advance minus 1 em); then

  spread   standard deviation of those means across full lines (em)
  loose    full lines whose mean gap is over 0.08 em
  ragged   full lines that do not end at the margin (a trimmed mark may
           stand up to ½ em past it)
  orphans  last lines holding one character (R15)
  starts   lines starting with a mark that may not start a line (R1)
  ends     lines ending with an opening mark (R2)
  r10      full lines where a gap between a Han character and a Latin
           letter or digit is wider than 1/4 em plus the line's mean gap
           between Han characters (+ 0.01 em): the stretch of the line
           dumped around a number (R11)
"""
import re
import subprocess
import sys

SIZE = 10.0          # pt
MEASURE = 14         # em
MARGIN = 20.0        # pt

PARAS = [
    "业主在单元内装修前，须于开工前7个工作日向客服部提交装修申请表、施工图纸及装修公司资质证明，并缴纳装修押金3,000元。工程部在3个工作日内完成图纸审核；涉及消防喷淋或220V强电线路改动的，须另报消防部门审批。",
    "施工时间为每日上午8:30至12:00及下午2:00至6:00，节假日禁止钻孔等高噪音作业。装修垃圾须装袋后经货梯运出，不得堆放于消防通道。竣工验收合格后，押金于30天内无息退还。",
    "客户服务中心位于大厦首层大堂东侧，是管理处为客户提供服务的统一窗口。客户的各类咨询、报修、投诉、费用缴纳及各项手续，均可在客户服务中心办理，服务热线24小时有人值守。",
    "收楼时，客服部人员陪同客户查验单元内的门窗、墙面、地面、天花、给排水、电气及空调设施，逐项填写《租赁单元设备验收单》，双方签字确认后各执一份。",
    "大厦实行门禁管理。客户员工凭出入证进出，访客须在首层服务台登记，由被访单位确认后方可进入。出入证遗失的，应于当日告知客服部，补办费用为每张20元。",
    "物业管理费按建筑面积计收，每月每平方米28.50元，每季度首月10日前缴纳。逾期缴纳的，自逾期之日起按日加收万分之三的滞纳金；连续拖欠三个月以上的，管理处将书面催告。",
    "空调供应时间为工作日早8点至晚6点。客户需要加时使用的，应提前一个工作日向客服部申请，加时费用按实际使用时长和单元面积计算，与当月管理费一并收取。",
    "消防通道、楼梯间及设备机房严禁堆放物品。管理处每月组织一次消防安全检查，每年组织两次消防演习，请各单位积极配合，并指定一名消防安全责任人。",
    "客户如需搬入或搬出大件物品，须提前填写《物品放行条》，经单位负责人签字、客服部核准后，凭条在指定时间经货梯搬运，保安部现场核对放行。",
    "停车场位于地下二层、三层，共设机动车停车位420个，其中充电车位60个。月租车位需签订《车位租用协议》，临时停车按小时计费，首小时10元，此后每小时5元。",
    "大厦公共区域的保洁每日两次，卫生间每小时巡查一次。客户单元内的保洁可委托管理处有偿提供，具体收费标准见附录C《有偿服务收费表》。",
    "遇停水、停电等计划性维修，管理处将至少提前48小时在大堂公告栏及客户邮箱发布通知；突发故障由工程部值班人员即时处理，并在2小时内向受影响客户说明情况。",
]

NO_START = set("、，。．：；！？）］｝〕】〗〉》」』”’·・‧～〜–/／—…")
NO_END = set("（［｛〔【〖〈《「『“‘")


def is_han(c):
    o = ord(c)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF


def is_west(c):
    return c.isascii() and c.isalnum()


def r10_excess(row):
    """Largest (Han|Latin gap - 1/4 em - mean Han gap) of a line, in em."""
    han = [(b[0] - a[0]) / a[2] - 1 for a, b in zip(row, row[1:]) if is_han(a[1]) and is_han(b[1])]
    mean = sum(han) / len(han) if han else 0
    worst = None
    for a, b in zip(row, row[1:]):
        if (is_han(a[1]) and is_west(b[1])) or (is_west(a[1]) and is_han(b[1])):
            ex = (b[0] - a[3]) / a[2] - 0.25 - mean
            worst = ex if worst is None else max(worst, ex)
    return worst


def is_mark(c):
    return c in NO_START or c in NO_END


def office_paras(root):
    """The office's own paragraphs under the tree at root."""
    import glob
    import xml.etree.ElementTree as ET
    paras = []
    files = sorted(glob.glob(root + "/procedures/XT-KF-CX-*.xml")) + \
        sorted(glob.glob(root + "/docs/content/*.xml"))
    for f in files:
        for el in ET.parse(f).iter():
            if len(el) > 0:
                continue
            s = re.sub(r"\s+", "", "".join(el.itertext()))
            if len(s) >= 60 and sum(1 for c in s if is_han(c)) > 0.6 * len(s):
                paras.append(s.replace("&", "&amp;").replace("<", "&lt;"))
    return paras


def write(path, paras=PARAS):
    width = MEASURE * SIZE + 2 * MARGIN
    with open(path, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<fo:root xmlns:fo="http://www.w3.org/1999/XSL/Format" '
                'font-family="WenQuanYi Micro Hei" font-size="%gpt" line-height="1.5" language="zh">\n'
                '<fo:layout-master-set><fo:simple-page-master master-name="p" page-width="%gpt" '
                'page-height="14000pt" margin="%gpt"><fo:region-body/></fo:simple-page-master>'
                '</fo:layout-master-set>\n<fo:page-sequence master-reference="p">'
                '<fo:flow flow-name="xsl-region-body">\n' % (SIZE, width, MARGIN))
        for p in paras:
            f.write('<fo:block text-align="justify" text-indent="2em" space-after="10pt">%s</fo:block>\n' % p)
        f.write('</fo:flow></fo:page-sequence></fo:root>\n')


def typst_text(p):
    """A paragraph as Typst markup: XML escapes undone, markup escaped."""
    p = p.replace("&lt;", "<").replace("&amp;", "&")
    return re.sub(r"([\\#*_$`<>@\[\]~=+/-])", r"\\\1", p)


def write_typst(path, paras=PARAS):
    """The same page, font, measure, indent and paragraphs as Typst source."""
    width = MEASURE * SIZE + 2 * MARGIN
    with open(path, "w", encoding="utf-8") as f:
        f.write('#set page(width: %gpt, height: 14000pt, margin: %gpt)\n'
                '#set text(font: "WenQuanYi Micro Hei", size: %gpt, lang: "zh", region: "cn")\n'
                '#set par(justify: true, first-line-indent: (amount: 2em, all: true), '
                'leading: %gpt, spacing: 10pt)\n\n' % (width, MARGIN, SIZE, SIZE / 2))
        f.write("\n\n".join(typst_text(p) for p in paras) + "\n")


def lines_of(pdf):
    xml = subprocess.run(["mutool", "draw", "-F", "stext", "-o", "-", pdf],
                         capture_output=True, text=True, check=True).stdout
    chars = []
    size = SIZE
    page = 0
    for m in re.finditer(r'(<page )|<font [^>]*size="([0-9.]+)"|<char quad="[^ ]+ [^ ]+ ([0-9.\-]+) [^"]*" x="([0-9.\-]+)" y="([0-9.\-]+)"[^>]*c="([^"]*)"', xml):
        if m.group(1):
            page += 1
            continue
        if m.group(2):
            size = float(m.group(2))
            continue
        c = m.group(6)
        c = re.sub(r"&#x([0-9a-fA-F]+);", lambda h: chr(int(h.group(1), 16)), c)
        c = c.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
        if c.strip() == "":
            continue
        chars.append((page, round(float(m.group(5)), 1), float(m.group(4)), c, size, float(m.group(3))))
    rows = {}
    for pg, y, x, c, s, r in chars:
        rows.setdefault((pg, y), []).append((x, c, s, r))
    out = []
    for y in sorted(rows):
        out.append((y, sorted(rows[y])))
    return out


def line_step(rows):
    """The distance between two lines of a paragraph: the least between
    adjacent rows of one page."""
    steps = [b[0][1] - a[0][1] for a, b in zip(rows, rows[1:]) if a[0][0] == b[0][0]]
    return min(steps) if steps else 0


def is_last(rows, i, step):
    """Does row i end its paragraph (or its page)?"""
    return (i + 1 == len(rows) or rows[i + 1][0][0] != rows[i][0][0] or
            rows[i + 1][0][1] - rows[i][0][1] > step * 1.25)


def full_lines(pdf):
    """(mean inter-Han gap in em or None, text) of every full line."""
    rows = lines_of(pdf)
    step = line_step(rows)
    out = []
    for i, (y, row) in enumerate(rows):
        if is_last(rows, i, step):
            continue
        gaps = [(b[0] - a[0]) / a[2] - 1 for a, b in zip(row, row[1:]) if is_han(a[1]) and is_han(b[1])]
        out.append((sum(gaps) / len(gaps) if gaps else None, "".join(c for _, c, _, _ in row)))
    return out


def measure(pdf):
    rows = lines_of(pdf)
    if not rows:
        return None
    step = line_step(rows)
    right = MARGIN + MEASURE * SIZE
    means, loose, ragged, orphans, starts, ends, r10 = [], 0, 0, 0, 0, 0, 0
    for i, (y, row) in enumerate(rows):
        last = is_last(rows, i, step)
        text = "".join(c for _, c, _, _ in row)
        if text[0] in NO_START:
            starts += 1
        if text[-1] in NO_END:
            ends += 1
        if last:
            if sum(1 for c in text if not is_mark(c)) < 2:
                orphans += 1
            continue
        gaps = [(b[0] - a[0]) / a[2] - 1 for a, b in zip(row, row[1:]) if is_han(a[1]) and is_han(b[1])]
        ex = r10_excess(row)
        if ex is not None and ex > 0.01:
            r10 += 1
        if gaps:
            m = sum(gaps) / len(gaps)
            means.append(m)
            if m > 0.08:
                loose += 1
        x, c, s, edge = row[-1]
        if not (abs(edge - right) < 0.1 * s or (is_mark(c) and right <= edge <= right + 0.55 * s)):
            ragged += 1
    n = len(means)
    mu = sum(means) / n if n else 0
    sd = (sum((m - mu) ** 2 for m in means) / n) ** 0.5 if n else 0
    return {"lines": n, "spread": sd, "mean": mu, "loose": loose, "ragged": ragged,
            "orphans": orphans, "starts": starts, "ends": ends, "r10": r10}


def main():
    if len(sys.argv) in (3, 4) and sys.argv[1] in ("write", "typst"):
        paras = office_paras(sys.argv[3]) if len(sys.argv) == 4 else PARAS
        (write if sys.argv[1] == "write" else write_typst)(sys.argv[2], paras)
    elif len(sys.argv) == 3 and sys.argv[1] == "measure":
        r = measure(sys.argv[2])
        if r is None:
            print("no text found")
            return 1
        print("%(spread).4f %(mean).4f %(lines)d %(loose)d %(ragged)d %(orphans)d %(starts)d %(ends)d %(r10)d" % r)
    elif len(sys.argv) == 3 and sys.argv[1] == "lines":
        for m, text in full_lines(sys.argv[2]):
            print("%s %s" % ("-" if m is None else "%.4f" % m, text))
    else:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
