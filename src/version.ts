declare const __DR_ADVISOR_VERSION__: string | undefined;
/** Injected at build time from package.json (see scripts/build.mjs). */
export const VERSION: string = typeof __DR_ADVISOR_VERSION__ === 'string' ? __DR_ADVISOR_VERSION__ : '0.0.0-dev';
