"""A listing's facts on the video: price per night, guests, rooms, location, offer, and how to book.

Everything here is drawn *in the video's language*, which is not the app's: a
Spanish-speaking marketer makes a Korean video for Korean visitors.  So the words
(``/ night``, ``3 bedrooms``, the WhatsApp greeting) come from
``resources/listing/words.json`` in twelve languages, counted with CLDR's plural
rules, and prices are formatted with CLDR's number patterns (Babel) for that
language.  Currency symbols are the international ones (``US$``, ``A$``, ``S$``,
``Rp``, ``€``) whatever the language: a visitor reading "$180" on a Bali villa
cannot tell which dollar.

Bookings close on WhatsApp, and links in Reels captions cannot be clicked, so a
number becomes a ``https://wa.me/<digits>?text=<greeting>`` link drawn as a QR
code (segno) with the short link as text under it.  Numbers are checked with
libphonenumber (``phonenumberslite``): a number that cannot receive a message
is refused before a render, not found out by a guest.
"""

from __future__ import annotations

import json
import re
import urllib.parse
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

from vidstudio.messages import QT_TRANSLATE_NOOP
from vidstudio.render.errors import PropsError
from vidstudio.resources import resource_path

CURRENCIES = ("IDR", "USD", "AUD", "EUR", "SGD")
SYMBOLS = {"IDR": "Rp", "USD": "US$", "AUD": "A$", "EUR": "€", "SGD": "S$"}
# The video's languages: English and Spanish, and the visitor markets of Bali.
LANGUAGES = ("en", "es", "zh-Hans", "zh-Hant", "ja", "ko", "ru", "hi", "th", "id", "ar", "he")
RTL_LANGUAGES = ("ar", "he")
MAX_PRICE = Decimal("1000000000000")  # 10¹² (IDR prices run to 10⁸; anything above is a typo)
MAX_COUNT = 99
MAX_LOCATION = 60
MAX_OFFER = 40
MAX_MESSAGE = 200
MAX_URL = 300


def _babel_locale(language: str) -> str:
    return language.replace("-", "_")


@cache
def _words() -> dict[str, dict[str, Any]]:
    data: dict[str, dict[str, Any]] = json.loads(
        resource_path("listing", "words.json").read_text(encoding="utf-8")
    )
    data.pop("_comment", None)
    return data


def words(language: str) -> dict[str, Any]:
    """The video words of ``language`` (English for an unknown one)."""
    return _words().get(language) or _words()["en"]


def language_name(language: str) -> str:
    """The language's own name ("한국어"), for pickers."""
    return str(words(language)["native"])


def check_language(language: str) -> str:
    if language not in LANGUAGES:
        raise PropsError(
            QT_TRANSLATE_NOOP(
                "Message", "The video language {value} is not one vidstudio knows; use one of {choices}."
            ),
            value=language,
            choices=", ".join(LANGUAGES),
        )
    return language


# ---------------------------------------------------------------- input


def parse_price(text: str | float | int | Decimal | None) -> Decimal | None:
    """The amount a user typed ("2.500.000", "180,50", "180") as a number; None when empty.

    Dots and commas are read the way people type prices: a separator followed by
    exactly three digits groups thousands, any other is the decimal mark.
    """
    if text is None:
        return None
    if isinstance(text, (int, float, Decimal)):
        raw = str(text)
    else:
        raw = text.strip().replace(" ", "").replace("\u00a0", "").replace("_", "")
        for symbol in (*SYMBOLS.values(), *CURRENCIES, "$"):
            raw = raw.replace(symbol, "")
    if not raw:
        return None
    cleaned = raw
    if not re.fullmatch(r"\d+(?:[.,]\d+)*", cleaned) and not isinstance(text, (int, float, Decimal)):
        raise _bad_price(str(text))
    parts = re.split(r"[.,]", cleaned)
    if len(parts) > 1 and all(len(p) == 3 for p in parts[1:]):
        cleaned = "".join(parts)
    elif len(parts) > 1:
        cleaned = "".join(parts[:-1]) + "." + parts[-1]
    try:
        amount = Decimal(cleaned)
    except InvalidOperation:
        raise _bad_price(str(text)) from None
    if not amount.is_finite() or amount <= 0 or amount >= MAX_PRICE:
        raise _bad_price(str(text))
    return amount


def _bad_price(text: str) -> PropsError:
    return PropsError(
        QT_TRANSLATE_NOOP(
            "Message", "The price “{value}” is not an amount; type a number such as 2500000 or 180.50."
        ),
        value=text[:40],
    )


def check_currency(code: str) -> str:
    value = code.strip().upper()
    if value not in CURRENCIES:
        raise PropsError(
            QT_TRANSLATE_NOOP(
                "Message", "The currency {value} is not one vidstudio formats; use one of {choices}."
            ),
            value=code[:10],
            choices=", ".join(CURRENCIES),
        )
    return value


