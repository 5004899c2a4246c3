/** The app's version, as written into exported files. */
import pkg from '../../package.json' with { type: 'json' };

export const APP_VERSION: string = pkg.version;
