#!/usr/bin/env python3
"""Writes the date fixtures of issue 10 with openpyxl (not with Renkei):

- dataset_dates.xlsx: a dataset workbook (sheets 団体, 事業, 連携) whose 事業 sheet has a title row
  above its header and dates in 年度, each in another number format: openpyxl's default date
  format (a custom numFmt, yyyy-mm-dd), the built-in format 14 with a date in February (fiscal
  year 2023, 2024-02-10), a custom Japanese era format, and a plain number. Its 連携 sheet names
  organisations by name and a project by its title, and holds a date-time in 備考 and an unknown
  relation word (見守り).
- dates1904.xlsx: one sheet in the 1904 date system (Excel for Mac), 年度 2024-04-01.

Run from anywhere: python3 make_dates.py
"""
import datetime
import os

import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904

HERE = os.path.dirname(os.path.abspath(__file__))

wb = openpyxl.Workbook()
orgs = wb.active
orgs.title = "団体"
orgs.append(["ID", "名称", "種別"])
for row in [["o1", "松本市社会福祉協議会", "社協"], ["o2", "松本市", "行政"],
            ["o3", "NPO法人フードバンク信州", "NPO"], ["o4", "信州大学", "学校"]]:
    orgs.append(row)

projects = wb.create_sheet("事業")
projects.append(["事業一覧（令和5年度）"])
projects.append([])
projects.append(["ID", "事業名", "主催団体", "年度"])
projects.append(["P1", "見守り事業", "松本市社会福祉協議会", datetime.date(2023, 6, 1)])  # openpyxl: yyyy-mm-dd
projects.append(["P2", "フードドライブ", "o3", datetime.date(2024, 2, 10)])
projects["D5"].number_format = "mm-dd-yy"  # built-in numFmtId 14
projects.append(["P3", "居場所づくり", "o1", datetime.date(2019, 5, 1)])
projects["D6"].number_format = '[$-ja-JP]ggge"年"m"月"d"日"'
projects.append(["P4", "学びの場", "o4", 2022])

links = wb.create_sheet("連携")
links.append(["事業", "連携元", "連携先", "連携内容", "状態", "備考"])
links.append(["P1", "松本市社会福祉協議会", "松本市", "後援", "実施済み", datetime.datetime(2023, 7, 15, 9, 30)])
links.append(["見守り事業", "o1", "NPO法人フードバンク信州", "食料・物資提供", "予定", None])
links.append(["P2", "o3", "o2", "会場提供;見守り", "実施", None])
links.append(["P3", "o1", "o4", "講師派遣", "実施", None])
links.append(["P4", "o4", "o1", "情報共有", "実施", None])
wb.save(os.path.join(HERE, "dataset_dates.xlsx"))

wb = openpyxl.Workbook()
wb.epoch = CALENDAR_MAC_1904
ws = wb.active
ws.title = "調査票"
ws.append(["事業名", "団体名", "連携先", "連携内容", "年度"])
ws.append(["見守り事業", "松本市社会福祉協議会", "松本市", "後援", datetime.date(2024, 4, 1)])
wb.save(os.path.join(HERE, "dates1904.xlsx"))
