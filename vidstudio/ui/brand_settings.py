"""Settings page "Brand": the user's brands (logo, colours, fonts, watermark, lock) and the
one new videos start with.

The brands are the ``brand`` section of the one settings model (``Brand.to_json`` dicts);
a logo or font the user picks is checked and copied into ``paths.data_dir() / "brand"`` by
:func:`vidstudio.render.brand.import_file`, so a brand keeps working when the original is
moved.  OK checks every brand (:meth:`Brand.check`) first: a brand that cannot be used keeps
the dialog open with its sentence on the page, like Settings → Publishing.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vidstudio import paths
from vidstudio.messages import Kind, Message, UserError
from vidstudio.render.brand import (
    BUNDLED_FAMILIES,
    COLOR_SLOTS,
    FONT_SLOTS,
    LOGO_SUFFIXES,
    MAX_NAME,
    Brand,
    import_file,
    parse_color,
)
from vidstudio.settings import Settings
from vidstudio.ui.widgets import label, repolish, set_texts

OWN_FONT = "__own__"  # the "Your own font…" entry of a font combo
THUMB = QSize(96, 64)


def brand_title() -> str:
    return QCoreApplication.translate("BrandSettingsPage", "Brand")


def brand_folder() -> Path:
    """Where the brands' logos and fonts are kept."""
    return paths.data_dir() / "brand"


def saved_brands(settings: Settings) -> list[Brand]:
    """The brands of ``settings``, in order (a damaged entry is read as it is; check() says why)."""
    return [Brand.from_json(data) for data in settings.brand.brands if isinstance(data, dict)]


def brand_problem(brand: Brand) -> str:
    """ "" when ``brand`` can be used, else the sentence that says why (in the UI language)."""
    try:
        brand.check()
    except UserError as exc:
        return exc.translated(QCoreApplication.translate)
    return ""


def logo_thumbnail(path: Path | None, size: QSize = THUMB) -> QPixmap:
    """The logo drawn small on a checkerboard-free grey (empty when there is none or it fails)."""
    pixmap = QPixmap(size)
    pixmap.fill(QColor("#e8ebef"))
    if path is None or not path.is_file():
        return pixmap
    image = QImage(str(path))
    if image.isNull() and path.suffix.lower() == ".svg":
        try:
            from vidstudio.render.images import load_svg

            image = load_svg(path, size.height())
        except Exception:  # a thumbnail is never worth a failure; check() names the problem
            return pixmap
    if image.isNull():
        return pixmap
    scaled = image.scaled(
        size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )
    painter = QPainter(pixmap)
    painter.drawImage((size.width() - scaled.width()) // 2, (size.height() - scaled.height()) // 2, scaled)
    painter.end()
    return pixmap


class ColorField(QWidget):
    """A colour: a swatch button opening the colour dialog and the hex code, checked as typed.

    Signals:
        changed(str): a valid colour was chosen or typed (``#rrggbb``).
    """

    changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.swatch = QPushButton()
        self.swatch.setFixedSize(36, 26)
        self.edit = QLineEdit()
        self.edit.setMaxLength(20)
        self.edit.setFixedWidth(110)
        self.error = label("error", wrap=True)
        self.error.hide()
        self._value = "#000000"
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.swatch)
        row.addWidget(self.edit)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.error)
        self.swatch.clicked.connect(self.pick)
        self.edit.textEdited.connect(self._typed)

    def value(self) -> str:
        """The last valid colour."""
        return self._value

    def problem(self) -> str:
        return self.error.text() if not self.error.isHidden() else ""

    def set_value(self, value: str) -> None:
        self._value = value
        self.edit.setText(value.upper())
        self._show_error("")
        self._paint_swatch()

    def pick(self) -> None:
        color = QColorDialog.getColor(QColor(self._value), self, self.tr("Choose a colour"))
        if color.isValid():
            self.set_value(color.name())
            self.changed.emit(self._value)

    def _typed(self, text: str) -> None:
        try:
            value = parse_color(text)
        except UserError as exc:
            self._show_error(exc.translated(QCoreApplication.translate))
            return
        self._value = value
        self._show_error("")
        self._paint_swatch()
        self.changed.emit(value)

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
        self.edit.setProperty("invalid", bool(text))
        repolish(self.edit)

    def _paint_swatch(self) -> None:
        pixmap = QPixmap(24, 16)
        pixmap.fill(QColor(self._value))
        self.swatch.setIcon(QIcon(pixmap))
        self.swatch.setIconSize(QSize(24, 16))


