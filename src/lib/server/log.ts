/**
 * One JSON object per line on stdout/stderr. Values are JSON-escaped, so a newline
 * typed into a form can never forge a second log line. Never pass passwords or tokens.
 */
export function logEvent(event: string, fields: Record<string, unknown> = {}): void {
	process.stdout.write(
		JSON.stringify({ at: new Date().toISOString(), level: 'info', event, ...fields }) + '\n'
	);
}

export function logError(fields: { id: string; error: unknown } & Record<string, unknown>): void {
	const { error, ...rest } = fields;
	const detail =
		error instanceof Error
			? { name: error.name, message: error.message, stack: error.stack }
			: { message: String(error) };
	process.stderr.write(
		JSON.stringify({
			at: new Date().toISOString(),
			level: 'error',
			event: 'unexpected_error',
			...rest,
			error: detail
		}) + '\n'
	);
}
