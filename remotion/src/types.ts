// The input props vidstudio sends (vidstudio/render/remotion_props.py builds them).
// Layers arrive resolved for the aspect and with every default filled in by the
// Python template models, so this side interprets the template JSON and never
// restates a default or a layout.

export type Box = [number, number, number, number];
export type Easing =
	| 'linear'
	| 'ease_in'
	| 'ease_out'
	| 'ease_in_out'
	| 'ease_out_cubic'
	| 'ease_in_out_cubic'
	| 'ease_out_back';

export type Animation = {
	effects: Array<'fade' | 'slide' | 'scale'>;
	delay: number;
	duration: number;
	easing: Easing;
	slide: [number, number];
	scale_from: number;
};

export type LayerBase = {
	box: Box;
	start: number;
	end: number | null;
	opacity: number;
	entrance: Animation | null;
	exit: Animation | null;
	end_card: boolean;
};

export type Outline = {color: string; width: number};
export type Shadow = {color: string; blur: number; offset: [number, number]};

export type KenBurns = {
	start_scale: number;
	end_scale: number;
	start_center: [number, number];
	end_center: [number, number];
	easing: Easing;
};

export type PhotoLayer = LayerBase & {
	type: 'photo';
	ken_burns: KenBurns | null;
	corner_radius: number;
	border: Outline | null;
};
export type LogoLayer = LayerBase & {
	type: 'logo';
	align: 'left' | 'center' | 'right';
	image?: ImageRef; // an SVG logo as Qt drew it for this layer (PNG data URL)
};

/** A QR code as paint.qr_image draws it (remotion_props.qr_json), in reference pixels. */
export type QrCode = {
	link: string;
	rows: string[]; // "1": a dark module; no quiet zone
	rect: Box; // the card
	module: number; // whole pixels per module
	offset: number; // the quiet zone, in pixels
	radius: number; // the card's corner radius
};
export type QrLayer = LayerBase & {
	type: 'qr';
	color: string;
	background: string;
	quiet_zone: number;
	corner_radius: number;
	align: 'left' | 'center' | 'right';
	qr: QrCode | null; // null: the video has no link, nothing is drawn
};
export type SolidLayer = LayerBase & {type: 'solid'; color: string; corner_radius: number};
export type GradientLayer = LayerBase & {
	type: 'gradient';
	angle: number;
	stops: Array<[number, string]>;
};
export type TextLayer = LayerBase & {
	type: 'text';
	color: string;
	shadow: Shadow | null;
	outline: Outline | null;
	font: {family: string; weight: number; italic: boolean};
};
export type Layer = (PhotoLayer | LogoLayer | SolidLayer | GradientLayer | TextLayer | QrLayer) & {
	index: number;
};

export type TextLine = {text: string; x: number; y: number; baseline: number; width: number};
export type Badge = {rect: Box; color: string; radius: number};
export type TextBlock = {
	language: string;
	rtl: boolean; // laid out right to left (Arabic, Hebrew): each line's x/width is its box
	badge: Badge | null; // paint._badge_rect, reference pixels
	font_px: number;
	font_size_px: number;
	line_height_px: number;
	letter_spacing_px: number;
	bounds: Box;
	lines: TextLine[];
};

export type ImageRef = {url: string; width: number; height: number};

export type TransitionType = 'cut' | 'crossfade' | 'slide' | 'push' | 'zoom' | 'wipe';
export type Transition = {
	type: TransitionType;
	duration: number;
	easing: Easing;
	direction: 'left' | 'right' | 'up' | 'down';
};

/** One photo or clip (vidstudio.render.remotion_props.media_json). */
export type MediaRef = {
	kind: 'photo' | 'clip';
	url: string;
	width: number;
	height: number;
	focus: [number, number];
	fit: 'cover' | 'blur';
	trim_in: number;
	trim_out: number | null;
	clip_length: number | null; // seconds between the clip's in and out points
	clip_duration: number | null;
	backdrop: string | null; // "blur" fit: the photo reduced to BLUR_WIDTH px (data URL)
	blur_dim: number;
	blur_width: number; // paint.BLUR_WIDTH
	crop: [number, number, number, number] | null; // a clip: the native reader's crop (clip pixels)
};

/** A per-scene layer on its scene's clock, with its caption laid out (text layers). */
export type SceneLayer = Layer & {block?: TextBlock};

/** One scene of the timeline (vidstudio.render.timeline.Scene), in seconds. */
export type TimelineScene = {
	index: number;
	media: number | null;
	start: number;
	length: number;
	motion: KenBurns | null;
	transition_in: Transition | null;
	layers: SceneLayer[];
};

export type Timeline = {
	duration: number;
	fps: number;
	frame_count: number;
	clip_end: 'hold' | 'loop';
	zoom_transition: number; // paint.ZOOM_TRANSITION: how much the outgoing scene grows in a zoom
	scenes: TimelineScene[];
};

export type Soundtrack = {
	url: string;
	duration: number;
	volume: number;
	music_name?: string;
	gain_db?: number;
	fade_in?: number;
	fade_out?: number;
};

export type Scene = {
	template_id: string;
	fps: number;
	duration: number;
	frame_count: number;
	background: string;
	language?: string;
	reference: [number, number];
	layers: Layer[];
	text: Record<string, TextBlock>;
};

export type VidstudioProps = {
	props_version: number;
	aspect: string;
	title: string;
	subtitle: string;
	cta: string;
	end_card: boolean;
	image_url: string | null;
	photo: ImageRef | null;
	logo: ImageRef | null;
	scene: Scene | null;
	media?: MediaRef[];
	timeline?: Timeline | null;
	soundtrack?: Soundtrack | null;
	language?: string;
	fonts?: UserFont[]; // the brand's own font files, loaded before the first frame
};

/** A brand's font file and the family name the native renderer registered it under. */
export type UserFont = {family: string; url: string; weight?: number; style?: 'normal' | 'italic'};
