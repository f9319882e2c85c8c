"""The look: Fusion with a calm light palette and one stylesheet."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from vidstudio.resources import resource_path

ACCENT = "#2563eb"
ACCENT_HOVER = "#1d4ed8"
ACCENT_PRESSED = "#1e40af"
WINDOW = "#f4f5f7"
CARD = "#ffffff"
BORDER = "#dfe3e8"
TEXT = "#1f2933"
MUTED = "#5f6b7a"
ERROR = "#b42318"
ERROR_BG = "#fef3f2"
SUCCESS = "#067647"
PREVIEW_BG = "#16191d"

CHEVRON = resource_path("icons", "chevron-down.svg").as_posix()

STYLESHEET = f"""
QWidget {{ color: {TEXT}; }}
QMainWindow, QDialog {{ background: {WINDOW}; }}
QFrame#card {{ background: {CARD}; border: 1px solid {BORDER}; border-radius: 10px; }}
QLabel#sectionTitle {{ font-weight: 600; color: {TEXT}; }}
QLabel#heading {{ font-size: 15pt; font-weight: 600; }}
QLabel#muted, QLabel#hint {{ color: {MUTED}; }}
QLabel#hint[warning="true"] {{ color: #b54708; }}
QLabel#error {{ color: {ERROR}; background: {ERROR_BG}; border: 1px solid #fecdca;
               border-radius: 6px; padding: 6px 8px; }}
QLabel#success {{ color: {SUCCESS}; font-weight: 600; }}
QLineEdit, QComboBox {{ background: {CARD}; border: 1px solid {BORDER}; border-radius: 6px;
                       padding: 5px 8px; min-height: 20px; }}
QLineEdit:focus, QComboBox:focus {{ border: 1px solid {ACCENT}; }}
QComboBox::drop-down {{ subcontrol-origin: padding; subcontrol-position: center right; width: 22px;
                       border: none; }}
QComboBox::down-arrow {{ image: url("{CHEVRON}"); width: 12px; height: 12px; margin-right: 8px; }}
QComboBox QAbstractItemView {{ background: {CARD}; border: 1px solid {BORDER};
                              selection-background-color: #e8efff; selection-color: {TEXT}; }}
QDialogButtonBox {{ dialogbuttonbox-buttons-have-icons: 0; }}
QLineEdit[invalid="true"] {{ border: 1px solid {ERROR}; }}
QPushButton {{ background: {CARD}; border: 1px solid {BORDER}; border-radius: 6px;
              padding: 6px 14px; min-height: 20px; }}
QPushButton:hover {{ background: #eef1f5; }}
QPushButton:pressed {{ background: #e3e8ee; }}
QPushButton:disabled {{ color: #9aa4b2; background: #f2f4f7; }}
QPushButton#primary {{ background: {ACCENT}; color: white; border: 1px solid {ACCENT};
                      font-weight: 600; font-size: 11pt; padding: 9px 18px; }}
QPushButton#primary:hover {{ background: {ACCENT_HOVER}; }}
QPushButton#primary:pressed {{ background: {ACCENT_PRESSED}; }}
QPushButton#primary:disabled {{ background: #a9c0f5; border-color: #a9c0f5; color: #f5f8ff; }}
QPushButton#accent {{ background: {ACCENT}; color: white; border: 1px solid {ACCENT};
                     font-weight: 600; }}
QPushButton#accent:hover {{ background: {ACCENT_HOVER}; }}
QPushButton#accent:disabled {{ background: #a9c0f5; border-color: #a9c0f5; color: #f5f8ff; }}
QPushButton#link {{ border: none; background: transparent; color: {ACCENT}; padding: 2px 4px; }}
QPushButton#link:hover {{ text-decoration: underline; }}
QToolButton#segment {{ background: {CARD}; border: 1px solid {BORDER}; padding: 5px 10px;
                      min-width: 42px; }}
QToolButton#segment:checked {{ background: #e8efff; border: 1px solid {ACCENT}; color: {ACCENT};
                              font-weight: 600; }}
QToolButton#play {{ border: none; border-radius: 16px; background: #2b3137; color: white;
                   min-width: 32px; min-height: 32px; font-size: 12pt; }}
QToolButton#play:hover {{ background: #3a424a; }}
QToolButton#topbar {{ border: none; padding: 6px 10px; border-radius: 6px; }}
QToolButton#topbar:hover {{ background: #e7eaee; }}
QProgressBar {{ background: #e8ebef; border: none; border-radius: 4px; height: 8px;
               text-align: center; }}
QProgressBar::chunk {{ background: {ACCENT}; border-radius: 4px; }}
QTabWidget::pane {{ border: none; }}
QTabBar::tab {{ background: transparent; padding: 8px 16px; margin-right: 4px; color: {MUTED};
               border-bottom: 2px solid transparent; font-weight: 600; }}
QTabBar::tab:first {{ margin-left: 12px; }}
QTabBar::tab:selected {{ color: {TEXT}; border-bottom: 2px solid {ACCENT}; }}
QTabBar::tab:hover {{ color: {TEXT}; }}
QListWidget {{ background: {CARD}; border: 1px solid {BORDER}; border-radius: 8px; padding: 4px; }}
QListWidget::item {{ border-radius: 6px; padding: 4px; }}
QListWidget::item:selected {{ background: #e8efff; color: {TEXT}; }}
QListWidget#templates {{ background: transparent; border: none; padding: 0; }}
QListWidget#templates::item {{ border: 2px solid transparent; border-radius: 8px; }}
QListWidget#templates::item:selected {{ border: 2px solid {ACCENT}; background: #eef3ff; }}
QSlider::groove:horizontal {{ height: 4px; background: #d5dae1; border-radius: 2px; }}
QSlider::sub-page:horizontal {{ background: {ACCENT}; border-radius: 2px; }}
QSlider::handle:horizontal {{ background: white; border: 2px solid {ACCENT}; width: 12px;
                             height: 12px; margin: -6px 0; border-radius: 8px; }}
QScrollArea {{ border: none; background: transparent; }}
"""


def apply_theme(app: QApplication) -> None:
    app.setStyle("Fusion")
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: WINDOW,
        QPalette.ColorRole.WindowText: TEXT,
        QPalette.ColorRole.Base: CARD,
        QPalette.ColorRole.AlternateBase: "#f8f9fb",
        QPalette.ColorRole.Text: TEXT,
        QPalette.ColorRole.Button: CARD,
        QPalette.ColorRole.ButtonText: TEXT,
        QPalette.ColorRole.Highlight: ACCENT,
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#1f2933",
        QPalette.ColorRole.ToolTipText: "#ffffff",
        QPalette.ColorRole.PlaceholderText: "#8a94a3",
        QPalette.ColorRole.Link: ACCENT,
    }
    for role, color in roles.items():
        palette.setColor(role, QColor(color))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#9aa4b2"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#9aa4b2"))
    app.setPalette(palette)
    font = QFont(app.font())
    if font.pointSizeF() < 9.5:
        font.setPointSizeF(9.5)
    app.setFont(font)
    app.setStyleSheet(STYLESHEET)
