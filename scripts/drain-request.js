// A response sent before its request body was read (a refusal from the announced length,
// a 403 on a forged post, a 415) must not cut the client off mid-upload. adapter-node
// turns the body into a stream whose 'data' listener pauses the socket until someone
// reads; when nobody does, Node neither discards the rest (keep-alive: the next request on
// that connection stalls) nor waits for it (Connection: close: the socket is destroyed
// with unread bytes, the kernel answers RST, the client sees EPIPE instead of the status).
// So the final `res.end` waits until the rest of the body has been read and discarded.
// Bodies announced above the server's limit are not drained: the connection is closed.

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {number} limit bytes a client may make us read and discard
 */
export function drainBeforeEnd(req, res, limit) {
	const end = res.end.bind(res);
	// @ts-expect-error: the overloads of end() are forwarded as they came.
	res.end = (...args) => {
		if (req.complete || req.destroyed || req.readableEnded) return end(...args);
		const announced = Number(req.headers['content-length']);
		if (Number.isFinite(announced) && announced > limit) {
			if (!res.headersSent) res.setHeader('connection', 'close');
			return end(...args);
		}
		let finished = false;
		const finish = () => {
			if (finished) return;
			finished = true;
			end(...args);
		};
		// The body stream nobody will read: its listener goes, the bytes are discarded.
		req.removeAllListeners('data');
		let read = 0;
		req.on('data', (chunk) => {
			read += chunk.length;
			// A chunked body without a length is bounded too.
			if (read > limit) {
				if (!res.headersSent) res.setHeader('connection', 'close');
				finish();
			}
		});
		req.once('end', finish);
		req.once('close', finish);
		req.once('error', finish);
		req.resume();
		return res;
	};
}
