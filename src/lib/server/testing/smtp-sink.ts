/**
 * A real SMTP server for the tests (smtp-server, from the Nodemailer project), keeping
 * every message it accepts, parsed (mailparser). Plain SMTP on localhost: no STARTTLS
 * (its built-in certificate is self-signed) and no authentication.
 */
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';

export interface ReceivedMail {
	to: string[];
	subject: string;
	text: string;
}

export interface SmtpSink {
	port: number;
	messages: ReceivedMail[];
	close: () => Promise<void>;
}

/** Listens on `port` (0: any free one) until closed. */
export async function startSmtpSink(port = 0): Promise<SmtpSink> {
	const messages: ReceivedMail[] = [];
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS', 'AUTH'],
		logger: false,
		onData(stream, session, callback) {
			simpleParser(stream)
				.then((mail) => {
					messages.push({
						to: session.envelope.rcptTo.map((r) => r.address),
						subject: mail.subject ?? '',
						text: mail.text ?? ''
					});
					callback();
				})
				.catch((e: Error) => callback(e));
		}
	});
	const net = await new Promise<import('node:net').Server>((resolve, reject) => {
		const s = server.listen(port, '127.0.0.1', () => resolve(s));
		s.once('error', reject);
	});
	const address = net.address();
	return {
		port: typeof address === 'object' && address ? address.port : port,
		messages,
		close: () => new Promise((resolve) => server.close(() => resolve()))
	};
}
