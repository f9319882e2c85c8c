// The media layer of a template with scenes: one photo or clip per scene, the
// transition between two, the motion of each.  A port of vidstudio/render/paint.py
// (Scene._paint_media_layer, _paint_transition, _paint_scene, _clip_time) and of
// vidstudio/render/timeline.py (Timeline.active); the scenes themselves (start,
// length, motion, transition) come resolved in the props.
import React from 'react';
import {Freeze, Img, OffthreadVideo} from 'remotion';
import {ease} from './anim';
import type {KenBurns, MediaRef, PhotoLayer, Timeline, TimelineScene} from './types';

type Rect = {x: number; y: number; w: number; h: number};

const srcOf = (url: string, staticFile: (name: string) => string): string =>
	url.startsWith('static:') ? staticFile(url.slice(7)) : url;

/** timeline.Timeline.active: the scenes drawn at t, bottom first, with the transition's linear progress. */
export const activeScenes = (line: Timeline, raw: number): Array<[TimelineScene, number]> => {
	const scenes = line.scenes;
	if (scenes.length === 0) return [];
	const t = Math.min(Math.max(raw, 0.0), line.duration);
	let current = scenes[0];
	for (const scene of scenes.slice(1)) {
		if (t >= scene.start) current = scene;
		else break;
	}
	const transition = current.transition_in;
	if (current.index > 0 && transition && transition.duration > 0) {
		const into = t - current.start;
		if (into < transition.duration) {
			return [
				[scenes[current.index - 1], 1.0],
				[current, into / transition.duration],
			];
		}
	}
	return [[current, 1.0]];
};

const progressOf = (scene: TimelineScene, t: number): number =>
	scene.length > 0 ? Math.min(1.0, Math.max(0.0, (t - scene.start) / scene.length)) : 0.0;

/** paint._motion_at: scale and centre of the motion at progress p. */
const motionAt = (motion: KenBurns | null, p: number): [number, number, number] => {
	if (!motion) return [1.0, 0.5, 0.5];
	const e = ease(motion.easing, p);
	return [
		motion.start_scale + (motion.end_scale - motion.start_scale) * e,
		motion.start_center[0] + (motion.end_center[0] - motion.start_center[0]) * e,
		motion.start_center[1] + (motion.end_center[1] - motion.start_center[1]) * e,
	];
};

/** paint.Scene._clip_time: source time of a clip `into` s after its scene starts (held or looped). */
const clipTime = (media: MediaRef, into: number, clipEnd: 'hold' | 'loop', fps: number): number => {
	const length = media.clip_length ?? 0;
	let at = into;
	if (at >= length && length > 0) {
		at = clipEnd === 'loop' ? at % length : length - 0.5 / fps;
	}
	return media.trim_in + Math.max(0.0, at);
};

type SceneViewProps = {
	scene: TimelineScene;
	media: MediaRef;
	w: number;
	h: number;
	t: number;
	opacity: number;
	fps: number;
	clipEnd: 'hold' | 'loop';
	staticFile: (name: string) => string;
};

/** The picture of one photo or clip filling `target` (a clip's current frame, frozen at its time). */
const Picture: React.FC<{media: MediaRef; style: React.CSSProperties; t: number; scene: TimelineScene; fps: number; clipEnd: 'hold' | 'loop'; staticFile: (name: string) => string}> = ({
	media,
	style,
	t,
	scene,
	fps,
	clipEnd,
	staticFile,
}) => {
	const src = srcOf(media.url, staticFile);
	if (media.kind === 'clip') {
		const at = clipTime(media, t - scene.start, clipEnd, fps);
		// Inside <Freeze>, OffthreadVideo shows the source at frame / fps: exactly `at` seconds.
		return (
			<Freeze frame={at * fps}>
				<OffthreadVideo src={src} muted style={style} />
			</Freeze>
		);
	}
	return <Img src={src} style={style} />;
};

/**
 * A clip's "blur" backdrop, frame by frame: paint._blurred_backdrop reduces the covering crop to
 * BLUR_WIDTH px and scales it back up (a box then a triangle filter, of one reduced pixel each:
 * a blur of standard deviation about 0.42 × w / BLUR_WIDTH); an SVG Gaussian blur of that much
 * with edgeMode "duplicate" (Qt's scaling clamps to the image's edge, CSS blur() would fade
 * there).  Measured against the native backdrop: 0.993 (9:16), 0.999 (16:9).
 */
