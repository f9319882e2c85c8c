"""The progress panel shown while a job renders, and the result card shown after."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from vidstudio.jobs.publish_queue import PublishStatus
from vidstudio.jobs.runner import RenderProgress
from vidstudio.jobs.store import Job, JobState
from vidstudio.ui import desktop
from vidstudio.ui.jobviews import job_error_text, publish_button_text, publish_text, publishable, shown
from vidstudio.ui.widgets import cross_button, label, repolish, show_link_answer

THUMB = QSize(160, 90)


def _thumb_label() -> QLabel:
    label = QLabel()
    label.setFixedSize(THUMB)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setStyleSheet("background: #16191d; border-radius: 6px;")
    return label


def _set_pixmap(label: QLabel, pixmap: QPixmap) -> None:
    label.setPixmap(
        pixmap.scaled(THUMB, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
    )


class ProgressPanel(QFrame):
    """Stage, frames, percentage, elapsed and ETA, and the frame just rendered.

    Signals:
        cancel_requested(): the user pressed Cancel.
    """

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.thumb = _thumb_label()
        self.heading = label("sectionTitle")
        self.stage = QLabel()
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(8)
        self.times = label("muted")
        self.percent = label("sectionTitle")
        self.backend_line = label("hint", wrap=True)
        self.backend_line.hide()
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.cancel_requested)

        top = QHBoxLayout()
        top.addWidget(self.stage, 1)
        top.addWidget(self.percent)
        bottom = QHBoxLayout()
        bottom.addWidget(self.times, 1)
        bottom.addWidget(self.cancel_button)
        text = QVBoxLayout()
        text.setSpacing(6)
        text.addWidget(self.heading)
        text.addLayout(top)
        text.addWidget(self.bar)
        text.addWidget(self.backend_line)
        text.addLayout(bottom)
        row = QHBoxLayout(self)
        row.setContentsMargins(14, 12, 14, 12)
        row.setSpacing(14)
        row.addWidget(self.thumb)
        row.addLayout(text, 1)
        self._last: RenderProgress | None = None
        self._title = ""
        self._cancelling = False
        self._retranslate()

    def set_cancelling(self) -> None:
        """Esc was pressed: say so at once while the worker stops."""
        self._cancelling = True
        self._retranslate()

    def start(self, job: Job) -> None:
        self._cancelling = False
        self._last = None
        self._title = job.title
        self.thumb.clear()
        self.bar.setValue(0)
        self._retranslate()

    def update_progress(self, report: RenderProgress) -> None:
        self._last = report
        if report.thumbnail is not None:
            _set_pixmap(self.thumb, QPixmap.fromImage(report.thumbnail))
        self.bar.setValue(int(report.fraction * 1000))
        self._retranslate()

    def _retranslate(self) -> None:
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop this render (Esc)"))
        self.heading.setText(self.tr("Rendering “%1”").replace("%1", self._title))
        self.cancel_button.setEnabled(not self._cancelling)
        report = self._last
        message = shown(report.message) if report is not None else ""
        self.backend_line.setText(message)
        self.backend_line.setVisible(bool(message))
        if self._cancelling:
            self.stage.setText(self.tr("Cancelling…"))
            return
        if report is None or report.stage == "preparing":
            self.stage.setText(self.tr("Preparing…"))
            self.percent.setText("0 %")
            self.times.setText("")
            return
        if report.stage == "rendering":
            self.stage.setText(
                self.tr("Rendering %1/%2 frames")
                .replace("%1", str(report.done))
                .replace("%2", str(report.total))
            )
        elif report.stage == "finishing":
            self.stage.setText(self.tr("Finishing"))
        else:
            self.stage.setText(self.tr("Done"))
        self.percent.setText(f"{int(report.fraction * 100)} %")
        elapsed = self.tr("Elapsed %1").replace("%1", desktop.clock(report.elapsed))
        if report.eta is not None and report.stage == "rendering":
            eta = self.tr("about %1 left").replace("%1", desktop.clock(report.eta))
            self.times.setText(f"{elapsed}  ·  {eta}")
        else:
            self.times.setText(elapsed)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


class ResultCard(QFrame):
    """The finished video (poster, duration, size) with Play, Show in folder, Copy path/link.

    A failed or cancelled job shows its reason instead.

    Signals:
        dismissed(): the user closed the card.
    """

    dismissed = Signal()
    publish_requested = Signal(str)
    link_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.job: Job | None = None
        self.publish_status = PublishStatus()
        self.publishing_set_up = True
        self.publish_label = label("muted", wrap=True)
        self.publish_label.hide()
        self.publish_button = QPushButton()
        self.publish_button.clicked.connect(self._publish)
        self.link_note = label("muted")
        self.link_note.hide()
        self.thumb = _thumb_label()
        self.heading = label("success")
        self.name = label("sectionTitle", selectable=True)
        self.name.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.details = label("muted")
        self.message = label("error", wrap=True)
        self.play_button = QPushButton()
        self.folder_button = QPushButton()
        self.copy_path_button = QPushButton()
        self.copy_link_button = QPushButton()
        self.close_button = cross_button()
        self.play_button.clicked.connect(self._play)
        self.folder_button.clicked.connect(self._show_folder)
        self.copy_path_button.clicked.connect(self._copy_path)
        self.copy_link_button.clicked.connect(self._copy_link)
        self.close_button.clicked.connect(self.dismissed)

        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        for button in (
            self.play_button,
            self.folder_button,
            self.copy_path_button,
            self.copy_link_button,
            self.publish_button,
        ):
            buttons.addWidget(button)
        buttons.addWidget(self.link_note)
        buttons.addStretch()
        grid = QGridLayout()
        grid.setVerticalSpacing(4)
        grid.addWidget(self.heading, 0, 0)
        grid.addWidget(self.close_button, 0, 1, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.name, 1, 0, 1, 2)
        grid.addWidget(self.details, 2, 0, 1, 2)
        grid.addWidget(self.message, 3, 0, 1, 2)
        grid.addWidget(self.publish_label, 4, 0, 1, 2)
        grid.addLayout(buttons, 5, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        row = QHBoxLayout(self)
        row.setContentsMargins(14, 12, 14, 12)
        row.setSpacing(14)
        row.addWidget(self.thumb, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(grid, 1)
        self._retranslate()

    def show_job(self, job: Job, status: PublishStatus | None = None, set_up: bool = True) -> None:
        """Show ``job`` with its publishing ``status``; ``set_up``: publishing has somewhere to go."""
        if self.job is None or job.id != self.job.id:
            self.link_note.hide()
        self.job = job
        self.publish_status = status or PublishStatus()
        self.publishing_set_up = set_up
        self.thumb.clear()
        if job.poster_path and Path(job.poster_path).is_file():
            _set_pixmap(self.thumb, QPixmap(job.poster_path))
        self._retranslate()

    def _retranslate(self) -> None:
        job = self.job
        self.play_button.setText(self.tr("Play"))
        self.play_button.setToolTip(self.tr("Open the video in your video player"))
        self.folder_button.setText(self.tr("Show in folder"))
        self.copy_path_button.setText(self.tr("Copy path"))
        self.copy_path_button.setToolTip(self.tr("Copy where the video file is"))
        self.copy_link_button.setText(self.tr("Copy link"))
        self.copy_link_button.setToolTip(self.tr("Copy the link of the published video"))
        self.close_button.setToolTip(self.tr("Close"))
        if job is None:
            return
        rendered = job.state is JobState.RENDERED
        self.play_button.setVisible(rendered)
        self.folder_button.setVisible(rendered)
        self.copy_path_button.setVisible(rendered)
        status = self.publish_status
        self.copy_link_button.setVisible(status.state == "published")
        self.publish_button.setVisible(publishable(job, status))
        self.publish_button.setText(publish_button_text(status, self.publishing_set_up, short=True))
        self.publish_button.setToolTip(
            self.tr("Upload the video and add it to the platform")
            if self.publishing_set_up
            else self.tr("Connect vidstudio to your S3 bucket and Supabase project")
        )
        published = publish_text(status) if rendered else ""
        self.publish_label.setText(published)
        self.publish_label.setVisible(bool(published))
        names = {"failed": "error", "published": "success"}
        self.publish_label.setObjectName(names.get(status.state, "muted"))
        repolish(self.publish_label)
        self.message.setVisible(not rendered)
        self.details.setVisible(rendered)
        self.name.setText(Path(job.output_path).name if job.output_path else job.title)
        if rendered:
            self.heading.setObjectName("success")
            self.heading.setText(self.tr("Your video is ready"))
            self.details.setText(
                self.tr("%1 s  ·  %2 × %3  ·  %4  ·  rendered in %5 s")
                .replace("%1", f"{job.duration or 0:.1f}")
                .replace("%2", str(job.width or 0))
                .replace("%3", str(job.height or 0))
                .replace("%4", desktop.human_size(job.size_bytes))
                .replace("%5", f"{job.wall_time or 0:.1f}")
            )
        elif job.state is JobState.CANCELLED:
            self.heading.setObjectName("sectionTitle")
            self.heading.setText(self.tr("Render cancelled"))
            self.message.setText(self.tr("The render was stopped. No file was written."))
            self.name.setText(job.title)
        else:
            self.heading.setObjectName("sectionTitle")
            self.heading.setText(self.tr("The render failed"))
            self.message.setText(job_error_text(job) or self.tr("Unknown error."))
            self.name.setText(job.title)
        repolish(self.heading)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _play(self) -> None:
        if self.job and self.job.output_path:
            desktop.open_file(Path(self.job.output_path))

    def _show_folder(self) -> None:
        if self.job and self.job.output_path:
            desktop.show_in_folder(Path(self.job.output_path))

    def _copy_path(self) -> None:
        if self.job and self.job.output_path:
            desktop.copy_text(self.job.output_path)

    def _copy_link(self) -> None:
        if self.job is not None:
            self.link_requested.emit(self.job.id)

    def _publish(self) -> None:
        if self.job is not None:
            self.publish_requested.emit(self.job.id)

    def link_copied(self, url: str, error: str = "") -> None:
        """Copy link's answer: the URL is on the clipboard, or why there is none."""
        show_link_answer(self.link_note, url, error, self.tr("Link copied"))
