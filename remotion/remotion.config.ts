// Settings for the Remotion CLI (`npx remotion studio`, `npx remotion lambda sites create`).
// The fonts are the very files the native renderer loads: resources/ is the public folder.
import {Config} from '@remotion/cli/config';

Config.setPublicDir('../resources');
Config.setEntryPoint('src/index.ts');
Config.setChromeMode('chrome-for-testing');
