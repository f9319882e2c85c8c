// Interprets one vidstudio template (resolved layers + text layout in the props)
// the way vidstudio/render/paint.py (Scene.paint) does, layer by layer.
import React, {useState} from 'react';
import {
	AbsoluteFill,
	Audio,
	Img,
	cancelRender,
	continueRender,
	delayRender,
	staticFile,
	useCurrentFrame,
	useVideoConfig,
} from 'remotion';
import {activeScenes, MediaLayer} from './Scenes';
import {ease, layerState} from './anim';
import {cjkLang, familyCss, loadUserFont, waitForFonts} from './fonts';
import type {
	Box,
	GradientLayer,
	ImageRef,
	Layer,
	LogoLayer,
	SceneLayer,
	PhotoLayer,
	QrLayer,
	Scene,
	SolidLayer,
	TextBlock,
	TextLayer,
	Timeline,
	TimelineScene,
	UserFont,
	VidstudioProps,
} from './types';

type Rect = {x: number; y: number; w: number; h: number};

// "static:<name>": a file the local renderer copied into the bundle's public folder.
export const srcOf = (url: string): string => (url.startsWith('static:') ? staticFile(url.slice(7)) : url);

const rectOf = (box: Box, w: number, h: number): Rect => ({
	x: box[0] * w,
	y: box[1] * h,
	w: box[2] * w,
	h: box[3] * h,
});

const place = (r: Rect): React.CSSProperties => ({
	position: 'absolute',
	left: r.x,
	top: r.y,
	width: r.w,
	height: r.h,
});

/** paint._rect of the layer's own box, or where its content really is (text, logo). */
const layerRect = (
	layer: Layer,
	scene: Scene,
	props: VidstudioProps,
	w: number,
	h: number,
): Rect | null => {
	if (layer.type === 'text') {
		const block = scene.text[String(layer.index)];
		if (!block) return null;
		const s = w / scene.reference[0];
		const [bx, by, bw, bh] = block.bounds;
		return {x: bx * s, y: by * s, w: bw * s, h: bh * s};
	}
	if (layer.type === 'logo') {
		const logo = layer.image ?? props.logo;
		return logo ? logoRect(layer, logo, w, h) : null;
	}
	if (layer.type === 'qr') {
		if (!layer.qr) return null;
		const s = w / scene.reference[0];
		const [qx, qy, qw, qh] = layer.qr.rect;
		return {x: qx * s, y: qy * s, w: qw * s, h: qh * s};
	}
	return rectOf(layer.box, w, h);
};

/**
 * paint.qr_image: a rounded light card (antialiased), then one rectangle per run of dark
 * modules, unantialiased, on whole pixels (the card's origin and the module size are whole
 * reference pixels, computed by paint.qr_rect in Python).
 */
const Qr: React.FC<{layer: QrLayer; scene: Scene; w: number; h: number}> = ({layer, scene, w, h}) => {
	const code = layer.qr;
	if (!code) return null;
	const [refW, refH] = scene.reference;
	const [x0, y0, side] = code.rect;
	const m = code.module;
	const runs: string[] = [];
	code.rows.forEach((row, y) => {
		let x = 0;
		while (x < row.length) {
			if (row[x] !== '1') {
				x += 1;
				continue;
			}
			let end = x;
			while (end < row.length && row[end] === '1') end += 1;
			const left = x0 + code.offset + x * m;
			const top = y0 + code.offset + y * m;
			runs.push(`M${left} ${top}h${(end - x) * m}v${m}h${-(end - x) * m}z`);
			x = end;
		}
	});
	return (
		<svg
			width={w}
			height={h}
			viewBox={`0 0 ${refW} ${refH}`}
			style={{position: 'absolute', left: 0, top: 0, overflow: 'visible'}}
		>
			<rect x={x0} y={y0} width={side} height={side} rx={code.radius} ry={code.radius} fill={layer.background} />
			<path d={runs.join('')} fill={layer.color} shapeRendering="crispEdges" />
		</svg>
	);
};

