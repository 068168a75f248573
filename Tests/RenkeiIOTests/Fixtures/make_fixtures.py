#!/usr/bin/env python3
"""Writes the RenkeiIO test fixtures: the same edge lists in every encoding Renkei reads,
bad inputs (undecodable bytes, unterminated quotes, ragged rows) and dataset folders.

Encoded bytes come from Python's own codecs (cp932, utf-16-le/-be, utf-8-sig), not from Renkei.
Run from anywhere: python3 make_fixtures.py
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def write(rel, data, encoding="utf-8"):
    path = os.path.join(HERE, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode(encoding))


# An edge list with CP932-only characters (① NEC row 13, ㈱, 髙 and 﨑 IBM extensions),
# a quoted field with a comma, an embedded newline and a doubled quote.
EDGES_JA = (
    "団体名,連携先,連携内容,重み\r\n"
    "北区社協,ＮＰＯ法人　わんず,後援;会場提供,2\r\n"
    "東京都北区社会福祉協議会,地域の保育園,広報・チラシ配布,\r\n"
    "北区社会福祉協議会,亘理町教育委員会,講師派遣,1\r\n"
    "㈱髙﨑製作所,\"サロン①「いこい」, 北区\",共催・協働,1.5\r\n"
    "\"ＮＰＯ法人わんず\",\"改行\n入りの\"\"団体\"\"\",相談・支援へのつなぎ,3\r\n"
)
write("encodings/sjis_japanese_headers.csv", EDGES_JA, "cp932")
write("encodings/utf8.csv", EDGES_JA, "utf-8")
write("encodings/utf8_bom.csv", EDGES_JA, "utf-8-sig")
write("encodings/utf16le_bom.csv", b"\xff\xfe" + EDGES_JA.encode("utf-16-le"))
write("encodings/utf16be_bom.csv", b"\xfe\xff" + EDGES_JA.encode("utf-16-be"))
write("encodings/utf8_lf.csv", EDGES_JA.replace("\r\n", "\n"), "utf-8")

# English headers, ASCII.
write("edges_english.csv",
      "source,target,relations,weight\n"
      "A NPO,B School,venue;endorsement,1\n"
      "B School,C Office,lecturers,2\n"
      "D Company,E Club,funding,1\n")

# The three spellings of 北区's 社協.
write("kita_shakyo.csv",
      "source,target\n"
      "北区社協,WATALIS\n"
      "北区社会福祉協議会,亘理町\n"
      "東京都北区社会福祉協議会,地域の保育園\n")

# Plain white-space edge list.
write("plain_edges.txt", "# comment line\na b 2\nb c\n\nc a 0.5  # trailing comment\nd e\n")

# --- bad inputs -------------------------------------------------------------
# An unterminated quote on line 3.
write("bad/unterminated_quote.csv", "source,target\na,b\n\"c,d\ne,f\n")
# Valid Shift_JIS on lines 1-2, then 0x85 0x40 (an unassigned CP932 code) on line 3.
write("bad/undecodable.csv",
      "団体名,連携先\n社協,市役所\n".encode("cp932") + b"\x85\x40abc,def\n")
# UTF-8 Japanese with a stray 0xFF byte on line 4.
write("bad/broken_utf8.csv",
      "団体名,連携先\n北区社協,亘理町\n豊島区,渋谷区\n".encode("utf-8") + b"\xff,x\n")
# Ragged rows on lines 3 and 4.
write("bad/ragged.csv", "source,target,weight\na,b,1\nc,d\ne,f,1,9\ng,h,2\n")
# No target column.
write("bad/no_target.csv", "団体名,備考\na,b\n")
# Weights that are not positive numbers, unknown relation, self-loop, empty name.
write("bad/edge_values.csv",
      "source,target,relations,weight\n"
      "a,b,venue,0\n"
      "a,c,venue,-2\n"
      "b,c,venue,many\n"
      "c,d,会場提共,1\n"
      "d,d,venue,1\n"
      ",e,venue,1\n"
      "北区社協,北区社会福祉協議会,venue,1\n")
write("bad/plain_bad.txt", "a b\na b c d\nx x\ny z -1\n")

# --- dataset folders ---------------------------------------------------------
write("folders/good/dataset.yaml",
      "name: テストデータ\n"
      "description: 連携の小さな例\n"
      "source: report.txt\n"
      "licence: CC BY 4.0\n"
      "kinds:\n"
      "  - id: 財団\n"
      "    english: foundation\n"
      "relations:\n"
      "  - id: mentoring\n"
      "    label: メンタリング\n"
      "    english: mentoring\n")
write("folders/good/organizations.csv",
      "id,name,kind,category,legal_form,prefecture,municipality,aliases,generic\n"
      "watalis,WATALIS,NPO,,一般社団法人,宮城県,亘理町,ワタリス,false\n"
      "watari-town,亘理町,,,,宮城県,亘理町,,\n"
      "watari-shakyo,亘理町社会福祉協議会,社協,,社会福祉法人,宮城県,亘理町,亘理町社協;わたり社協,false\n"
      "hoikuen,地域の保育園,,,,,,,true\n"
      "kyosei,共生地域創造財団,財団,,(公財),,,,false\n"
      "wanzu,NPO法人わんず,,,,三重県,玉城町,,\n"
      "lonely,ひとり会,,,,,,,\n")
write("folders/good/projects.csv",
      "id,title,lead,prefecture,municipality,year,source\n"
      "p1,ミツバチと共に創る 心を繋ぐ地域共生コミュニティ,watalis,宮城県,亘理町,2023,report.txt:4\n"
      "p2,居場所づくり,wanzu,三重県,玉城町,2023年度,report.txt:572\n")
write("folders/good/partnerships.csv",
      "project,source,target,relations,status,weight,direction,evidence,note\n"
      "p1,watalis,watari-town,後援,realised,,,60;73,名義後援\n"
      "p1,watalis,watari-shakyo,endorsement;venue,planned,2,directed,report.txt:80,\n"
      "p1,watalis,hoikuen,\"広報・チラシ配布;参加者紹介・コーディネート\",,1.5,mutual,,\"保育園で, チラシ配布\"\n"
      "p1,kyosei,watalis,メンタリング,,,,,\n"
      "p2,wanzu,watari-shakyo,情報共有・ケース会議,実施,,,,\n")

write("folders/bad/dataset.yaml", "name: 壊れたデータ\n")
write("folders/bad/organizations.csv",
      "id,name,kind,category,legal_form,prefecture,municipality,aliases,generic\n"
      "a,北区社協,社協,,,,,,false\n"           # 2
      "a,重複,NPO,,,,,,false\n"               # 3 duplicate id
      "b,,NPO,,,,,,false\n"                   # 4 empty name
      "c,学校A,学 校,,,,,,false\n"            # 5 unknown kind
      "d,団体D,社強,,,,,,false\n"             # 6 unknown kind with did-you-mean 社協
      "e,団体E,NPO,,,,,,maybe\n"              # 7 generic not a boolean
      "f,団体F,NPO,,,,\n"                     # 8 ragged row
      "g,団体G,NPO,,,,,,false\n")             # 9
write("folders/bad/projects.csv",
      "id,title,lead,prefecture,municipality,year,source\n"
      "p1,事業1,a,,,2023,\n"                  # 2
      "p1,事業1の重複,a,,,2023,\n"            # 3 duplicate project id
      "p2,事業2,zz,,,20x3,\n")                # 4 unknown lead, bad year
write("folders/bad/partnerships.csv",
      "project,source,target,relations,status,weight,direction,evidence,note\n"
      "p1,a,g,後援,,,,,\n"                    # 2 fine
      "p9,a,g,後援,,,,,\n"                    # 3 unknown project
      "p1,a,x,後援,,,,,\n"                    # 4 unknown organisation
      "p1,g,g,後援,,,,,\n"                    # 5 self-loop
      "p1,a,g,会場提共,,,,,\n"                # 6 unknown relation (did you mean 会場提供)
      "p1,a,g,後援,,0,,,\n"                   # 7 weight not positive
      "p1,a,g,後援,,abc,,,\n"                 # 8 weight not a number
      "p1,a,g,後援,maybe,,sideways,,\n"       # 9 bad status and direction
      "p1,a,g,,,,,,\n")                       # 10 no relation

write("folders/missing_columns/organizations.csv", "id,kind\na,NPO\n")
write("folders/missing_columns/partnerships.csv", "project,source,target\n,a,a\n")

write("folders/undecodable/organizations.csv",
      "id,name\n".encode() + "a,北区社協\n".encode("cp932") + b"b,\x85\x40\n")
write("folders/undecodable/partnerships.csv", "project,source,target,relations\n,a,b,後援\n")

write("folders/no_files/README.txt", "not a dataset\n")

# dataset.yaml that is not valid YAML (the flow sequence is never closed, line 2).
write("folders/bad_yaml/dataset.yaml", "name: 壊れたYAML\nkinds: [財団, 基金\n")
write("folders/bad_yaml/organizations.csv", "id,name\na,団体A\nb,団体B\n")
write("folders/bad_yaml/partnerships.csv", "project,source,target,relations\n,a,b,後援\n")
# Valid YAML, but a relation without a Japanese label and a kind without an id.
write("folders/bad_vocabulary/dataset.yaml",
      "name: 語彙の誤り\nkinds:\n  - english: no id\nrelations:\n  - id: mentoring\n")
write("folders/bad_vocabulary/organizations.csv", "id,name\na,団体A\nb,団体B\n")
write("folders/bad_vocabulary/partnerships.csv", "project,source,target,relations\n,a,b,後援\n")

# --- expected connected components, computed by NetworkX ----------------------
import csv
import json

import networkx as nx


def components_of(nodes, edges):
    g = nx.Graph()
    g.add_nodes_from(nodes)
    g.add_edges_from(edges)
    sizes = sorted((len(c) for c in nx.connected_components(g)), reverse=True)
    return {"components": len(sizes), "largest_component": sizes[0] if sizes else 0,
            "isolated_organizations": sum(1 for v in g if g.degree(v) == 0)}


expected = {}
folder = os.path.join(HERE, "folders/good")
with open(os.path.join(folder, "organizations.csv"), encoding="utf-8") as f:
    org_ids = [r["id"] for r in csv.DictReader(f)]
with open(os.path.join(folder, "partnerships.csv"), encoding="utf-8") as f:
    pairs = [(r["source"], r["target"]) for r in csv.DictReader(f)]
expected["folders/good"] = components_of(org_ids, pairs)
with open(os.path.join(HERE, "edges_english.csv"), encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
names = []
for r in rows:
    for n in (r["source"], r["target"]):
        if n not in names:
            names.append(n)
expected["edges_english.csv"] = components_of(names, [(r["source"], r["target"]) for r in rows])
plain = []
with open(os.path.join(HERE, "plain_edges.txt"), encoding="utf-8") as f:
    for line in f:
        t = line.split("#")[0].split()
        if t:
            plain.append((t[0], t[1]))
expected["plain_edges.txt"] = components_of({v for e in plain for v in e}, plain)
with open(os.path.join(HERE, "expected_components.json"), "w", encoding="utf-8") as f:
    json.dump(expected, f, ensure_ascii=False, indent=2, sort_keys=True)
    f.write("\n")

print("fixtures written to", HERE)
