"""The editor's "End card & booking" section: the brand, the call to action, how to book
(WhatsApp or a web link), the price and the listing's facts.

Every field is checked with :meth:`Listing.parse` a moment after the last key press
(``CHECK_DELAY_MS``): a value that cannot be used shows its sentence under its own field
and the video keeps the last listing that could (:meth:`EndCardSection.listing`), so the
preview never shows half-typed facts and nothing typed is lost.  Render asks
:meth:`EndCardSection.problem`, which checks at once, and is refused while there is one.

The texts a visitor reads (call to action, location, offer, WhatsApp message) belong to
the video's language (:meth:`texts` / :meth:`set_texts`); the numbers, the price, the phone
and the brand are the same in every language.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from vidstudio.messages import UserError
from vidstudio.render.brand import LOGO_SUFFIXES, Brand
from vidstudio.render.listing import (
    CURRENCIES,
    MAX_COUNT,
    MAX_LOCATION,
    MAX_MESSAGE,
    MAX_OFFER,
    MAX_URL,
    RTL_LANGUAGES,
    Listing,
    format_price,
    words,
)
from vidstudio.ui.brand_settings import brand_problem
from vidstudio.ui.widgets import label, repolish

CHECK_DELAY_MS = 300
# The texts of one language (the title and subtitle are the window's; these the section's).
LANGUAGE_FIELDS = ("cta", "location", "offer", "whatsapp_message")
SHARED_FIELDS = ("price", "currency", "guests", "bedrooms", "bathrooms", "whatsapp", "url")
COUNTS = ("guests", "bedrooms", "bathrooms")


def _count(spin: QSpinBox) -> int | None:
    return spin.value() or None


class EndCardSection(QWidget):
    """A collapsible group under the words.

    Signals:
        changed(): the listing, brand, call to action or logo the video uses changed.
        edited(): the user typed or picked something here (the preview shows the end card).
    """

    changed = Signal()
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._listing = Listing()
        self._brands: list[Brand] = []
        self._logo: Path | None = None
        self._language = "en"
        self._title = ""
        self.errors: dict[str, QLabel] = {}

        self.toggle = QToolButton()
        self.toggle.setObjectName("sectionToggle")
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.setAutoRaise(True)
        self.toggle.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.summary = label("muted", wrap=True)
        self.body = QWidget()
        self.body.hide()

        self.brand = QComboBox()
        self.brand_error = self._error("brand")
        self.logo_button = QPushButton()
        self.logo_clear = QPushButton()
        self.logo_name = label("muted")
        self.logo_name.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.logo_note = label("muted", wrap=True)
        self.cta = QLineEdit()
        self.cta.setMaxLength(40)
        self.whatsapp = QLineEdit()
        self.whatsapp.setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)
        self.whatsapp_message = QLineEdit()
        self.whatsapp_message.setMaxLength(MAX_MESSAGE)
        self.url = QLineEdit()
        self.url.setMaxLength(MAX_URL)
        self.price = QLineEdit()
        self.currency = QComboBox()
        for code in CURRENCIES:
            self.currency.addItem(code, code)
        self.currency.setCurrentIndex(self.currency.findData("USD"))
        self.guests, self.bedrooms, self.bathrooms = (QSpinBox() for _ in COUNTS)
        for spin in self.counts():
            spin.setRange(0, MAX_COUNT)
            spin.setKeyboardTracking(True)
        self.location = QLineEdit()
        self.location.setMaxLength(MAX_LOCATION + 20)  # over the limit says so, instead of cutting
        self.offer = QLineEdit()
        self.offer.setMaxLength(MAX_OFFER + 20)

        self.form = QFormLayout(self.body)
        self.form.setContentsMargins(0, 4, 0, 4)
        self.form.setVerticalSpacing(4)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # Labels above their fields: the editor's column is 348 px wide.
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.row_labels: dict[str, QLabel] = {}
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_name, 1)
        logo_row.addWidget(self.logo_clear)
        logo_row.addWidget(self.logo_button)
        price_row = QHBoxLayout()
        price_row.addWidget(self.price, 1)
        price_row.addWidget(self.currency)
        counts_row = QGridLayout()
        counts_row.setHorizontalSpacing(8)
        counts_row.setVerticalSpacing(2)
        self.count_labels = {name: QLabel() for name in COUNTS}
        for column, (name, spin) in enumerate(zip(COUNTS, self.counts(), strict=True)):
            self.count_labels[name].setBuddy(spin)
            counts_row.addWidget(self.count_labels[name], 0, column)
            counts_row.addWidget(spin, 1, column)
            counts_row.setColumnStretch(column, 1)
        self._row("brand", self.brand)
        self._row("", self.brand_error)
        self._row("logo", logo_row)
        self._row("", self.logo_note)
        self._row("cta", self.cta)
        self._row("whatsapp", self.whatsapp)
        self._row("", self._error("whatsapp"))
        self._row("whatsapp_message", self.whatsapp_message)
        self._row("", self._error("whatsapp_message"))
        self._row("url", self.url)
        self._row("", self._error("url"))
        self._row("price", price_row)
        self._row("", self._error("price"))
        self.form.addRow(counts_row)
        self._row("location", self.location)
        self._row("", self._error("location"))
        self._row("offer", self.offer)
        self._row("", self._error("offer"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.toggle)
        layout.addWidget(self.summary)
        layout.addWidget(self.body)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(CHECK_DELAY_MS)
        self._timer.timeout.connect(self.check)
        for edit in self.line_edits():
            edit.textChanged.connect(lambda _text: self._timer.start())
            edit.textEdited.connect(lambda _text: self.edited.emit())
        for spin in self.counts():
            spin.valueChanged.connect(lambda _value: self._timer.start())
            spin.editingFinished.connect(self.edited.emit)
        self.currency.currentIndexChanged.connect(lambda _index: self.check())
        self.brand.currentIndexChanged.connect(lambda _index: self._brand_changed())
        self.brand.activated.connect(lambda _index: self.edited.emit())
        self.currency.activated.connect(lambda _index: self.edited.emit())
        self.toggle.toggled.connect(self.set_expanded)
        self.logo_button.clicked.connect(lambda: self.choose_logo())
        self.logo_clear.clicked.connect(lambda: self.set_video_logo(None))
        self._retranslate()
        self.set_brands([], "")

    # ---------------------------------------------------------------- building
    def _error(self, name: str) -> QLabel:
        error = label("error", wrap=True)
        error.hide()
        self.errors[name] = error
        return error

    def _row(self, name: str, field: Any) -> None:
        if not name:
            self.form.addRow(field)
            return
        row_label = QLabel()
        self.row_labels[name] = row_label
        if isinstance(field, QWidget):
            row_label.setBuddy(field)
        self.form.addRow(row_label, field)

    def focus_chain(self) -> list[QWidget]:
        """The section's widgets in Tab order (the window links them into its own)."""
        return [
            self.toggle,
            self.brand,
            self.logo_clear,
            self.logo_button,
            self.cta,
            self.whatsapp,
            self.whatsapp_message,
            self.url,
            self.price,
            self.currency,
            *self.counts(),
            self.location,
            self.offer,
        ]

    def counts(self) -> tuple[QSpinBox, QSpinBox, QSpinBox]:
        return self.guests, self.bedrooms, self.bathrooms

    def line_edits(self) -> tuple[QLineEdit, ...]:
        return (
            self.cta,
            self.whatsapp,
            self.whatsapp_message,
            self.url,
            self.price,
            self.location,
            self.offer,
        )

    def text_edits(self) -> tuple[QLineEdit, ...]:
        """The fields a visitor reads in the video's language."""
        return (self.cta, self.whatsapp_message, self.location, self.offer)

    def set_expanded(self, expanded: bool) -> None:
        self.toggle.blockSignals(True)
        self.toggle.setChecked(expanded)
        self.toggle.blockSignals(False)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        self.body.setVisible(expanded)
        self._show_summary()

    # ---------------------------------------------------------------- texts
    def _retranslate(self) -> None:
        # "&" would underline the next letter as a shortcut: "&&" shows one.
        self.toggle.setText(self.tr("End card & booking").replace("&", "&&"))
        self.toggle.setToolTip(self.tr("Your brand, the price and how guests book, shown at the end"))
        texts = {
            "brand": self.tr("Brand"),
            "logo": self.tr("Logo"),
            "cta": self.tr("Call to action"),
            "whatsapp": self.tr("WhatsApp"),
            "whatsapp_message": self.tr("Message"),
            "url": self.tr("Or a web link"),
            "price": self.tr("Price a night"),
            "location": self.tr("Location"),
            "offer": self.tr("Offer"),
        }
        for name, text in texts.items():
            self.row_labels[name].setText(text)
        for name, text in zip(
            COUNTS, (self.tr("Guests"), self.tr("Bedrooms"), self.tr("Bathrooms")), strict=True
        ):
            self.count_labels[name].setText(text)
        for spin, name in zip(self.counts(), COUNTS, strict=True):
            spin.setSpecialValueText(self.tr("—"))
            spin.setToolTip(self.tr("0 leaves it out of the video"))
            spin.setAccessibleName(self.count_labels[name].text())
        self.whatsapp.setPlaceholderText(self.tr("with country code, e.g. +62 812 3456 7890"))
        self.url.setPlaceholderText(self.tr("e.g. villa-nismara.com/book"))
        self.price.setPlaceholderText(self.tr("e.g. 2500000"))
        self.location.setPlaceholderText(self.tr("e.g. Uluwatu, Bali"))
        self.offer.setPlaceholderText(self.tr("e.g. 15% off in March"))
        self.logo_button.setText(self.tr("Choose…"))
        self.logo_button.setToolTip(self.tr("A logo for this video only"))
        self.logo_clear.setText(self.tr("Brand's"))
        self.logo_clear.setToolTip(self.tr("Use the brand's logo"))
        self.brand.setItemText(0, self.tr("No brand"))
        self._show_placeholders()
        self._show_logo()
        self._show_summary()
        if any(error.text() for error in self.errors.values()):
            self.check()  # the sentences under the fields in the new language

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def set_language(self, language: str, title: str = "") -> None:
        """The video's language: its default words as placeholders, right to left for ar/he."""
        self._language = language
        self._title = title
        direction = (
            Qt.LayoutDirection.RightToLeft if language in RTL_LANGUAGES else Qt.LayoutDirection.LeftToRight
        )
        for edit in self.text_edits():
            edit.setLayoutDirection(direction)
        self._show_placeholders()

    def set_title(self, title: str) -> None:
        if title != self._title:
            self._title = title
            self._show_placeholders()

    def _show_placeholders(self) -> None:
        table = words(self._language)
        self.cta.setPlaceholderText(
            str(
                table["cta_whatsapp"]
                if not self.url.text().strip() or self.whatsapp.text()
                else table["cta_link"]
            )
        )
        greeting = str(table["whatsapp_message"]).replace("{title}", self._title.strip() or "…")
        self.whatsapp_message.setPlaceholderText(greeting)

    def _show_summary(self) -> None:
        """Collapsed, one line says what the end card holds."""
        listing = self._listing
        parts = []
        brand = self.current_brand()
        if brand is not None:
            parts.append(brand.name)
        if listing.whatsapp:
            parts.append("WhatsApp +" + listing.whatsapp)
        elif listing.url:
            parts.append(listing.url.removeprefix("https://"))
        if listing.price is not None:
            parts.append(format_price(listing.price, listing.currency, self._language))
        self.summary.setText("  ·  ".join(parts))
        self.summary.setVisible(bool(parts) and self.body.isHidden())

    # ---------------------------------------------------------------- the brand
    def set_brands(self, brands: list[Brand], chosen: str | None = None) -> None:
        """The brands of Settings → Brand; ``chosen`` (a name) is selected, else the one shown stays."""
        keep = (
            chosen if chosen is not None else (self.brand.currentText() if self.brand.currentIndex() else "")
        )
        self._brands = list(brands)
        self.brand.blockSignals(True)
        self.brand.clear()
        self.brand.addItem(self.tr("No brand"), -1)
        for index, brand in enumerate(self._brands):
            self.brand.addItem(brand.name, index)
        found = self.brand.findText(keep) if keep else 0
        self.brand.setCurrentIndex(max(0, found))
        self.brand.blockSignals(False)
        self._brand_changed()

    def select_brand(self, brand: Brand | None) -> None:
        """Show ``brand`` (History): the saved one of that name, else the video's own copy."""
        if brand is None:
            self.brand.setCurrentIndex(0)
            return
        if not any(known == brand for known in self._brands):
            if any(known.name == brand.name for known in self._brands):
                self._brands = [brand if known.name == brand.name else known for known in self._brands]
            else:
                self._brands.append(brand)
            self.set_brands(self._brands, brand.name)
        self.brand.setCurrentIndex(max(0, self.brand.findText(brand.name)))

    def current_brand(self) -> Brand | None:
        index = self.brand.currentData()
        return self._brands[index] if isinstance(index, int) and 0 <= index < len(self._brands) else None

    def brand_problem(self) -> str:
        brand = self.current_brand()
        return brand_problem(brand) if brand is not None else ""

    def _show_brand_problem(self) -> None:
        problem = self.brand_problem()
        self.brand_error.setText(problem)
        self.brand_error.setVisible(bool(problem))
        if problem:
            self.set_expanded(True)

    def _brand_changed(self) -> None:
        self._show_brand_problem()
        self._show_logo()
        self._show_summary()
        self.changed.emit()

    # ---------------------------------------------------------------- the video's own logo
    def video_logo(self) -> Path | None:
        """The logo chosen for this video (a locked brand's own logo wins when drawn)."""
        return self._logo

    def set_video_logo(self, path: Path | None) -> None:
        self._logo = path
        self._show_logo()
        self.changed.emit()

    def choose_logo(self) -> None:
        patterns = " ".join(f"*{suffix}" for suffix in LOGO_SUFFIXES)
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a logo for this video"),
            str(self._logo.parent if self._logo else Path.home()),
            self.tr("Logos (%1)").replace("%1", patterns),
        )
        if name:
            self.set_video_logo(Path(name))

    def _show_logo(self) -> None:
        """The logo the video draws (as ``Props.logo_path`` decides) and whether it can be changed."""
        brand = self.current_brand()
        locked = brand is not None and brand.locked
        self.logo_button.setEnabled(not locked)
        self.logo_clear.setEnabled(not locked and self._logo is not None)
        note = ""
        if brand is not None and brand.locked:
            note = self.tr("%1 is locked: its logo and colours are used as they are.").replace(
                "%1", brand.name
            )
        self.logo_note.setText(note)
        self.logo_note.setVisible(bool(note))
        drawn = brand.logo if brand is not None and (brand.locked or self._logo is None) else self._logo
        self.logo_name.setText(drawn.name if drawn is not None else self.tr("No logo"))

    # ---------------------------------------------------------------- the listing
    def texts(self) -> dict[str, str]:
        """This language's texts as typed."""
        return {
            "cta": self.cta.text(),
            "location": self.location.text(),
            "offer": self.offer.text(),
            "whatsapp_message": self.whatsapp_message.text(),
        }

    def set_texts(self, texts: dict[str, str]) -> None:
        """Show another language's texts (checked at once: the preview follows without a wait)."""
        for name in LANGUAGE_FIELDS:
            edit: QLineEdit = getattr(self, name)
            edit.blockSignals(True)
            edit.setText(texts.get(name, ""))
            edit.blockSignals(False)
        self.check()

    def shared(self) -> dict[str, Any]:
        """The values every language shares, as typed."""
        return {
            "price": self.price.text(),
            "currency": self.currency.currentData() or "USD",
            "guests": _count(self.guests),
            "bedrooms": _count(self.bedrooms),
            "bathrooms": _count(self.bathrooms),
            "whatsapp": self.whatsapp.text(),
            "url": self.url.text(),
        }

    def cta_text(self) -> str:
        return self.cta.text().strip()

    def listing(self) -> Listing:
        """The last listing that could be used (what the preview shows)."""
        return self._listing

    def listing_for(self, texts: dict[str, str]) -> Listing:
        """The listing with another language's ``texts``; raises PropsError with its sentence."""
        values = {name: texts.get(name, "") for name in ("location", "offer", "whatsapp_message")}
        return Listing.parse(**self.shared(), **values)

    def set_listing(self, listing: Listing) -> None:
        """Show a stored listing (History); its language texts come with :meth:`set_texts`."""
        edits = {
            self.price: str(listing.price) if listing.price is not None else "",
            self.whatsapp: "+" + listing.whatsapp if listing.whatsapp else "",
            self.url: listing.url,
            self.location: listing.location,
            self.offer: listing.offer,
            self.whatsapp_message: listing.whatsapp_message,
        }
        for edit, text in edits.items():
            edit.blockSignals(True)
            edit.setText(text)
            edit.blockSignals(False)
        self.currency.blockSignals(True)
        self.currency.setCurrentIndex(max(0, self.currency.findData(listing.currency)))
        self.currency.blockSignals(False)
        for spin, value in zip(
            self.counts(), (listing.guests, listing.bedrooms, listing.bathrooms), strict=True
        ):
            spin.blockSignals(True)
            spin.setValue(value or 0)
            spin.blockSignals(False)
        self.check()

    def flush(self) -> None:
        """Check now what was typed less than CHECK_DELAY_MS ago (before a render takes the props)."""
        if self._timer.isActive():
            self.check()

    def problem(self) -> str:
        """What cannot be used now, in one sentence ("" when everything can): checked at once."""
        self.flush()
        self._show_brand_problem()  # its files may have gone since it was chosen
        for name in ("brand", "whatsapp", "whatsapp_message", "url", "price", "location", "offer"):
            error = self.errors[name]
            if error.text():
                return error.text()
        return ""

    def check(self) -> None:
        """Check each field on its own (its sentence under it), then the whole listing."""
        self._timer.stop()
        single = {
            "whatsapp": {"whatsapp": self.whatsapp.text()},
            "whatsapp_message": {"whatsapp_message": self.whatsapp_message.text()},
            "url": {"url": self.url.text()},
            "price": {"price": self.price.text(), "currency": self.currency.currentData() or "USD"},
            "location": {"location": self.location.text()},
            "offer": {"offer": self.offer.text()},
        }
        edits = {
            "whatsapp": self.whatsapp,
            "whatsapp_message": self.whatsapp_message,
            "url": self.url,
            "price": self.price,
            "location": self.location,
            "offer": self.offer,
        }
        failed = False
        for name, values in single.items():
            try:
                Listing.parse(**values)
                text = ""
            except UserError as exc:
                text = exc.translated(QCoreApplication.translate)
                failed = True
            self.errors[name].setText(text)
            self.errors[name].setVisible(bool(text))
            edits[name].setProperty("invalid", bool(text))
            repolish(edits[name])
        if failed:
            self.set_expanded(True)  # a sentence nobody sees helps nobody
        else:
            try:
                listing = self.listing_for(self.texts())
            except UserError as exc:  # not expected after the fields passed one by one
                self.errors["price"].setText(exc.translated(QCoreApplication.translate))
                self.errors["price"].show()
            else:
                if listing != self._listing:
                    self._listing = listing
                    self._show_summary()
                    self._show_placeholders()
        self.changed.emit()
