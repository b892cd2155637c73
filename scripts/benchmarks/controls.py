"""A page's controls, found on the page itself, and the change a reader makes with each.

Every widget drawn in the page's main area is a control, so a control added to a page is measured without a
line here: choices (segmented controls, pills, select boxes, radios, multiselects), toggles and checkboxes,
sliders, number and date inputs, buttons, and plotly charts whose points can be clicked. Left out are what
takes typed or uploaded content (text inputs and areas, file uploaders), downloads, which rerun nothing, and the
sidebar (the workspace's save and report, the same on every page).

Each control alternates between two states, the one the page opened with (``a``) and another (``b``): a choice
goes to the next option and back, a multiselect drops its last choice (or adds one) and back, a slider moves one
step, a date range starts a week later, a chart is clicked on one event marker and then on another. A button is
pressed each time. The change is sent as the browser sends it (:func:`state_for`).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from streamlit.proto.WidgetStates_pb2 import WidgetState
from streamlit.testing.v1.element_tree import (
    Button,
    ButtonGroup,
    Checkbox,
    DateInput,
    Multiselect,
    NumberInput,
    Radio,
    Selectbox,
    Slider,
    Toggle,
    UnknownElement,
    Widget,
)

CHOICES = (ButtonGroup, Selectbox, Radio, Multiselect)
KINDS = (*CHOICES, Toggle, Checkbox, Slider, NumberInput, DateInput, Button)


@dataclass(frozen=True)
class Control:
    """One control of a page: how to find it again after a run, and its two states."""

    kind: str
    key: str | None
    label: str
    a: object
    b: object

    @property
    def name(self) -> str:
        return f"{self.kind} “{self.label}”"

    def find(self, at):
        """The control's element in the last run's tree, or None when that run did not draw it."""
        for node in walk(at._tree.children.get(0)):
            if _kind(node) == self.kind and (_key(node) == self.key if self.key else _label(node) == self.label):
                return node
        return None

    def state(self, node, step: int) -> WidgetState:
        """The widget state the browser sends for the ``step``-th change (b, a, b, ...; a button: pressed)."""
        return state_for(node, self.b if step % 2 == 0 else self.a)


def walk(node):
    if node is None:
        return
    yield node
    for child in getattr(node, "children", {}).values():
        yield from walk(child)


def _kind(node) -> str | None:
    if isinstance(node, UnknownElement) and node.type == "plotly_chart" and len(node.proto.selection_mode):
        return "chart click"
    if isinstance(node, KINDS) and not node.proto.disabled:
        return node.type if not isinstance(node, ButtonGroup) else _group_kind(node)
    return None


def _group_kind(node: ButtonGroup) -> str:
    return "pills" if node.proto.style == node.proto.Style.PILLS else "segmented_control"


def _key(node) -> str | None:
    if isinstance(node, Widget):
        return node.key
    element_id = node.proto.id
    return element_id.split("-", 2)[-1] if element_id.startswith("$$ID-") else None


def _label(node) -> str:
    return getattr(node.proto, "label", "") or _key(node) or ""


def discover(at) -> list[Control]:
    """The controls in the main area of the last run, in page order."""
    out = []
    for node in walk(at._tree.children.get(0)):
        kind = _kind(node)
        states = _states(node) if kind else None
        if states is not None:
            out.append(Control(kind, _key(node), _label(node), *states))
    return out


def _states(node) -> tuple[object, object] | None:
    """(a, b): the state the control shows and the other one it is set to; None when there is no other."""
    if isinstance(node, UnknownElement):
        points = event_points(json.loads(node.proto.spec))
        return (points[0], points[-1]) if len(points) > 1 else None
    if isinstance(node, (Multiselect, ButtonGroup)) and not _single(node):
        shown = list(node.values if isinstance(node, Multiselect) else node.formatted_values)
        other = shown[:-1] if len(shown) > 1 else shown + [o for o in node.options if o not in shown][:1]
        return (shown, other) if other != shown else None
    if isinstance(node, CHOICES):
        labels = list(node.options)
        shown = _shown_label(node)
        if shown is None:
            return (labels[1], labels[0]) if len(labels) > 1 else None
        others = labels[labels.index(shown) + 1:] + labels[:labels.index(shown)]
        return (shown, others[0]) if others else None
    if isinstance(node, (Toggle, Checkbox)):
        return node.value, not node.value
    if isinstance(node, Button):
        return True, True
    return _moved(node)


def _single(node) -> bool:
    return isinstance(node, ButtonGroup) and node._is_single_select


def _shown_label(node) -> str | None:
    if isinstance(node, ButtonGroup):
        shown = node.formatted_values
        return shown[0] if shown else None
    return None if node.value is None else node.options[node.index]


def _moved(node) -> tuple[object, object] | None:
    """Slider, number and date input: one step (a week for dates) from where they are."""
    value = node.value
    if isinstance(node, DateInput):
        week = dt.timedelta(days=7)
        if isinstance(value, tuple) and len(value) == 2:
            return value, (value[0] + week, value[1]) if value[0] + week < value[1] else (value[0] - week, value[1])
        return (value, value - week) if value is not None else None
    step = node.proto.step or 1
    if isinstance(value, tuple):
        low, high = value
        step = type(low)(step)
        return value, (low + step, high) if low + step < high else (low - step, high)
    step = type(value)(step)
    return value, value + step if node.proto.max is None or value + step <= node.proto.max else value - step


def state_for(node, target) -> WidgetState:
    """The widget state the browser sends when the reader sets ``node`` to ``target`` (labels for choices)."""
    if isinstance(node, UnknownElement):
        ws = WidgetState(id=node.proto.id)
        ws.string_value = json.dumps({"selection": {"points": [target], "point_indices": [target["point_index"]],
                                                    "box": [], "lasso": []}})
        return ws
    ws = WidgetState(id=node.id)
    if isinstance(node, (ButtonGroup, Multiselect)):
        ws.string_array_value.data[:] = [target] if isinstance(target, str) else list(target)
    elif isinstance(node, (Selectbox, Radio)):
        ws.string_value = target
    elif isinstance(node, (Toggle, Checkbox)):
        ws.bool_value = bool(target)
    elif isinstance(node, Button):
        ws.trigger_value = True
    else:  # sliders, number and date inputs: their own serialisation
        node.set_value(target)
        return node._widget_state
    return ws


def event_points(spec: dict) -> list[dict]:
    """One clickable point per event id (customdata[0]) of a figure, as plotly reports a click on it."""
    points, seen = [], set()
    for curve, trace in enumerate(spec.get("data", [])):
        data = trace.get("customdata")
        if not isinstance(data, list):
            continue
        for i, row in enumerate(data):
            if isinstance(row, list) and row and isinstance(row[0], str) and row[0] not in seen:
                seen.add(row[0])
                point = {"curve_number": curve, "point_number": i, "point_index": i, "customdata": row}
                for axis in ("x", "y"):
                    if isinstance(trace.get(axis), list) and i < len(trace[axis]):
                        point[axis] = trace[axis][i]
                points.append(point)
    return points
