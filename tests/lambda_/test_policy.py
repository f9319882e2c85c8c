"""Which Lambda failures Auto answers by rendering locally, and how renders are chunked."""

from __future__ import annotations

import pytest
from botocore.exceptions import ClientError

from vidstudio.cloud.lambda_client import (
    LambdaError,
    LambdaErrorKind,
    LambdaSettings,
    RemotionLambda,
    classify_message,
    frames_per_lambda,
    renderers_for,
    version_of_function,
)
from vidstudio.jobs.backends import (
    BUSY_MESSAGE,
    SLOW_MESSAGE,
    UNREACHABLE_MESSAGE,
    fallback_message,
)

# (kind, Auto renders on this computer with this message / None: the error is shown)
FALLBACK_TABLE = [
    (LambdaErrorKind.THROTTLED, BUSY_MESSAGE),
    (LambdaErrorKind.TIMEOUT, SLOW_MESSAGE),
    (LambdaErrorKind.NETWORK, UNREACHABLE_MESSAGE),
    (LambdaErrorKind.VERSION_MISMATCH, None),
    (LambdaErrorKind.ACCESS_DENIED, None),
    (LambdaErrorKind.NOT_FOUND, None),
    (LambdaErrorKind.BAD_PROPS, None),
    (LambdaErrorKind.IMAGE_URL, None),
    (LambdaErrorKind.FAILED, None),
]


def test_the_table_covers_every_kind_but_cancel() -> None:
    assert {k for k, _ in FALLBACK_TABLE} == set(LambdaErrorKind) - {LambdaErrorKind.CANCELLED}


@pytest.mark.parametrize(("kind", "expected"), FALLBACK_TABLE)
def test_fallback_decision(kind: LambdaErrorKind, expected: str | None) -> None:
    error = LambdaError(kind, "x")
    assert fallback_message(error) == expected


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "AWS Concurrency limit reached (Original Error: TooManyRequestsException: Rate Exceeded.)",
            LambdaErrorKind.THROTTLED,
        ),
        ("ConcurrentInvocationLimitExceeded", LambdaErrorKind.THROTTLED),
        ("Rate Exceeded.", LambdaErrorKind.THROTTLED),
        (
            "Version mismatch: When calling start, you passed f as the function, "
            "which has the version 4.0.500",
            LambdaErrorKind.VERSION_MISMATCH,
        ),
        (
            "User: arn:aws:iam::1:user/m is not authorized to perform: lambda:InvokeFunction",
            LambdaErrorKind.ACCESS_DENIED,
        ),
        ("AccessDeniedException: denied", LambdaErrorKind.ACCESS_DENIED),
        ("Error loading image with src: https://x/y.jpg (400)", LambdaErrorKind.FAILED),
        ("Could not find composition with ID promo2", LambdaErrorKind.FAILED),
    ],
)
def test_messages_are_classified(text: str, kind: LambdaErrorKind) -> None:
    assert classify_message(text) is kind


def _client_error(status: int, code: str, message: str = "") -> ClientError:
    return ClientError(
        {
            "Error": {"Code": code, "Message": message},
            "ResponseMetadata": {"HTTPStatusCode": status},
        },
        "Invoke",
    )


@pytest.mark.parametrize(
    ("status", "code", "kind"),
    [
        (429, "TooManyRequestsException", LambdaErrorKind.THROTTLED),
        (400, "ThrottlingException", LambdaErrorKind.THROTTLED),
        (403, "AccessDeniedException", LambdaErrorKind.ACCESS_DENIED),
        (403, "UnrecognizedClientException", LambdaErrorKind.ACCESS_DENIED),
        (404, "ResourceNotFoundException", LambdaErrorKind.NOT_FOUND),
        (503, "ServiceException", LambdaErrorKind.NETWORK),
        (400, "InvalidRequestContentException", LambdaErrorKind.FAILED),
    ],
)
def test_aws_errors_are_classified(status: int, code: str, kind: LambdaErrorKind) -> None:
    client = RemotionLambda(object(), LambdaSettings("fn", "us-east-1", "https://x/index.html"))
    error = client._client_error(_client_error(status, code))
    assert error.kind is kind
    assert "\n" not in str(error) and "Traceback" not in str(error)


def test_300_frames_with_a_limit_of_10_use_34_frames_per_lambda() -> None:
    assert frames_per_lambda(300, 10) == 34
    assert renderers_for(300, 34) + 1 == 10


def test_our_chunking_always_fits_the_account_limit() -> None:
    for limit in range(2, 260, 7):
        for frames in (1, 2, 3, 4, 5, 29, 30, 150, 299, 300, 301, 900, 3600):
            fpl = frames_per_lambda(frames, limit)
            assert fpl >= 1
            assert renderers_for(frames, fpl) + 1 <= limit, (frames, limit, fpl)


def test_an_account_that_cannot_run_a_render_is_a_throttle() -> None:
    with pytest.raises(LambdaError) as info:
        frames_per_lambda(300, 1)
    assert info.value.kind is LambdaErrorKind.THROTTLED
    assert "at least 2" in str(info.value)


@pytest.mark.parametrize(
    ("name", "version"),
    [
        ("remotion-render-4-0-527-mem2048mb-disk2048mb-120sec", "4.0.527"),
        ("remotion-render-4-0-529-mem3008mb-disk10240mb-900sec", "4.0.529"),
        ("remotion-render-4-0-527", None),
        ("my-function", None),
    ],
)
def test_the_version_is_read_from_the_function_name(name: str, version: str | None) -> None:
    assert version_of_function(name) == version


def test_compositions_can_be_mapped() -> None:
    settings = LambdaSettings("f", "r", "u", compositions=(("promo", "VidstudioPromo"),))
    assert settings.composition_for("promo") == "VidstudioPromo"
    assert settings.composition_for("gallery") == "gallery"
