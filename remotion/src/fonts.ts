// The bundled font files (resources/fonts, the public folder), the same files
// the native renderer registers with Qt.  Loaded once; rendering waits for them.
import {cancelRender, continueRender, delayRender, staticFile} from 'remotion';

// Template family -> CSS family names (with the colour emoji font as fallback).
export const FAMILIES: Record<string, string> = {
	Inter: '"VS Inter", "VS Emoji"',
	'EB Garamond': '"VS EB Garamond", "VS Emoji"',
};

const FACES: Array<[string, string, string, string]> = [
	['VS Inter', 'Inter-Regular.otf', '400', 'normal'],
	['VS Inter', 'Inter-Medium.otf', '500', 'normal'],
	['VS Inter', 'Inter-SemiBold.otf', '600', 'normal'],
	['VS Inter', 'Inter-Bold.otf', '700', 'normal'],
	['VS Inter', 'Inter-ExtraBold.otf', '800', 'normal'],
	['VS EB Garamond', 'EBGaramond12-Regular.otf', '400', 'normal'],
	['VS EB Garamond', 'EBGaramond12-Italic.otf', '400', 'italic'],
	['VS EB Garamond', 'EBGaramond12-Bold.otf', '700', 'normal'],
	['VS Emoji', 'NotoColorEmoji.ttf', '400', 'normal'],
];

let loading: Promise<void> | null = null;

const loadAll = (): Promise<void> => {
	if (!loading) {
		loading = Promise.all(
			FACES.map(async ([family, file, weight, style]) => {
				const face = new FontFace(family, `url(${staticFile(`fonts/${file}`)})`, {
					weight,
					style,
				});
				await face.load();
				document.fonts.add(face);
			}),
		).then(() => undefined);
	}
	return loading;
};

/** Hold the render until every bundled font is loaded (call once per component mount). */
export const waitForFonts = (): void => {
	const handle = delayRender('Loading the bundled fonts');
	loadAll()
		.then(() => continueRender(handle))
		.catch((err: unknown) => cancelRender(err));
};
