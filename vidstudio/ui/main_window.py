"""The main window: photos and clips, words, length, music and choices on the left; live
preview, progress, result and queue on the right; the history on its own tab."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import replace
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QCoreApplication, QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QGuiApplication,
    QIcon,
    QImage,
    QKeySequence,
    QPixmap,
    QShortcut,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from vidstudio import paths
from vidstudio.cloud.errors import PublishError
from vidstudio.jobs import workers
from vidstudio.jobs.backends import make_backend
from vidstudio.jobs.outbox import PublishOutbox, PublishRequest
from vidstudio.jobs.publish import clients_from_settings, current_link, request_for_job
from vidstudio.jobs.publish_queue import ClientsFactory, PublishBoard, PublishQueue, PublishStatus
from vidstudio.jobs.runner import BackendFactory, JobQueue, RenderProgress
from vidstudio.jobs.store import Job, JobState, JobStore
from vidstudio.messages import Message, UserError, unexpected
from vidstudio.render.backends import RenderBackend
from vidstudio.render.errors import Cancelled, RenderError
from vidstudio.render.images import probe_image
from vidstudio.render.paint import MAX_SUBTITLE, MAX_TITLE, render_frame_image, text_layout
from vidstudio.render.props import (
    AUDIO_SUFFIXES,
    MAX_MEDIA,
    PHOTO_SUFFIXES,
    VIDEO_SUFFIXES,
    MediaItem,
    Music,
    Props,
)
from vidstudio.render.template import ASPECTS, Template, list_templates
from vidstudio.render.timeline import poster_frame, timeline
from vidstudio.settings import Settings, save_settings
from vidstudio.ui import desktop
from vidstudio.ui.about import AboutDialog
from vidstudio.ui.brand_settings import BrandSettingsPage, brand_title, saved_brands
from vidstudio.ui.end_card import EndCardSection
from vidstudio.ui.i18n import current_language, install_language
from vidstudio.ui.jobviews import HistoryView, QueueView, shown
from vidstudio.ui.languages import (
    LanguageTexts,
    RenderMatrixDialog,
    VideoLanguageCombo,
    default_video_language,
    is_rtl,
)
from vidstudio.ui.media_strip import MediaEditor, MediaStrip, clock
from vidstudio.ui.panels import ProgressPanel, ResultCard
from vidstudio.ui.platform_picker import PlatformPicker, length_hint, platform_name
from vidstudio.ui.preview import PreviewPanel
from vidstudio.ui.render_settings import RenderSettingsPage, rendering_title
from vidstudio.ui.settings_dialog import SettingsDialog, quality_names, register_page
from vidstudio.ui.tour_controls import ChoiceBar, DurationPicker, MusicRow
from vidstudio.ui.widgets import label, repolish

if TYPE_CHECKING:
    from vidstudio.jobs.publish import CloudClients, RetryPolicy

log = logging.getLogger(__name__)

TEMPLATE_ICON = QSize(92, 52)  # three templates side by side in the 348 px column
LEFT_WIDTH = 380
# Room kept below the preview for the progress or result card and the queue: the result card
# with a publish line is 150 px tall at 100 % scale, and the queue under it keeps a row.
BELOW_PREVIEW = 262
QUEUE_MIN_HEIGHT = 100
# The publish queue resumes interrupted publishes this long after the window opens (boto3 and
# supabase load then), not before it shows.
START_PUBLISHING_MS = 800
# The preview's soundtrack is made this long after the last change (a fade spin box held down
# changes ten times a second; a 30 s soundtrack takes ~3 s to make on this 2-core machine).
SOUNDTRACK_DELAY_MS = 400


def media_kind(path: Path) -> str:
    """ "photo", "clip", "music" or "" (nothing vidstudio can use), from the file's name."""
    suffix = path.suffix.lower()
    if suffix in PHOTO_SUFFIXES:
        return "photo"
    if suffix in VIDEO_SUFFIXES:
        return "clip"
    if suffix in AUDIO_SUFFIXES:
        return "music"
    return ""


def media_detail(width: int, height: int, file_size: int, duration: float | None = None) -> str:
    """What the item editor says about a file: its size in pixels, a clip's length, its weight."""
    parts = [f"{width} × {height}"]
    if duration is not None:
        parts.append(clock(duration))
    parts.append(desktop.human_size(file_size))
    return "  ·  ".join(parts)


def preview_soundtrack(template: Template, props: Props, cancel: Callable[[], bool]) -> Any:
    """On a worker: the samples the preview plays (the render's own soundtrack), or None."""
    from vidstudio.render.media import soundtrack_for

    track = soundtrack_for(template, props, cancel)
    return track.samples if track is not None else None


def _publish_settings_page() -> QWidget:
    from vidstudio.ui.publish_settings import PublishSettingsPage

    return PublishSettingsPage()


def _warm_up_cloud() -> None:
    """On the publish pool: boto3 and supabase are imported there, never on the UI thread."""
    from vidstudio.cloud.factory import warm_up

    warm_up()


def register_settings_pages() -> None:
    """Settings → Brand, → Publishing and → Rendering (registering again replaces them)."""
    register_page(
        _publish_settings_page,
        lambda: QCoreApplication.translate("PublishSettingsPage", "Publishing"),
        key="publish",
        order=20,
    )
    register_page(RenderSettingsPage, rendering_title, key="render", order=30)
    register_page(BrandSettingsPage, brand_title, key="brand", order=40)


def _section(text_holder: list[QLabel]) -> QLabel:
    title = label("sectionTitle")
    text_holder.append(title)
    return title


