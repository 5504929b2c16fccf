"""The report page: the view's data through the Jinja2 templates in templates/, one self-contained HTML file."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from hotline12345.report.view import Page


@cache
def environment() -> Environment:
    """The templates, escaping every value they insert (autoescape) and refusing a name they do not get."""
    return Environment(
        loader=PackageLoader("hotline12345.report", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def stylesheet() -> Markup:
    """templates/page.css, inlined into the page so that it stays one file."""
    css = (files("hotline12345.report") / "templates" / "page.css").read_text(encoding="utf-8")
    return Markup(css.strip())  # the package's own stylesheet, not data


def render(page: Page) -> str:
    return environment().get_template("page.html.j2").render(css=stylesheet(), **page.context())


def render_index(platforms: list[dict[str, object]], built_at: str, database_name: str) -> str:
    return (
        environment()
        .get_template("index.html.j2")
        .render(css=stylesheet(), platforms=platforms, built_at=built_at, database_name=database_name)
    )


def render_comparison(content: dict[str, object], built_at: str, database_name: str) -> str:
    return (
        environment()
        .get_template("comparison.html.j2")
        .render(css=stylesheet(), built_at=built_at, database_name=database_name, **content)
    )


def render_map(content: dict[str, object], built_at: str, database_name: str) -> str:
    return (
        environment()
        .get_template("map.html.j2")
        .render(css=stylesheet(), built_at=built_at, database_name=database_name, **content)
    )