/** Hold the render until the brand's own font files are loaded under the names Qt gave them. */
const waitForUserFonts = (fonts: UserFont[] | undefined): void => {
	if (!fonts || fonts.length === 0) return;
	const handle = delayRender(`Loading the brand fonts (${fonts.map((f) => f.family).join(', ')})`);
	Promise.all(
		fonts.map((font) =>
			loadUserFont(font.family, srcOf(font.url), String(font.weight ?? 400), font.style ?? 'normal'),
		),
	)
		.then(() => continueRender(handle))
		.catch((err: unknown) => cancelRender(err));
};

const logoRect = (layer: LogoLayer, logo: ImageRef, w: number, h: number): Rect => {
	const r = rectOf(layer.box, w, h);
	const fit = Math.min(r.w / logo.width, r.h / logo.height);
	const lw = logo.width * fit;
	const lh = logo.height * fit;
	const x = layer.align === 'left' ? r.x : layer.align === 'right' ? r.x + r.w - lw : r.x + (r.w - lw) / 2;
	return {x, y: r.y + (r.h - lh) / 2, w: lw, h: lh};
};

const Photo: React.FC<{layer: PhotoLayer; photo: ImageRef | null; rect: Rect; t: number; duration: number; short: number}> = ({
	layer,
	photo,
	rect,
	t,
	duration,
	short,
}) => {
	const radius = layer.corner_radius * short;
	if (!photo) {
		// paint._paint_placeholder: a linear gradient from the top-left to the bottom-right corner.
		const angle = 180 - (Math.atan(rect.w / rect.h) * 180) / Math.PI;
		return (
			<div style={{...place(rect), background: `linear-gradient(${angle}deg, #3a4750, #1d262d)`}} />
		);
	}
	let scale = 1.0;
	let cx = 0.5;
	let cy = 0.5;
	const kb = layer.ken_burns;
	if (kb) {
		const p = ease(kb.easing, t / duration);
		scale = kb.start_scale + (kb.end_scale - kb.start_scale) * p;
		cx = kb.start_center[0] + (kb.end_center[0] - kb.start_center[0]) * p;
		cy = kb.start_center[1] + (kb.end_center[1] - kb.start_center[1]) * p;
	}
	const pw = photo.width;
	const ph = photo.height;
	const cover = Math.max(rect.w / pw, rect.h / ph) * scale;
	const srcW = rect.w / cover;
	const srcH = rect.h / cover;
	const x = Math.min(Math.max(cx * pw - srcW / 2, 0.0), pw - srcW);
	const y = Math.min(Math.max(cy * ph - srcH / 2, 0.0), ph - srcH);
	const border = layer.border;
	return (
		<div style={{...place(rect), overflow: 'hidden', borderRadius: radius}}>
			<Img
				src={srcOf(photo.url)}
				style={{
					position: 'absolute',
					left: -x * cover,
					top: -y * cover,
					width: pw * cover,
					height: ph * cover,
					maxWidth: 'none',
				}}
			/>
			{border ? (
				<div
					style={{
						position: 'absolute',
						inset: 0,
						borderRadius: radius,
						boxSizing: 'border-box',
						border: `${border.width * short}px solid ${border.color}`,
					}}
				/>
			) : null}
		</div>
	);
};

const Solid: React.FC<{layer: SolidLayer; rect: Rect; short: number}> = ({layer, rect, short}) => (
	<div style={{...place(rect), background: layer.color, borderRadius: layer.corner_radius * short}} />
);

const Gradient: React.FC<{layer: GradientLayer; rect: Rect}> = ({layer, rect}) => {
	// CSS angles, as in the template: 0deg points up, 90deg right, 180deg down.
	const stops = layer.stops.map(([pos, color]) => `${color} ${pos * 100}%`).join(', ');
	return <div style={{...place(rect), background: `linear-gradient(${layer.angle}deg, ${stops})`}} />;
};

