// Starts the built app (adapter-node). adapter-node assumes HTTPS unless told the
// public origin; for the newcomer's http://localhost demo we default ORIGIN to it.
// In production set ORIGIN to the public URL (e.g. https://aipd.example-hospital.fr),
// or PROTOCOL_HEADER/HOST_HEADER behind a TLS-terminating proxy.
const port = process.env.PORT || '3000';
if (!process.env.ORIGIN && !process.env.PROTOCOL_HEADER) {
	process.env.ORIGIN = `http://localhost:${port}`;
}
await import('../build/index.js');