const ClipBackdrop: React.FC<{
	media: MediaRef;
	w: number;
	h: number;
	t: number;
	scene: TimelineScene;
	fps: number;
	clipEnd: 'hold' | 'loop';
	staticFile: (name: string) => string;
}> = ({media, w, h, t, scene, fps, clipEnd, staticFile}) => {
	const sigma = (0.42 * w) / media.blur_width;
	const cover = Math.max(w / media.width, h / media.height);
	const cw = media.width * cover;
	const ch = media.height * cover;
	// Past the box's edges the blur repeats the edge pixels, as Qt's scaling clamps to the image.
	const filterId = `vs-clip-blur-${scene.index}`;
	return (
		<div style={{position: 'absolute', inset: 0, filter: `url(#${filterId})`}}>
			<svg width={0} height={0} style={{position: 'absolute'}}>
				<filter id={filterId} x="0" y="0" width="100%" height="100%" colorInterpolationFilters="sRGB">
					<feGaussianBlur stdDeviation={sigma} edgeMode="duplicate" />
				</filter>
			</svg>
			<Picture
				media={media}
				t={t}
				scene={scene}
				fps={fps}
				clipEnd={clipEnd}
				staticFile={staticFile}
				style={{position: 'absolute', left: (w - cw) / 2, top: (h - ch) / 2, width: cw, height: ch, maxWidth: 'none'}}
			/>
		</div>
	);
};

/** paint.Scene._paint_scene: cover crop around the focus with the motion, or the "blur" fit. */
const SceneView: React.FC<SceneViewProps> = ({scene, media, w, h, t, opacity, fps, clipEnd, staticFile}) => {
	const [scale, mx, my] = motionAt(scene.motion, progressOf(scene, t));
	const pw = media.width;
	const ph = media.height;
	// The scene's box, at the scene's opacity; what Qt draws outside it is clipped away.
	const box: React.CSSProperties = {position: 'absolute', left: 0, top: 0, width: w, height: h, opacity, overflow: 'hidden'};
	const picture = (place: React.CSSProperties): React.ReactNode => (
		<Picture
			media={media}
			t={t}
			scene={scene}
			fps={fps}
			clipEnd={clipEnd}
			staticFile={staticFile}
			style={{position: 'absolute', maxWidth: 'none', ...place}}
		/>
	);
	if (media.fit === 'blur') {
		const fit = Math.min(w / pw, h / ph) * scale;
		const sw = pw * fit;
		const sh = ph * fit;
		const dim = Math.round(255 * media.blur_dim) / 255;
		return (
			<>
				<div style={box}>
					{media.backdrop ? (
						<img
							src={media.backdrop}
							style={{position: 'absolute', left: 0, top: 0, width: w, height: h, maxWidth: 'none'}}
						/>
					) : (
						<ClipBackdrop media={media} w={w} h={h} t={t} scene={scene} fps={fps} clipEnd={clipEnd} staticFile={staticFile} />
					)}
					<div style={{position: 'absolute', inset: 0, background: `rgba(0, 0, 0, ${dim})`}} />
				</div>
				<div style={{position: 'absolute', left: 0, top: 0, width: w, height: h, opacity}}>
					{picture({left: (w - sw) / 2, top: (h - sh) / 2, width: sw, height: sh})}
				</div>
			</>
		);
	}
	if (media.crop) {
		// A clip: the native reader's own crop around the focus, stretched over the box.
		const [left, top, cw, ch] = media.crop;
		const sx = w / cw;
		const sy = h / ch;
		return <div style={box}>{picture({left: -left * sx, top: -top * sy, width: pw * sx, height: ph * sy})}</div>;
	}
	// The motion's centre moves around the focus point; the crop stays inside the picture.
	const cx = mx + media.focus[0] - 0.5;
	const cy = my + media.focus[1] - 0.5;
	const cover = Math.max(w / pw, h / ph) * scale;
	const srcW = w / cover;
	const srcH = h / cover;
	const x = Math.min(Math.max(cx * pw - srcW / 2, 0.0), pw - srcW);
	const y = Math.min(Math.max(cy * ph - srcH / 2, 0.0), ph - srcH);
	// Qt draws the crop into the scene's box only (drawImage(rect, image, source)): clip to it.
	return <div style={box}>{picture({left: -x * cover, top: -y * cover, width: pw * cover, height: ph * cover})}</div>;
};

const DIRECTIONS: Record<string, [number, number]> = {left: [-1, 0], right: [1, 0], up: [0, -1], down: [0, 1]};

