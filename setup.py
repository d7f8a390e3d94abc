"""The one build step `pyproject.toml` cannot say: the translations are compiled on the way in.

`build_py` first runs `packaging/translations.py release` (pyside6-lrelease, .ts → .qm into
`desktop_app/translations/`), then does its usual work, so the `.qm` is package data of every
build: a wheel, an sdist turned into a wheel, and an editable install (`pip install -e .`,
which `packaging/dev.py` runs) all have it where `ui/qt_app.py` looks for it through
`importlib.resources`. PySide6 is therefore a build requirement too. Everything else about the
package is declared in `pyproject.toml`.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


class BuildWithTranslations(build_py):
    """`build_py` that compiles the `.ts` files to `.qm` before collecting package data."""

    def run(self) -> None:
        # Loaded by path: the folder `packaging/` would shadow the `packaging` distribution.
        spec = importlib.util.spec_from_file_location(
            "order_review_translations", ROOT / "packaging" / "translations.py"
        )
        assert spec is not None and spec.loader is not None
        translations = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(translations)
        for path in translations.release():
            self.announce(f"built {path.relative_to(ROOT)}", level=2)
        self.__dict__.pop("data_files", None)  # collected again, with the new .qm in it
        super().run()


setup(cmdclass={"build_py": BuildWithTranslations})
