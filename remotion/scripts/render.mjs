// vidstudio's "Remotion (this computer)" renderer: a child process speaking JSON lines.
//
// stdin, one JSON object per line:
//   {"type":"render","composition":"promo","props":{...},"output":"/abs/out.mp4",
//    "assets":[{"path":"/abs/photo.jpg","name":"vs-1a2b-0.jpg"}, ...],
//    "browserExecutable":"/usr/bin/chromium"|null,
//    "concurrency":null,"crf":null}
//   {"type":"cancel"}
// stdout, one JSON object per line:
//   {"type":"bundled","ms":...} {"type":"progress","progress":0.42,"renderedFrames":126,
//    "encodedFrames":120,"stage":"encoding"} {"type":"done","output":...,"ms":...}
//   {"type":"cancelled"} {"type":"error","message":...}
//
// Every asset (photos, clips, logo, the soundtrack WAV) is copied into the bundle's public
// folder (no server of ours, no port) under the name vidstudio chose: the props already say
// "static:<name>", which the composition resolves with staticFile().
// When stdin closes (the app quit or died) the render is cancelled and the process exits.
import {bundle} from '@remotion/bundler';
import {makeCancelSignal, renderMedia, selectComposition} from '@remotion/renderer';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import {fileURLToPath} from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const emit = (obj) => process.stdout.write(`${JSON.stringify(obj)}\n`);

const {cancelSignal, cancel} = makeCancelSignal();
let cancelled = false;
let started = false;

const doCancel = () => {
	if (!cancelled) {
		cancelled = true;
		cancel();
	}
};

const render = async (request) => {
	const t0 = Date.now();
	const serveUrl = await bundle({
		entryPoint: path.join(root, 'src', 'index.ts'),
		publicDir: path.resolve(root, '..', 'resources'),
		enableCaching: true,
	});
	emit({type: 'bundled', ms: Date.now() - t0});
	if (cancelled) throw new Error('cancelled');
	const props = request.props;
	// Every photo, clip, logo and the soundtrack, under the names the props use ("static:<name>").
	const staged = [];
	for (const asset of request.assets ?? []) {
		const target = path.join(serveUrl, 'public', asset.name);
		fs.copyFileSync(asset.path, target);
		staged.push(target);
	}
	process.on('exit', () => {
		for (const file of staged) {
			try {
				fs.unlinkSync(file);
			} catch {
				// already gone
			}
		}
	});
	const browserExecutable = request.browserExecutable ?? null;
	const chromeMode = 'chrome-for-testing';
	const composition = await selectComposition({
		serveUrl,
		id: request.composition,
		inputProps: props,
		browserExecutable,
		chromeMode,
		logLevel: 'error',
	});
	let last = 0;
	await renderMedia({
		composition,
		serveUrl,
		codec: 'h264',
		pixelFormat: 'yuv420p',
		crf: request.crf ?? undefined,
		outputLocation: request.output,
		inputProps: props,
		browserExecutable,
		chromeMode,
		concurrency: request.concurrency ?? null,
		cancelSignal,
		overwrite: true,
		logLevel: 'error',
		onProgress: ({progress, renderedFrames, encodedFrames, stitchStage}) => {
			const now = Date.now();
			if (now - last < 100 && progress < 1) return;
			last = now;
			emit({type: 'progress', progress, renderedFrames, encodedFrames, stage: stitchStage});
		},
	});
	emit({type: 'done', output: request.output, ms: Date.now() - t0});
};

const lines = readline.createInterface({input: process.stdin});
lines.on('line', (line) => {
	let message;
	try {
		message = JSON.parse(line);
	} catch {
		emit({type: 'error', message: `not JSON: ${line.slice(0, 200)}`});
		return;
	}
	if (message.type === 'cancel') {
		doCancel();
	} else if (message.type === 'render' && !started) {
		started = true;
		render(message)
			.then(() => process.exit(0))
			.catch((err) => {
				if (cancelled) {
					emit({type: 'cancelled'});
					process.exit(130);
				}
				emit({type: 'error', message: String(err && err.message ? err.message : err)});
				process.exit(1);
			});
	}
});
// The app went away: stop rendering and leave no process behind.
lines.on('close', () => {
	doCancel();
	if (!started) process.exit(0);
	setTimeout(() => process.exit(130), 5000).unref();
});
