// Starts the built app (adapter-node). adapter-node assumes HTTPS unless told the
// public origin; for the newcomer's http://localhost demo we default ORIGIN to it.
// In production set ORIGIN to the public URL (e.g. https://aipd.example-hospital.fr),
// or PROTOCOL_HEADER/HOST_HEADER behind a TLS-terminating proxy.
const port = process.env.PORT || '3000';
if (!process.env.ORIGIN && !process.env.PROTOCOL_HEADER) {
	process.env.ORIGIN = `http://localhost:${port}`;
}
// Attachments may be 20 MB (checked with a clear message by the upload action);
// adapter-node's default request limit (512 kB) would refuse them first.
process.env.BODY_SIZE_LIMIT ??= '25M';
// Node closes idle keep-alive sockets after 5 s; a client (or reverse proxy) reusing one
// at that moment gets ECONNRESET. Keep them longer than common proxies' 60 s.
process.env.KEEP_ALIVE_TIMEOUT ??= '65';
await import('../build/index.js');