class BrandSettingsPage(QWidget):
    """Settings → Brand: the list of brands and, for the selected one, its look.

    Signals:
        brand_changed(): the selected brand was edited (tests, the preview of the page).
    """

    brand_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.brands: list[Brand] = []
        self._loading = False

        self.list = QListWidget()
        self.list.setFixedHeight(110)
        self.add_button = QPushButton()
        self.rename_button = QPushButton()
        self.delete_button = QPushButton()
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.rename_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)

        self.editor = QGroupBox()
        self.logo_thumb = QLabel()
        self.logo_thumb.setFixedSize(THUMB)
        self.logo_button = QPushButton()
        self.logo_clear = QPushButton()
        self.logo_name = label("muted", wrap=True)
        logo_buttons = QVBoxLayout()
        logo_buttons.addWidget(self.logo_button)
        logo_buttons.addWidget(self.logo_clear)
        logo_buttons.addWidget(self.logo_name)
        logo_buttons.addStretch(1)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_thumb)
        logo_row.addLayout(logo_buttons, 1)
        self.colors = {slot: ColorField() for slot in COLOR_SLOTS}
        self.fonts = {slot: QComboBox() for slot in FONT_SLOTS}
        self.font_note = label("muted", wrap=True)
        self.font_note.hide()
        self.watermark = QCheckBox()
        self.locked = QCheckBox()
        self.form = QFormLayout()
        self.labels = [QLabel() for _ in range(6)]
        self.form.addRow(self.labels[0], logo_row)
        self.form.addRow(self.labels[1], self.colors["primary"])
        self.form.addRow(self.labels[2], self.colors["accent"])
        self.form.addRow(self.labels[3], self.colors["text"])
        self.form.addRow(self.labels[4], self.fonts["heading"])
        self.form.addRow(self.labels[5], self.fonts["body"])
        self.form.addRow("", self.font_note)
        self.form.addRow(self.watermark)
        self.form.addRow(self.locked)
        self.editor.setLayout(self.form)

        self.chosen = QComboBox()
        self.chosen_label = QLabel()
        chosen_row = QHBoxLayout()
        chosen_row.addWidget(self.chosen_label)
        chosen_row.addWidget(self.chosen, 1)
        self.status = label("error", wrap=True, selectable=True)
        self.status.hide()
        self.empty_note = label("muted", wrap=True)

        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addWidget(self.empty_note)
        layout.addWidget(self.editor)
        layout.addLayout(chosen_row)
        layout.addWidget(self.status)
        layout.addStretch(1)

        self.list.currentRowChanged.connect(self._show_brand)
        self.add_button.clicked.connect(lambda: self.add_brand())
        self.rename_button.clicked.connect(lambda: self.rename_brand())
        self.delete_button.clicked.connect(self.delete_brand)
        self.logo_button.clicked.connect(lambda: self.choose_logo())
        self.logo_clear.clicked.connect(lambda: self._edit(logo=None))
        for slot, field in self.colors.items():
            field.changed.connect(lambda value, slot=slot: self._edit(**{slot: value}))
        for slot, combo in self.fonts.items():
            combo.activated.connect(lambda _index, slot=slot: self._font_chosen(slot))
        self.watermark.toggled.connect(lambda on: self._edit(watermark=on))
        self.locked.toggled.connect(lambda on: self._edit(locked=on))
        self._retranslate()
        self._refresh()

    # ------------------------------------------------------------------ texts
    def _retranslate(self) -> None:
        self.add_button.setText(self.tr("Add brand…"))
        self.rename_button.setText(self.tr("Rename…"))
        self.delete_button.setText(self.tr("Delete"))
        self.editor.setTitle(self.tr("Look of the selected brand"))
        set_texts(
            self.labels,
            [
                self.tr("Logo"),
                self.tr("Main colour"),
                self.tr("Accent colour"),
                self.tr("Text colour"),
                self.tr("Heading font"),
                self.tr("Body font"),
            ],
        )
        self.logo_button.setText(self.tr("Choose logo…"))
        self.logo_button.setToolTip(self.tr("A PNG or SVG file; a transparent background looks best"))
        self.logo_clear.setText(self.tr("No logo"))
        for slot, field in self.colors.items():
            field.edit.setAccessibleName(self.labels[1 + COLOR_SLOTS.index(slot)].text())
            field.swatch.setToolTip(self.tr("Choose a colour"))
            field.edit.setPlaceholderText("#1A6B5C")
        self.font_note.setText(self.tr("Check that your font's licence lets you use it in videos."))
        self.watermark.setText(self.tr("Show the logo small in a corner for the whole video"))
        self.locked.setText(self.tr("Lock: videos use this brand as it is"))
        self.locked.setToolTip(self.tr("A video cannot change this brand's logo or colours"))
        self.chosen_label.setText(self.tr("New videos start with"))
        self.empty_note.setText(
            self.tr("No brand yet: add one to give your videos your logo, colours and fonts.")
        )
        self._fill_fonts()
        self._fill_chosen()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------------ values
    def load(self, settings: Settings) -> None:
        self.brands = saved_brands(settings)
        self._fill_list()
        self._fill_chosen(settings.brand.chosen)
        self.list.setCurrentRow(0 if self.brands else -1)
        self._refresh()

    def apply(self, settings: Settings) -> None:
        """For OK: every brand is checked first; one that cannot be used keeps the dialog open
        (its sentence on the page) and nothing is saved."""
        typed = next((field.problem() for field in self.colors.values() if field.problem()), "")
        if typed:  # a colour typed on the page that is not one: nothing is saved until it is
            self._refuse(self.row(), typed)
        for row, brand in enumerate(self.brands):
            problem = brand_problem(brand)
            if problem:
                self._refuse(row, problem)
        settings.brand.brands = [brand.to_json() for brand in self.brands]
        chosen = self.chosen.currentData() or ""
        settings.brand.chosen = chosen if any(b.name == chosen for b in self.brands) else ""
        self._show_status("")

    def _refuse(self, row: int, problem: str) -> None:
        self.list.setCurrentRow(row)
        self._show_status(problem)
        raise UserError(Message(problem, kind=Kind.SETTINGS))

    def current_brand(self) -> Brand | None:
        row = self.row()
        return self.brands[row] if 0 <= row < len(self.brands) else None

    def row(self) -> int:
        return self.list.currentRow()

    # ------------------------------------------------------------------ the list
    def _unique(self, name: str, skip: int = -1) -> str:
        taken = {b.name.casefold() for i, b in enumerate(self.brands) if i != skip}
        base, number, candidate = name.strip()[:MAX_NAME], 2, name.strip()[:MAX_NAME]
        while candidate.casefold() in taken:
            candidate = f"{base} {number}"
            number += 1
        return candidate

    def add_brand(self, name: str | None = None) -> Brand | None:
        """Add a brand (asks its name when none is given); it becomes the selected one."""
        if name is None:
            name, ok = QInputDialog.getText(self, self.tr("Add brand"), self.tr("Name of the brand"))
            if not ok:
                return None
        if not name.strip():
            return None
        brand = Brand(name=self._unique(name))
        self.brands.append(brand)
        self._fill_list()
        self.list.setCurrentRow(len(self.brands) - 1)
        if self.chosen.currentData() == "" and len(self.brands) == 1:
            self._fill_chosen(brand.name)
        else:
            self._fill_chosen()
        return brand

    def rename_brand(self, name: str | None = None) -> None:
        brand = self.current_brand()
        if brand is None:
            return
        if name is None:
            name, ok = QInputDialog.getText(
                self, self.tr("Rename brand"), self.tr("Name of the brand"), text=brand.name
            )
            if not ok:
                return
        if not name.strip():
            return
        chosen = self.chosen.currentData()
        new = self._unique(name, skip=self.row())
        self.brands[self.row()] = brand.replace(name=new)
        row = self.row()
        self._fill_list()
        self.list.setCurrentRow(row)
        self._fill_chosen(new if chosen == brand.name else chosen)

    def delete_brand(self) -> None:
        row = self.row()
        if not 0 <= row < len(self.brands):
            return
        del self.brands[row]
        self._fill_list()
        self.list.setCurrentRow(min(row, len(self.brands) - 1))
        self._fill_chosen()
        self._refresh()

    def _fill_list(self) -> None:
        self.list.blockSignals(True)
        row = self.list.currentRow()
        self.list.clear()
        for brand in self.brands:
            item = QListWidgetItem(brand.name)
            item.setIcon(QIcon(logo_thumbnail(brand.logo, QSize(32, 22))))
            self.list.addItem(item)
        self.list.setCurrentRow(min(row, len(self.brands) - 1))
        self.list.blockSignals(False)

    def _fill_chosen(self, chosen: str | None = None) -> None:
        keep = self.chosen.currentData() if chosen is None else chosen
        self.chosen.blockSignals(True)
        self.chosen.clear()
        self.chosen.addItem(self.tr("No brand"), "")
        for brand in self.brands:
            self.chosen.addItem(brand.name, brand.name)
        index = self.chosen.findData(keep or "")
        self.chosen.setCurrentIndex(max(0, index))
        self.chosen.blockSignals(False)

    def _fill_fonts(self) -> None:
        for combo in self.fonts.values():
            combo.blockSignals(True)
            data = combo.currentData()
            combo.clear()
            for family in BUNDLED_FAMILIES:
                combo.addItem(family, family)
            combo.addItem(self.tr("Your own font…"), OWN_FONT)
            combo.setCurrentIndex(max(0, combo.findData(data)))
            combo.blockSignals(False)
        brand = self.current_brand()
        if brand is not None:
            self._show_fonts(brand)

    # ------------------------------------------------------------------ the selected brand
    def _show_brand(self, _row: int = -1) -> None:
        brand = self.current_brand()
        self._refresh()
        if brand is None:
            return
        self._loading = True
        try:
            self.logo_thumb.setPixmap(logo_thumbnail(brand.logo))
            self.logo_name.setText(brand.logo.name if brand.logo else self.tr("No logo"))
            self.logo_clear.setEnabled(brand.logo is not None)
            for slot, field in self.colors.items():
                field.set_value(brand.color(slot))
            self._show_fonts(brand)
            self.watermark.setChecked(brand.watermark)
            self.locked.setChecked(brand.locked)
        finally:
            self._loading = False
        self._show_status(brand_problem(brand))

    def _show_fonts(self, brand: Brand) -> None:
        own = False
        for slot, combo in self.fonts.items():
            combo.blockSignals(True)
            path = brand.font_file(slot)
            # An own font is an entry of its own, named after its file, above "Your own font…".
            while combo.count() > len(BUNDLED_FAMILIES) + 1:
                combo.removeItem(len(BUNDLED_FAMILIES))
            if path is not None:
                combo.insertItem(len(BUNDLED_FAMILIES), path.stem, str(path))
                combo.setCurrentIndex(len(BUNDLED_FAMILIES))
                own = True
            else:
                combo.setCurrentIndex(max(0, combo.findData(getattr(brand, f"{slot}_font"))))
            combo.blockSignals(False)
        self.font_note.setVisible(own)

    def _refresh(self) -> None:
        has = self.current_brand() is not None
        self.editor.setEnabled(has)
        self.rename_button.setEnabled(has)
        self.delete_button.setEnabled(has)
        self.empty_note.setVisible(not self.brands)

    def _show_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def _edit(self, **changes: object) -> None:
        brand = self.current_brand()
        if brand is None or self._loading:
            return
        self.brands[self.row()] = replace(brand, **changes)  # type: ignore[arg-type]
        if "logo" in changes:
            self._fill_list()
        self._show_brand()
        self.brand_changed.emit()

    def _not_copied(self, path: Path) -> str:
        return self.tr("%1 could not be copied; check that it can be opened.").replace("%1", path.name)

    def choose_logo(self, path: Path | None = None) -> bool:
        """Pick a logo (asks for the file when none is given); a bad file is refused with its sentence."""
        if self.current_brand() is None:
            return False
        if path is None:
            patterns = " ".join(f"*{suffix}" for suffix in LOGO_SUFFIXES)
            name, _filter = QFileDialog.getOpenFileName(
                self,
                self.tr("Choose the logo"),
                str(Path.home()),
                self.tr("Logos (%1)").replace("%1", patterns),
            )
            if not name:
                return False
            path = Path(name)
        stored = self._import(path)
        if stored is None:
            return False
        self._edit(logo=stored)
        return True

    def _import(self, path: Path) -> Path | None:
        """A logo or font checked and copied into the brand folder; None (and the sentence shown)
        when it cannot be used."""
        try:
            return import_file(path, brand_folder())
        except UserError as exc:
            self._show_status(exc.translated(QCoreApplication.translate))
        except OSError:
            self._show_status(
                self.tr("%1 could not be copied; check that it can be opened.").replace("%1", path.name)
            )
        return None

    def _font_chosen(self, slot: str) -> None:
        combo = self.fonts[slot]
        data = combo.currentData()
        if data == OWN_FONT:
            if not self.choose_font(slot):
                brand = self.current_brand()
                if brand is not None:
                    self._show_fonts(brand)
            return
        self._edit(**{f"{slot}_font": data})

    def choose_font(self, slot: str, path: Path | None = None) -> bool:
        """Your own font for ``slot`` ("heading" or "body"): a TTF or OTF, checked and copied."""
        if self.current_brand() is None:
            return False
        if path is None:
            name, _filter = QFileDialog.getOpenFileName(
                self,
                self.tr("Choose your font"),
                str(Path.home()),
                self.tr("Fonts (%1)").replace("%1", "*.ttf *.otf"),
            )
            if not name:
                return False
            path = Path(name)
        stored = self._import(path)
        if stored is None:
            return False
        self._edit(**{f"{slot}_font": str(stored)})
        return True
