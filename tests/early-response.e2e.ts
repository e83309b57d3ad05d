import { expect, test } from '@playwright/test';
import http from 'node:http';
import net from 'node:net';

// A refusal sent before the body is read (here the cross-site check, which never reads
// it) reached CI's fuzzer as EPIPE: the server closed the socket on a 3 MB upload still
// being written. The client must get the status, and a kept-alive connection must serve
// the next request (scripts/drain-request.js).
const BODY = Buffer.alloc(3_000_000, 'a');
const CHUNK = 64 * 1024;

function post(base: string, connection: 'close' | 'keep-alive', agent?: http.Agent) {
	return new Promise<number>((resolve, reject) => {
		const req = http.request(`${base}/login`, {
			method: 'POST',
			agent,
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				'content-length': String(BODY.length),
				origin: 'http://evil.example',
				connection
			}
		});
		req.on('response', (res) => {
			res.resume();
			res.on('end', () => resolve(res.statusCode ?? 0));
		});
		req.on('error', reject);
		// Written chunk by chunk, each after the previous one left: the server has every
		// chance to answer (and, before the fix, to hang up) in the middle.
		let offset = 0;
		const next = () => {
			if (offset >= BODY.length) return void req.end();
			const chunk = BODY.subarray(offset, offset + CHUNK);
			offset += CHUNK;
			req.write(chunk, (e) => (e ? reject(e) : next()));
		};
		next();
	});
}

test('a refusal before the body is read reaches the client, and the connection goes on', async ({
	baseURL
}) => {
	expect(await post(baseURL!, 'close')).toBe(403);

	const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
	const sockets = new Set<net.Socket>();
	agent.on('free', (socket) => sockets.add(socket));
	expect(await post(baseURL!, 'keep-alive', agent)).toBe(403);
	const health = await new Promise<number>((resolve, reject) => {
		http
			.get(`${baseURL}/healthz`, { agent }, (res) => {
				res.resume();
				res.on('end', () => resolve(res.statusCode ?? 0));
			})
			.on('error', reject);
	});
	expect(health).toBe(200);
	// The same socket carried both requests.
	expect(sockets.size).toBe(1);
	agent.destroy();
});
