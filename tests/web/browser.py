"""The office's page in a real browser (Debian's chromium, headless, driven
by python3-selenium through chromium-driver): fill the new-tenant form,
submit it with one mistake, see the message beside the field, put it
right, save, generate the packet, download it and find the tenant's name
in its PDF.  Screenshots of every page go to OUT.  One line per step on
standard output: "PASS step" or "FAIL step: why"; a failed step ends the
run.

    python3 browser.py BASE-URL OUT-DIR
"""
import csv
import glob
import os
import subprocess
import sys
import time
import urllib.request
import zipfile

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

BASE, OUT = sys.argv[1], sys.argv[2]
TENANT = "北京浏览器验收科技有限公司"
MISTAKE = ("customer/contacts/contact[1]/mobile", "1391127654", "13911276548")

# a case as the office would type it: every value the packet needs
VALUES = {
    "handover-date": "2026-09-01",
    "customer/name-zh": TENANT,
    "customer/name-en": "Beijing Browser Acceptance Technology Co., Ltd.",
    "customer/credit-code": "91110108MA01H5RN4M",
    "customer/industry": "软件和信息技术服务业",
    "customer/legal-rep": "陈思远",
    "customer/contacts/contact[1]/name": "陈思远",
    "customer/contacts/contact[1]/title": "总经理",
    "customer/contacts/contact[1]/office-phone": "010-65096600",
    "customer/contacts/contact[1]/mobile": MISTAKE[1],
    "customer/contacts/contact[1]/email": "chensiyuan@example.com",
    "customer/emergency-contacts/contact[1]/name": "陈思远",
    "customer/emergency-contacts/contact[1]/title": "总经理",
    "customer/emergency-contacts/contact[1]/mobile": "13911276548",
    "customer/emergency-contacts/contact[2]/name": "林晓",
    "customer/emergency-contacts/contact[2]/title": "行政主管",
    "customer/emergency-contacts/contact[2]/mobile": "13601093375",
    "customer/fire-safety-officer/name": "林晓",
    "customer/fire-safety-officer/title": "行政主管",
    "customer/fire-safety-officer/mobile": "13601093375",
    "unit/floor": "12",
    "unit/number": "1205",
    "unit/area": "156.80",
    "lease/contract-no": "XXDS-ZL-2026-031",
    "lease/start": "2026-09-01",
    "lease/end": "2028-08-31",
    "fees/billing-start": "2026-09-01",
    "fees/fee[1]/@code": "PMF",
    "fees/fee[1]/name": "物业管理费",
    "fees/fee[1]/unit-price": "32.00",
    "fees/fee[1]/unit": "元/㎡·月",
    "fees/fee[1]/quantity": "156.80",
    "fees/fee[1]/months": "3",
    "payment/deadline": "2026-09-08",
    "keys/key[1]/number": "K-1205-01",
    "keys/key[1]/door": "1205入户门",
    "keys/key[1]/count": "3",
    "meters/meter[1]/number": "240312001205",
    "meters/meter[1]/reading": "12.50",
    "handled-by/customer-service": "王晓雯",
}

results = open(os.path.join(OUT, "results.txt"), "w")


def step(name, ok, why=""):
    line = "PASS %s" % name if ok else "FAIL %s: %s" % (name, why)
    print(line, flush=True)
    results.write(line + "\n")
    results.flush()
    if not ok:
        sys.exit(1)


def shot(name):
    path = os.path.join(OUT, name)
    driver.save_screenshot(path)
    return path


def field(path):
    return driver.find_element(By.NAME, path)


def fill(path, value):
    e = field(path)
    e.clear()
    e.send_keys(value)


def pdf_text(path):
    return subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True).stdout


opts = webdriver.ChromeOptions()
opts.binary_location = "/usr/bin/chromium"
for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
          "--window-size=1280,1400", "--lang=zh-CN", "--hide-scrollbars"):
    opts.add_argument(a)
