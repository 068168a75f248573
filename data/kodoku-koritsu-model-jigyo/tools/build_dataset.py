#!/usr/bin/env python3
"""Assemble the seed dataset from the per-case extraction files.

Input:  cases/NN.csv, one file per model project, written by reading the report
        (row_type,name,kind,category,legal_form,prefecture,municipality,generic,
         relations,status,evidence,note; row_type project|lead|partner).
Output: organizations.csv, projects.csv, partnerships.csv (Renkei dataset format).

Named organisations that recur across cases (a partner of one project that is the lead
of another, a 社協 that two projects work with) are merged on their NFKC-normalised name,
unless their prefectures differ. Generic partners (generic=true) are never merged across
projects: each belongs to its own project. Within a project, rows with the same generic name
and kind are one organisation (a partner with realised and planned work is one organisation
with a partnership per status); two rows of one project for the same partner and status are
an error. Identifiers are assigned in order of first appearance
(cases in file order), so the output is deterministic.

Usage: python3 tools/build_dataset.py [--check]   (--check: fail if outputs would change)
"""
import csv
import io
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SEED_NAME = "000_1143c6004f43cb1f.txt"
SEED = os.path.join(ROOT, "..", "..", "..", "shared", "seeds", SEED_NAME)
YEAR = 2023  # 令和5年度: the report's activities run from 2023 to February 2024.

KINDS = ["社協", "行政", "学校", "NPO", "企業", "医療・保健", "地域団体", "協同組合", "専門職", "その他"]
RELATIONS = ["後援", "広報・チラシ配布", "参加者紹介・コーディネート", "講師派遣", "会場提供",
             "情報共有・ケース会議", "相談・支援へのつなぎ", "食料・物資提供", "資金・助成",
             "共催・協働", "助言・専門的支援"]
HEADER = ["row_type", "name", "kind", "category", "legal_form", "prefecture", "municipality",
          "generic", "relations", "status", "evidence", "note"]
LEGAL_FORMS = {
    "NPO法人": "特定非営利活動法人",
    "認定NPO法人": "認定特定非営利活動法人",
    "特非": "特定非営利活動法人",
}


def norm(s):
    s = unicodedata.normalize("NFKC", s or "")
    return re.sub(r"\s+", "", s)


def clean(s):
    s = unicodedata.normalize("NFKC", s or "").strip()
    return re.sub(r"[ \t\u3000]+", " ", s)


def fail(msg):
    sys.stderr.write(msg + "\n")
    sys.exit(1)


def read_cases():
    folder = os.path.join(ROOT, "cases")
    files = sorted(f for f in os.listdir(folder) if re.fullmatch(r"\d\d\.csv", f))
    cases = []
    for f in files:
        path = os.path.join(folder, f)
        with open(path, encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh))
        if not rows or rows[0] != HEADER:
            fail(f"{path}:1: header must be {','.join(HEADER)}")
        body = []
        for n, r in enumerate(rows[1:], start=2):
            if len(r) != len(HEADER):
                fail(f"{path}:{n}: {len(r)} fields, expected {len(HEADER)}")
            body.append((n, dict(zip(HEADER, r))))
        cases.append((f[:2], path, body))
    return cases


def evidence_lines(text, path, n):
    lines = []
    for part in (text or "").replace(",", ";").split(";"):
        part = part.strip()
        if not part:
            continue
        m = re.fullmatch(r"(\d+)(?:\s*-\s*(\d+))?", part)
        if not m:
            fail(f"{path}:{n}: field 'evidence': '{part}' is not a line number")
        lines.append(int(m.group(1)))
    return lines


def replace_block(text, tag, lines):
    """Rewrites the README block between `<!-- TAG:begin … -->` and `<!-- TAG:end -->`."""
    begin = text.index(f"<!-- {tag}:begin")
    begin = text.index("\n", begin) + 1
    end = text.index(f"<!-- {tag}:end -->")
    return text[:begin] + "\n".join(lines) + "\n" + text[end:]


MARK = re.compile(r"\b(outside|guess):\s*(.*)", re.S)


def note_marks(note):
    """(marker, text) for every `outside:` or `guess:` in a note; a mark runs to the next '; ' outside brackets."""
    segments, depth, start = [], 0, 0
    for i, ch in enumerate(note):
        depth += ch in "(（「[" and 1 or 0
        depth -= ch in ")）」]" and 1 or 0
        if ch == ";" and depth <= 0 and note[i + 1:i + 2] in (" ", ""):
            segments.append(note[start:i]); start = i + 1
    segments.append(note[start:])
    marks = []
    for seg in segments:
        m = MARK.search(seg)
        if m:
            marks.append((m.group(1), m.group(2).strip()))
    return marks