def check_count(value: int | str | None, which: str) -> int | None:
    """Guests, bedrooms or bathrooms: a whole number from 1 to 99, or None when empty."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = int(str(value).strip())
    except ValueError:
        number = -1
    if not 1 <= number <= MAX_COUNT:
        templates = {
            "guests": QT_TRANSLATE_NOOP(
                "Message", "The number of guests “{value}” must be a whole number from 1 to 99."
            ),
            "bedrooms": QT_TRANSLATE_NOOP(
                "Message", "The number of bedrooms “{value}” must be a whole number from 1 to 99."
            ),
            "bathrooms": QT_TRANSLATE_NOOP(
                "Message", "The number of bathrooms “{value}” must be a whole number from 1 to 99."
            ),
        }
        raise PropsError(templates[which], value=str(value)[:12])
    return number


def normalise_whatsapp(text: str) -> str:
    """A WhatsApp number in international format ("+62 812-3456-7890") as its digits ("6281234567890")."""
    raw = text.strip()
    if not raw:
        return ""
    import phonenumbers  # phonenumberslite: ~5 MB of metadata, loaded only when a number is given

    candidate = raw if raw.startswith("+") else "+" + raw.lstrip("0") if raw.startswith("00") else raw
    if candidate.startswith("00"):
        candidate = "+" + candidate[2:]
    try:
        number = phonenumbers.parse(candidate, None)
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        if not raw.startswith(("+", "00")):
            raise PropsError(
                QT_TRANSLATE_NOOP(
                    "Message",
                    "The WhatsApp number {value} needs its country code, for example +62 812 3456 7890.",
                ),
                value=raw[:30],
            )
        raise PropsError(
            QT_TRANSLATE_NOOP(
                "Message", "The WhatsApp number {value} is not a valid phone number; check its digits."
            ),
            value=raw[:30],
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164).lstrip("+")


def check_url(text: str) -> str:
    value = text.strip()
    if not value:
        return ""
    if "://" not in value:
        value = "https://" + value
    parsed = urllib.parse.urlsplit(value)
    if (
        parsed.scheme not in ("http", "https")
        or "." not in parsed.netloc
        or len(value) > MAX_URL
        or any(c.isspace() for c in value)
    ):
        raise PropsError(
            QT_TRANSLATE_NOOP(
                "Message", "The link {value} is not a web address; type one like villa-nismara.com/book."
            ),
            value=text.strip()[:60],
        )
    return value


# ---------------------------------------------------------------- the listing


@dataclass(frozen=True)
class Listing:
    """The facts of one listing, all optional.  Checked values only (use :meth:`parse`)."""

    price: Decimal | None = None
    currency: str = "USD"
    guests: int | None = None
    bedrooms: int | None = None
    bathrooms: int | None = None
    location: str = ""
    offer: str = ""
    whatsapp: str = ""  # digits of the international number, no "+"
    whatsapp_message: str = ""  # empty: the language's greeting naming the title
    url: str = ""

    @classmethod
    def parse(
        cls,
        *,
        price: str | float | Decimal | None = None,
        currency: str = "USD",
        guests: int | str | None = None,
        bedrooms: int | str | None = None,
        bathrooms: int | str | None = None,
        location: str = "",
        offer: str = "",
        whatsapp: str = "",
        whatsapp_message: str = "",
        url: str = "",
    ) -> Listing:
        """Check what a user typed; raises :class:`PropsError` with one plain sentence."""
        for value, limit, template in (
            (
                location,
                MAX_LOCATION,
                QT_TRANSLATE_NOOP(
                    "Message", "The location is too long ({count} characters); keep it under {limit}."
                ),
            ),
            (
                offer,
                MAX_OFFER,
                QT_TRANSLATE_NOOP(
                    "Message", "The offer is too long ({count} characters); keep it under {limit}."
                ),
            ),
            (
                whatsapp_message,
                MAX_MESSAGE,
                QT_TRANSLATE_NOOP(
                    "Message", "The WhatsApp message is too long ({count} characters); keep it under {limit}."
                ),
            ),
        ):
            if len(value.strip()) > limit:
                raise PropsError(template, count=len(value.strip()), limit=limit)
        return cls(
            price=parse_price(price),
            currency=check_currency(currency or "USD"),
            guests=check_count(guests, "guests"),
            bedrooms=check_count(bedrooms, "bedrooms"),
            bathrooms=check_count(bathrooms, "bathrooms"),
            location=" ".join(location.split()),
            offer=" ".join(offer.split()),
            whatsapp=normalise_whatsapp(whatsapp),
            whatsapp_message=whatsapp_message.strip(),
            url=check_url(url),
        )

    @property
    def is_empty(self) -> bool:
        """Nothing to show: a currency or a greeting alone is not a listing."""
        return self.replace(currency="USD", whatsapp_message="") == Listing()

    def replace(self, **changes: Any) -> Listing:
        return replace(self, **changes)

    def to_json(self) -> dict[str, Any]:
        return {
            "price": str(self.price) if self.price is not None else None,
            "currency": self.currency,
            "guests": self.guests,
            "bedrooms": self.bedrooms,
            "bathrooms": self.bathrooms,
            "location": self.location,
            "offer": self.offer,
            "whatsapp": self.whatsapp,
            "whatsapp_message": self.whatsapp_message,
            "url": self.url,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> Listing:
        """A stored listing (already checked once; a damaged field is dropped, not fatal)."""
        if not data:
            return cls()
        out: dict[str, Any] = {}
        try:
            out["price"] = Decimal(str(data["price"])) if data.get("price") else None
        except InvalidOperation:
            out["price"] = None
        currency = str(data.get("currency") or "USD")
        out["currency"] = currency if currency in CURRENCIES else "USD"
        for name in ("guests", "bedrooms", "bathrooms"):
            value = data.get(name)
            out[name] = int(value) if isinstance(value, int) and 1 <= value <= MAX_COUNT else None
        for name in ("location", "offer", "whatsapp", "whatsapp_message", "url"):
            out[name] = str(data.get(name) or "")
        return cls(**out)


# ---------------------------------------------------------------- drawn text


def _plural(language: str, count: int, forms: dict[str, str]) -> str:
    from babel import Locale

    category = Locale.parse(_babel_locale(language)).plural_form(count)
    return forms.get(category) or forms["other"]


def format_number(value: int | Decimal, language: str) -> str:
    from babel.numbers import format_decimal

    return str(format_decimal(value, locale=_babel_locale(language)))


def format_price(amount: Decimal, currency: str, language: str) -> str:
    """ "Rp 2.500.000 / malam", "US$180 / night", "180 US$ / noche": CLDR's pattern for the
    language, the international symbol, decimals only when the amount has cents."""
    from babel import Locale
    from babel.numbers import format_currency

    locale = Locale.parse(_babel_locale(language))
    pattern = locale.currency_formats["standard"].pattern.split(";")[0]
    whole = amount == amount.to_integral_value()
    if whole:
        pattern = re.sub(r"\.0+", "", pattern)
    symbol = SYMBOLS[currency]
    text = format_currency(
        amount, currency, format=pattern, locale=locale, currency_digits=not whole, decimal_quantization=True
    )
    # Babel puts the locale's own symbol for the code ("$", "IDR", "US$"); use ours.
    local = locale.currency_symbols.get(currency, currency)
    text = text.replace(local, symbol, 1) if local in text else text.replace(currency, symbol, 1)
    # "Rp2.500.000" -> "Rp 2.500.000": a symbol ending in a letter needs a space before the digits.
    text = re.sub(r"(?<=[A-Za-z])(?=\d)", "\u00a0", text)
    if language in RTL_LANGUAGES:
        # "180 US$" kept as one left-to-right unit (an isolate): in a right-to-left line the
        # bidi algorithm would otherwise put the "$" before "US".
        text = "\u2066" + text.replace("\u200f", "").strip() + "\u2069"
    return f"{text} {words(language)['per_night']}"


def facts_line(listing: Listing, language: str, separator: str = " · ") -> str:
    """ "6 guests · 3 bedrooms · 3 bathrooms" in ``language`` (empty when none is set)."""
    table = words(language)
    parts = [
        _plural(language, value, table[name]).replace("{n}", format_number(value, language))
        for name, value in (
            ("guests", listing.guests),
            ("bedrooms", listing.bedrooms),
            ("bathrooms", listing.bathrooms),
        )
        if value is not None
    ]
    return separator.join(parts)


def booking_link(listing: Listing, language: str, title: str) -> str:
    """The link the QR code holds: WhatsApp first (with the greeting), else the web address."""
    if listing.whatsapp:
        text = listing.whatsapp_message or str(words(language)["whatsapp_message"]).replace(
            "{title}", title.strip()
        )
        return f"https://wa.me/{listing.whatsapp}?text={urllib.parse.quote(text, safe='')}"
    return listing.url


def short_link(link: str) -> str:
    """What is written under the QR code: "wa.me/6281234567890", "villa-nismara.com/book"."""
    if not link:
        return ""
    parsed = urllib.parse.urlsplit(link)
    host = parsed.netloc.removeprefix("www.")
    path = parsed.path.rstrip("/")
    return host + path


def default_cta(listing: Listing, language: str) -> str:
    if listing.whatsapp:
        return str(words(language)["cta_whatsapp"])
    if listing.url:
        return str(words(language)["cta_link"])
    return ""


@dataclass(frozen=True)
class QrCode:
    """A QR code's modules (rows of booleans, dark = True), without its quiet zone."""

    link: str
    modules: tuple[tuple[bool, ...], ...]

    @property
    def size(self) -> int:
        return len(self.modules)

    def to_json(self) -> dict[str, Any]:
        # One string per row ("1" dark): compact, and the Remotion twin draws the same modules.
        return {"link": self.link, "rows": ["".join("1" if m else "0" for m in row) for row in self.modules]}


@cache
def qr_code(link: str) -> QrCode:
    """The QR code of ``link``, error correction M (15 %): a phone reads it off a screen
    at a slant, and the code stays small enough for a 9:16 end card."""
    import segno

    code = segno.make_qr(link, error="m", boost_error=False)
    rows = tuple(tuple(bool(v) for v in row) for row in code.matrix)
    return QrCode(link, rows)
