// A faithful port of the easing and entrance/exit functions of
// vidstudio/render/paint.py (_ease, _anim_state, layer_state, _phases).
import type {Animation, Easing, LayerBase} from './types';

export const ease = (name: Easing, raw: number): number => {
	const t = Math.min(1.0, Math.max(0.0, raw));
	switch (name) {
		case 'linear':
			return t;
		case 'ease_in':
			return t * t;
		case 'ease_out':
			return 1 - (1 - t) * (1 - t);
		case 'ease_in_out':
			return t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2;
		case 'ease_out_cubic':
			return 1 - (1 - t) ** 3;
		case 'ease_in_out_cubic':
			return t < 0.5 ? 4 * t * t * t : 1 - (-2 * t + 2) ** 3 / 2;
		case 'ease_out_back': {
			const c1 = 1.70158;
			const c3 = c1 + 1;
			return 1 + c3 * (t - 1) ** 3 + c1 * (t - 1) ** 2;
		}
		default:
			throw new Error(`unknown easing ${name as string}`);
	}
};

export type State = {opacity: number; dx: number; dy: number; scale: number};

const animState = (anim: Animation, progress: number): State => {
	let opacity = 1.0;
	let dx = 0.0;
	let dy = 0.0;
	let scale = 1.0;
	if (anim.effects.includes('fade')) {
		opacity = Math.min(1.0, Math.max(0.0, progress));
	}
	if (anim.effects.includes('slide')) {
		dx = anim.slide[0] * (1 - progress);
		dy = anim.slide[1] * (1 - progress);
	}
	if (anim.effects.includes('scale')) {
		scale = anim.scale_from + (1 - anim.scale_from) * progress;
	}
	return {opacity, dx, dy, scale};
};

const phases = (layer: LayerBase, t: number, end: number): Array<[Animation, number]> => {
	const out: Array<[Animation, number]> = [];
	if (layer.entrance) {
		const anim = layer.entrance;
		const raw = (t - layer.start - anim.delay) / anim.duration;
		out.push([anim, ease(anim.easing, raw)]);
	}
	if (layer.exit) {
		const anim = layer.exit;
		const begin = end - anim.duration - anim.delay;
		const raw = 1.0 - (t - begin) / anim.duration;
		out.push([anim, ease(anim.easing, raw)]);
	}
	return out;
};

/** Visibility and transform of a layer at time t seconds (null: not drawn). */
export const layerState = (layer: LayerBase, t: number, duration: number): State | null => {
	const end = layer.end ?? duration;
	if (t < layer.start || t >= end) {
		return null;
	}
	let opacity = layer.opacity;
	let dx = 0.0;
	let dy = 0.0;
	let scale = 1.0;
	for (const [anim, progress] of phases(layer, t, end)) {
		const s = animState(anim, progress);
		opacity *= s.opacity;
		dx += s.dx;
		dy += s.dy;
		scale *= s.scale;
	}
	if (opacity <= 0.0) {
		return null;
	}
	return {opacity, dx, dy, scale};
};