def readme_with_counts(orgs, projects, partnerships, marks):
    """The dataset README with its generated sections rewritten from the built tables: the counts,
    the projects with funder partnerships, and every `outside:` and `guess:` note of the case files."""
    path = os.path.join(ROOT, "README.md")
    text = open(path, encoding="utf-8").read()
    named = sum(1 for o in orgs if o["generic"] == "false")
    realised = sum(1 for p in partnerships if p["status"] == "realised")
    out = ["| what | count |", "|---|---:|",
           f"| projects | {len(projects)} |", f"| organisations | {len(orgs)} |",
           f"| named organisations | {named} |", f"| generic organisations | {len(orgs) - named} |",
           f"| partnerships | {len(partnerships)} |", f"| realised partnerships | {realised} |",
           f"| planned partnerships | {len(partnerships) - realised} |", "",
           "| kind | organisations | named | generic |", "|---|---:|---:|---:|"]
    for k in KINDS:
        total = sum(1 for o in orgs if o["kind"] == k)
        kn = sum(1 for o in orgs if o["kind"] == k and o["generic"] == "false")
        out.append(f"| {k} | {total} | {kn} | {total - kn} |")
    out += ["", "Partnerships by relation (a partnership with several relations counts under each):", "",
            "| relation | partnerships |", "|---|---:|"]
    for r in RELATIONS:
        out.append(f"| {r} | {sum(1 for p in partnerships if r in p['relations'].split(';'))} |")
    text = replace_block(text, "counts", out)
    names = {o["id"]: o["name"] for o in orgs}
    funders = []
    for status, label in (("realised", "Realised"), ("planned", "Planned")):
        items = [f"{p['project']} {names[p['target']]}" for p in partnerships
                 if p["status"] == status and "資金・助成" in p["relations"].split(";")]
        funders.append(f"- {label} ({len(items)}): " + ", ".join(items) + ".")
    text = replace_block(text, "funders", funders)
    lines = []
    for kind, label in (("outside", "From outside the report (`outside:`)"),
                        ("guess", "Speculative repairs (`guess:`)")):
        items = [f"  - {pid} {name}: {body}" for pid, name, k, body in marks if k == kind]
        lines.append(f"- {label}, {len(items)}:")
        lines += items
    return replace_block(text, "marks", lines)


