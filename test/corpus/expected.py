#!/usr/bin/env python3
"""Compute the `expected` block of every corpus table from its transcribed rows and its `spec`.

Independent of the Tongbao engine: plain Python, exact arithmetic (fractions.Fraction for the
formulas, decimal.Decimal for printed figures). Nothing here imports or runs project code.

    python3 test/corpus/expected.py            # print a one-line summary per table
    python3 test/corpus/expected.py --check    # exit 1 if a file's stored `expected` differs
    python3 test/corpus/expected.py --write    # (re)write `expected` into every file
    python3 test/corpus/expected.py --write test/corpus/dazhou-2021-02-sources.json

What a file's `spec` says (written by hand from the page, see README.md):
  layout       "rows" (one record per body row), "label_value" (label | value pairs, one record
               for the whole table) or "side_by_side" (several blocks of columns, one record per
               block per row).
  columns      {name: column index} for "rows"; `blocks` [{name: index}, ...] for side_by_side;
               `pairs` [[label col, value col], ...] for label_value.
  path_cols    columns that name a row, outermost first (parent, sub-unit, ...). A cell covered
               by a merge takes the text of the merge's top-left cell.
  counts       names of the count columns (used by the formula search).
  formulas     [{column, num: {name: coef}, den: {name: coef} | null, scale, decimals, rounding,
               basis}]; a `den` of {"@const": "12184"} is a figure printed in the page's text.
  unknown      [{column, why}]: printed figures whose formula cannot be told from the page.
  totals       [{row, closes: [rows], sum: [names]}]: a 合计/小计/总计 row and the rows it closes.
  total_rows   rows that are totals under another label (发现问题数 = 事件总数 + 部件总数).
  ranks        [{column, by, order}]: a printed rank column and the figure it ranks.
Rows are 0-based indices into `rows` (the body, below the header rows).
"""

from __future__ import annotations

import json
import re
import sys
from decimal import Decimal
from fractions import Fraction
from itertools import combinations, permutations
from pathlib import Path

HERE = Path(__file__).resolve().parent
MODES = ["half_up", "half_even", "down", "up"]
MODE_ZH = {"half_up": "四舍五入", "half_even": "四舍六入五成双", "down": "截断", "up": "进一"}
TOTAL_RE = re.compile(r"^(合计|小计|总计|合\s*计|总\s*计|小\s*计)$")
EMPTY = {"", "—", "-", "－", "/", "无", "——"}


# ---------------------------------------------------------------- printed figures


def parse(text):
    """A printed cell as a Decimal (percent sign and arrows dropped), or None when empty."""
    if text is None:
        return None
    s = re.sub(r"\s+", "", str(text))
    if s in EMPTY:
        return None
    sign = 1
    if s.startswith("↓"):
        sign, s = -1, s[1:]
    elif s.startswith("↑"):
        s = s[1:]
    s = s.rstrip("%％")
    try:
        return Decimal(s) * sign
    except Exception:
        return None


def round_fraction(x: Fraction, decimals: int, mode: str) -> Decimal:
    q = x * (10**decimals)
    neg = q < 0
    a = -q if neg else q
    whole, rem = divmod(a.numerator, a.denominator)
    frac = Fraction(rem, a.denominator)
    if mode == "down":
        n = whole
    elif mode == "up":
        n = whole + (1 if frac > 0 else 0)
    elif mode == "half_up":
        n = whole + (1 if frac >= Fraction(1, 2) else 0)
    elif mode == "half_even":
        if frac > Fraction(1, 2) or (frac == Fraction(1, 2) and whole % 2 == 1):
            n = whole + 1
        else:
            n = whole
    else:
        raise ValueError(mode)
    n = -n if neg else n
    return Decimal(n).scaleb(-decimals)


def show(d: Decimal | None) -> str | None:
    if d is None:
        return None
    s = format(d, "f")
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s


# ---------------------------------------------------------------- records


def covered_anchor(table):
    """{(r, c): (r0, c0)} for every cell covered by a merge, in grid coordinates."""
    out = {}
    for m in table.get("merges", []):
        (r0, c0), (r1, c1) = m["from"], m["to"]
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                if (r, c) != (r0, c0):
                    out[(r, c)] = (r0, c0)
    return out


