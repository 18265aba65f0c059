"""``citecheck provenance``: where each claim comes from, as text, JSON, Mermaid or Graphviz DOT.

The graph per document runs claims → the sources that support them → the sources those were
read through (``via``) → where they were published (URL).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from citecheck.model import FileReport, Report
from citecheck.textspan import LineIndex

PROVENANCE_FORMATS = ("text", "json", "mermaid", "dot")


@dataclass(frozen=True, slots=True)
class Node:
    id: str
    kind: str  # claim | source | url
    label: str


def _short(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def graph(file: FileReport) -> tuple[list[Node], list[tuple[str, str, str]]]:
    """Nodes and edges (child, parent, relation) of one document, in a stable order."""
    index = LineIndex(file.document.text)
    nodes: dict[str, Node] = {}
    edges: list[tuple[str, str, str]] = []
    sources = {s.id: s for s in file.sources}
    wanted: set[str] = set()
    for claim in file.claims:
        if not claim.support:
            continue
        line, _ = index.position(claim.span.start)
        cid = f"C{line}_{claim.span.start}"
        nodes[cid] = Node(cid, "claim", f"line {line}: {_short(claim.text, 60)}")
        for sid in claim.support:
            edges.append((cid, sid, "supported-by"))
            wanted.add(sid)
    for source in file.sources:
        if source.via or any(s.via == source.id for s in file.sources):
            wanted.add(source.id)
    frontier = list(wanted)
    while frontier:
        sid = frontier.pop()
        source = sources.get(sid)
        if source is None:
            continue
        label = source.title or source.citation.surface
        tier = f" [{source.tier.value}]" if source.tier else ""
        nodes[sid] = Node(sid, "source", f"{sid}: {_short(label, 60)}{tier}")
        if source.via and source.via in sources:
            edges.append((sid, source.via, "via"))
            if source.via not in nodes:
                frontier.append(source.via)
        if source.url:
            uid = f"U_{sid}"
            nodes[uid] = Node(uid, "url", source.url)
            edges.append((sid, uid, "published-at"))
    ordered = sorted(nodes.values(), key=lambda n: ({"claim": 0, "source": 1, "url": 2}[n.kind], n.id))
    return ordered, sorted(set(edges))


def _walk(out: list[str], children: dict[str, list[tuple[str, str]]], by_id: dict[str, Node], node_id: str,
          depth: int, seen: frozenset[str]) -> None:
    """One line for each step from ``node_id`` up its chain of sources, indented by depth."""
    for parent, relation in children.get(node_id, []):
        if parent in seen:
            continue
        out.append(f"{'  ' * depth}└─ {relation}: {by_id[parent].label if parent in by_id else parent}")
        _walk(out, children, by_id, parent, depth + 1, seen | {parent})


def _text(report: Report) -> str:
    out: list[str] = []
    for file in report.files:
        nodes, edges = graph(file)
        out.append(file.path)
        if not nodes:
            out.append("  (no supported claims and no second-hand sources)")
        by_id = {n.id: n for n in nodes}
        children: dict[str, list[tuple[str, str]]] = {}
        for child, parent, relation in edges:
            children.setdefault(child, []).append((parent, relation))

        for node in nodes:
            if node.kind == "claim" or (node.kind == "source" and node.id not in {p for _c, p, _r in edges}
                                        and node.id in children):
                out.append(f"  {node.label}")
                _walk(out, children, by_id, node.id, 2, frozenset({node.id}))
        out.append("")
    return "\n".join(out)


def _json(report: Report) -> str:
    files = []
    for file in report.files:
        nodes, edges = graph(file)
        files.append({"path": file.path,
                      "nodes": [{"id": n.id, "kind": n.kind, "label": n.label} for n in nodes],
                      "edges": [{"from": c, "to": p, "relation": r} for c, p, r in edges]})
    return json.dumps({"schema": "citecheck.provenance/1", "files": files}, ensure_ascii=False, indent=2) + "\n"


def _mermaid_label(text: str) -> str:
    return text.replace('"', "#quot;").replace("\n", " ")


def _mermaid(report: Report) -> str:
    out = ["flowchart LR"]
    for n, file in enumerate(report.files):
        nodes, edges = graph(file)
        out.append(f'  subgraph F{n}["{_mermaid_label(file.path)}"]')
        shapes = {"claim": ('["', '"]'), "source": ('("', '")'), "url": ('[/"', '"/]')}
        for node in nodes:
            left, right = shapes[node.kind]
            out.append(f"    F{n}_{node.id}{left}{_mermaid_label(node.label)}{right}")
        out.append("  end")
        for child, parent, relation in edges:
            out.append(f"  F{n}_{child} -->|{relation}| F{n}_{parent}")
    return "\n".join(out) + "\n"


def _dot_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")


def _dot(report: Report) -> str:
    out = ["digraph provenance {", "  rankdir=LR;", '  node [fontname="Helvetica"];']
    shapes = {"claim": "box", "source": "ellipse", "url": "note"}
    for n, file in enumerate(report.files):
        nodes, edges = graph(file)
        out.append(f'  subgraph "cluster_{n}" {{')
        out.append(f'    label="{_dot_escape(file.path)}";')
        for node in nodes:
            out.append(f'    "F{n}_{node.id}" [shape={shapes[node.kind]}, label="{_dot_escape(node.label)}"];')
        for child, parent, relation in edges:
            out.append(f'    "F{n}_{child}" -> "F{n}_{parent}" [label="{relation}"];')
        out.append("  }")
    out.append("}")
    return "\n".join(out) + "\n"


def render_provenance(report: Report, fmt: str) -> str:
    match fmt:
        case "text":
            return _text(report)
        case "json":
            return _json(report)
        case "mermaid":
            return _mermaid(report)
        case "dot":
            return _dot(report)
    raise ValueError(f"unknown format {fmt!r}")
