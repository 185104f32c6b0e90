"""The onward-transfer paths as a picture: states as nodes in columns by their distance from the requesting
state, transfer links as arrows, the risk in each destination as the node's colour class. Only coordinates and
labels are computed here; the template draws the SVG, escaping every label."""

from __future__ import annotations

from typing import Any

WIDTH, ROW, COLUMN, MARGIN = 150, 56, 190, 20


def path_graph(onward: list[dict[str, Any]], destinations: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Nodes and edges for the paths of an assessment (``onward_transfer`` of its JSON), or None without any."""
    if not onward:
        return None
    risk = {d["state"]: d.get("torture_risk", "unknown") for d in destinations}
    column: dict[str, int] = {}
    for path in onward:
        for index, state in enumerate(path["path"]):
            column[state] = min(column.get(state, index), index)
    rows: dict[int, int] = {}
    nodes: dict[str, dict[str, Any]] = {}
    for state, col in sorted(column.items(), key=lambda item: (item[1], item[0])):
        row = rows.get(col, 0)
        rows[col] = row + 1
        nodes[state] = {
            "id": state,
            "x": MARGIN + col * COLUMN,
            "y": MARGIN + row * ROW,
            "risk": risk.get(state, "unknown"),
        }
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    for path in onward:
        for hop in path["basis"]:
            for link in hop:
                key = (link["from"], link["to"])
                if key[0] in nodes and key[1] in nodes and key not in edges:
                    a, b = nodes[key[0]], nodes[key[1]]
                    edges[key] = {
                        "x1": a["x"] + WIDTH,
                        "y1": a["y"] + 16,
                        "x2": b["x"],
                        "y2": b["y"] + 16,
                        "label": link["label"],
                        "verified": link["verified"],
                    }
    width = MARGIN * 2 + (max(column.values()) + 1) * COLUMN
    height = MARGIN * 2 + max(rows.values()) * ROW
    return {
        "nodes": list(nodes.values()),
        "edges": list(edges.values()),
        "width": width,
        "height": height,
        "box": WIDTH,
    }