def grid_cell(table, r, c):
    grid = table["header"] + table["rows"]
    row = grid[r]
    return row[c] if c < len(row) else None


def body_text(table, i, c, anchors):
    """Text of body cell (i, c); a cell covered by a merge takes its anchor's text."""
    r = len(table["header"]) + i
    if (r, c) in anchors:
        r0, c0 = anchors[(r, c)]
        return grid_cell(table, r0, c0)
    return grid_cell(table, r, c)


def records(table):
    spec = table["spec"]
    anchors = covered_anchor(table)
    layout = spec.get("layout", "rows")
    out = []
    if layout == "label_value":
        values, where = {}, {}
        for i, _ in enumerate(table["rows"]):
            for lc, vc in spec["pairs"]:
                label = body_text(table, i, lc, anchors)
                if label and str(label).strip():
                    values[str(label).strip()] = body_text(table, i, vc, anchors)
                    where[str(label).strip()] = i
        out.append({"ref": "table", "row": None, "values": values, "path": [table["title"]], "where": where})
        return out
    blocks = spec["blocks"] if layout == "side_by_side" else [spec["columns"]]
    path_names = spec.get("path", [])
    for i, _ in enumerate(table["rows"]):
        for b, cols in enumerate(blocks):
            values = {name: body_text(table, i, c, anchors) for name, c in cols.items()}
            if layout == "side_by_side":
                path = [values.get(n) for n in path_names]
            else:
                path, seen = [], set()
                for c in spec.get("path_cols", []):
                    r = len(table["header"]) + i
                    anchor = anchors.get((r, c), (r, c))
                    if anchor in seen:  # one cell merged across the parent and sub-unit columns
                        continue
                    seen.add(anchor)
                    path.append(body_text(table, i, c, anchors))
            path = [p for p in path if p is not None and str(p).strip() != ""]
            if not path:
                continue
            ref = f"{i}" if layout == "rows" else f"{i}.{b}"
            out.append({"ref": ref, "row": i, "block": b, "values": values, "path": path,
                        "total": i in spec.get("total_rows", [])})
    return out


def is_total(rec):
    """A 合计/小计/总计 row, or a row the spec names in `total_rows` (a total with another label)."""
    return rec.get("total", False) or bool(TOTAL_RE.match(re.sub(r"\s+", "", str(rec["path"][-1]))))


# ---------------------------------------------------------------- formulas


def term_value(rec, terms):
    total = Fraction(0)
    for name, coef in terms.items():
        if name == "@const":
            total += Fraction(Decimal(coef))
            continue
        v = parse(rec["values"].get(name))
        if v is None:
            return None
        total += Fraction(Decimal(str(coef))) * Fraction(v)
    return total


def compute(rec, f, mode=None, decimals=None):
    num = term_value(rec, f["num"])
    if num is None:
        return None, "missing"
    scale = Fraction(Decimal(str(f.get("scale", "1"))))
    if f.get("den"):
        den = term_value(rec, f["den"])
        if den is None:
            return None, "missing"
        if den == 0:
            return None, "zero_den"
        x = scale * num / den
    else:
        x = scale * num
    d = f["decimals"] if decimals is None else decimals
    return round_fraction(x, d, mode or f.get("rounding", "half_up")), None


def expr(terms):
    parts = []
    for name, coef in terms.items():
        if name == "@const":
            parts.append(("+", str(coef)))
            continue
        c = Decimal(str(coef))
        sign = "-" if c < 0 else "+"
        c = abs(c)
        parts.append((sign, name if c == 1 else f"{show(c)}×{name}"))
    s = ""
    for k, (sign, t) in enumerate(parts):
        s += (("-" if sign == "-" else "") + t) if k == 0 else (f" {sign} {t}")
    return s if len(parts) == 1 else f"({s})"


def formula_text(f, fits, n):
    rhs = expr(f["num"])
    if f.get("den"):
        rhs += f" / {expr(f['den'])}"
    if str(f.get("scale", "1")) == "100":
        rhs += " ×100%"
    mode = f.get("rounding", "half_up")
    return f"{f['column']} = {rhs}，{f['decimals']}位小数（{MODE_ZH[mode]}），{n}行中{fits}行吻合"