const Text: React.FC<{
	layer: TextLayer & {index: number};
	block: TextBlock;
	scene: Scene;
	w: number;
	h: number;
	idSuffix?: string;
}> = ({layer, block, scene, w, h, idSuffix}) => {
	const [refW, refH] = scene.reference;
	const filterId = `vs-shadow-${layer.index}${idSuffix ?? ''}`;
	const shadow = layer.shadow;
	// paint._rasterise_text: shadow sizes are fractions of 1080 reference pixels;
	// the shadow is the glyphs' alpha, blurred, tinted and offset.
	const sigma = shadow ? (shadow.blur * 1080) / 3 : 0;
	const outline = layer.outline;
	const badge = block.badge;
	const language = block.language ?? scene.language;
	const family = familyCss(layer.font.family, language);
	return (
		<svg
			width={w}
			height={h}
			viewBox={`0 0 ${refW} ${refH}`}
			lang={cjkLang(language) ?? language}
			style={{position: 'absolute', left: 0, top: 0, overflow: 'visible'}}
		>
			{badge ? (
				// paint._rasterise_text: the badge first, under the shadow and the glyphs.
				<rect
					x={badge.rect[0]}
					y={badge.rect[1]}
					width={badge.rect[2]}
					height={badge.rect[3]}
					rx={badge.radius}
					ry={badge.radius}
					fill={badge.color}
				/>
			) : null}
			{shadow ? (
				<defs>
					<filter
						id={filterId}
						filterUnits="userSpaceOnUse"
						x={-refW * 0.1}
						y={-refH * 0.1}
						width={refW * 1.2}
						height={refH * 1.2}
						colorInterpolationFilters="sRGB"
					>
						<feGaussianBlur in="SourceAlpha" stdDeviation={sigma} />
						<feOffset dx={shadow.offset[0] * 1080} dy={shadow.offset[1] * 1080} result="blurred" />
						<feFlood floodColor={shadow.color} />
						<feComposite in2="blurred" operator="in" result="shadow" />
						<feMerge>
							<feMergeNode in="shadow" />
							<feMergeNode in="SourceGraphic" />
						</feMerge>
					</filter>
				</defs>
			) : null}
			<g filter={shadow ? `url(#${filterId})` : undefined}>
				{block.lines.map((line, i) => (
					<text
						// eslint-disable-next-line react/no-array-index-key
						key={i}
						// Right to left: ordered by the bidi algorithm from a right-to-left base, and
						// placed as QPainter::drawText places it: its visual left end at the line's x
						// (in a right-to-left text the end is on the left).
						x={line.x}
						y={line.baseline}
						direction={block.rtl ? 'rtl' : 'ltr'}
						textAnchor={block.rtl ? 'end' : 'start'}
						fill={layer.color}
						fontFamily={family}
						fontWeight={layer.font.weight}
						fontStyle={layer.font.italic ? 'italic' : 'normal'}
						fontSize={block.font_size_px}
						letterSpacing={block.letter_spacing_px}
						stroke={outline ? outline.color : undefined}
						strokeWidth={outline ? outline.width * 1080 * 2 : undefined}
						strokeLinejoin={outline ? 'round' : undefined}
						paintOrder={outline ? 'stroke' : undefined}
						style={{whiteSpace: 'pre', fontKerning: 'normal'}}
					>
						{line.text}
					</text>
				))}
			</g>
		</svg>
	);
};

/** One per-scene layer (a caption) at its scene's time, with the same entrance and exit as any layer. */
const PerSceneLayer: React.FC<{
	layer: SceneLayer;
	sceneOf: TimelineScene;
	scene: Scene;
	t: number;
	w: number;
	h: number;
	short: number;
}> = ({layer, sceneOf, scene, t, w, h, short}) => {
	const state = layerState(layer, t - sceneOf.start, sceneOf.length);
	if (!state) return null;
	let content: React.ReactNode = null;
	let rect: Rect;
	if (layer.type === 'text') {
		if (!layer.block) return null;
		const s = w / scene.reference[0];
		const [bx, by, bw, bh] = layer.block.bounds;
		rect = {x: bx * s, y: by * s, w: bw * s, h: bh * s};
		content = <Text layer={layer} block={layer.block} scene={scene} w={w} h={h} idSuffix={`-s${sceneOf.index}`} />;
	} else if (layer.type === 'solid') {
		rect = rectOf(layer.box, w, h);
		content = <Solid layer={layer} rect={rect} short={short} />;
	} else if (layer.type === 'gradient') {
		rect = rectOf(layer.box, w, h);
		content = <Gradient layer={layer} rect={rect} />;
	} else {
		return null;
	}
	const transforms: string[] = [];
	if (state.dx || state.dy) transforms.push(`translate(${state.dx * short}px, ${state.dy * short}px)`);
	if (state.scale !== 1.0) transforms.push(`scale(${state.scale})`);
	return (
		<AbsoluteFill
			style={{
				opacity: state.opacity,
				transform: transforms.length ? transforms.join(' ') : undefined,
				transformOrigin: `${rect.x + rect.w / 2}px ${rect.y + rect.h / 2}px`,
			}}
		>
			{content}
		</AbsoluteFill>
	);
};

