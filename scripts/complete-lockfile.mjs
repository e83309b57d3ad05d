// The npm registry reachable from these machines lacks some other-platform builds of
// optional native packages (rollup, @lix-js/sdk, jco-node-fs for darwin, win32, musl…).
// `npm install` then leaves them out of package-lock.json, and `npm ci` refuses the
// lockfile ("Missing: … from lock file"). This adds a lock entry for each missing
// optional dependency with its os/cpu/libc, so `npm ci` skips it on Linux x64 (it is
// never downloaded). Run after any `npm install`: node scripts/complete-lockfile.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const OS = [
	'darwin',
	'linux',
	'win32',
	'android',
	'freebsd',
	'openbsd',
	'netbsd',
	'sunos',
	'aix',
	'openharmony'
];
const CPU = {
	'arm-eabi': 'arm',
	arm64: 'arm64',
	x64: 'x64',
	arm: 'arm',
	ia32: 'ia32',
	riscv64: 'riscv64',
	ppc64: 'ppc64',
	s390x: 's390x',
	loong64: 'loong64'
};

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
let added = 0;
for (const [key, pkg] of Object.entries(lock.packages)) {
	for (const [name, version] of Object.entries(pkg.optionalDependencies ?? {})) {
		const nested = `${key ? key + '/' : ''}node_modules/${name}`;
		if (lock.packages[nested] || lock.packages[`node_modules/${name}`]) continue;
		const parts = name.split('/').pop().split('-');
		const os = parts.find((p) => OS.includes(p));
		const cpuToken = parts.find((p) => p in CPU) ?? (parts.includes('arm') ? 'arm' : undefined);
		if (!os || !cpuToken) {
			console.error(`complete-lockfile: cannot tell the platform of ${name}; left out`);
			continue;
		}
		const entry = { version, optional: true, os: [os], cpu: [CPU[cpuToken]] };
		if (parts.includes('musl') || parts.includes('musleabihf')) entry.libc = ['musl'];
		else if (os === 'linux') entry.libc = ['glibc'];
		lock.packages[`node_modules/${name}`] = entry;
		added++;
	}
}
lock.packages = Object.fromEntries(
	Object.entries(lock.packages).sort(([a], [b]) =>
		a === '' ? -1 : b === '' ? 1 : a.localeCompare(b)
	)
);
writeFileSync(path, JSON.stringify(lock, null, 2) + '\n');
console.log(`complete-lockfile: ${added} optional platform entries added`);