def main():
    check = "--check" in sys.argv
    seed_lines = open(SEED, encoding="utf-8").read().split("\n") if os.path.exists(SEED) else None
    cases = read_cases()
    headers = {}
    if seed_lines is not None:
        sys.path.insert(0, HERE)
        from find_cases import find_cases
        headers = {f"{n:02d}": (tl, ll) for n, tl, ll, _, _ in find_cases(SEED)}
    orgs = []          # dicts with id,name,kind,category,legal_form,prefecture,municipality,aliases,generic
    by_key = {}        # normalised name -> org index
    projects = []
    partnerships = []
    problems = []

    def org_for(row, project_id, generic_counter, generics):
        name = clean(row["name"])
        generic = row["generic"].strip().lower() == "true"
        legal = clean(row["legal_form"])
        legal = LEGAL_FORMS.get(legal, legal)
        if generic:
            gkey = (norm(name), row["kind"])
            if gkey in generics:
                return generics[gkey]
            generic_counter[0] += 1
            oid = f"{project_id}-g{generic_counter[0]:02d}"
            orgs.append(dict(id=oid, name=name, kind=row["kind"], category=clean(row["category"]),
                             legal_form=legal, prefecture=clean(row["prefecture"]),
                             municipality=clean(row["municipality"]), aliases=[], generic="true"))
            generics[gkey] = oid
            return oid
        key = norm(name)
        if key in by_key:
            o = orgs[by_key[key]]
            pref = clean(row["prefecture"])
            if not (o["prefecture"] and pref and o["prefecture"] != pref):
                for field in ("category", "legal_form", "prefecture", "municipality"):
                    value = legal if field == "legal_form" else clean(row[field])
                    if not o[field] and value:
                        o[field] = value
                return o["id"]
            key = key + "@" + pref
            if key in by_key:
                return orgs[by_key[key]]["id"]
        oid = f"o{len([o for o in orgs if o['generic'] == 'false']) + 1:03d}"
        by_key[key] = len(orgs)
        orgs.append(dict(id=oid, name=name, kind=row["kind"], category=clean(row["category"]),
                         legal_form=legal, prefecture=clean(row["prefecture"]),
                         municipality=clean(row["municipality"]), aliases=[], generic="false"))
        return oid

    for number, path, body in cases:
        pid = f"P{number}"
        kinds = [r["row_type"] for _, r in body]
        if kinds.count("project") != 1 or kinds.count("lead") != 1:
            fail(f"{path}: needs exactly one project row and one lead row")
        counter = [0]
        generics = {}      # (normalised name, kind) -> id of this project's generic partner
        seen = {}          # (target, status) -> line of the row that made the partnership
        project_row = next((n, r) for n, r in body if r["row_type"] == "project")
        lead_n, lead_row = next((n, r) for n, r in body if r["row_type"] == "lead")
        lead_id = org_for(lead_row, pid, counter, generics)
        pn, pr = project_row
        plines = evidence_lines(pr["evidence"], path, pn)
        if number in headers:
            title_lines, lead_line = headers[number]
            if title_lines[0] not in plines:
                problems.append(f"{path}:{pn}: field 'evidence': the title is at line {title_lines[0]}")
            if lead_line not in evidence_lines(lead_row["evidence"], path, lead_n):
                problems.append(f"{path}:{lead_n}: field 'evidence': the lead line is {lead_line}")
            plines = title_lines
        elif headers:
            problems.append(f"{path}: no case {number} in the report")
        projects.append(dict(id=pid, title=clean(pr["name"]), lead=lead_id,
                             prefecture=clean(pr["prefecture"]) or clean(lead_row["prefecture"]),
                             municipality=clean(pr["municipality"]) or clean(lead_row["municipality"]),
                             year=str(YEAR), source=f"{SEED_NAME}:{plines[0]}" if plines else SEED_NAME))
        for n, r in body:
            if r["row_type"] in ("project", "lead"):
                if r["row_type"] == "lead" and r["kind"] not in KINDS:
                    problems.append(f"{path}:{n}: field 'kind': unknown kind '{r['kind']}'")
                continue
            if r["row_type"] != "partner":
                problems.append(f"{path}:{n}: field 'row_type': unknown '{r['row_type']}'")
                continue
            if r["kind"] not in KINDS:
                problems.append(f"{path}:{n}: field 'kind': unknown kind '{r['kind']}'")
            rels = [x.strip() for x in r["relations"].split(";") if x.strip()]
            for x in rels:
                if x not in RELATIONS:
                    problems.append(f"{path}:{n}: field 'relations': unknown relation '{x}'")
            if not rels:
                problems.append(f"{path}:{n}: field 'relations': empty")
            if r["status"] not in ("realised", "planned"):
                problems.append(f"{path}:{n}: field 'status': '{r['status']}'")
            lines = evidence_lines(r["evidence"], path, n)
            if not lines:
                problems.append(f"{path}:{n}: field 'evidence': no line number")
            if seed_lines is not None:
                for ln in lines:
                    if not (1 <= ln <= len(seed_lines)) or not seed_lines[ln - 1].strip():
                        problems.append(f"{path}:{n}: field 'evidence': line {ln} is empty or outside the report")
            target = org_for(r, pid, counter, generics)
            # "alias: 赤い羽根" in a note: another name the report uses for the partner.
            for m in re.finditer(r"\balias:\s*([^;]+)", r["note"]):
                o = next(o for o in orgs if o["id"] == target)
                for a in m.group(1).split("|"):
                    if clean(a) and clean(a) not in o["aliases"]:
                        o["aliases"].append(clean(a))
            if target == lead_id:
                problems.append(f"{path}:{n}: partner is the lead itself")
                continue
            if (target, r["status"]) in seen:
                problems.append(f"{path}:{n}: same partner and status as line {seen[(target, r['status'])]}"
                                " (merge the rows: one partnership per partner and status)")
                continue
            seen[(target, r["status"])] = n
            partnerships.append(dict(project=pid, source=lead_id, target=target,
                                     relations=";".join(rels), status=r["status"], weight="1",
                                     direction="mutual",
                                     evidence=";".join(f"{SEED_NAME}:{ln}" for ln in lines),
                                     note=clean(r["note"])))
    if problems:
        fail("\n".join(problems))

    outputs = {}
    def table(name, columns, rows):
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(columns)
        for row in rows:
            w.writerow([";".join(row[c]) if isinstance(row[c], list) else row[c] for c in columns])
        outputs[name] = buf.getvalue()
    table("organizations.csv", ["id", "name", "kind", "category", "legal_form", "prefecture",
                                "municipality", "aliases", "generic"], orgs)
    table("projects.csv", ["id", "title", "lead", "prefecture", "municipality", "year", "source"], projects)
    table("partnerships.csv", ["project", "source", "target", "relations", "status", "weight",
                               "direction", "evidence", "note"], partnerships)
    marks = [(f"P{number}", clean(r["name"]) if r["row_type"] != "project" else "(project)", kind,
              text) for number, _, body in cases for _, r in body for kind, text in note_marks(r["note"])]
    outputs["README.md"] = readme_with_counts(orgs, projects, partnerships, marks)
    changed = []
    for name, text in outputs.items():
        path = os.path.join(ROOT, name)
        old = open(path, encoding="utf-8").read() if os.path.exists(path) else None
        if old != text:
            changed.append(name)
            if not check:
                with open(path + ".tmp", "w", encoding="utf-8") as fh:
                    fh.write(text)
                os.replace(path + ".tmp", path)
    named = sum(1 for o in orgs if o["generic"] == "false")
    print(f"projects {len(projects)}, organisations {len(orgs)} (named {named}, generic {len(orgs) - named}), "
          f"partnerships {len(partnerships)}")
    if check and changed:
        fail("out of date: " + ", ".join(changed) + " (run tools/build_dataset.py)")


if __name__ == "__main__":
    main()