class MainWindow(QMainWindow):
    """The vidstudio window.

    Signals:
        photo_loaded(Path): a photo or clip was added to the editor.
    """

    photo_loaded = Signal(Path)

    def __init__(
        self,
        store: JobStore,
        settings: Settings,
        *,
        templates_dir: Path | None = None,
        render_scale: float = 1.0,
        persist_settings: bool = True,
        clients_factory: ClientsFactory | None = None,
        publish_policy: RetryPolicy | None = None,
        publish_after: Callable[[], bool] | None = None,
        backend_factory: BackendFactory | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``clients_factory`` makes the cloud clients (called in worker threads);
        ``publish_after`` says whether a finished render is published at once (default:
        Settings → Publishing);
        ``backend_factory`` gives the render backend (default: "Render on" in the settings).
        The publish queue starts once the window is up (its cloud libraries take a moment to
        load) or when first used."""
        super().__init__(parent)
        register_settings_pages()
        self.store = store
        # A render a crash or kill interrupted is failed, with that reason, before anything shows.
        self.recovered = store.recover_interrupted()
        self.settings = settings
        self.persist_settings = persist_settings
        self._templates_dir = templates_dir
        self.templates: list[Template] = list_templates(templates_dir)
        self.queue = JobQueue(
            store,
            templates_dir=templates_dir,
            scale=render_scale,
            backend_factory=backend_factory or self._settings_backend,
            parent=self,
        )
        # Publishing: the outbox is its record, the board what the window shows (in memory,
        # read once off the UI thread), the queue (made at START_PUBLISHING_MS) what does it.
        self.outbox = PublishOutbox()
        self.board = PublishBoard(parent=self)
        self._clients_factory: ClientsFactory = clients_factory or self._settings_clients
        self._publish_policy = publish_policy
        self._publish_queue: PublishQueue | None = None
        self._publish_after = publish_after or (lambda: self.settings.publish.publish_after_render)
        self.aspect: str = settings.defaults.aspect
        self.output_dir = settings.defaults.output_path()
        self._shown_job: str | None = None
        self._titles: list[QLabel] = []
        self._thumb_timer = QTimer(self)
        self._thumb_timer.setSingleShot(True)
        self._thumb_timer.setInterval(150)
        self._thumb_timer.timeout.connect(self._refresh_template_thumbnails)
        self._sound_timer = QTimer(self)
        self._sound_timer.setSingleShot(True)
        self._sound_timer.setInterval(SOUNDTRACK_DELAY_MS)
        self._sound_timer.timeout.connect(self._refresh_soundtrack)
        self._sound_key: object = None
        self._sound_generation = 0
        self.soundtrack_ready = False  # the preview has the sound of the current props (tests)
        self._clip_lengths: dict[Path, float] = {}
        self._details: dict[Path, str] = {}  # "4000 × 3000  ·  2.3 MB" for the item editor
        # The video's language and the words typed for each language (see ui/languages.py).
        self.language = default_video_language()
        self.language_texts = LanguageTexts()
        # The platform chosen in the editor when each render was queued: its preflight's (in memory).
        self.preflight_box: QMessageBox | None = None

        self._build()
        self._wire()
        self._apply_defaults()
        self.end_card.set_brands(saved_brands(settings), settings.brand.chosen)
        self._retranslate()
        self._restore_geometry()
        self._update_preview()

        if self.recovered:
            self.show_result(self.recovered[-1])
        self.queue.resume()
        workers.submit("network", self.outbox.entries, self.board.load, context=self)
        QTimer.singleShot(START_PUBLISHING_MS, self._start_publishing)

    # ================================================================ building
    def _build(self) -> None:
        self.setMinimumSize(1000, 660)
        self.resize(1280, 800)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)

        corner = QWidget()
        corner_row = QHBoxLayout(corner)
        corner_row.setContentsMargins(0, 0, 8, 0)
        self.settings_button = QToolButton()
        self.settings_button.setObjectName("topbar")
        self.about_button = QToolButton()
        self.about_button.setObjectName("topbar")
        corner_row.addWidget(self.settings_button)
        corner_row.addWidget(self.about_button)
        self.tabs.setCornerWidget(corner, Qt.Corner.TopRightCorner)

        # ---------------- editor: left column
        editor = QWidget()
        editor_row = QHBoxLayout(editor)
        editor_row.setContentsMargins(16, 12, 16, 16)
        editor_row.setSpacing(16)

        # The fields scroll on a short screen; the Render buttons stay in view below them.
        left = QWidget()
        left.setObjectName("fields")
        left_col = QVBoxLayout(left)
        left_col.setContentsMargins(16, 14, 16, 8)
        left_col.setSpacing(6)

        self.photo_label = _section(self._titles)
        self.media_strip = MediaStrip()
        self.drop_zone = self.media_strip  # where files are dropped (the 0.1 name, kept for callers)
        self.choice_bar = ChoiceBar()
        self.media_editor = MediaEditor()
        self.photo_error = label("error", wrap=True)
        self.photo_error.hide()
        self.duration_label = _section(self._titles)
        self.duration_picker = DurationPicker()
        self.platform_hint = label("hint", wrap=True)
        self.platform_hint.setProperty("warning", True)
        self.platform_hint.hide()
        self.music_label = _section(self._titles)
        self.music_row = MusicRow()

        self.language_label = _section(self._titles)
        self.language_combo = VideoLanguageCombo()
        self.language_combo.set_language(self.language)
        language_row = QHBoxLayout()
        language_row.setSpacing(12)
        language_row.addWidget(self.language_label)
        language_row.addWidget(self.language_combo, 1)
        self.end_card = EndCardSection()
        self.end_card.set_language(self.language)

        self.title_label = _section(self._titles)
        self.title_edit = QLineEdit()
        self.title_edit.setMaxLength(MAX_TITLE)
        self.title_hint = label("hint", wrap=True)
        self.subtitle_label = _section(self._titles)
        self.subtitle_edit = QLineEdit()
        self.subtitle_edit.setMaxLength(MAX_SUBTITLE)
        self.subtitle_hint = label("hint", wrap=True)

        self.template_label = _section(self._titles)
        self.template_list = QListWidget()
        self.template_list.setObjectName("templates")
        self.template_list.setViewMode(QListWidget.ViewMode.IconMode)
        self.template_list.setFlow(QListWidget.Flow.LeftToRight)
        self.template_list.setWrapping(False)
        self.template_list.setMovement(QListWidget.Movement.Static)
        self.template_list.setIconSize(TEMPLATE_ICON)
        self.template_list.setSpacing(2)
        self.template_list.setFixedHeight(TEMPLATE_ICON.height() + 38)
        self.template_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.template_list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for template in self.templates:
            item = QListWidgetItem(template.display_name(current_language()))
            item.setData(Qt.ItemDataRole.UserRole, template.id)
            item.setSizeHint(QSize(TEMPLATE_ICON.width() + 12, TEMPLATE_ICON.height() + 34))
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
            self.template_list.addItem(item)

        self.aspect_label = _section(self._titles)
        aspect_row = QHBoxLayout()
        aspect_row.setSpacing(0)
        self.aspect_group = QButtonGroup(self)
        self.aspect_buttons: dict[str, QToolButton] = {}
        for aspect in ASPECTS:
            button = QToolButton()
            button.setObjectName("segment")
            button.setCheckable(True)
            button.setText(aspect)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            self.aspect_group.addButton(button)
            self.aspect_buttons[aspect] = button
            aspect_row.addWidget(button)

        self.platform_label = _section(self._titles)
        self.platform_picker = PlatformPicker()

        self.quality_label = _section(self._titles)
        self.quality_combo = QComboBox()
        for key in ("draft", "standard", "high"):
            self.quality_combo.addItem(key, key)
        self.output_label = _section(self._titles)
        self.output_path_label = label("muted")
        self.output_path_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.output_button = QPushButton()
        output_row = QHBoxLayout()
        output_row.addWidget(self.output_path_label, 1)
        output_row.addWidget(self.output_button)

        quality_row = QHBoxLayout()
        quality_row.setSpacing(12)
        quality_row.addWidget(self.quality_label)
        quality_row.addWidget(self.quality_combo, 1)

        self.render_button = QPushButton()
        self.render_button.setObjectName("primary")
        self.render_button.setDefault(True)
        self.render_all_button = QPushButton()
        self.render_matrix_button = QPushButton()
        self.render_message = label("error", wrap=True)
        self.render_message.hide()

        def gap(height: int = 8) -> None:
            left_col.addSpacing(height)

        left_col.addWidget(self.photo_label)
        left_col.addWidget(self.media_strip)
        left_col.addWidget(self.choice_bar)
        left_col.addWidget(self.photo_error)
        left_col.addWidget(self.media_editor)
        gap()
        left_col.addLayout(language_row)
        gap(4)
        left_col.addWidget(self.title_label)
        left_col.addWidget(self.title_edit)
        left_col.addWidget(self.title_hint)
        gap(4)
        left_col.addWidget(self.subtitle_label)
        left_col.addWidget(self.subtitle_edit)
        left_col.addWidget(self.subtitle_hint)
        gap(4)
        left_col.addWidget(self.end_card)
        gap(4)
        left_col.addWidget(self.template_label)
        left_col.addWidget(self.template_list)
        left_col.addWidget(self.aspect_label)
        left_col.addLayout(aspect_row)
        gap(4)
        left_col.addWidget(self.platform_label)
        left_col.addWidget(self.platform_picker)
        gap(4)
        left_col.addWidget(self.duration_label)
        left_col.addWidget(self.duration_picker)
        left_col.addWidget(self.platform_hint)
        gap(4)
        left_col.addWidget(self.music_label)
        left_col.addWidget(self.music_row)
        gap()
        left_col.addLayout(quality_row)
        gap(4)
        left_col.addWidget(self.output_label)
        left_col.addLayout(output_row)
        left_col.addStretch(1)

        scroll = QScrollArea()
        self.fields_scroll = scroll
        scroll.setWidgetResizable(True)
        scroll.setWidget(left)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setStyleSheet(
            "QScrollArea { background: transparent; } QWidget#fields { background: transparent; }"
        )
        card = QFrame()
        card.setObjectName("card")
        card.setFixedWidth(LEFT_WIDTH)
        card_col = QVBoxLayout(card)
        card_col.setContentsMargins(1, 1, 1, 16)
        card_col.setSpacing(6)
        card_col.addWidget(scroll, 1)
        for widgets in (
            (self.render_message,),
            (self.render_button,),
            # One a row: side by side, the Spanish texts were cut off in the 348 px column.
            (self.render_all_button,),
            (self.render_matrix_button,),
        ):
            row = QHBoxLayout()
            row.setContentsMargins(15, 0, 15, 0)
            for widget in widgets:
                row.addWidget(widget)
            card_col.addLayout(row)

        # ---------------- editor: right column
        right = QVBoxLayout()
        right.setSpacing(12)
        self.preview = PreviewPanel()
        self.progress_panel = ProgressPanel()
        self.progress_panel.hide()
        self.result_card = ResultCard()
        self.result_card.hide()
        self.queue_view = QueueView(self._template_name, publish_status=self.publish_status)
        # The cards and the queue share a fixed room below the preview, so the preview keeps its
        # size when a render starts or ends (it shrank by the card's ~130 px): a card takes the
        # top of the room and the queue the rest.
        self.queue_view.setMinimumHeight(QUEUE_MIN_HEIGHT)
        self.cards = QWidget()
        cards_col = QVBoxLayout(self.cards)
        cards_col.setContentsMargins(0, 0, 0, 0)
        cards_col.setSpacing(12)
        cards_col.addWidget(self.progress_panel)
        cards_col.addWidget(self.result_card)
        cards_col.addWidget(self.queue_view, 1)
        self.cards.setFixedHeight(BELOW_PREVIEW)
        right.addWidget(self.preview, 1)
        right.addWidget(self.cards)

        editor_row.addWidget(card)
        editor_row.addLayout(right, 1)

        self.history = HistoryView(
            self.store, publish_status=self.publish_status, publishing_set_up=self.publishing_set_up
        )
        self.tabs.addTab(editor, "")
        self.tabs.addTab(self.history, "")

        # ---------------- shortcuts
        self.open_shortcut = QShortcut(QKeySequence.StandardKey.Open, self)
        self.render_shortcut = QShortcut(QKeySequence("Ctrl+R"), self)
        self.play_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Space), self)
        self.cancel_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        self.paste_shortcut = QShortcut(QKeySequence.StandardKey.Paste, self)

        chain: list[QWidget] = [
            self.media_strip.list,
            self.language_combo,
            self.title_edit,
            self.subtitle_edit,
            *self.end_card.focus_chain(),
            self.template_list,
            self.aspect_buttons["16:9"],
        ]
        for before, after in pairwise(chain):
            self.setTabOrder(before, after)
        self.setTabOrder(self.aspect_buttons["4:5"], self.platform_picker.combo)
        self.setTabOrder(self.platform_picker.combo, self.platform_picker.zones_toggle)
        self.setTabOrder(self.platform_picker.zones_toggle, self.quality_combo)
        self.setTabOrder(self.quality_combo, self.output_button)
        self.setTabOrder(self.output_button, self.render_button)
        self.setTabOrder(self.render_button, self.render_all_button)

    def _wire(self) -> None:
        self.media_strip.files_dropped.connect(self.load_photos)
        self.media_strip.browse_requested.connect(self.browse_photo)
        self.media_strip.changed.connect(self._on_media_changed)
        self.media_strip.current_changed.connect(self._on_media_selected)
        self.media_editor.item_changed.connect(self._on_item_edited)
        self.choice_bar.chosen.connect(self._on_choice)
        self.duration_picker.changed.connect(self._on_duration_changed)
        self.music_row.changed.connect(self._on_music_changed)
        self.preview.canvas.focus_clicked.connect(self.set_focus)
        self.title_edit.textChanged.connect(self._on_text_changed)
        self.subtitle_edit.textChanged.connect(self._on_text_changed)
        self.template_list.currentItemChanged.connect(lambda *_: self._on_choice_changed())
        self.aspect_group.buttonClicked.connect(self._on_aspect_clicked)
        self.output_button.clicked.connect(self.choose_output_folder)
        self.render_button.clicked.connect(self.start_render)
        self.render_all_button.clicked.connect(self.render_all_aspects)
        self.render_matrix_button.clicked.connect(lambda: self.open_render_matrix())
        self.language_combo.currentIndexChanged.connect(
            lambda _i: self.set_language(self.language_combo.language())
        )
        self._end_card_refused = False
        self.end_card.changed.connect(self._on_end_card_changed)
        self.end_card.edited.connect(self.show_end_card)
        self.platform_picker.changed.connect(self._on_platform_changed)
        self.platform_picker.aspect_wanted.connect(self.set_aspect)
        self.settings_button.clicked.connect(self.open_settings)
        self.about_button.clicked.connect(self.open_about)
        self.progress_panel.cancel_requested.connect(self.cancel_render)
        self.result_card.dismissed.connect(self.result_card.hide)
        self.open_shortcut.activated.connect(self.browse_photo)
        self.render_shortcut.activated.connect(self.start_render)
        self.play_shortcut.activated.connect(self.preview.canvas.toggle)
        self.cancel_shortcut.activated.connect(self.cancel_render)
        self.paste_shortcut.activated.connect(self.paste)
        self.queue_view.remove_requested.connect(self.queue.remove)
        self.queue.job_added.connect(self.queue_view.add_job)
        self.queue.job_changed.connect(self._on_job_changed)
        self.queue.progress.connect(self._on_progress)
        self.queue.job_finished.connect(self._on_job_done)
        self.queue.job_failed.connect(self._on_job_done)
        self.history.open_requested.connect(self.load_job)
        self.history.rerender_requested.connect(self.rerender)
        self.history.publish_requested.connect(lambda job: self.publish(job.id))
        self.history.link_requested.connect(lambda job: self.copy_link(job.id))
        self.result_card.publish_requested.connect(self.publish)
        self.result_card.link_requested.connect(self.copy_link)
        self.board.changed.connect(self._on_publish_changed)

    def _apply_defaults(self) -> None:
        defaults = self.settings.defaults
        self._select_template(defaults.template)
        self.aspect_buttons.get(defaults.aspect, self.aspect_buttons["16:9"]).setChecked(True)
        self.aspect = defaults.aspect
        self.platform_picker.set_aspect(self.aspect)
        index = self.quality_combo.findData(defaults.quality)
        self.quality_combo.setCurrentIndex(max(0, index))
        self.output_dir = defaults.output_path()
        self._show_output_dir()

    def _select_template(self, template_id: str) -> None:
        for row in range(self.template_list.count()):
            item = self.template_list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == template_id:
                self.template_list.setCurrentItem(item)
                return
        if self.template_list.count():
            self.template_list.setCurrentRow(0)

    # ================================================================ texts
    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("vidstudio"))
        self.tabs.setTabText(0, self.tr("Create"))
        self.tabs.setTabText(1, self.tr("History"))
        self.settings_button.setText(self.tr("Settings"))
        self.settings_button.setToolTip(self.tr("Defaults and language"))
        self.about_button.setText(self.tr("About"))
        self.about_button.setToolTip(self.tr("Versions and licences"))
        self.photo_label.setText(self.tr("Photos and clips"))
        self.duration_label.setText(self.tr("Length"))
        self.music_label.setText(self.tr("Music"))
        self.title_label.setText(self.tr("Title"))
        self.title_edit.setPlaceholderText(self.tr("e.g. Nismara Pool Villa"))
        self.title_edit.setAccessibleName(self.tr("Title"))
        self.subtitle_label.setText(self.tr("Subtitle"))
        self.subtitle_edit.setPlaceholderText(self.tr("e.g. Your private escape in Bali"))
        self.subtitle_edit.setAccessibleName(self.tr("Subtitle"))
        self.template_label.setText(self.tr("Template"))
        self.aspect_label.setText(self.tr("Aspect"))
        tips = {
            "16:9": self.tr("Landscape: YouTube, websites"),
            "9:16": self.tr("Vertical: Reels, Stories, TikTok"),
            "1:1": self.tr("Square: feed posts"),
            "4:5": self.tr("Portrait: Instagram feed"),
        }
        for aspect, button in self.aspect_buttons.items():
            button.setToolTip(tips[aspect])
        self.quality_label.setText(self.tr("Quality"))
        for index, name in enumerate(quality_names().values()):
            self.quality_combo.setItemText(index, name)
        self.output_label.setText(self.tr("Save videos to"))
        self.output_button.setText(self.tr("Change…"))
        self.output_button.setToolTip(self.tr("Choose the folder for new videos"))
        self.render_button.setText(self.tr("Render video"))
        self.render_button.setToolTip(self.tr("Make the video (Ctrl+R)"))
        self.render_all_button.setText(self.tr("Render all aspects"))
        self.render_all_button.setToolTip(self.tr("Queue the same video in 16:9, 9:16, 1:1 and 4:5"))
        self.render_matrix_button.setText(self.tr("Languages × aspects…"))
        self.render_matrix_button.setToolTip(
            self.tr("Queue the video in several languages and aspects at once")
        )
        self.platform_label.setText(self.tr("Platform"))
        self._on_platform_changed()  # the zones' names and the length hint in the new language
        self.language_label.setText(self.tr("Video language"))
        self.language_combo.setToolTip(self.tr("The language of the words in the video"))
        for row in range(self.template_list.count()):
            item = self.template_list.item(row)
            template = self._template_by_id(item.data(Qt.ItemDataRole.UserRole))
            if template is not None:
                item.setText(template.display_name(current_language()))
                item.setToolTip(
                    template.description.get(current_language()) or template.description.get("en", "")
                )
        self._validate_text()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # ================================================================ editor state
    def _template_name(self, template_id: str) -> str:
        template = self._template_by_id(template_id)
        return template.display_name(current_language()) if template else template_id

    def _template_by_id(self, template_id: str) -> Template | None:
        return next((t for t in self.templates if t.id == template_id), None)

    def current_template(self) -> Template | None:
        item = self.template_list.currentItem()
        return self._template_by_id(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def current_props(self) -> Props:
        """The video as shown: the listing is the last one that could be used (see end_card)."""
        return Props(
            title=self.title_edit.text().strip(),
            subtitle=self.subtitle_edit.text().strip(),
            media=self.media_strip.items(),
            music=self.music_row.music(),
            duration=self.duration_picker.value(),
            logo=self.end_card.video_logo(),
            cta=self.end_card.cta_text(),
            listing=self.end_card.listing(),
            brand=self.end_card.current_brand(),
            language=self.language,
        )

    # ================================================================ video language
    def typed_texts(self) -> dict[str, str]:
        """The words of the language shown now, as typed."""
        return {
            "title": self.title_edit.text(),
            "subtitle": self.subtitle_edit.text(),
            **self.end_card.texts(),
        }

    def set_language(self, language: str) -> None:
        """Show ``language``'s words (the ones typed now are kept for the language left)."""
        if language == self.language:
            return
        if self.language:
            self.language_texts.set(self.language, self.typed_texts())
        self.language = language
        self.language_combo.blockSignals(True)
        self.language_combo.set_language(language)
        self.language_combo.blockSignals(False)
        texts = self.language_texts.get(language)
        direction = Qt.LayoutDirection.RightToLeft if is_rtl(language) else Qt.LayoutDirection.LeftToRight
        for edit, name in ((self.title_edit, "title"), (self.subtitle_edit, "subtitle")):
            edit.blockSignals(True)
            edit.setText(texts[name])
            edit.setLayoutDirection(direction)
            edit.blockSignals(False)
        self.end_card.set_language(language, texts["title"])
        self.end_card.set_texts(texts)  # checks and emits changed: the preview follows
        self._on_text_changed()

    def props_for(self, language: str) -> Props:
        """The video in ``language`` (its own words, everything else shared); raises PropsError
        when that language's listing texts cannot be used."""
        if language == self.language:
            return self.current_props()
        texts = self.language_texts.get(language)
        return self.current_props().replace(
            title=texts["title"].strip(),
            subtitle=texts["subtitle"].strip(),
            cta=texts["cta"].strip(),
            listing=self.end_card.listing_for(texts),
            language=language,
        )

    def languages_with_title(self) -> list[str]:
        self.language_texts.set(self.language, self.typed_texts())
        return self.language_texts.with_title()

    def open_render_matrix(self) -> RenderMatrixDialog:
        """ "Languages × aspects…": a small dialog; OK queues every combination."""
        template = self.current_template()
        aspects = list(template.aspects if template else ASPECTS)
        languages = self.languages_with_title() or [self.language]
        dialog = RenderMatrixDialog(languages, aspects, (self.language, self.aspect), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.render_matrix(*dialog.chosen()))
        dialog.open()
        return dialog

    def render_matrix(self, languages: list[str], aspects: list[str]) -> list[Job]:
        """Queue the video in each of ``languages`` at each of ``aspects`` (stops at the first refusal)."""
        self.end_card.flush()
        jobs: list[Job] = []
        for language in languages:
            try:
                props = self.props_for(language)
            except UserError as exc:
                self._show_render_message(exc.translated(QCoreApplication.translate))
                return jobs
            for aspect in aspects:
                job = self._submit(props, aspect)
                if job is None:
                    return jobs
                jobs.append(job)
        return jobs

    def show_end_card(self) -> None:
        """Editing the end card shows it: the preview goes to the video's last frame (paused)."""
        canvas = self.preview.canvas
        if canvas.template is not None and not canvas.playing:
            canvas.set_frame(canvas.frame_count - 1)

    def _on_end_card_changed(self) -> None:
        self._update_preview()
        self._thumb_timer.start()
        if self._end_card_refused and not self.end_card.problem():
            self._end_card_refused = False  # the field was fixed: its sentence above Render goes
            self._show_render_message("")

    @property
    def photo(self) -> Path | None:
        """The first photo of the video (None: there is none)."""
        return self.current_props().photo

    def _update_preview(self) -> None:
        self.preview.set_content(self.current_template(), self.current_props(), self.aspect)
        self.preview.canvas.focus_index = self.media_strip.current_index()
        self._sound_timer.start()

    def _on_text_changed(self) -> None:
        self.end_card.set_title(self.title_edit.text())
        self._validate_text()
        self._update_preview()
        self._thumb_timer.start()

    def _on_choice_changed(self) -> None:
        template = self.current_template()
        if template is not None:
            for aspect, button in self.aspect_buttons.items():
                button.setEnabled(aspect in template.aspects)
            self.duration_picker.set_template_length(template.duration)
        self._show_length_hint()
        self._validate_text()
        self._update_preview()

    def _on_aspect_clicked(self, button: QToolButton) -> None:
        self.aspect = button.text()
        self.platform_picker.set_aspect(self.aspect)
        self._validate_text()
        self._update_preview()

    def set_aspect(self, aspect: str) -> None:
        """Show the video at ``aspect`` (a platform chosen that shows it full screen)."""
        button = self.aspect_buttons.get(aspect)
        if button is None or not button.isEnabled() or aspect == self.aspect:
            return
        button.setChecked(True)
        self._on_aspect_clicked(button)

    def _on_platform_changed(self) -> None:
        self.preview.canvas.set_zones(self.platform_picker.zones())
        self._show_length_hint()

    def _show_length_hint(self) -> None:
        hint = length_hint(self.platform_picker.platform(), self.duration_picker.seconds())
        self.platform_hint.setText(hint)
        self.platform_hint.setVisible(bool(hint))

    def _validate_text(self) -> None:
        template = self.current_template()
        props = self.current_props()
        title_hint = ""
        title_warning = False
        subtitle_hint = ""
        subtitle_warning = False
        if not props.title:
            title_hint = self.tr("A title is needed.")
            title_warning = bool(self.title_edit.isModified())
        if template is not None and (props.title or props.subtitle):
            try:
                blocks = text_layout(template, props, self.aspect)
            except RenderError:
                blocks = []
            for block in blocks:
                if block.text.strip() == props.title and props.title:
                    title_hint, title_warning = self._fit_hint(block.shrunk, block.truncated)
                elif block.text.strip() == props.subtitle and props.subtitle:
                    subtitle_hint, subtitle_warning = self._fit_hint(block.shrunk, block.truncated)
        if props.title and not title_hint:
            title_hint = (
                self.tr("%1 of %2 characters")
                .replace("%1", str(len(props.title)))
                .replace("%2", str(MAX_TITLE))
            )
        self._set_hint(self.title_hint, self.title_edit, title_hint, title_warning)
        self._set_hint(self.subtitle_hint, self.subtitle_edit, subtitle_hint, subtitle_warning)

    def _fit_hint(self, shrunk: bool, truncated: bool) -> tuple[str, bool]:
        if truncated:
            return self.tr("Too long to fit: the end will be cut off. Shorten it."), True
        if shrunk:
            return self.tr("Long text: it will be shown smaller to fit."), True
        return "", False

    @staticmethod
    def _set_hint(hint: QLabel, edit: QLineEdit, text: str, warning: bool) -> None:
        hint.setText(text)
        hint.setVisible(bool(text))
        hint.setProperty("warning", warning)
        edit.setProperty("invalid", warning and not edit.text().strip())
        repolish(hint)
        repolish(edit)

    # ================================================================ media
    def browse_photo(self) -> None:
        """Ctrl+O: choose photos and clips (several at once)."""
        photos = " ".join(f"*{suffix}" for suffix in PHOTO_SUFFIXES)
        clips = " ".join(f"*{suffix}" for suffix in VIDEO_SUFFIXES)
        first = self.media_strip.items()
        files, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("Choose photos and clips"),
            str(first[-1].path.parent) if first else str(Path.home()),
            ";;".join(
                (
                    self.tr("Photos and clips (%1)").replace("%1", f"{photos} {clips}"),
                    self.tr("Photos (%1)").replace("%1", photos),
                    self.tr("Clips (%1)").replace("%1", clips),
                )
            ),
        )
        if files:
            self.load_photos([Path(f) for f in files])

    def paste(self) -> None:
        clipboard = QGuiApplication.clipboard()
        mime = clipboard.mimeData() if clipboard else None
        if mime is None:
            return
        if mime.hasUrls():
            files = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
            if files:
                self.load_photos(files)
                return
        if mime.hasImage():
            image = clipboard.image()
            if image.isNull():
                return
            folder = paths.data_dir() / "pasted"
            folder.mkdir(parents=True, exist_ok=True)
            target = folder / time.strftime("pasted-%Y%m%d-%H%M%S.png")
            if image.save(str(target)):
                self.load_photos([target])
            else:
                self._photo_problem(self.tr("The pasted image could not be saved."))

    def load_photos(self, files: list[Path]) -> None:
        """Files dropped, chosen, pasted or handed over by a second launch.

        Each usable photo or clip is checked (one sentence for each that cannot be used, and it
        is not added); a music file becomes the music.  When the strip would hold several items,
        the choice bar asks once: one tour, or one video each.
        """
        files = [Path(f) for f in files]
        music = [f for f in files if media_kind(f) == "music"]
        wanted = [f for f in files if media_kind(f) in ("photo", "clip")]
        rejected = [f for f in files if not media_kind(f)]
        problems: list[str] = []
        if rejected:
            names = ", ".join(f.name for f in rejected[:3])
            problems.append(
                self.tr(
                    "%1 is not a photo or clip vidstudio can use. Use a JPEG, PNG, WebP, BMP, TIFF or GIF "
                    "photo, or an MP4, MOV or WebM clip."
                ).replace("%1", names)
            )
        if music:
            self.music_row.set_file(music[0])
        good: list[Path] = []
        for path in wanted:
            problem = self._check_file(path)
            if problem:
                problems.append(problem)
            else:
                good.append(path)
        self._photo_problem("\n".join(problems))
        if not good:
            return
        if self.media_strip.count() + len(good) > 1:
            self.choice_bar.ask(good)
            return
        self._add_to_tour(good)

    def _check_file(self, path: Path) -> str:
        """ "" when ``path`` can be used, else the sentence that says why (naming it)."""
        try:
            if media_kind(path) == "clip":
                from vidstudio.render.clips import probe_clip

                clip = probe_clip(path)
                self._clip_lengths[path] = clip.duration
                self._details[path] = media_detail(clip.width, clip.height, clip.file_size, clip.duration)
            else:
                photo = probe_image(path)
                self._details[path] = media_detail(photo.width, photo.height, photo.file_size)
        except RenderError as exc:
            return shown(exc.sentence)
        except ImportError:  # a build without clips
            return self.tr("%1 cannot be used: this version of vidstudio cannot read video clips.").replace(
                "%1", path.name
            )
        return ""

    def _on_choice(self, choice: str, files: list[Path]) -> None:
        if choice == "tour":
            self._add_to_tour(files)
        else:
            self._queue_each(files)

    def _add_to_tour(self, files: list[Path]) -> None:
        room = MAX_MEDIA - self.media_strip.count()
        taken, left = files[: max(0, room)], files[max(0, room) :]
        if left:
            self._photo_problem(
                self.tr("A video can have at most %1 photos and clips: %2 not added.")
                .replace("%1", str(MAX_MEDIA))
                .replace("%2", ", ".join(f.name for f in left[:3]) + ("…" if len(left) > 3 else ""))
            )
        if not taken:
            return
        self.media_strip.add([MediaItem(path) for path in taken], self._clip_lengths)
        self.photo_loaded.emit(taken[0])

    def set_media(self, items: list[MediaItem]) -> None:
        """Replace the video's photos and clips (History, tests)."""
        self.choice_bar.dismiss()
        self.media_strip.set_items(items[:MAX_MEDIA], self._clip_lengths)

    def _photo_problem(self, message: str) -> None:
        self.photo_error.setText(message)
        self.photo_error.setVisible(bool(message))

    def _on_media_changed(self) -> None:
        self._on_media_selected(self.media_strip.current_index())
        self._update_preview()
        self._thumb_timer.start()

    def _on_media_selected(self, row: int) -> None:
        item = self.media_strip.current_item()
        if item is not None and item.path not in self._details:
            self._check_file(item.path)  # set from History or a test: probed once, for its details
        self.media_editor.show_item(
            item,
            self._clip_lengths.get(item.path) if item else None,
            self._details.get(item.path, "") if item else "",
        )
        self.preview.canvas.focus_index = row
        template = self.current_template()
        canvas = self.preview.canvas
        if item is None or template is None or canvas.playing:
            canvas.update()
            return
        # Selecting a photo shows it in the preview, where a click sets its focus point.
        line = timeline(template, self.current_props())
        if 0 <= row < len(line.scenes):
            scene = line.scenes[row]
            if not scene.start <= canvas.time() < scene.end or line.scene_at(canvas.time()) is not scene:
                self.preview.canvas.set_frame(round(line.middle(row) * template.fps))
        canvas.update()

    def _on_item_edited(self, item: MediaItem) -> None:
        self.media_strip.replace_item(self.media_strip.current_index(), item)

    def set_focus(self, index: int, fx: float, fy: float) -> None:
        """A click on the preview: what stays in frame for media item ``index``."""
        items = self.media_strip.items()
        if not 0 <= index < len(items):
            return
        item = replace(items[index], focus=(fx, fy))
        if self.media_strip.current_index() != index:
            self.media_strip.list.blockSignals(True)
            self.media_strip.select(index)
            self.media_strip.list.blockSignals(False)
        self.media_strip.replace_item(index, item)
        self.media_editor.set_focus_point(item)

    def _on_duration_changed(self) -> None:
        self._show_length_hint()
        self._update_preview()
        self._thumb_timer.start()

    def _on_music_changed(self) -> None:
        self._update_preview()

    # ================================================================ preview sound
    def _refresh_soundtrack(self) -> None:
        """Make the preview's soundtrack for the current music, length and clips, off this thread."""
        template = self.current_template()
        props = self.current_props()
        kept = tuple(item for item in props.media if item.kind == "clip" and item.keep_sound)
        wanted = props.music is not None or bool(kept)
        key = (id(template), props.music, props.duration, props.media if kept else ()) if wanted else None
        if key == self._sound_key:
            return
        self._sound_key = key
        self._sound_generation += 1
        generation = self._sound_generation
        self.soundtrack_ready = False
        if template is None or key is None:
            self.preview.canvas.set_soundtrack(None)
            self.soundtrack_ready = True
            return

        def make() -> object:
            try:
                return preview_soundtrack(template, props, lambda: generation != self._sound_generation)
            except Cancelled:
                return None
            except RenderError as exc:
                return exc.sentence
            except ImportError:
                log.warning("no soundtrack in the preview: render.audio is not available")
                return None

        def done(result: object) -> None:
            if generation != self._sound_generation:
                return
            if isinstance(result, Message):
                self.music_row.show_problem(shown(result))
                result = None
            self.preview.canvas.set_soundtrack(result)
            self.soundtrack_ready = True

        workers.submit("network", make, done, context=self)

    def _queue_each(self, files: list[Path]) -> None:
        """One video for each file, with the words, length, music and choices shown now."""
        self.end_card.flush()
        props = self.current_props()
        if not props.title:
            # Asked again, so the files are not lost while the title is typed.
            self.choice_bar.ask(files)
            self.title_edit.setFocus()
            self._show_render_message(
                self.tr("Type a title first: each of the %1 videos uses it.").replace("%1", str(len(files)))
            )
            return
        for path in files:
            self._submit(props.replace(media=(MediaItem(path),)), self.aspect)

    def _refresh_template_thumbnails(self) -> None:
        props = self.current_props()
        sample = props.replace(title=props.title or self.tr("Your title"), music=None)
        size = QSize(TEMPLATE_ICON.width() * 2, TEMPLATE_ICON.height() * 2)
        for row in range(self.template_list.count()):
            item = self.template_list.item(row)
            template = self._template_by_id(item.data(Qt.ItemDataRole.UserRole))
            if template is None:
                continue
            try:
                image = render_frame_image(template, sample, poster_frame(template, sample), size)
            except RenderError:
                continue
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(2.0)
            item.setIcon(QIcon(pixmap))

    # ================================================================ output
    def choose_output_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Save videos to"), str(self.output_dir))
        if folder:
            self.output_dir = Path(folder)
            self.settings.defaults.output_dir = folder
            self._show_output_dir()
            self._save_settings()

    def _show_output_dir(self) -> None:
        text = str(self.output_dir)
        metrics = self.output_path_label.fontMetrics()
        self.output_path_label.setText(
            metrics.elidedText(text, Qt.TextElideMode.ElideMiddle, LEFT_WIDTH - 150)
        )
        self.output_path_label.setToolTip(text)

    # ================================================================ rendering
    def _show_render_message(self, message: str) -> None:
        self.render_message.setText(message)
        self.render_message.setVisible(bool(message))

    def _submit(
        self, props: Props, aspect: str, template_id: str | None = None, quality: str | None = None
    ) -> Job | None:
        template = self._template_by_id(template_id) if template_id else self.current_template()
        if template is None:
            self._show_render_message(self.tr("Choose a template."))
            return None
        if not props.media:
            self._show_render_message(self.tr("Add a photo or clip first: drop them on the strip above."))
            return None
        if not props.title:
            self.title_edit.setFocus()
            self._set_hint(self.title_hint, self.title_edit, self.tr("A title is needed."), True)
            self._show_render_message(self.tr("Type a title first."))
            return None
        problem = self.end_card.problem()
        self._end_card_refused = bool(problem)
        if problem:  # what was typed stays; the sentence is under its field and here
            self.end_card.set_expanded(True)
            self._show_render_message(problem)
            return None
        # The platform it is meant for goes with the job, so preflight checks it before
        # publishing even after a restart.
        platform = self.platform_picker.platform()
        extra = {"platform": platform.id} if platform is not None and aspect in platform.accepts else {}
        result = self.queue.submit(
            template.id, aspect, quality or self.quality_combo.currentData(), props, self.output_dir, extra
        )
        if not isinstance(result, Job):
            self._show_render_message(shown(result))
            return None
        self._show_render_message("")
        return result

    def start_render(self) -> Job | None:
        """Queue the video as shown in the editor (Ctrl+R)."""
        self.end_card.flush()
        return self._submit(self.current_props(), self.aspect)

    def render_all_aspects(self) -> list[Job]:
        self.end_card.flush()
        template = self.current_template()
        aspects = template.aspects if template else list(ASPECTS)
        jobs = []
        for aspect in aspects:
            job = self._submit(self.current_props(), aspect)
            if job is None:
                break
            jobs.append(job)
        return jobs

    def rerender(self, job: Job) -> Job | None:
        self.load_job(job)
        return self._submit(Props.from_json(job.props), job.aspect, job.template, job.quality)

    def cancel_render(self) -> None:
        """Esc: stop the running render."""
        if self.queue.busy:
            self.queue.cancel_current()
            self.progress_panel.set_cancelling()

    def load_job(self, job: Job) -> None:
        """Put a history entry's media, words, length, music and choices back into the editor.

        A file moved or deleted since is named in one sentence; the rest still opens.
        """
        props = Props.from_json(job.props)
        self.language_texts.clear()
        self.language = ""  # set_language below shows the video's words, keeping none of these
        self.set_language(props.language)
        self.title_edit.setText(props.title)
        self.subtitle_edit.setText(props.subtitle)
        self.end_card.select_brand(props.brand)
        self.end_card.set_video_logo(props.logo)
        self.end_card.set_listing(props.listing)
        self.end_card.set_texts({**props.listing.to_json(), "cta": props.cta})
        self._select_template(job.template)
        if job.aspect in self.aspect_buttons:
            self.aspect_buttons[job.aspect].setChecked(True)
            self.aspect = job.aspect
            self.platform_picker.set_aspect(job.aspect)
        index = self.quality_combo.findData(job.quality)
        if index >= 0:
            self.quality_combo.setCurrentIndex(index)
        missing = [item.path for item in props.media if not item.path.is_file()]
        kept = [item for item in props.media if item.path.is_file()]
        for item in kept:
            if item.kind == "clip" and item.path not in self._clip_lengths:
                self._check_file(item.path)
        self.set_media(kept)
        self.duration_picker.set_value(props.duration)
        music: Music | None = props.music
        if music is not None and not music.path.is_file():
            missing.append(music.path)
            music = None
        self.music_row.set_music(music)
        names = ", ".join(path.name for path in missing)
        if len(missing) == 1:
            self._photo_problem(
                self.tr("This file was moved or deleted since this video was made: %1").replace("%1", names)
            )
        elif missing:
            self._photo_problem(
                self.tr("These files were moved or deleted since this video was made: %1").replace(
                    "%1", names
                )
            )
        else:
            self._photo_problem("")
        self.tabs.setCurrentIndex(0)
        self._update_preview()

    def _on_job_changed(self, job: Job) -> None:
        self.queue_view.update_job(job)
        if job.state is JobState.RENDERING:
            self._shown_job = job.id
            self.progress_panel.start(job)
            self.progress_panel.show()
            self.result_card.hide()
        self.history.reload()

    def _on_progress(self, report: RenderProgress) -> None:
        if report.job_id == self._shown_job:
            self.progress_panel.update_progress(report)

    def _on_job_done(self, job: Job) -> None:
        if job.state is JobState.RENDERED and self._publish_after():
            self.publish(job.id, asked=False)
        if job.id == self._shown_job or not self.queue.busy:
            self.progress_panel.hide()
            self.show_result(job)

    def show_result(self, job: Job) -> None:
        self.result_card.show_job(job, self.publish_status(job), self.publishing_set_up())
        self.result_card.show()

    def _settings_backend(self, size: QSize) -> RenderBackend:
        """Called in the render worker: the backend of the window's current settings."""
        settings = self.settings.model_copy(deep=True)
        return make_backend(settings.render.policy, size=size, settings=settings)

    def _settings_clients(self) -> CloudClients:
        """Called in the publish worker: the clients of the window's current settings."""
        return clients_from_settings(self.settings.model_copy(deep=True))

    # ================================================================ publishing
    @property
    def publish_queue(self) -> PublishQueue:
        """The window's publish queue, made on first use."""
        if self._publish_queue is None:
            self._publish_queue = PublishQueue(
                self.outbox, self._clients_factory, policy=self._publish_policy, board=self.board, parent=self
            )
        return self._publish_queue

    def _start_publishing(self) -> None:
        """After the window is up: load the cloud libraries on the publish pool while the user
        has not started yet, then resume publishes a quit or crash interrupted."""
        if self.store.closed or self.queue.stopped:
            return
        if self.publishing_set_up():
            workers.start("publish", _warm_up_cloud)
        self.publish_queue.retry_due()

    def publish_status(self, job: Job) -> PublishStatus:
        """The job's publishing as the result card and History show it (from memory)."""
        return self.board.get(job.id)

    def publishing_set_up(self) -> bool:
        """Publishing has somewhere to go (not set up is a state: "Set up publishing…")."""
        return self.settings.publish.with_env().is_set_up()

    def publish(self, job_id: str, *, asked: bool = True) -> bool:
        """Publish (or retry) a rendered job; False when there is nothing to publish.

        When publishing is not set up, Settings → Publishing opens instead if the user
        ``asked`` (a Publish button); a render published by itself is left for later then.
        A render queued for a platform is checked against it first (:meth:`preflight_then`).
        """
        if not self.publishing_set_up():
            if asked:
                self.open_settings(page="publish")
            return False
        job = self.store.get(job_id)
        if job is None or job.state is not JobState.RENDERED or self.publish_queue.is_active(job_id):
            return False
        entry = self.outbox.get(job_id)
        if entry is not None and entry.published:
            return False
        platform_id = str(job.extra.get("platform") or "")
        if platform_id and job.output_path:
            self.preflight_then(job, platform_id)
            return True
        return self._publish_now(job_id)

    def preflight_then(self, job: Job, platform_id: str) -> None:
        """Check the MP4 against the platform off the UI thread; publish when it has nothing to
        say, else ask "Publish anyway" / "Cancel" with its sentences (never blocking a render)."""
        from vidstudio.render.platforms import get_platform

        platform = get_platform(platform_id)
        path = Path(job.output_path or "")

        def check() -> list[Message]:
            from vidstudio.render.preflight import preflight

            return preflight(path, platform)

        def done(found: list[Message]) -> None:
            if not found:
                self._publish_now(job.id)
                return
            self._ask_publish_anyway(job.id, platform_name(platform), [shown(m) for m in found])

        # Preflight only advises: should it fail after all, the video is published as asked.
        def failed(_exc: BaseException) -> None:
            self._publish_now(job.id)

        workers.submit("network", check, done, context=self, failed=failed)

    def _ask_publish_anyway(self, job_id: str, platform: str, problems: list[str]) -> QMessageBox:
        box = QMessageBox(self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Publish anyway?"))
        box.setText(self.tr("Before it goes to %1, this video may have a problem:").replace("%1", platform))
        box.setInformativeText("\n".join(f"• {problem}" for problem in problems))
        anyway = box.addButton(self.tr("Publish anyway"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)

        def answered(button: object) -> None:
            self.preflight_box = None
            if button is anyway:
                self._publish_now(job_id)

        box.buttonClicked.connect(answered)
        self.preflight_box = box
        box.open()
        return box

    def _publish_now(self, job_id: str) -> bool:
        """Publish the rendered job ``job_id`` (checked already by :meth:`publish`)."""
        job = self.store.get(job_id)
        if job is None:
            return False
        entry = self.outbox.get(job_id)
        if entry is not None:
            return self.publish_queue.submit(entry.request) is not None
        # The request kept with the job, or (for an older job) the builder run again, which
        # draws a full-size poster: on the publish pool, never on the UI thread.
        queue, templates = self.publish_queue, self._templates_dir
        self.board.set(job_id, PublishStatus("waiting"))

        def build() -> PublishRequest | Message:
            try:
                return request_for_job(job, templates)
            except PublishError as exc:
                return exc.sentence

        def submit(built: PublishRequest | Message) -> None:
            if isinstance(built, Message):
                self.board.set(job_id, PublishStatus("failed", error=built))
            else:
                queue.submit(built)

        workers.submit("publish", build, submit, context=self)
        return True

    def copy_link(self, job_id: str) -> None:
        """Copy link: a fresh link made from the outbox record (presigned links expire)."""
        entry = self.outbox.get(job_id)
        if entry is None or not entry.results.get("s3_key"):
            return
        factory = self._clients_factory

        def fetch() -> tuple[str, str]:
            clients = None
            try:
                clients = factory()
                return current_link(entry, clients), ""
            except PublishError as exc:
                return "", exc.translated(QCoreApplication.translate)
            except Exception as exc:  # Copy link always answers
                log.error("copy link failed: %s", type(exc).__name__)
                return "", unexpected().translated(QCoreApplication.translate)
            finally:
                if clients is not None:
                    clients.close()

        workers.submit("network", fetch, lambda answer: self._on_link(job_id, *answer), context=self)

    def _on_link(self, render_id: str, url: str, error: str) -> None:
        selected = self.history.selected_job()
        if self.tabs.currentWidget() is self.history and selected is not None and selected.id == render_id:
            self.history.link_copied(url, error)
        elif self.result_card.job is not None and self.result_card.job.id == render_id:
            self.result_card.link_copied(url, error)
        elif url:
            desktop.copy_text(url)

    def _on_publish_changed(self, render_ids: list[str]) -> None:
        """The board moved (at most 10 times a second): redraw what shows those renders."""
        shown_job = self.result_card.job
        if shown_job is not None and shown_job.id in render_ids:
            self.result_card.show_job(shown_job, self.publish_status(shown_job), self.publishing_set_up())
        for render_id in render_ids:
            self.queue_view.refresh_publish(render_id)
        self.history.refresh_publish(render_ids)

    # ================================================================ dialogs
    def open_settings(self, page: str | None = None) -> SettingsDialog:
        """Settings (on ``page``, a registered page's key, when given); deleted when closed."""
        dialog = SettingsDialog(self.settings, self.templates, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.applied.connect(self.apply_settings)
        if page is not None:
            dialog.show_page(page)
        dialog.open()
        return dialog

    def apply_settings(self, settings: Settings) -> None:
        language_changed = settings.interface.language != self.settings.interface.language
        self.settings = settings
        self._apply_defaults()
        self.end_card.set_brands(saved_brands(settings))
        self._save_settings()
        if language_changed:
            install_language(settings.interface.language)
        # Publishing may have been set up (or not) just now: the Publish buttons say so.
        if self.result_card.job is not None:
            self._on_publish_changed([self.result_card.job.id])
        self.history.refresh_publish([])

    def open_about(self) -> AboutDialog:
        dialog = AboutDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # ================================================================ window
    def _restore_geometry(self) -> None:
        geometry = self.settings.window.geometry
        if geometry:
            self.restoreGeometry(QByteArray.fromBase64(geometry.encode("ascii")))

    def _save_settings(self) -> None:
        if self.persist_settings:
            save_settings(self.settings)

    def preview_image(self) -> QImage:
        """The preview canvas as pixels (self-test, tests, screenshots)."""
        return self.preview.canvas.grab().toImage()

    def _shutdown_publishing(self) -> None:
        """Stop uploading; what was under way resumes at the next start (retry_due)."""
        if self._publish_queue is not None:
            self._publish_queue.shutdown()

    def work_at_risk(self) -> bool:
        """True when quitting now would cancel a render the user asked for.

        Publishing never counts: the outbox resumes it at the next start.  After
        ``queue.shutdown()`` nothing is at risk any more (the window closes without asking).
        """
        if self.queue.stopped or self.store.closed:
            return False
        return self.queue.busy or bool(self.store.queued())

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.store.closed:  # closed before, and the app let go of its database: nothing left
            super().closeEvent(event)
            return
        if self.work_at_risk():
            answer = QMessageBox.question(
                self,
                self.tr("Quit vidstudio?"),
                self.tr("A video is still being rendered. Quit and cancel it?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        self.preview.canvas.pause()
        self.preview.canvas.close_audio()
        self.queue.shutdown()
        self._shutdown_publishing()
        self.settings.window.geometry = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
        self._save_settings()
        super().closeEvent(event)