downloads = os.path.join(OUT, "downloads")
os.makedirs(downloads, exist_ok=True)
opts.add_experimental_option("prefs", {"download.default_directory": downloads,
                                       "download.prompt_for_download": False})
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)
driver.set_page_load_timeout(120)
try:
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})

    # the home page and the new-tenant form
    driver.get(BASE + "/")
    shot("00-home.png")
    driver.find_element(By.LINK_TEXT, "新客户入伙").click()
    WebDriverWait(driver, 30).until(lambda d: d.current_url.endswith("/new"))
    step("the home page leads to 新客户入伙", driver.current_url.endswith("/new") and "新客户入伙" in driver.title,
         driver.current_url)
    case_id = field("@id").get_attribute("value")
    shot("01-new.png")
    step("the form offers the next case number", len(case_id) == 8 and case_id[4] == "-", case_id)
    label = driver.find_element(By.CSS_SELECTOR, "label[for='customer/name-zh']").text
    step("fields carry their Chinese label and a required mark", label.startswith("公司中文名称") and "*" in label,
         label)

    for path, value in VALUES.items():
        fill(path, value)
    Select(field("fees/fee[1]/@type")).select_by_value("charge")
    Select(field("meters/meter[1]/@type")).select_by_value("electricity")
    Select(field("meters/meter[1]/unit")).select_by_value("kWh")
    driver.find_element(By.ID, "save").click()
    # (each wait is for something only the next page has)
    WebDriverWait(driver, 60).until(lambda d: d.find_elements(By.ID, "problems"))

    # one mistake: the message stands beside its field
    box = driver.find_element(By.XPATH, "//input[@name='%s']/.." % MISTAKE[0])
    msg = box.find_element(By.CLASS_NAME, "err").text if box.find_elements(By.CLASS_NAME, "err") else ""
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
    shot("02-mistake.png")
    step("after submitting, the mistake's message is beside the field",
         "bad" in box.get_attribute("class") and MISTAKE[1] in msg and "手机" in msg, repr(msg))
    others = [e.text for e in driver.find_elements(By.CLASS_NAME, "err")]
    step("and it is the only message", len(others) == 1, repr(others))
    step("nothing was saved", "/new" in driver.current_url and driver.find_elements(By.ID, "problems"),
         driver.current_url)
    step("what was typed is kept", field("customer/name-zh").get_attribute("value") == TENANT, "")

    # put it right and save
    fill(MISTAKE[0], MISTAKE[2])
    driver.find_element(By.ID, "save").click()
    WebDriverWait(driver, 30).until(lambda d: d.find_elements(By.ID, "saved"))
    shot("03-saved.png")
    step("corrected, the case is saved", driver.current_url.endswith("/cases/%s?done=saved" % case_id),
         driver.current_url)

    # the list finds it
    driver.get(BASE + "/cases")
    fill("q", "浏览器验收")
    driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    WebDriverWait(driver, 30).until(lambda d: "q=" in d.current_url)
    rows = driver.find_elements(By.CSS_SELECTOR, "#cases tr")
    shot("04-list.png")
    step("客户列表 finds the new tenant by name", len(rows) == 2 and TENANT in rows[1].text, repr([r.text for r in rows]))
    rows[1].find_element(By.LINK_TEXT, "打开/修改").click()
    WebDriverWait(driver, 30).until(lambda d: d.find_elements(By.ID, "generate"))

    # generate
    driver.find_element(By.ID, "generate").click()
    WebDriverWait(driver, 180).until(lambda d: d.find_elements(By.ID, "documents"))
    shot("05-packet.png")
    links = driver.find_elements(By.CSS_SELECTOR, "#documents a")
    names = [a.text for a in links]
    step("生成 lists each document with a link to its PDF", len(names) == 15 and "packet.pdf" in names and
         "06-XT-KF-CX-001-R01.pdf" in names, repr(names))
    pdf_url = [a.get_attribute("href") for a in links if a.text == "06-XT-KF-CX-001-R01.pdf"][0]
    one = os.path.join(OUT, "06-XT-KF-CX-001-R01.pdf")
    urllib.request.urlretrieve(pdf_url, one)
    step("a document's link gives its PDF with the tenant's name", TENANT in pdf_text(one), pdf_url)

    # download the whole packet, as the browser does
    driver.find_element(By.ID, "zip").click()
    zpath = os.path.join(downloads, case_id + ".zip")
    for _ in range(600):
        if os.path.exists(zpath) and not glob.glob(os.path.join(downloads, "*.crdownload")):
            break
        time.sleep(0.1)
    step("下载全部文件 downloads the packet's zip", os.path.exists(zpath), os.listdir(downloads))
    with zipfile.ZipFile(zpath) as z:
        z.extract("%s/packet.pdf" % case_id, downloads)
    text = pdf_text(os.path.join(downloads, case_id, "packet.pdf"))
    step("the packet's PDF has the tenant's name", TENANT in text and "13911276548" in text, text[:200])

    # the other pages
    driver.get(BASE + "/forms")
    shot("06-forms.png")
    step("空白表格 lists the register", len(driver.find_elements(By.CSS_SELECTOR, "#register tr")) > 10, "")
    driver.get(BASE + "/manual")
    shot("07-manual.png")
    step("程序文件 shows the revision and its date", "生效日期" in driver.find_element(By.ID, "current").text, "")

    # 导入客户: the samples' CSV files under new case numbers, one cell wrong
    samples = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "import", "utf8")
    upload = os.path.join(OUT, "upload")
    os.makedirs(upload, exist_ok=True)

    def write_upload(mobile):
        """The sample CSV files, their cases numbered 2035-00N, the first contact of 2035-002 given mobile."""
        paths, bad_row = [], None
        for name in sorted(os.listdir(samples)):
            with open(os.path.join(samples, name), encoding="utf-8-sig", newline="") as f:
                rows = list(csv.reader(f))
            col = rows[0].index("案卷编号")
            for i, r in enumerate(rows[1:], 2):
                r[col] = r[col].replace("2024-00", "2035-00")
                if name.endswith("-联系人.csv") and r[col] == "2035-002" and bad_row is None:
                    r[rows[0].index("联系人手机")] = mobile
                    bad_row = i
            path = os.path.join(upload, name)
            with open(path, "w", encoding="utf-8", newline="") as f:
                csv.writer(f).writerows(rows)
            paths.append(path)
        return paths, bad_row

    driver.get(BASE + "/")
    driver.find_element(By.LINK_TEXT, "导入客户").click()
    WebDriverWait(driver, 30).until(lambda d: d.find_elements(By.ID, "upload"))
    shot("08-import.png")
    tpl = driver.find_element(By.ID, "template").get_attribute("href")
    got = urllib.request.urlopen(tpl).read()
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "docs",
                           "tenants-template.xlsx"), "rb") as f:
        step("导入客户 offers the template, docs/tenants-template.xlsx's bytes", got == f.read(), tpl)
    paths, bad_row = write_upload("1360109337")
    driver.find_element(By.ID, "file").send_keys("\n".join(paths))
    driver.find_element(By.ID, "import").click()
    WebDriverWait(driver, 120).until(lambda d: d.find_elements(By.ID, "problems"))
    shot("09-import-error.png")
    rows = [r.text for r in driver.find_elements(By.CSS_SELECTOR, "#errors tr")]
    step("an upload with one bad cell: its sheet, row, column and field, in Chinese",
         len(rows) == 2 and rows[1].startswith("联系人 第 %d 行 F 列 联系人手机" % bad_row) and
         "1360109337" in rows[1] and "手机号" in rows[1], repr(rows))
    step("  and nothing imported", "没有导入任何客户" in driver.find_element(By.ID, "problems").text and
         not driver.find_elements(By.ID, "imported"), "")
    driver.get(BASE + "/cases?q=2035")
    step("  (the list has none of its cases)", len(driver.find_elements(By.CSS_SELECTOR, "#cases tr")) == 1, "")

    # put it right in the file, upload again
    driver.get(BASE + "/import")
    paths, _ = write_upload("13601093375")
    driver.find_element(By.ID, "file").send_keys("\n".join(paths))
    driver.find_element(By.ID, "import").click()
    WebDriverWait(driver, 120).until(lambda d: d.find_elements(By.ID, "done"))
    shot("10-imported.png")
    links = [a.text for a in driver.find_elements(By.CSS_SELECTOR, "#imported a")]
    step("corrected, the four tenants are imported, each with a link", links == ["2035-001", "2035-002",
         "2035-003", "2035-004"], repr(links))
    driver.find_element(By.LINK_TEXT, "2035-002").click()
    WebDriverWait(driver, 30).until(lambda d: d.find_elements(By.ID, "generate"))
    step("its link opens the case, the tenant's name in it",
         field("customer/name-zh").get_attribute("value") == "瑞森管理咨询（北京）有限公司" and
         field("customer/contacts/contact[1]/mobile").get_attribute("value") == "13601093375",
         driver.current_url)
    driver.get(BASE + "/cases")
    fill("q", "瑞森")
    driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    WebDriverWait(driver, 30).until(lambda d: "q=" in d.current_url)
    rows = [r.text for r in driver.find_elements(By.CSS_SELECTOR, "#cases tr")]
    shot("11-list.png")
    step("客户列表 finds the imported tenant", any(r.startswith("2035-002 瑞森管理咨询") for r in rows), repr(rows))
finally:
    driver.quit()
