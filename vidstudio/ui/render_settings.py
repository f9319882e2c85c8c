"""Settings → Rendering: "Render on" (this computer, AWS Lambda, Automatic) and the Lambda details.

Stored in the ``render`` section of the settings (:class:`vidstudio.settings.RenderOn`); the
AWS sign-in is the one of Settings → Publishing.  "Find" lists the region's
``remotion-render-*`` functions and "Test connection" calls the function's ``info``, both on
the ``network`` worker pool (:func:`vidstudio.jobs.backends.check_lambda` and
:func:`~vidstudio.jobs.backends.discover_lambda`).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from vidstudio.jobs import workers
from vidstudio.messages import Message
from vidstudio.settings import RenderOn, Settings
from vidstudio.ui.jobviews import shown
from vidstudio.ui.widgets import end_check, label, set_texts, start_check, verdict


def parse_compositions(text: str) -> dict[str, str]:
    """``template = composition`` lines (blank lines and lines without ``=`` are ignored)."""
    mapping: dict[str, str] = {}
    for line in text.splitlines():
        if "=" not in line:
            continue
        template, composition = (part.strip() for part in line.split("=", 1))
        if template and composition:
            mapping[template] = composition
    return mapping


class RenderSettingsPage(QWidget):
    """Where videos are rendered, and the Remotion Lambda deployment to use.

    Signals:
        tested(ok: bool, message: str): "Test connection" answered (in the UI language).
    """

    tested = Signal(bool, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = Settings()

        self.policy = QComboBox()
        for key in ("local", "lambda", "auto"):
            self.policy.addItem(key, key)
        self.policy_hint = label("hint", wrap=True)
        self.policy.currentIndexChanged.connect(lambda _i: self._update_enabled())

        self.region = QLineEdit()
        self.region.setPlaceholderText("us-east-1")
        self.function = QComboBox()
        self.function.setEditable(True)
        self.function.setMinimumContentsLength(28)
        self.find_button = QPushButton()
        self.find_button.clicked.connect(self.discover)
        function_row = QHBoxLayout()
        function_row.addWidget(self.function, 1)
        function_row.addWidget(self.find_button)
        self.serve_url = QLineEdit()
        self.serve_url.setPlaceholderText(
            "https://remotionlambda-….s3.….amazonaws.com/sites/vidstudio/index.html"
        )
        self.serve_url.textChanged.connect(self.serve_url.setToolTip)  # the whole URL on hover
        self.function.editTextChanged.connect(self.function.setToolTip)
        self.compositions = QPlainTextEdit()
        self.compositions.setFixedHeight(56)
        self.compositions.setPlaceholderText("promo = Promo")
        self.timeout = QSpinBox()
        self.timeout.setRange(1, 60)
        self.timeout.setMaximumWidth(120)
        self.test_button = QPushButton()
        self.test_button.clicked.connect(self.test_connection)
        self.status = label(wrap=True)
        self.credentials_hint = label("muted", wrap=True)

        self.lambda_box = QGroupBox()
        form = QFormLayout(self.lambda_box)
        self._labels = [QLabel() for _ in range(5)]
        form.addRow(self._labels[0], self.region)
        form.addRow(self._labels[1], function_row)
        form.addRow(self._labels[2], self.serve_url)
        form.addRow(self._labels[3], self.compositions)
        form.addRow(self._labels[4], self.timeout)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.status, 1)
        form.addRow(test_row)
        form.addRow(self.credentials_hint)

        self.policy_label = QLabel()
        top = QFormLayout()
        top.addRow(self.policy_label, self.policy)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.policy_hint)
        layout.addWidget(self.lambda_box)
        layout.addStretch(1)
        self._retranslate()
        self._update_enabled()

    # ------------------------------------------------------------------ texts
    def _retranslate(self) -> None:
        names = {
            "local": self.tr("This computer"),
            "lambda": self.tr("AWS Lambda"),
            "auto": self.tr("Automatic (AWS Lambda, else this computer)"),
        }
        for index in range(self.policy.count()):
            self.policy.setItemText(index, names[self.policy.itemData(index)])
        self.policy_label.setText(self.tr("Render on"))
        self.lambda_box.setTitle(self.tr("Remotion Lambda"))
        set_texts(
            self._labels,
            (
                self.tr("Region"),
                self.tr("Function"),
                self.tr("Site URL"),
                self.tr("Compositions"),
                self.tr("Time limit (minutes)"),
            ),
        )
        self.find_button.setText(self.tr("Find"))
        self.find_button.setToolTip(self.tr("List the Remotion functions of this region"))
        self.compositions.setToolTip(
            self.tr("Only when the site names a template's composition otherwise: template = composition")
        )
        self.test_button.setText(self.tr("Test connection"))
        self.credentials_hint.setText(
            self.tr("Uses the AWS sign-in of Settings → Publishing. Needs a Remotion company licence.")
        )
        self._update_hint()

    def _update_hint(self) -> None:
        hints = {
            "local": self.tr("Videos are rendered here. Nothing is needed in the cloud."),
            "lambda": self.tr("Videos are rendered on your Remotion Lambda function, then downloaded."),
            "auto": self.tr(
                "Tries AWS Lambda; when it is busy, unreachable or too slow, renders here and says why."
            ),
        }
        self.policy_hint.setText(hints[self.policy.currentData() or "local"])

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _update_enabled(self) -> None:
        self.lambda_box.setEnabled(self.policy.currentData() != "local")
        self._update_hint()

    # ------------------------------------------------------------------ values
    def load(self, settings: Settings) -> None:
        self._settings = settings
        config = settings.render
        self.policy.setCurrentIndex(max(0, self.policy.findData(config.policy)))
        self.region.setText(config.region)
        self.function.setEditText(config.function_name)
        self.serve_url.setText(config.serve_url)
        self.compositions.setPlainText(
            "\n".join(f"{template} = {composition}" for template, composition in config.compositions.items())
        )
        self.timeout.setValue(config.timeout_minutes)
        self.show_starts()
        self._update_enabled()

    def show_starts(self) -> None:
        """Long names and URLs show their beginning, not their end."""
        self.serve_url.setCursorPosition(0)
        line = self.function.lineEdit()
        if line is not None:
            line.setCursorPosition(0)

    def config(self) -> RenderOn:
        """The settings as shown in the form."""
        return RenderOn(
            policy=self.policy.currentData() or "local",
            function_name=self.function.currentText().strip(),
            region=self.region.text().strip(),
            serve_url=self.serve_url.text().strip(),
            compositions=parse_compositions(self.compositions.toPlainText()),
            timeout_minutes=self.timeout.value(),
        )

    def apply(self, settings: Settings) -> None:
        settings.render = self.config()

    # ------------------------------------------------------------------ buttons
    def _with_form(self) -> Settings:
        """The dialog's settings with this page's values (AWS sign-in from Publishing)."""
        return self._settings.model_copy(update={"render": self.config()}, deep=True)

    def test_connection(self) -> None:
        from vidstudio.jobs.backends import check_lambda

        start_check(self.test_button, self.status, self.tr("Checking…"))
        settings = self._with_form()
        workers.submit("network", lambda: check_lambda(settings), lambda r: self._on_tested(*r), context=self)

    def discover(self) -> None:
        from vidstudio.jobs.backends import discover_lambda

        start_check(self.find_button, self.status, self.tr("Looking for functions…"))
        settings, region = self._with_form(), self.region.text()
        workers.submit(
            "network",
            lambda: discover_lambda(settings, region),
            lambda r: self._on_discovered(*r),
            context=self,
        )

    def _on_tested(self, ok: bool, answer: Message) -> None:
        end_check(self.test_button, self.status, ok, shown(answer))
        self.tested.emit(ok, shown(answer))

    def _on_discovered(self, functions: list[tuple[str, str]], problem: Message | None) -> None:
        message = shown(problem)
        self.find_button.setEnabled(True)
        typed = self.function.currentText()
        self.function.clear()
        for name, _version in functions:
            self.function.addItem(name)
        self.function.setEditText(functions[0][0] if functions and not typed else typed)
        if functions:
            found = self.tr("%1 function(s) found.").replace("%1", str(len(functions)))
            self.status.setText(message or found)
        else:
            self.status.setText(verdict(False, message))


def rendering_title() -> str:
    return QCoreApplication.translate("RenderSettingsPage", "Rendering")