const Missing: React.FC = () => (
	<AbsoluteFill style={{background: '#1d262d', color: '#fff', fontSize: 40, padding: 60}}>
		This composition draws what vidstudio sends (scene, text layout and photo in the input props).
		Render it from vidstudio, or pass props made by vidstudio.render.remotion_props.
	</AbsoluteFill>
);

export const TemplateComposition: React.FC<VidstudioProps> = (props) => {
	const frame = useCurrentFrame();
	const {width: w, height: h} = useVideoConfig();
	useState(() => {
		waitForFonts();
		waitForUserFonts(props.fonts);
	});
	const scene = props.scene;
	if (!scene) {
		return <Missing />;
	}
	const t = frame / scene.fps;
	const short = Math.min(w, h);
	// paint.Scene._paint_per_scene: per-scene layers (captions) of every scene on screen, each on
	// its scene's clock, right above the media layer.
	const perScene = (line: Timeline, now: number): React.ReactNode =>
		activeScenes(line, now).flatMap(([sceneOf]) =>
			sceneOf.layers.map((layer) => (
				<PerSceneLayer
					key={`${sceneOf.index}-${layer.index}`}
					layer={layer}
					sceneOf={sceneOf}
					scene={scene}
					t={now}
					w={w}
					h={h}
					short={short}
				/>
			)),
		);
	return (
		<AbsoluteFill style={{background: scene.background, overflow: 'hidden'}}>
			{props.soundtrack ? <Audio src={srcOf(props.soundtrack.url)} volume={props.soundtrack.volume} /> : null}
			{scene.layers.map((layer) => {
				if (layer.end_card && !props.end_card) return null;
				const state = layerState(layer, t, scene.duration);
				if (!state) return null;
				const rect = layerRect(layer, scene, props, w, h);
				if (!rect) return null;
				const cx = rect.x + rect.w / 2;
				const cy = rect.y + rect.h / 2;
				const transforms: string[] = [];
				if (state.dx || state.dy) transforms.push(`translate(${state.dx * short}px, ${state.dy * short}px)`);
				if (state.scale !== 1.0) transforms.push(`scale(${state.scale})`);
				let content: React.ReactNode = null;
				let after: React.ReactNode = null;
				if (layer.type === 'photo' && props.timeline && props.media) {
					content = (
						<MediaLayer
							layer={layer}
							rect={rect}
							short={short}
							line={props.timeline}
							media={props.media}
							t={t}
							zoom={props.timeline.zoom_transition}
							staticFile={staticFile}
						/>
					);
					after = perScene(props.timeline, t);
				} else if (layer.type === 'photo') {
					content = <Photo layer={layer} photo={props.photo} rect={rect} t={t} duration={scene.duration} short={short} />;
				} else if (layer.type === 'logo') {
					const src = layer.image ? layer.image.url : props.logo ? srcOf(props.logo.url) : '';
					content = src ? <Img src={src} style={{...place(rect)}} /> : null;
				} else if (layer.type === 'qr') {
					content = <Qr layer={layer} scene={scene} w={w} h={h} />;
				} else if (layer.type === 'solid') {
					content = <Solid layer={layer} rect={rect} short={short} />;
				} else if (layer.type === 'gradient') {
					content = <Gradient layer={layer} rect={rect} />;
				} else if (layer.type === 'text') {
					content = <Text layer={layer} block={scene.text[String(layer.index)]} scene={scene} w={w} h={h} />;
				}
				return (
					<React.Fragment key={layer.index}>
						<AbsoluteFill
							style={{
								opacity: state.opacity,
								transform: transforms.length ? transforms.join(' ') : undefined,
								transformOrigin: `${cx}px ${cy}px`,
							}}
						>
							{content}
						</AbsoluteFill>
						{after}
					</React.Fragment>
				);
			})}
		</AbsoluteFill>
	);
};
