// Starts the built app: adapter-node's request handler behind our own HTTP server, so
// that every dynamic response is compressed (gzip/deflate/brotli per Accept-Encoding) by
// the well-kept `compression` middleware; adapter-node's own entry (build/index.js) has
// no place for a middleware. What its entry did and we need is kept: PORT/HOST, the
// keep-alive timeout, graceful shutdown on SIGTERM/SIGINT.
//
// adapter-node assumes HTTPS unless told the public origin; for the newcomer's
// http://localhost demo we default ORIGIN to it. In production set ORIGIN to the public
// URL (e.g. https://aipd.example-hospital.fr), or PROTOCOL_HEADER/HOST_HEADER behind a
// TLS-terminating proxy.
import http from 'node:http';
import compression from 'compression';
import { drainBeforeEnd } from './drain-request.js';

const port = Number(process.env.PORT || '3000');
const host = process.env.HOST || '0.0.0.0';
if (!process.env.ORIGIN && !process.env.PROTOCOL_HEADER) {
	process.env.ORIGIN = `http://localhost:${port}`;
}
// Attachments may be 20 MB (checked with a clear message by the upload action);
// adapter-node's default request limit (512 kB) would refuse them first.
process.env.BODY_SIZE_LIMIT ??= '25M';

// Imported after the environment is set: the handler reads it when loaded.
const { handler } = await import('../build/handler.js');

// Under 1 kB compression costs more than it saves. Downloads that are already
// compressed (ZIP, PDF, DOCX, images) are left alone by the middleware's type filter.
const compress = compression({ threshold: 1024 });
// adapter-node's notation: a number of bytes with an optional K, M or G suffix.
const limit = (() => {
	const m = /^(\d+)([KMG]?)$/i.exec(process.env.BODY_SIZE_LIMIT ?? '');
	if (!m) return Infinity;
	return Number(m[1]) * { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[m[2].toUpperCase()];
})();
const server = http.createServer((req, res) => {
	// Installed before compression, whose own end() calls this one last.
	drainBeforeEnd(req, res, limit);
	compress(req, res, () => handler(req, res));
});
// Node closes idle keep-alive sockets after 5 s; a client (or reverse proxy) reusing one
// at that moment gets ECONNRESET. Keep them longer than common proxies' 60 s.
server.keepAliveTimeout = Number(process.env.KEEP_ALIVE_TIMEOUT ?? '65') * 1000;

server.listen(port, host, () => {
	console.log(`Listening on http://${host}:${port}`);
});

let stopping = false;
function shutdown() {
	if (stopping) return;
	stopping = true;
	server.closeIdleConnections();
	server.close(() => process.exit(0));
	// Requests still running after 30 s are cut, as adapter-node's entry does.
	setTimeout(() => server.closeAllConnections(), 30_000).unref();
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