def check_formula(table, recs, f):
    col = f["column"]
    rows, misprints, not_checkable = [], [], []
    for rec in recs:
        printed_text = rec["values"].get(col)
        printed = parse(printed_text)
        got, why = compute(rec, f)
        entry = {"row": rec["ref"], "unit": "/".join(str(p) for p in rec["path"]), "total": is_total(rec),
                 "printed": printed_text, "recomputed": show(got)}
        if printed is None or got is None:
            entry["checkable"] = False
            entry["why"] = "printed cell empty" if printed is None else why
            not_checkable.append(entry)
            continue
        entry["checkable"] = True
        entry["ok"] = printed == got
        rows.append(entry)
        if not entry["ok"]:
            misprints.append({k: entry[k] for k in ("row", "unit", "total", "printed", "recomputed")})
    fits = sum(1 for e in rows if e["ok"])
    modes = {}
    for m in MODES:
        k = 0
        for rec in recs:
            p = parse(rec["values"].get(col))
            g, _ = compute(rec, f, mode=m)
            if p is not None and g is not None and p == g:
                k += 1
        modes[m] = k
    return {
        "column": col,
        "formula": formula_text(f, fits, len(rows)),
        "num": f["num"],
        "den": f.get("den"),
        "scale": str(f.get("scale", "1")),
        "decimals": f["decimals"],
        "rounding": f.get("rounding", "half_up"),
        "basis": f.get("basis"),
        "rows_checked": len(rows),
        "rows_fitting": fits,
        "misprints": misprints,
        "not_checkable": [{k: e[k] for k in ("row", "unit", "printed", "why")} for e in not_checkable],
        "rows_fitting_by_rounding": modes,
    }


def search_alternatives(recs, f, counts):
    """Every num/den built from one count, a sum of two or a difference of two (num), over one
    count or a sum of two (den), with the spec's scale/decimals, half-up: those fitting as many
    rows as the best. Only over non-total rows with a printed figure."""
    col = f["column"]
    units = [r for r in recs if not is_total(r) and parse(r["values"].get(col)) is not None]
    if len(units) < 2:
        return None
    # a column that is 0 (or empty) in every row adds nothing: leave it out, say so
    zero = [c for c in counts if all((parse(r["values"].get(c)) or 0) == 0 for r in units)]
    counts = [c for c in counts if c not in zero]
    nums = [{a: 1} for a in counts]
    nums += [{a: 1, b: 1} for a, b in combinations(counts, 2)]
    nums += [{a: 1, b: -1} for a, b in permutations(counts, 2)]
    dens = [{a: 1} for a in counts] + [{a: 1, b: 1} for a, b in combinations(counts, 2)]
    scored = []
    for num in nums:
        for den in dens:
            if num == den:
                continue
            g = {"column": col, "num": num, "den": den, "scale": f.get("scale", "100"),
                 "decimals": f["decimals"], "rounding": "half_up"}
            k = 0
            for r in units:
                got, _ = compute(r, g)
                if got is not None and got == parse(r["values"].get(col)):
                    k += 1
            if k:
                scored.append((k, g))
    if not scored:
        return {"best_fit": 0, "of": len(units), "formulas": [], "all_zero_columns_left_out": zero}
    best = max(k for k, _ in scored)
    top = [g for k, g in scored if k == best]
    texts = []
    for g in top[:12]:
        t = expr(g["num"]) + " / " + expr(g["den"])
        texts.append(t)
    mine = sum(1 for r in units if compute(r, {**f, "rounding": "half_up"})[0] == parse(r["values"].get(col)))
    return {"best_fit": best, "of": len(units), "formulas": texts, "more": max(0, len(top) - 12),
            "hypothesis_fits_as_well_as_best": mine >= best,
            "all_zero_columns_left_out": zero}


# ---------------------------------------------------------------- totals and ranks


def check_total(table, recs, t):
    by_row = {}
    for r in recs:
        by_row.setdefault(r["row"], r)
    tot = by_row[t["row"]]
    members = [by_row[i] for i in t["closes"]]
    cols = {}
    for name in t["sum"]:
        printed = parse(tot["values"].get(name))
        parts = [parse(m["values"].get(name)) for m in members]
        s = sum((p for p in parts if p is not None), Decimal(0))
        cols[name] = {"printed": tot["values"].get(name), "sum_of_rows": show(s),
                      "ok": printed is not None and printed == s}
    return {
        "row": t["row"],
        "label": "/".join(str(p) for p in tot["path"]),
        "closes": t["closes"],
        "closes_units": ["/".join(str(p) for p in m["path"]) for m in members],
        "columns": cols,
        "wrong": [n for n, c in cols.items() if not c["ok"]],
        "note": t.get("note"),
    }


