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
