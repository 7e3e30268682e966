/** This bundle's build id (__FF_BUILD_ID__: package version + dataset hash); "dev" outside a vite build (unit tests). */
export const BUILD_ID = typeof __FF_BUILD_ID__ === 'string' ? __FF_BUILD_ID__ : 'dev';