def check_rank(recs, rk):
    units = [r for r in recs if not is_total(r) and parse(r["values"].get(rk["by"])) is not None]
    out = []
    for r in units:
        v = parse(r["values"][rk["by"]])
        peers = [o for o in units if not rk.get("per_block") or o.get("block") == r.get("block")]
        if rk.get("order", "desc") == "desc":
            better = sum(1 for o in peers if parse(o["values"][rk["by"]]) > v)
        else:
            better = sum(1 for o in peers if parse(o["values"][rk["by"]]) < v)
        expect = better + 1
        printed = parse(r["values"].get(rk["column"]))
        out.append({"row": r["ref"], "unit": "/".join(str(p) for p in r["path"]),
                    "by": r["values"][rk["by"]], "printed": r["values"].get(rk["column"]),
                    "expected_rank": expect, "ok": printed is not None and int(printed) == expect})
    return {"column": rk["column"], "by": rk["by"], "order": rk.get("order", "desc"),
            "per_block": bool(rk.get("per_block")),
            "rule": "competition ranking on the printed figure (ties share a rank: 1, 2, 2, 4)",
            "rows_checked": len(out), "rows_fitting": sum(1 for o in out if o["ok"]),
            "misprints": [o for o in out if not o["ok"]]}


# ---------------------------------------------------------------- the expected block


def expected_for(table):
    spec = table["spec"]
    recs = records(table)
    units = []
    for r in recs:
        if is_total(r):
            continue
        units.append({"row": r["ref"], "name": str(r["path"][-1]), "parents": [str(p) for p in r["path"][:-1]]})
    formulas = []
    for f in spec.get("formulas", []):
        res = check_formula(table, recs, f)
        if f.get("den") and "@const" not in f["den"] and spec.get("search", True) and spec.get("layout") != "label_value":
            res["search"] = search_alternatives(recs, f, spec.get("counts", []))
        formulas.append(res)
    for u in spec.get("unknown", []):
        formulas.append({"column": u["column"], "formula": None, "why": u["why"]})
    totals = [check_total(table, recs, t) for t in spec.get("totals", [])]
    ranks = [check_rank(recs, rk) for rk in spec.get("ranks", [])]
    checked = sum(f.get("rows_checked", 0) for f in formulas)
    checked += sum(len(t["columns"]) for t in totals) + sum(r["rows_checked"] for r in ranks)
    mis = sum(len(f.get("misprints", [])) for f in formulas)
    mis += sum(len(t["wrong"]) for t in totals) + sum(len(r["misprints"]) for r in ranks)
    return {
        "computed_by": "test/corpus/expected.py (exact fractions; independent of the engine)",
        "units": units,
        "formulas": formulas,
        "totals": totals,
        "ranks": ranks,
        "summary": {
            "units": len(units),
            "printed_figures_checked": checked,
            "misprints": mis,
            "formulas_unknown": [u["column"] for u in spec.get("unknown", [])],
        },
    }


def main(argv):
    write = "--write" in argv
    check = "--check" in argv
    files = [Path(a) for a in argv if not a.startswith("--")]
    if not files:
        files = sorted(HERE.glob("*.json"))
    bad = 0
    for p in files:
        table = json.loads(p.read_text(encoding="utf-8"))
        exp = expected_for(table)
        s = exp["summary"]
        fits = "; ".join(
            f"{f['column']} {f['rows_fitting']}/{f['rows_checked']}" if f.get("formula") else f"{f['column']} ?"
            for f in exp["formulas"]
        )
        print(f"{p.name}: {s['units']} units, {s['printed_figures_checked']} figures checked, "
              f"{s['misprints']} misprints [{fits}]")
        if check and table.get("expected") != exp:
            print(f"  stored expected differs from recomputed: {p.name}")
            bad += 1
        if write:
            table["expected"] = exp
            p.write_text(json.dumps(table, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
