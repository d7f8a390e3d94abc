"""The status bar's tooltips show the server's words literally (issue 14, point 7)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import Qt, QTextDocument
from pytestqt.qtbot import QtBot

from desktop_app.services.connection_check import CheckResult, Reachability
from desktop_app.ui.status_bar import StatusBar

HOSTILE = (
    "Портал отказал (шаг «checkauth»): «<h1>Взлом</h1><img src=file:///etc/passwd> "
    "<a href='http://evil.example/'>нажмите</a> & <b>жирно</b>»."
)


def shown(tooltip: str) -> str:
    """What a tooltip shows: Qt renders it as HTML when it looks like HTML."""
    if not Qt.mightBeRichText(tooltip):
        return tooltip
    document = QTextDocument()
    document.setHtml(tooltip)
    return document.toPlainText()


@pytest.mark.parametrize("system", ["portal", "onec"])
def test_a_failure_with_html_shows_literally_in_the_tooltip(qtbot: QtBot, system: str) -> None:
    bar = StatusBar()
    qtbot.addWidget(bar)
    bar.set_reachability(system, CheckResult(Reachability.FAILED, HOSTILE))
    label = bar.portal_label if system == "portal" else bar.onec_label
    assert shown(label.toolTip()) == HOSTILE


def test_line_breaks_of_the_words_are_kept_and_no_detail_means_no_tooltip(qtbot: QtBot) -> None:
    bar = StatusBar()
    qtbot.addWidget(bar)
    bar.set_reachability("portal", CheckResult(Reachability.REFUSED, "Первая строка\nвторая"))
    assert shown(bar.portal_label.toolTip()) == "Первая строка\nвторая"
    bar.set_reachability("portal", CheckResult(Reachability.OK))
    assert bar.portal_label.toolTip() == ""
