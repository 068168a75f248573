#!/usr/bin/env python3
"""Writes the survey-sheet fixtures of issue 10: a 社協 survey sheet as staff keep it (Japanese
headers, CP932, CRLF) with three projects, messy names and their own relation words, and
kana_nfkc.tsv, half-width katakana names with their NFKC form as Python's unicodedata gives it.

The bytes come from Python's cp932 codec and unicodedata, not from Renkei.
Run from anywhere: python3 make_survey.py
"""
import os
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))

HEADER = ["事業名", "主催団体", "団体名", "連携先", "連携内容", "状態", "種別", "都道府県", "市町村", "年度", "備考", "重み"]
ROWS = [
    # Project 1: lead given; half-width katakana, full-width letters, their own words.
    ["見守りネットワーク事業", "松本市社会福祉協議会", "松本市社協", "ﾌｰﾄﾞﾊﾞﾝｸ信州", "食料・物資提供／見守り", "実施済み", "", "長野県", "松本市", "令和5年度", "", "2"],
    ["見守りネットワーク事業", "", "松本市社協", "蟻ヶ崎町会", "見守り、情報共有", "実施", "", "", "", "", "", ""],
    ["", "", "松本市社協", "信州大学教育学部", "調査協力", "実施済み", "", "", "", "", "学生が聞き取り", ""],
    ["", "", "松本市社協", "ＮＰＯ法人　まつもと子ども食堂", "ボランティア派遣", "予定", "", "", "", "", "", ""],
    ["見守りネットワーク事業", "", "松本市社協", "コープながの", "委託", "計画", "", "", "", "", "", ""],
    ["見守りネットワーク事業", "", "松本市社協", "民生委員", "", "実施", "", "", "", "", "連携内容は未記入", ""],
    # Project 2: no 主催団体 — the lead is the organisation in 団体名.
    ["フードドライブ２０２３", "", "NPO法人フードバンク信州", "松本市役所", "後援・会場提供", "実施済み", "", "長野県", "", "2023", "", ""],
    ["フードドライブ２０２３", "", "NPO法人フードバンク信州", "ｺｰﾌﾟながの", "食料提供", "実施済み", "", "", "", "", "", ""],
    ["フードドライブ２０２３", "", "特定非営利活動法人フードバンク信州", "松本市社会福祉協議会", "広報・チラシ配布;ボランティア派遣", "実施済み", "", "", "", "", "", ""],
    ["フードドライブ２０２３", "", "NPO法人フードバンク信州", "株式会社 信州ﾏｰﾄ", "物資提供", "予定", "企業", "", "", "", "", ""],
    # Project 3: English-speaking partner words, a kind override, information-sharing kept whole.
    ["子どもの居場所づくり", "一般社団法人　ひだまり", "一般社団法人ひだまり", "松本市教育委員会", "情報共有・ケース会議", "実施済み", "", "長野県", "松本市", "R6", "", ""],
    ["子どもの居場所づくり", "", "一般社団法人ひだまり", "松本市立旭町小学校", "参加者紹介・コーディネート、見守り", "実施", "", "", "", "", "", ""],
    ["子どもの居場所づくり", "", "一般社団法人ひだまり", "保健師 山田", "助言・専門的支援", "実施", "専門職", "", "", "", "", ""],
    ["子どもの居場所づくり", "", "一般社団法人ひだまり", "松本市保健センター", "講師派遣／調査協力", "予定", "", "", "", "", "", ""],
]


def csv_line(fields):
    out = []
    for f in fields:
        if any(c in f for c in ',"\r\n'):
            f = '"' + f.replace('"', '""') + '"'
        out.append(f)
    return ",".join(out) + "\r\n"


with open(os.path.join(HERE, "survey_cp932.csv"), "wb") as f:
    f.write("".join(csv_line(r) for r in [HEADER] + ROWS).encode("cp932"))

# The same survey with English headers, UTF-8.
EN = ["project", "lead", "source", "target", "relations", "status", "kind", "prefecture", "municipality", "year", "note", "weight"]
with open(os.path.join(HERE, "survey_english.csv"), "wb") as f:
    f.write("".join(csv_line(r) for r in [EN] + ROWS).encode("utf-8"))

# Half-width katakana names and Python's NFKC of them.
KANA = ["ﾌｰﾄﾞﾊﾞﾝｸ信州", "ｺｰﾌﾟながの", "ﾊﾟﾝﾄﾘｰ", "ｳﾞｨﾚｯｼﾞ", "ﾎﾟｰﾀﾙｻｲﾄ", "ｶﾞｯｺｳ", "ｻﾎﾟｰﾄｾﾝﾀｰ", "ﾋﾟｱｻﾎﾟｰﾄ"]
with open(os.path.join(HERE, "kana_nfkc.tsv"), "w", encoding="utf-8") as f:
    for k in KANA:
        f.write(k + "\t" + unicodedata.normalize("NFKC", k) + "\n")

# The same survey as a workbook (openpyxl): a title row and a blank row above the header, numbers
# as numbers, the first year as a date, a blank row inside the data, and a second sheet.
import datetime
import zipfile

import openpyxl

wb = openpyxl.Workbook()
ws = wb.active
ws.title = "調査票"
ws.append(["令和5年度 連携状況調査（松本市）"])
ws.append([])
ws.append(HEADER)
for i, r in enumerate(ROWS):
    cells = list(r)
    if cells[11]:
        cells[11] = int(cells[11])  # 重み as a number
    if cells[9] == "2023":
        cells[9] = datetime.date(2023, 6, 1)  # 年度 as a date
    ws.append([c if c != "" else None for c in cells])
    if i == 5:
        ws.append([])  # a blank row between projects
wb.create_sheet("メモ").append(["このシートは読みません"])
wb.save(os.path.join(HERE, "survey.xlsx"))

# A ZIP bomb dressed as a workbook: xl/worksheets/sheet1.xml inflates to 512 MB of spaces.
with zipfile.ZipFile(os.path.join(HERE, "bomb.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", "<Types/>")
    z.writestr("xl/workbook.xml", '<workbook><sheets><sheet name="a" r:id="rId1" xmlns:r="r"/></sheets></workbook>')
    z.writestr("xl/_rels/workbook.xml.rels", '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>')
    with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
        block = b" " * (1 << 20)
        for _ in range(512):
            f.write(block)

# An old .xls is an OLE2 compound file: its signature is enough for the message.
with open(os.path.join(HERE, "old.xls"), "wb") as f:
    f.write(bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + bytes(504))