const Placeholder: React.FC<{w: number; h: number}> = ({w, h}) => {
	const angle = 180 - (Math.atan(w / h) * 180) / Math.PI;
	return (
		<div
			style={{
				position: 'absolute',
				inset: 0,
				background: `linear-gradient(${angle}deg, #3a4750, #1d262d)`,
			}}
		/>
	);
};

type MediaLayerProps = {
	layer: PhotoLayer;
	rect: Rect;
	short: number;
	line: Timeline;
	media: MediaRef[];
	t: number;
	zoom: number;
	staticFile: (name: string) => string;
};

/** paint.Scene._paint_media_layer: the scene(s) at t, clipped to the photo box, then the border. */
export const MediaLayer: React.FC<MediaLayerProps> = ({layer, rect, short, line, media, t, zoom, staticFile}) => {
	const {w, h} = rect;
	const radius = layer.corner_radius * short;
	const view = (scene: TimelineScene, opacity: number): React.ReactNode => {
		const item = scene.media === null ? undefined : media[scene.media];
		if (!item) return <Placeholder w={w} h={h} />;
		return (
			<SceneView
				scene={scene}
				media={item}
				w={w}
				h={h}
				t={t}
				opacity={opacity}
				fps={line.fps}
				clipEnd={line.clip_end}
				staticFile={staticFile}
			/>
		);
	};
	const layerBox: React.CSSProperties = {position: 'absolute', left: 0, top: 0, width: w, height: h};
	const active = activeScenes(line, t);
	let content: React.ReactNode = null;
	if (active.length === 1) {
		content = <div style={layerBox}>{view(active[0][0], 1)}</div>;
	} else if (active.length === 2) {
		const [[a], [b, p]] = active;
		const transition = b.transition_in!;
		const e = ease(transition.easing, p);
		const [dx, dy] = DIRECTIONS[transition.direction];
		const kind = transition.type;
		if (kind === 'zoom') {
			// The outgoing scene grows by `zoom` as it fades out over the next one.
			const s = 1.0 + zoom * e;
			content = (
				<>
					<div style={layerBox}>{view(b, 1)}</div>
					<div style={{...layerBox, transform: `scale(${s})`, transformOrigin: `${w / 2}px ${h / 2}px`}}>
						{view(a, 1.0 - e)}
					</div>
				</>
			);
		} else {
			const outgoing =
				kind === 'push' ? (
					<div style={{...layerBox, transform: `translate(${dx * w * e}px, ${dy * h * e}px)`}}>{view(a, 1)}</div>
				) : (
					<div style={layerBox}>{view(a, 1)}</div>
				);
			let incoming: React.ReactNode = null;
			if (kind === 'crossfade') {
				incoming = <div style={layerBox}>{view(b, e)}</div>;
			} else if (kind === 'slide' || kind === 'push') {
				incoming = (
					<div style={{...layerBox, transform: `translate(${-dx * w * (1.0 - e)}px, ${-dy * h * (1.0 - e)}px)`}}>
						{view(b, 1)}
					</div>
				);
			} else if (kind === 'wipe') {
				// The edge moves in `direction`: a left wipe uncovers the next scene from the right.
				let inset: string;
				if (dx) {
					const left = dx > 0 ? 0 : w - w * e;
					inset = `inset(0px ${w - left - w * e}px 0px ${left}px)`;
				} else {
					const top = dy > 0 ? 0 : h - h * e;
					inset = `inset(${top}px 0px ${h - top - h * e}px 0px)`;
				}
				incoming = <div style={{...layerBox, clipPath: inset}}>{view(b, 1)}</div>;
			} else if (e >= 0.5) {
				incoming = <div style={layerBox}>{view(b, 1)}</div>; // cut
			}
			content = (
				<>
					{outgoing}
					{incoming}
				</>
			);
		}
	}
	const border = layer.border;
	return (
		<>
			<div
				style={{
					position: 'absolute',
					left: rect.x,
					top: rect.y,
					width: w,
					height: h,
					overflow: 'hidden',
					borderRadius: radius,
				}}
			>
				{content}
			</div>
			{border ? (
				<div
					style={{
						position: 'absolute',
						left: rect.x,
						top: rect.y,
						width: w,
						height: h,
						borderRadius: radius,
						boxSizing: 'border-box',
						border: `${border.width * short}px solid ${border.color}`,
					}}
				/>
			) : null}
		</>
	);
};
