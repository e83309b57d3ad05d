/**
 * The notice for adolescents: the same facts in fewer, plainer words, addressed to the young
 * patient, with what matters most to them: care they may keep from their parents (CSP
 * L.1111-5; contraception L.5134-1; abortion L.2212-7) and the reminders that reach the
 * parent holding the family account.
 */
import { m } from '$lib/paraglide/messages';
import type { Block, Section } from './report-doc';
import type { ReportContext } from './report-context';
import { dpoContacts } from './notice-gaps';
import {
	controllerName,
	dataItems,
	dpoName,
	recipientItems,
	retentionItems,
	transfersBlock,
	type HistoryImport
} from './notice-model';

export function adolescentSections(ctx: ReportContext, status: HistoryImport): Section[] {
	const o = ctx.o;
	const p = (text: string, tone?: 'warning'): Block => ({ kind: 'paragraph', text, tone });
	return [
		{
			id: 'controller',
			title: m.notice_teen_who({}, o),
			blocks: [
				p(m.notice_teen_controller({ name: controllerName(ctx) }, o)),
				p(m.notice_teen_dpo({ name: dpoName(ctx), contact: dpoContacts(ctx).join(', ') }, o))
			]
		},
		{
			id: 'secret',
			title: m.notice_teen_secret({}, o),
			blocks: [p(m.notice_teen_secret_text({}, o)), p(m.notice_teen_secret_family({}, o))]
		},
		{
			id: 'data',
			title: m.notice_teen_what({}, o),
			blocks: [p(m.notice_teen_what_text({}, o)), { kind: 'list', items: dataItems(ctx) }]
		},
		{
			id: 'recipients',
			title: m.notice_teen_who_sees({}, o),
			blocks: [
				p(m.notice_teen_who_sees_text({}, o)),
				{ kind: 'list', items: recipientItems(ctx) },
				transfersBlock(ctx)
			]
		},
		{
			id: 'retention',
			title: m.notice_teen_how_long({}, o),
			blocks: [{ kind: 'list', items: retentionItems(ctx) }]
		},
		{
			id: 'rights',
			title: m.notice_teen_rights({}, o),
			blocks: [
				{
					kind: 'list',
					items: [
						m.notice_teen_rights_list_access({}, o),
						m.notice_teen_rights_list_fix({}, o),
						m.notice_teen_rights_list_delete({}, o),
						m.notice_teen_rights_list_object({}, o)
					]
				},
				p(m.notice_teen_rights_how({}, o))
			]
		},
		...(status === 'no'
			? []
			: [
					{
						id: 'history_import',
						title: m.notice_history({}, o),
						blocks: [
							...(status === 'undecided' ? [p(m.notice_history_undecided({}, o), 'warning')] : []),
							p(m.notice_teen_history_what({}, o)),
							p(m.notice_teen_history_object({}, o))
						]
					}
				]),
		{
			id: 'complaint',
			title: m.notice_complaint({}, o),
			blocks: [p(m.notice_teen_complaint_text({}, o))]
		}
	];
}
