"""Settings page "Publishing": where videos go (Amazon S3) and where the row goes (Supabase).

Non-secret values are the ``publish`` section of the one settings model; the
AWS keys and the Supabase service key go only to the OS keyring (a secret field
left empty keeps the saved key).  Each "Test connection" button checks exactly
what publishing needs, on the ``network`` worker pool, and shows the answer in
one sentence.  The Settings dialog calls ``load(settings)`` when it opens and
``apply(settings)`` on OK.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from vidstudio.cloud.errors import PublishError
from vidstudio.jobs import workers
from vidstudio.secrets import Secrets, load_secrets, store_secret
from vidstudio.settings import MAX_LINK_HOURS, PublishSettings, S3Settings, Settings, SupabaseSettings
from vidstudio.ui.jobviews import shown
from vidstudio.ui.widgets import end_check, label, set_texts, start_check


def check_connection(service: str, settings: PublishSettings, typed: Secrets) -> tuple[bool, str]:
    """What a "Test connection" button says (runs on a worker): secrets typed in the form
    win over the saved ones."""
    from vidstudio.cloud.factory import check_s3, check_supabase

    try:
        stored = load_secrets(settings)
    except PublishError as exc:
        if not (typed.supabase_key or typed.aws_secret_access_key):
            return False, shown(exc.sentence)
        stored = Secrets()
    secrets = Secrets(
        aws_access_key_id=typed.aws_access_key_id or stored.aws_access_key_id,
        aws_secret_access_key=typed.aws_secret_access_key or stored.aws_secret_access_key,
        supabase_key=typed.supabase_key or stored.supabase_key,
    )
    result = (check_s3 if service == "s3" else check_supabase)(settings.with_env(), secrets)
    return result.ok, shown(result.sentence)


class PublishSettingsPage(QWidget):
    """AWS and Supabase settings with "Test connection" buttons.

    Signals:
        checked(service: str, ok: bool, message: str): a connection test finished.
    """

    checked = Signal(str, bool, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._base = PublishSettings()

        # --- AWS
        self.aws_box = QGroupBox()
        self.auth = QComboBox()
        self.profile = QLineEdit()
        self.access_key = QLineEdit()
        self.secret_key = QLineEdit()
        self.secret_key.setEchoMode(QLineEdit.EchoMode.Password)
        self.region = QLineEdit()
        self.bucket = QLineEdit()
        self.endpoint = QLineEdit()
        self.link_mode = QComboBox()
        self.link_hours = QSpinBox()
        self.link_hours.setRange(1, MAX_LINK_HOURS)
        self.s3_test = QPushButton()
        self.s3_status = label(wrap=True, selectable=True)
        self.aws_form = QFormLayout()
        self._aws_labels = self._fill_form(
            self.aws_box,
            self.aws_form,
            [
                self.auth,
                self.profile,
                self.access_key,
                self.secret_key,
                self.region,
                self.bucket,
                self.endpoint,
                self.link_mode,
                self.link_hours,
            ],
            self.s3_test,
            self.s3_status,
        )

        # --- Supabase
        self.sb_box = QGroupBox()
        self.sb_url = QLineEdit()
        self.sb_key = QLineEdit()
        self.sb_key.setEchoMode(QLineEdit.EchoMode.Password)
        self.sb_bucket = QLineEdit()
        self.sb_table = QLineEdit()
        self.sb_test = QPushButton()
        self.sb_status = label(wrap=True, selectable=True)
        self.sb_form = QFormLayout()
        self._sb_labels = self._fill_form(
            self.sb_box,
            self.sb_form,
            [self.sb_url, self.sb_key, self.sb_bucket, self.sb_table],
            self.sb_test,
            self.sb_status,
        )

        # --- after render, and what went wrong with the keys
        self.after_render = QCheckBox()
        self.save_status = label(wrap=True, selectable=True)

        layout = QVBoxLayout(self)
        layout.addWidget(self.aws_box)
        layout.addWidget(self.sb_box)
        layout.addWidget(self.after_render)
        layout.addWidget(self.save_status)
        layout.addStretch(1)

        self.auth.currentIndexChanged.connect(self._update_enabled)
        self.link_mode.currentIndexChanged.connect(self._update_enabled)
        self.s3_test.clicked.connect(lambda: self.test_connection("s3"))
        self.sb_test.clicked.connect(lambda: self.test_connection("supabase"))

        self._retranslate()
        self.load()

    # ------------------------------------------------------------------ layout helpers

    @staticmethod
    def _fill_form(
        box: QGroupBox, form: QFormLayout, fields: list[QWidget], test: QPushButton, status: QLabel
    ) -> list[QLabel]:
        """A service's group: one labelled row a field, its "Test connection" button on the
        right and the test's status line below; returns the row labels (texts come in
        ``_retranslate``)."""
        labels = [QLabel() for _ in fields]
        for row_label, field in zip(labels, fields, strict=True):
            row_label.setBuddy(field)
            form.addRow(row_label, field)
        button_row = QHBoxLayout()
        button_row.addStretch(1)
        button_row.addWidget(test)
        form.addRow(button_row)
        form.addRow(status)
        box.setLayout(form)
        return labels

    def _retranslate(self) -> None:
        self.aws_box.setTitle(self.tr("Videos: Amazon S3"))
        texts = [
            self.tr("Sign in with"),
            self.tr("AWS profile"),
            self.tr("Access key ID"),
            self.tr("Secret access key"),
            self.tr("Region"),
            self.tr("Bucket"),
            self.tr("Endpoint URL"),
            self.tr("Links"),
            self.tr("Link lifetime"),
        ]
        set_texts(self._aws_labels, texts)
        auth = self.auth.currentIndex()
        self.auth.clear()
        self.auth.addItem(self.tr("AWS profile, single sign-on or environment"), "chain")
        self.auth.addItem(self.tr("Access keys saved on this computer"), "keys")
        self.auth.setCurrentIndex(max(0, auth))
        mode = self.link_mode.currentIndex()
        self.link_mode.clear()
        self.link_mode.addItem(self.tr("Private link that expires (presigned)"), "presigned")
        self.link_mode.addItem(self.tr("Public link (the bucket is public)"), "public")
        self.link_mode.setCurrentIndex(max(0, mode))
        self.link_hours.setSuffix(self.tr(" hours"))
        self.profile.setPlaceholderText(self.tr("default"))
        self.region.setPlaceholderText(self.tr("for example eu-west-1"))
        self.endpoint.setPlaceholderText(self.tr("empty for Amazon S3"))
        self.s3_test.setText(self.tr("Test connection"))
        self.sb_box.setTitle(self.tr("Photo, poster and listing: Supabase"))
        set_texts(
            self._sb_labels,
            [
                self.tr("Project URL"),
                self.tr("Service key"),
                self.tr("Storage bucket"),
                self.tr("Table"),
            ],
        )
        self.sb_url.setPlaceholderText(self.tr("https://your-project.supabase.co"))
        self.sb_test.setText(self.tr("Test connection"))
        self.after_render.setText(self.tr("Publish every video as soon as it is rendered"))
        self._secret_placeholders()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _secret_placeholders(self) -> None:
        keep = self.tr("saved: leave empty to keep it")
        enter = self.tr("not saved yet")
        self.access_key.setPlaceholderText(keep if self._has_aws_keys else enter)
        self.secret_key.setPlaceholderText(keep if self._has_aws_keys else enter)
        self.sb_key.setPlaceholderText(keep if self._has_sb_key else self.tr("the service_role key"))

    def _update_enabled(self) -> None:
        keys = self.auth.currentData() == "keys"
        self.profile.setEnabled(not keys)
        self.access_key.setEnabled(keys)
        self.secret_key.setEnabled(keys)
        self.link_hours.setEnabled(self.link_mode.currentData() == "presigned")

    # ------------------------------------------------------------------ values

    _has_aws_keys = False
    _has_sb_key = False

    def load(self, app_settings: Settings | None = None) -> None:
        """Fill the form from the settings; secret fields stay empty (saved keys stay)."""
        settings = self._base = (app_settings or Settings()).publish
        s3, sb = settings.s3, settings.supabase
        self.auth.setCurrentIndex(max(0, self.auth.findData(s3.auth)))
        self.profile.setText(s3.profile)
        self.region.setText(s3.region)
        self.bucket.setText(s3.bucket)
        self.endpoint.setText(s3.endpoint_url)
        self.link_mode.setCurrentIndex(max(0, self.link_mode.findData(s3.link_mode)))
        self.link_hours.setValue(s3.link_hours)
        self.sb_url.setText(sb.url)
        self.sb_bucket.setText(sb.bucket)
        self.sb_table.setText(sb.table)
        self.after_render.setChecked(settings.publish_after_render)
        self.access_key.clear()
        self.secret_key.clear()
        self.sb_key.clear()
        try:  # which keys are saved (a keyring read takes a few ms)
            saved = load_secrets()
        except PublishError as exc:  # no password store: say so where the keys go
            saved = Secrets()
            self.save_status.setText(shown(exc.sentence))
        self._has_aws_keys = bool(saved.aws_access_key_id and saved.aws_secret_access_key)
        self._has_sb_key = bool(saved.supabase_key)
        self._secret_placeholders()
        self._update_enabled()

    def settings(self) -> PublishSettings:
        """The settings as shown in the form (not yet saved)."""
        base = self._base
        return base.model_copy(
            update={
                "s3": S3Settings(
                    bucket=self.bucket.text(),
                    region=self.region.text(),
                    endpoint_url=self.endpoint.text(),
                    auth=self.auth.currentData() or "chain",
                    profile=self.profile.text(),
                    link_mode=self.link_mode.currentData() or "presigned",
                    link_hours=self.link_hours.value(),
                    key_prefix=base.s3.key_prefix,
                ),
                "supabase": SupabaseSettings(
                    url=self.sb_url.text(),
                    bucket=self.sb_bucket.text().strip() or SupabaseSettings().bucket,
                    table=self.sb_table.text().strip() or SupabaseSettings().table,
                ),
                "publish_after_render": self.after_render.isChecked(),
            }
        )

    def typed_secrets(self) -> Secrets:
        """Secrets typed into the form now (empty: use the saved ones)."""
        return Secrets(
            aws_access_key_id=self.access_key.text().strip(),
            aws_secret_access_key=self.secret_key.text().strip(),
            supabase_key=self.sb_key.text().strip(),
        )

    def apply(self, app_settings: Settings) -> None:
        """For the Settings dialog's OK button: keys typed now go to the keyring, the rest into
        ``app_settings``.  Raises :class:`PublishError` (shown on the page) when the keys
        cannot be stored, so the dialog stays open and nothing typed is lost."""
        typed = self.typed_secrets()
        try:
            for name in ("aws_access_key_id", "aws_secret_access_key", "supabase_key"):
                value = getattr(typed, name)
                if value:
                    store_secret(name, value)
        except PublishError as exc:
            self.save_status.setText(shown(exc.sentence))
            raise
        app_settings.publish = self.settings()
        self._has_aws_keys = self._has_aws_keys or bool(typed.aws_secret_access_key)
        self._has_sb_key = self._has_sb_key or bool(typed.supabase_key)
        self.access_key.clear()
        self.secret_key.clear()
        self.sb_key.clear()
        self._secret_placeholders()
        self.save_status.setText("")

    # ------------------------------------------------------------------ connection tests

    def test_connection(self, service: str) -> None:
        start_check(*self._test_widgets(service), self.tr("Checking…"))
        settings, typed = self.settings(), self.typed_secrets()
        workers.submit(
            "network",
            lambda: check_connection(service, settings, typed),
            lambda answer: self._on_checked(service, *answer),
            context=self,
        )

    def _test_widgets(self, service: str) -> tuple[QPushButton, QLabel]:
        """The "Test connection" button of ``service`` ("s3" or "supabase") and its status line."""
        return (self.s3_test, self.s3_status) if service == "s3" else (self.sb_test, self.sb_status)

    def _on_checked(self, service: str, ok: bool, message: str) -> None:
        button, status = self._test_widgets(service)
        end_check(button, status, ok, message)
        status.setProperty("ok", ok)
        self.checked.emit(service, ok, message)
