import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';
import { localize } from '$lib/domain/knowledge/localized';
import { isStepKey, stepDefinition } from '$lib/domain/method/steps';
import type { NotifyEvent } from '$lib/domain/notifications';
import type { EventPayload } from './outbox';

/** What a daily digest row carries: the day's folded events and what falls due. */
export interface DigestPayload {
	day: string;
	events: (EventPayload & { event: NotifyEvent })[];
	due: {
		kind: 'review_due' | 'condition_due' | 'overdue_action';
		title: string;
		href: string;
		dueDate: string;
		overdue: boolean;
	}[];
}

export interface MailContext {
	locale: Locale;
	origin: string;
	name: string;
}

export interface MailText {
	subject: string;
	text: string;
}

const SUBJECT: Record<NotifyEvent, typeof m.notify_subject_review_requested> = {
	review_requested: m.notify_subject_review_requested,
	step_sent_back: m.notify_subject_step_sent_back,
	opinion_requested: m.notify_subject_opinion_requested,
	decision_requested: m.notify_subject_decision_requested,
	decision_signed: m.notify_subject_decision_signed
};

const OUTCOME: Record<string, typeof m.signoff_outcome_approve> = {
	approve: m.signoff_outcome_approve,
	approve_with_conditions: m.signoff_outcome_approve_with_conditions,
	reject: m.signoff_outcome_reject,
	refer_cnil: m.signoff_outcome_refer_cnil
};

/** Titles go in a subject line: one line, and not a novel. */
function oneLine(text: string): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length > 120 ? `${flat.slice(0, 119)}…` : flat;
}

function stepName(step: string | null | undefined, locale: Locale): string {
	return isStepKey(step)
		? localize(stepDefinition(step).title, locale)
		: m.notify_unknown_step({}, { locale });
}

/** The sentence that says what the event asks of the recipient. */
function eventLine(event: NotifyEvent, p: EventPayload, locale: Locale): string {
	const o = { locale };
	const title = oneLine(p.title);
	switch (event) {
		case 'review_requested':
			return m.notify_body_review_requested({ title, step: stepName(p.step, locale) }, o);
		case 'step_sent_back':
			return m.notify_body_step_sent_back({ title, step: stepName(p.step, locale) }, o);
		case 'opinion_requested':
			return m.notify_body_opinion_requested({ title }, o);
		case 'decision_requested':
			return m.notify_body_decision_requested({ title }, o);
		case 'decision_signed': {
			const label = p.outcome ? OUTCOME[p.outcome] : undefined;
			const outcome = label ? label({}, o) : '';
			return m.notify_body_decision_signed({ title, outcome }, o);
		}
	}
}

function footer(ctx: MailContext): string[] {
	return ['', '--', m.notify_footer({ link: `${ctx.origin}/account` }, { locale: ctx.locale })];
}

/** One event's mail, in the recipient's language; only the title and a link. */
export function composeEvent(event: NotifyEvent, p: EventPayload, ctx: MailContext): MailText {
	const o = { locale: ctx.locale };
	return {
		subject: SUBJECT[event]({ title: oneLine(p.title) }, o),
		text: [
			m.notify_greeting({ name: ctx.name }, o),
			'',
			eventLine(event, p, ctx.locale),
			m.notify_open({ link: `${ctx.origin}${p.href}` }, o),
			...footer(ctx)
		].join('\n')
	};
}

const DUE = {
	review_due: m.notify_due_review,
	condition_due: m.notify_due_condition,
	overdue_action: m.notify_due_action
};

/** The daily digest: the events folded since the last one, then what falls due. */
export function composeDigest(p: DigestPayload, ctx: MailContext): MailText {
	const o = { locale: ctx.locale };
	const lines = [m.notify_greeting({ name: ctx.name }, o), '', m.notify_digest_intro({}, o)];
	if (p.events.length) {
		lines.push('', m.notify_digest_events({}, o));
		for (const e of p.events)
			lines.push(`- ${eventLine(e.event, e, ctx.locale)}`, `  ${ctx.origin}${e.href}`);
	}
	if (p.due.length) {
		lines.push('', m.notify_digest_due({}, o));
		for (const d of p.due) {
			const late = d.overdue ? ` ${m.notify_overdue({}, o)}` : '';
			const what = DUE[d.kind]({ title: oneLine(d.title), date: d.dueDate }, o);
			lines.push(`- ${what}${late}`, `  ${ctx.origin}${d.href}`);
		}
	}
	return {
		subject: m.notify_subject_digest({ date: p.day }, o),
		text: [...lines, ...footer(ctx)].join('\n')
	};
}
