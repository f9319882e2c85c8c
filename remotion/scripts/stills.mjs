// Render stills of vidstudio compositions with Remotion (the parity test uses it).
//
// Reads one JSON object on stdin:
//   {"jobs": [{"composition": "promo", "props": {...}, "frame": 0, "output": "/abs/a.png"}],
//    "browserExecutable": "/usr/bin/chromium", "serveUrl": null}
// Bundles src/index.ts (unless serveUrl is given), opens one Chromium and
// renders each job.  Writes one JSON line per event on stdout:
//   {"type":"bundled","ms":...} {"type":"still","output":...,"ms":...} {"type":"done"}
//   {"type":"error","message":...}
import {bundle} from '@remotion/bundler';
import {openBrowser, renderStill, selectComposition} from '@remotion/renderer';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const emit = (obj) => process.stdout.write(`${JSON.stringify(obj)}\n`);

const readStdin = async () => {
	const chunks = [];
	for await (const chunk of process.stdin) chunks.push(chunk);
	return JSON.parse(Buffer.concat(chunks).toString('utf8'));
};

const main = async () => {
	const request = await readStdin();
	const browserExecutable = request.browserExecutable ?? '/usr/bin/chromium';
	const chromeMode = 'chrome-for-testing';
	let serveUrl = request.serveUrl;
	if (!serveUrl) {
		const started = Date.now();
		serveUrl = await bundle({
			entryPoint: path.join(root, 'src', 'index.ts'),
			publicDir: path.resolve(root, '..', 'resources'),
			enableCaching: false,
		});
		emit({type: 'bundled', ms: Date.now() - started, serveUrl});
	}
	const browser = await openBrowser('chrome', {browserExecutable, chromeMode, logLevel: 'error'});
	try {
		for (const job of request.jobs) {
			const started = Date.now();
			const composition = await selectComposition({
				serveUrl,
				id: job.composition,
				inputProps: job.props,
				puppeteerInstance: browser,
				browserExecutable,
				chromeMode,
				logLevel: 'error',
			});
			await renderStill({
				composition,
				serveUrl,
				output: job.output,
				frame: job.frame,
				inputProps: job.props,
				imageFormat: 'png',
				puppeteerInstance: browser,
				browserExecutable,
				chromeMode,
				overwrite: true,
				logLevel: 'error',
			});
			emit({type: 'still', output: job.output, frame: job.frame, ms: Date.now() - started});
		}
	} finally {
		await browser.close({silent: true});
	}
	emit({type: 'done'});
};

main().catch((err) => {
	emit({type: 'error', message: String(err && err.stack ? err.stack : err)});
	process.exit(1);
});
