"""When each photo or clip is on screen: the one answer both renderers and the preview use.

A video of N media is N scenes.  Scene *i* lasts ``length[i]`` seconds and
overlaps scene *i+1* by the transition between them, so with scene lengths
L and transitions T the video lasts ``sum(L) - sum(T)``.  Given the total the
user chose, the lengths are solved from the template's ``scenes`` block (equal
shares, the first ``opening`` and the last ``closing`` seconds longer).

With one photo and no duration the single scene spans the template's own
length, so a one-photo video is exactly what it was before scenes existed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from vidstudio.render.props import MediaItem, Props
from vidstudio.render.template import KenBurns, Template, Transition

# A transition takes at most this share of the shorter of its two scenes, so
# every scene is seen on its own for a while (a 5 s video of 30 photos still cuts).
MAX_TRANSITION_SHARE = 0.4
CUT = Transition(type="cut", duration=0.0)


@dataclass(frozen=True)
class Scene:
    index: int
    item: MediaItem | None  # None: no media chosen yet (the preview's placeholder)
    start: float  # seconds into the video
    length: float  # seconds, including the overlaps with its neighbours
    motion: KenBurns | None
    transition_in: Transition | None  # from the previous scene (None for the first)

    @property
    def end(self) -> float:
        return self.start + self.length

    def progress(self, t: float) -> float:
        """0 at the scene's start, 1 at its end (the motion's clock)."""
        return min(1.0, max(0.0, (t - self.start) / self.length)) if self.length > 0 else 0.0


@dataclass(frozen=True)
class Timeline:
    duration: float
    fps: int
    scenes: tuple[Scene, ...]

    @property
    def frame_count(self) -> int:
        return round(self.duration * self.fps)

    def active(self, t: float) -> list[tuple[Scene, float]]:
        """The scenes drawn at ``t``, bottom first, each with its transition progress.

        Outside transitions that is one scene with 1.0.  During the transition
        from A to B it is [(A, 1.0), (B, p)] with p the linear progress 0..1;
        the painter applies the transition's easing.
        """
        scenes = self.scenes
        if not scenes:
            return []
        t = min(max(t, 0.0), self.duration)
        current = scenes[0]
        for scene in scenes[1:]:
            if t >= scene.start:
                current = scene
            else:
                break
        transition = current.transition_in
        if current.index > 0 and transition is not None and transition.duration > 0:
            into = t - current.start
            if into < transition.duration:
                previous = scenes[current.index - 1]
                return [(previous, 1.0), (current, into / transition.duration)]
        return [(current, 1.0)]

    def scene_at(self, t: float) -> Scene | None:
        active = self.active(t)
        return active[-1][0] if active else None

    def middle(self, index: int) -> float:
        """The time halfway between the transitions into and out of scene ``index`` (for stills)."""
        scene = self.scenes[index]
        start = scene.start + (scene.transition_in.duration if scene.transition_in else 0.0)
        end = self.scenes[index + 1].start if index + 1 < len(self.scenes) else scene.end
        return (start + end) / 2

    def transition_middle(self, index: int) -> float:
        """Halfway through the transition into scene ``index`` (index ≥ 1)."""
        scene = self.scenes[index]
        duration = scene.transition_in.duration if scene.transition_in else 0.0
        return scene.start + duration / 2


def scene_layer(layer: Any, scene: Scene) -> Any | None:
    """A ``per_scene`` layer on ``scene``'s clock: it ends with the scene, or when the end
    card comes in (``resolve_layers`` gave such a layer the end card's absolute time);
    None when it would not show at all."""
    end = scene.length if layer.end is None else layer.end
    if layer.until_end_card and layer.end is not None:
        end = min(scene.length, layer.end - scene.start)
    return layer.model_copy(update={"end": end}) if end > layer.start else None


def video_duration(template: Template, props: Props) -> float:
    return props.duration if props.duration is not None else template.duration


def timeline(template: Template, props: Props) -> Timeline:
    """The scenes of ``props.media`` under ``template``, for the chosen duration."""
    return _timeline(template, props.media, video_duration(template, props))


_cache: dict[tuple[int, tuple[MediaItem, ...], float], tuple[Template, Timeline]] = {}


def _timeline(template: Template, media: tuple[MediaItem, ...], duration: float) -> Timeline:
    key = (id(template), media, duration)
    hit = _cache.get(key)
    if hit is not None and hit[0] is template:
        return hit[1]
    made = _solve(template, media, duration)
    if len(_cache) > 64:
        _cache.clear()
    _cache[key] = (template, made)
    return made


def _solve(template: Template, media: tuple[MediaItem, ...], duration: float) -> Timeline:
    photo_motion = next((layer.ken_burns for layer in template.layers if layer.type == "photo"), None)
    spec = template.scenes
    items: tuple[MediaItem | None, ...] = media if media else (None,)
    count = len(items)
    motions = spec.motions or [photo_motion]  # type: ignore[list-item]
    if count == 1:
        only = Scene(0, items[0], 0.0, duration, motions[0], None)
        return Timeline(duration, template.fps, (only,))
    # Opening and closing may not squeeze the other scenes below half an equal share.
    extra = spec.opening + spec.closing
    scale = min(1.0, (duration / 2) / extra) if extra > 0 else 1.0
    opening, closing = spec.opening * scale, spec.closing * scale
    # The shortest a scene can be (before overlaps are added back): transitions take
    # at most their share of it, so even 30 photos in 5 s are each seen on their own.
    base = (duration - opening - closing) / count
    limit = base * MAX_TRANSITION_SHARE
    transitions = [spec.transitions[(i - 1) % len(spec.transitions)] for i in range(1, count)]
    transitions = [t if t.type != "cut" and t.duration > 0 else CUT for t in transitions]
    transitions = [
        t.model_copy(update={"duration": min(t.duration, limit)}) if t.duration > limit else t
        for t in transitions
    ]
    overlap = sum(t.duration for t in transitions)
    unit = base + overlap / count
    lengths = [unit] * count
    lengths[0] += opening
    lengths[-1] += closing
    scenes: list[Scene] = []
    start = 0.0
    for i, item in enumerate(items):
        transition_in = transitions[i - 1] if i > 0 else None
        if transition_in is not None:
            start -= transition_in.duration
        scenes.append(Scene(i, item, start, lengths[i], motions[i % len(motions)], transition_in))
        start += lengths[i]
    return Timeline(duration, template.fps, tuple(scenes))


def frame_count(template: Template, props: Props) -> int:
    """How many frames the video of ``props`` has (the template's own count for its own length)."""
    return round(video_duration(template, props) * template.fps)


def poster_frame(template: Template, props: Props) -> int:
    """The frame posters and thumbnails show: the template's choice, inside the video."""
    total = frame_count(template, props)
    if template.poster_frame is not None:
        return min(template.poster_frame, total - 1)
    return total // 2
