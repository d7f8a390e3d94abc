"""1C's side of the site exchange: files 1C uploads (`mode=file`) and loads (`mode=import`).

Source: `modules/sale/install/components/bitrix/sale.export.1c/component.php` of the
avshatalov48/bitrix-core-business mirror, commit 50d93970 (line numbers of that file), and
`modules/sale/general/order_loader.php` (`CSaleOrderLoader`) of the same mirror.

- The folder: `$DIR_NAME` is `/upload/1c_exchange/`, one folder for the whole site, unless
  the component runs with `USE_TEMP_DIR=Y` (default only on Bitrix24 hosting, lines 19-20),
  when it is a temporary folder remembered in `$_SESSION["BX_CML2_EXPORT"]["TEMP_DIR"]`
  from this session's `init` (lines 116-119, 154, 183). Before any `init` such a session has
  no folder at all, and a file cannot be written (`$DIR_NAME <> ''`, line 124).
- `mode=init` without a temp folder DELETES the whole shared folder first
  (`DeleteDirFilesEx`, line 159): an `init` by anyone between 1C's `file` and `import`
  destroys what 1C uploaded, and 1C's `import` then finds nothing.
- `mode=file&filename=…` appends the POST body to the file (`fopen(…, "ab")`). When this
  session asked for no `version` at init (the "old version" branch, line 381) the file is
  loaded at once (lines 463-491) and the answer is `success`; with a version (line 494)
  the answer is `success` and the file waits for `mode=import`.
- `mode=import&filename=…`: a file that is missing or empty → `failure` «Файл для импорта
  пуст.» (CC_BSC1_EMPTY_CML); otherwise the documents are loaded and the answer is
  `success`. The file stays in the folder (the component does not delete it).
- Loading (`CSaleOrderLoader`): each `Документ` is matched to a site order through
  `getOrderIdByDocument` — by order ID, else by ACCOUNT_NUMBER — and saved with
  `UPDATED_1C = Y` (`$order->setField('UPDATED_1C', 'Y')` after
  `updateOrderWithoutShipmentsPayments`). Documents of orders the site does not have would
  become new orders with `EXTERNAL_ORDER = Y` when `1C_IMPORT_NEW_ORDERS` is on; the
  emulator's world has none, so they are ignored. Zipped uploads are not emulated.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field

DOCUMENT = "Документ"


@dataclass(slots=True)
class UploadFolder:
    """A folder of uploaded files, name → bytes."""

    files: dict[str, bytearray] = field(default_factory=dict)

    def wipe(self) -> None:
        self.files.clear()

    def append(self, name: str, data: bytes) -> None:
        self.files.setdefault(name, bytearray()).extend(data)

    def read(self, name: str) -> bytes:
        return bytes(self.files.get(name, b""))


def clean_name(raw: str) -> str:
    """The component's clean-up of `filename` (a 1C server on Linux prefixes /tmp/)."""
    name = raw.strip().replace("\\", "/")
    for prefix in ("/tmp/", "upload/1c/webdata"):  # noqa: S108 - the component's rule
        name = name.removeprefix(prefix)
    return name.strip("/")


@dataclass(frozen=True, slots=True)
class UploadedDocument:
    id: str
    number: str


def documents(data: bytes) -> Iterator[UploadedDocument]:
    """The `Документ` elements of an uploaded CommerceML file (inside `Контейнер` too).

    A file that is not XML yields nothing: the real loader then reports no orders either.
    """
    try:
        root = ET.fromstring(data)  # noqa: S314 - a test's own upload, on loopback
    except ET.ParseError:
        return
    for element in root.iter(DOCUMENT):
        yield UploadedDocument(
            id=(element.findtext("Ид") or "").strip(),
            number=(element.findtext("Номер") or "").strip(),
        )
