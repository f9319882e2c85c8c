// The bundled font files (resources/fonts, the public folder), the same files
// the native renderer registers with Qt.  Loaded once; rendering waits for them.
//
// The CSS family list mirrors vidstudio/render/fonts.py font_chain: the primary
// font, Inter (Latin, Greek, Cyrillic), the Arabic, Hebrew, Devanagari and Thai
// fonts, Noto Sans CJK, colour emoji.  Chromium loads a font collection (.ttc)
// through FontFace but only its first face, the Japanese one, so CJK is one CSS
// family here; the Chinese and Korean forms of Han characters come from the
// font's `locl` feature, which Chromium applies from the element's `lang`
// attribute.  Set `lang={cjkLang(language)}` on the text element (docs/fonts.md).
import {cancelRender, continueRender, delayRender, staticFile} from 'remotion';

// [CSS family, file, weight, style]: the same list as fonts.py FONT_FACES
// (tests/unit/test_fonts.py compares them).
const FACES: Array<[string, string, string, string]> = [
	['VS Inter', 'Inter-Regular.otf', '400', 'normal'],
	['VS Inter', 'Inter-Medium.otf', '500', 'normal'],
	['VS Inter', 'Inter-SemiBold.otf', '600', 'normal'],
	['VS Inter', 'Inter-Bold.otf', '700', 'normal'],
	['VS Inter', 'Inter-ExtraBold.otf', '800', 'normal'],
	['VS EB Garamond', 'EBGaramond12-Regular.otf', '400', 'normal'],
	['VS EB Garamond', 'EBGaramond12-Italic.otf', '400', 'italic'],
	['VS EB Garamond', 'EBGaramond12-Bold.otf', '700', 'normal'],
	['VS Noto Sans Arabic', 'NotoSansArabic-Regular.ttf', '400', 'normal'],
	['VS Noto Sans Arabic', 'NotoSansArabic-Bold.ttf', '700', 'normal'],
	['VS Noto Sans Hebrew', 'NotoSansHebrew-Regular.ttf', '400', 'normal'],
	['VS Noto Sans Hebrew', 'NotoSansHebrew-Bold.ttf', '700', 'normal'],
	['VS Noto Sans Devanagari', 'NotoSansDevanagari-Regular.ttf', '400', 'normal'],
	['VS Noto Sans Devanagari', 'NotoSansDevanagari-Bold.ttf', '700', 'normal'],
	['VS Noto Sans Thai', 'NotoSansThai-Regular.ttf', '400', 'normal'],
	['VS Noto Sans Thai', 'NotoSansThai-Bold.ttf', '700', 'normal'],
	['VS Noto Sans CJK', 'NotoSansCJK-Regular.ttc', '400', 'normal'],
	['VS Noto Sans CJK', 'NotoSansCJK-Bold.ttc', '700', 'normal'],
	['VS Emoji', 'NotoColorEmoji.ttf', '400', 'normal'],
];

// Template family -> its bundled CSS family; any other name is a brand font
// loaded with loadUserFont under that very name.
const TEMPLATE_FAMILIES: Record<string, string> = {
	Inter: 'VS Inter',
	'EB Garamond': 'VS EB Garamond',
};
const FALLBACKS = [
	'VS Inter',
	'VS Noto Sans Arabic',
	'VS Noto Sans Hebrew',
	'VS Noto Sans Devanagari',
	'VS Noto Sans Thai',
	'VS Noto Sans CJK',
	'VS Emoji',
];

const quote = (family: string): string => `"${family.replace(/["\\]/g, (c) => `\\${c}`)}"`;

/**
 * The CSS font-family list for a text layer, in the order of Qt's chain
 * (fonts.py font_chain).  `language` does not change the list: CJK is one
 * collection whose regional forms follow the element's `lang` (see cjkLang).
 */
export const familyCss = (family: string, language?: string): string => {
	void language;
	const primary = TEMPLATE_FAMILIES[family] ?? family;
	const chain = [primary, ...FALLBACKS.filter((name) => name !== primary)];
	return chain.map(quote).join(', ');
};

/**
 * The `lang` attribute that selects the same Han forms as Qt's chain: ja, ko,
 * zh-Hant (zh-TW), zh-HK, and zh-Hans for the other Chinese tags.  Undefined for
 * other languages, where Chromium shows the collection's first (Japanese) forms
 * of a stray Han character and Qt the Simplified Chinese ones.
 */
export const cjkLang = (language?: string): string | undefined => {
	const parts = (language ?? '').replace(/_/g, '-').toLowerCase().split('-');
	if (parts[0] === 'ja' || parts[0] === 'ko') {
		return parts[0];
	}
	if (parts[0] !== 'zh') {
		return undefined;
	}
	const rest = parts.slice(1);
	if (rest.includes('hk') || rest.includes('mo')) {
		return 'zh-HK';
	}
	return rest.includes('hant') || rest.includes('tw') ? 'zh-Hant' : 'zh-Hans';
};

// Template family -> CSS family list, language-neutral: kept for callers that
// have no language; familyCss(family, language) is the full form.
export const FAMILIES: Record<string, string> = Object.fromEntries(
	Object.keys(TEMPLATE_FAMILIES).map((family) => [family, familyCss(family)]),
);

const addFace = async (family: string, url: string, weight: string, style: string): Promise<void> => {
	const face = new FontFace(family, `url(${JSON.stringify(url)})`, {weight, style});
	await face.load();
	document.fonts.add(face);
};

let loading: Promise<void> | null = null;

const loadAll = (): Promise<void> => {
	if (!loading) {
		loading = Promise.all(
			FACES.map(([family, file, weight, style]) => addFace(family, staticFile(`fonts/${file}`), weight, style)),
		).then(() => undefined);
	}
	return loading;
};

const userFonts = new Map<string, Promise<void>>();

/**
 * Load a brand's own font file (TTF or OTF at `url`) under `family`, the name
 * familyCss is then given; once per family and URL.  The caller holds the render
 * (delayRender) until it settles; a file the browser cannot use rejects.
 */
export const loadUserFont = (
	family: string,
	url: string,
	weight: string = '400',
	style: string = 'normal',
): Promise<void> => {
	const key = `${family}\n${url}`;
	let promise = userFonts.get(key);
	if (!promise) {
		// The file's own weight and style (remotion_props reads them from the file): a
		// Regular file is emboldened for bold text, as Qt does, a Bold file is not again.
		promise = addFace(family, url, weight, style).catch((err: unknown) => {
			userFonts.delete(key); // a later call may try again
			throw err;
		});
		userFonts.set(key, promise);
	}
	return promise;
};

/** Hold the render until every bundled font is loaded (call once per component mount). */
export const waitForFonts = (): void => {
	const handle = delayRender('Loading the bundled fonts');
	loadAll()
		.then(() => continueRender(handle))
		.catch((err: unknown) => cancelRender(err));
};
