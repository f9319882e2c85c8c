// One composition per template file in resources/templates (read at bundle time:
// a new template JSON gets its composition without code).  Size, fps and length
// come from the props vidstudio sends (aspect), the template file otherwise.
import React from 'react';
import {Composition} from 'remotion';
import type {CalculateMetadataFunction} from 'remotion';
import {TemplateComposition} from './Template';
import type {VidstudioProps} from './types';

type TemplateFile = {fps?: number; duration?: number};

declare const require: {
	context(dir: string, deep: boolean, filter: RegExp): {
		keys(): string[];
		<T>(id: string): T;
	};
};

const templateFiles = require.context('../../resources/templates', false, /^\.\/(?!schema)[\w-]+\.json$/);

const TEMPLATES: Array<{id: string; data: TemplateFile}> = templateFiles
	.keys()
	.map((key) => ({id: key.replace(/^\.\//, '').replace(/\.json$/, ''), data: templateFiles<TemplateFile>(key)}));

const defaultProps: VidstudioProps = {
	props_version: 1,
	aspect: '16:9',
	title: '',
	subtitle: '',
	cta: '',
	end_card: true,
	image_url: null,
	photo: null,
	logo: null,
	scene: null,
};

const metadataFor =
	(id: string): CalculateMetadataFunction<VidstudioProps> =>
	({props}) => {
		const scene = props.scene;
		if (!scene) return {};
		if (scene.template_id !== id) {
			throw new Error(`These props are for template "${scene.template_id}", not "${id}".`);
		}
		return {
			durationInFrames: scene.frame_count,
			fps: scene.fps,
			width: scene.reference[0],
			height: scene.reference[1],
		};
	};

export const RemotionRoot: React.FC = () => (
	<>
		{TEMPLATES.map(({id, data}) => {
			const fps = data.fps ?? 30;
			return (
				<Composition
					key={id}
					id={id}
					component={TemplateComposition}
					fps={fps}
					durationInFrames={Math.round((data.duration ?? 10) * fps)}
					width={1920}
					height={1080}
					defaultProps={defaultProps}
					calculateMetadata={metadataFor(id)}
				/>
			);
		})}
	</>
);
