import pkg from '../../../../package.json';

/** Name and version of this software, as written into every manifest and on the about page. */
export const GENERATOR = { name: pkg.name, version: pkg.version } as const;
