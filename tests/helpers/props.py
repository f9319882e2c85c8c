"""The words of the tests' promo video: one villa, as the users' promos read."""

from __future__ import annotations

from pathlib import Path

from vidstudio.render.paint import Props

TITLE = "Nismara Pool Villa"
SUBTITLE = "Your private escape in Bali"
CTA = "Book now"


def villa_props(photo: Path | None, *, cta: str = CTA) -> Props:
    """The villa's title, subtitle and (unless ``cta=""``) call to action over ``photo``."""
    return Props(title=TITLE, subtitle=SUBTITLE, photo=photo, cta=cta)
