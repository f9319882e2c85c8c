"""The queue (this session's renders, one at a time) and the history (every job, newest first)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, Signal, SignalInstance
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vidstudio.jobs.publish_queue import PublishStatus
from vidstudio.jobs.store import Job, JobState, JobStore
from vidstudio.messages import Message
from vidstudio.ui import desktop
from vidstudio.ui.widgets import cross_button, label, show_link_answer

POSTER = QSize(128, 72)


def state_name(state: JobState) -> str:
    names = {
        JobState.QUEUED: QCoreApplication.translate("JobState", "Waiting"),
        JobState.RENDERING: QCoreApplication.translate("JobState", "Rendering"),
        JobState.RENDERED: QCoreApplication.translate("JobState", "Rendered"),
        JobState.FAILED: QCoreApplication.translate("JobState", "Failed"),
        JobState.CANCELLED: QCoreApplication.translate("JobState", "Cancelled"),
    }
    return names[state]


def shown(message: Message | None) -> str:
    """A message in the UI language."""
    return message.translated(QCoreApplication.translate) if message is not None else ""


def job_error_text(job: Job) -> str:
    """Why the job failed or was cancelled, in the UI language."""
    return shown(job.message)


def publish_text(status: PublishStatus) -> str:
    """One line about publishing: waiting, uploading 45 %, published, failed with the reason."""
    if status.state == "waiting":
        return QCoreApplication.translate("PublishState", "Waiting to publish")
    if status.state == "uploading":
        return QCoreApplication.translate("PublishState", "Uploading %1 %").replace(
            "%1", str(int(status.fraction * 100))
        )
    if status.state == "retrying":
        return (
            QCoreApplication.translate("PublishState", "%1 Trying again in %2 s.")
            .replace("%1", shown(status.error))
            .replace("%2", str(round(status.retry_in or 0)))
        )
    if status.state == "published":
        return QCoreApplication.translate("PublishState", "Published")
    if status.state == "failed":
        text = QCoreApplication.translate("PublishState", "Publishing failed")
        return f"{text}: {shown(status.error)}" if status.error else text
    return ""


def publish_button_text(status: PublishStatus, set_up: bool, *, short: bool = False) -> str:
    """Publish, Retry, or — when publishing has not been set up — the way to set it up."""
    if not set_up:
        return QCoreApplication.translate("PublishState", "Set up publishing…")
    if status.state == "failed":
        if short:  # the result card, beside the reason
            return QCoreApplication.translate("PublishState", "Retry")
        return QCoreApplication.translate("PublishState", "Retry publishing")
    return QCoreApplication.translate("PublishState", "Publish")


def publishable(job: Job | None, status: PublishStatus) -> bool:
    """A rendered video whose file exists and that is not published or being published."""
    return bool(
        job is not None
        and job.state is JobState.RENDERED
        and job.output_path
        and Path(job.output_path).is_file()
        and status.state in ("none", "failed")
    )


def no_status(_job: Job) -> PublishStatus:
    return PublishStatus()


STATE_COLORS = {
    JobState.QUEUED: "#5f6b7a",
    JobState.RENDERING: "#2563eb",
    JobState.RENDERED: "#067647",
    JobState.FAILED: "#b42318",
    JobState.CANCELLED: "#5f6b7a",
}


def poster_icon(poster_path: str | None) -> QPixmap:
    """The poster letterboxed into a fixed-size dark tile, so rows line up."""
    tile = QPixmap(POSTER)
    tile.fill(QColor("#16191d"))
    if poster_path and Path(poster_path).is_file():
        poster = QPixmap(poster_path).scaled(
            POSTER, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
        painter = QPainter(tile)
        painter.drawPixmap(
            (POSTER.width() - poster.width()) // 2, (POSTER.height() - poster.height()) // 2, poster
        )
        painter.end()
    return tile


class QueueRow(QWidget):
    """One job in the queue: title, aspect, state, and a remove button while waiting."""

    remove_requested = Signal(str)

    def __init__(
        self,
        job: Job,
        template_name: str,
        parent: QWidget | None = None,
        publish_status: Callable[[Job], PublishStatus] = no_status,
    ) -> None:
        super().__init__(parent)
        self.job = job
        self.template_name = template_name
        self.publish_status = publish_status
        self.title = label("sectionTitle")
        self.detail = label("muted")
        self.state = QLabel()
        self.remove_button = cross_button()
        self.remove_button.clicked.connect(lambda: self.remove_requested.emit(self.job.id))
        text = QVBoxLayout()
        text.setSpacing(1)
        text.addWidget(self.title)
        text.addWidget(self.detail)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 4, 4)
        row.addLayout(text, 1)
        row.addWidget(self.state)
        row.addWidget(self.remove_button)
        self.set_job(job)

    def set_job(self, job: Job) -> None:
        self.job = job
        self.title.setText(job.title)
        self.detail.setText(f"{job.aspect}  ·  {self.template_name}")
        status = self.publish_status(job) if job.state is JobState.RENDERED else PublishStatus()
        if status.state != "none":  # a rendered video being or been published says how far
            color = {"failed": STATE_COLORS[JobState.FAILED], "published": STATE_COLORS[JobState.RENDERED]}
            self.state.setText(publish_text(PublishStatus(status.state, status.fraction)))
            self.state.setStyleSheet(f"color: {color.get(status.state, '#2563eb')}; font-weight: 600;")
        else:
            self.state.setText(state_name(job.state))
            self.state.setStyleSheet(f"color: {STATE_COLORS[job.state]}; font-weight: 600;")
        self.remove_button.setVisible(job.state is JobState.QUEUED)
        self.remove_button.setToolTip(self.tr("Remove from the queue"))
        self.setToolTip(shown(status.error) if status.state == "failed" else job_error_text(job))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.set_job(self.job)
        super().changeEvent(event)


class QueueView(QFrame):
    """This session's renders in order; a waiting one can be removed.

    Signals:
        remove_requested(str): the id of a waiting job to take out.
    """

    remove_requested = Signal(str)

    def __init__(
        self,
        template_name: Callable[[str], str] = str,
        parent: QWidget | None = None,
        publish_status: Callable[[Job], PublishStatus] = no_status,
    ) -> None:
        super().__init__(parent)
        self.template_name = template_name
        self.publish_status = publish_status
        self.setObjectName("card")
        self.heading = label("sectionTitle")
        self.clear_button = QPushButton()
        self.clear_button.setObjectName("link")
        self.clear_button.clicked.connect(self.clear_finished)
        self.list = QListWidget()
        self.list.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.setStyleSheet("QListWidget { border: none; padding: 0; }")
        self.empty = label("muted")
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.addLayout(top)
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        layout.addStretch(0)  # empty, the heading and its line stay at the top of a tall room
        self._rows: dict[str, tuple[QListWidgetItem, QueueRow]] = {}
        self._retranslate()

    def add_job(self, job: Job) -> None:
        if job.id in self._rows:
            self.update_job(job)
            return
        row = QueueRow(job, self.template_name(job.template), publish_status=self.publish_status)
        row.remove_requested.connect(self.remove_requested)
        item = QListWidgetItem()
        item.setSizeHint(row.sizeHint())
        self.list.addItem(item)
        self.list.setItemWidget(item, row)
        self._rows[job.id] = (item, row)
        self._retranslate()

    def update_job(self, job: Job) -> None:
        entry = self._rows.get(job.id)
        if entry is not None:
            entry[1].set_job(job)
        self._retranslate()

    def jobs(self) -> list[Job]:
        return [row.job for _item, row in self._rows.values()]

    def refresh_publish(self, job_id: str) -> None:
        """Publishing of ``job_id`` moved on: redraw its state."""
        entry = self._rows.get(job_id)
        if entry is not None:
            entry[1].set_job(entry[1].job)

    def clear_finished(self) -> None:
        for job_id, (item, row) in list(self._rows.items()):
            if row.job.finished:
                self.list.takeItem(self.list.row(item))
                del self._rows[job_id]
        self._retranslate()

    def _retranslate(self) -> None:
        waiting = sum(1 for job in self.jobs() if job.state is JobState.QUEUED)
        if waiting:
            self.heading.setText(self.tr("Queue  ·  %1 waiting").replace("%1", str(waiting)))
        else:
            self.heading.setText(self.tr("Queue"))
        self.clear_button.setText(self.tr("Clear finished"))
        self.clear_button.setVisible(any(job.finished for job in self.jobs()))
        self.empty.setText(self.tr("Videos you render appear here and are made one at a time."))
        self.empty.setWordWrap(True)
        self.empty.setVisible(not self._rows)
        self.list.setVisible(bool(self._rows))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


class HistoryView(QWidget):
    """Every job, newest first, with poster thumbnails.

    Signals:
        open_requested(Job): load the job's props back into the editor.
        rerender_requested(Job): queue the same video again.
    """

    open_requested = Signal(Job)
    rerender_requested = Signal(Job)
    publish_requested = Signal(Job)
    link_requested = Signal(Job)

    def __init__(
        self,
        store: JobStore,
        parent: QWidget | None = None,
        publish_status: Callable[[Job], PublishStatus] = no_status,
        publishing_set_up: Callable[[], bool] = lambda: True,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.publish_status = publish_status
        self.publishing_set_up = publishing_set_up
        self.heading = label("heading")
        self.hint = label("muted")
        self.list = QListWidget()
        self.list.setIconSize(POSTER)
        self.list.setSpacing(2)
        self.list.setUniformItemSizes(True)
        self.list.itemDoubleClicked.connect(lambda _item: self._emit_selected(self.open_requested))
        self.list.currentItemChanged.connect(lambda *_: self._on_selection())
        self.open_button = QPushButton()
        self.open_button.setObjectName("accent")
        self.rerender_button = QPushButton()
        self.show_button = QPushButton()
        self.delete_button = QPushButton()
        self.publish_button = QPushButton()
        self.copy_link_button = QPushButton()
        self.link_note = label("muted")
        self.link_note.hide()
        self.publish_button.clicked.connect(lambda: self._emit_selected(self.publish_requested))
        self.copy_link_button.clicked.connect(lambda: self._emit_selected(self.link_requested))
        self.open_button.clicked.connect(lambda: self._emit_selected(self.open_requested))
        self.rerender_button.clicked.connect(lambda: self._emit_selected(self.rerender_requested))
        self.show_button.clicked.connect(self._show)
        self.delete_button.clicked.connect(self._delete)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.rerender_button)
        buttons.addWidget(self.show_button)
        buttons.addWidget(self.publish_button)
        buttons.addWidget(self.copy_link_button)
        buttons.addWidget(self.link_note)
        buttons.addStretch()
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addWidget(self.hint)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self._jobs: list[Job] = []
        self._icons: dict[str, QIcon] = {}
        self.reload()

    def reload(self) -> None:
        selected = self.selected_job()
        self._jobs = self.store.history()
        self.list.clear()
        for job in self._jobs:
            item = QListWidgetItem(self._describe(job))
            item.setData(Qt.ItemDataRole.UserRole, job.id)
            item.setSizeHint(QSize(0, POSTER.height() + 12))
            item.setIcon(self._icon(job.poster_path))
            item.setToolTip(job.output_path or job_error_text(job))
            self.list.addItem(item)
            if selected is not None and job.id == selected.id:
                self.list.setCurrentItem(item)
        self._retranslate()

    def _icon(self, poster_path: str | None) -> QIcon:
        """Posters never change once written: decode each once, not on every reload."""
        icon = self._icons.get(poster_path or "")
        if icon is None:
            tile = poster_icon(poster_path)
            icon = QIcon()
            icon.addPixmap(tile, QIcon.Mode.Normal)
            icon.addPixmap(tile, QIcon.Mode.Selected)  # no tint on the selected row
            if poster_path:
                self._icons[poster_path] = icon
        return icon

    def _describe(self, job: Job) -> str:
        when = datetime.fromtimestamp(job.created_at).strftime("%Y-%m-%d %H:%M")
        parts = [when, job.aspect, state_name(job.state)]
        if job.state is JobState.RENDERED and job.size_bytes:
            parts.append(desktop.human_size(job.size_bytes))
        if job.state is JobState.RENDERED:
            published = publish_text(self.publish_status(job))
            if published:
                parts.append(published)
        second = "  ·  ".join(parts)
        if job.error and job.state in (JobState.FAILED, JobState.CANCELLED):
            second += "\n" + job_error_text(job)
        return f"{job.title}\n{second}"

    def _on_selection(self) -> None:
        self.link_note.hide()
        self._update_buttons()

    def selected_job(self) -> Job | None:
        item = self.list.currentItem()
        if item is None:
            return None
        job_id = item.data(Qt.ItemDataRole.UserRole)
        return next((job for job in self._jobs if job.id == job_id), None)

    def _update_buttons(self) -> None:
        job = self.selected_job()
        has_file = bool(job and job.output_path and Path(job.output_path).is_file())
        self.open_button.setEnabled(job is not None)
        self.rerender_button.setEnabled(job is not None and job.finished)
        self.show_button.setEnabled(has_file)
        self.delete_button.setEnabled(job is not None and job.finished)
        status = self.publish_status(job) if job is not None else PublishStatus()
        self.publish_button.setEnabled(publishable(job, status))
        self.publish_button.setText(publish_button_text(status, self.publishing_set_up()))
        self.copy_link_button.setEnabled(status.state == "published")

    def refresh_publish(self, job_ids: list[str] | None = None) -> None:
        """Publishing of ``job_ids`` (None: every job) moved on: redraw those rows and the buttons.

        Statuses come from memory (the publish board): no database call.
        """
        wanted = set(job_ids) if job_ids is not None else None
        for index, job in enumerate(self._jobs):
            if wanted is not None and job.id not in wanted:
                continue
            item = self.list.item(index)
            if item is not None:
                item.setText(self._describe(job))
        self._update_buttons()

    def link_copied(self, url: str, error: str = "") -> None:
        """Copy link's answer for the selected entry: on the clipboard, or why not."""
        show_link_answer(self.link_note, url, error, self.tr("Link copied"))

    def _emit_selected(self, signal: SignalInstance) -> None:
        """Emit ``signal`` with the selected job, when there is one."""
        job = self.selected_job()
        if job is not None:
            signal.emit(job)

    def _show(self) -> None:
        job = self.selected_job()
        if job and job.output_path:
            desktop.show_in_folder(Path(job.output_path))

    def _delete(self) -> None:
        job = self.selected_job()
        if job is not None and job.finished:
            self.store.delete(job.id)
            self.reload()

    def _retranslate(self) -> None:
        self.heading.setText(self.tr("History"))
        if self._jobs:
            self.hint.setText(self.tr("Double-click a video to load its photo and text into the editor."))
        else:
            self.hint.setText(self.tr("No videos yet. Videos you render are listed here."))
        self.open_button.setText(self.tr("Open in editor"))
        self.rerender_button.setText(self.tr("Render again"))
        self.show_button.setText(self.tr("Show file"))
        self.delete_button.setText(self.tr("Delete from history"))
        self.delete_button.setToolTip(self.tr("Removes the entry; the video file stays on disk"))
        self.publish_button.setToolTip(self.tr("Upload the video and add it to the platform"))
        self.copy_link_button.setText(self.tr("Copy link"))
        self.copy_link_button.setToolTip(self.tr("Copy the link of the published video"))
        self.refresh_publish()  # each row's text, and the buttons

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
