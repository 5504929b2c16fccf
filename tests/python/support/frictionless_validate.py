"""`frictionless validate`, frictionless's own command line, with one slow step of its reading of Parquet made linear.

Run as a script with frictionless's arguments: `python frictionless_validate.py validate --json datapackage.json`.

frictionless (5.21) reads a Parquet resource into a pandas DataFrame and then, for every row, calls the row's
`to_dict()` once for each of its fields, to take one value out of it: a table of n rows and k columns costs n·k²
values where n·k would do. For the package's widest tables that is most of what the validation costs (about four
fifths of `frictionless validate` of the whole package, fct_published_figure's Parquet alone more than half). Here
the row's dict is made once and each field's value read from it: the same values, in the same order, through the
same code before and after (`PandasParser.read_cell_stream_create` as frictionless writes it, but for that call),
so the validation, its checks and its report are frictionless's own. Nothing else is changed, and only in the
process this script runs in (test_data_package.py compares the two readings).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Any

from frictionless.__main__ import console
from frictionless.formats.pandas.parser import PandasParser
from frictionless.platform import platform


def read_cell_stream_create(self: PandasParser) -> Iterator[list[Any]]:
    np = platform.numpy
    pd = platform.pandas
    assert isinstance(self.resource.data, pd.DataFrame)
    dataframe = self.resource.data

    # Schema
    schema = self._PandasParser__read_convert_schema()  # type: ignore[attr-defined]
    if not self.resource.schema:
        self.resource.schema = schema

    # Lists
    yield schema.field_names
    for pk, item in dataframe.iterrows():
        cells: list[Any] = []
        row = item.to_dict()  # once per row, not once per field
        for field in schema.fields:
            if field.name in schema.primary_key:
                pk = pk if isinstance(pk, tuple) else [pk]
                value = pk[schema.primary_key.index(field.name)]
            else:
                value = row[field.name]
            if value is np.nan:
                value = None
            elif isinstance(value, pd.Timestamp):
                value = value.to_pydatetime()
            cells.append(value)
        yield cells


if __name__ == "__main__":
    PandasParser.read_cell_stream_create = read_cell_stream_create  # type: ignore[method-assign]
    sys.argv[0] = "frictionless"
    sys.exit(console())
