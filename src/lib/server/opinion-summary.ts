import { latestOf, type ExtraOpinion } from '$lib/domain/signoff';
import type { OrgSettings } from './org-settings';
import type { AssessmentRecord, SignatureView } from './record';

export type OpinionSlot = {
	/** 'dpo' | 'security' | 'data_subjects' | 'extra:<key>' */
	slot: string;
	required: boolean;
	label: ExtraOpinion['label'] | null;
	/** The signature that counts for this slot (the latest; for the data subjects, the view or the waiver). */
	signature: SignatureView | null;
	status: 'none' | 'current' | 'stale';
};

function statusOf(s: SignatureView | undefined): OpinionSlot['status'] {
	return s ? (s.current ? 'current' : 'stale') : 'none';
}

/** The opinions a decision needs, each with the signature that currently stands for it. */
export function requiredOpinions(record: AssessmentRecord, settings: OrgSettings): OpinionSlot[] {
	const sigs = record.signatures;
	const slot = (
		name: string,
		s: SignatureView | undefined,
		required = true,
		label: OpinionSlot['label'] = null
	): OpinionSlot => ({
		slot: name,
		required,
		label,
		signature: s ?? null,
		status: statusOf(s)
	});
	const view = latestOf(sigs, 'data_subjects');
	const waiver = latestOf(sigs, 'data_subjects_waiver');
	// The representative's view stands unless only the waiver is current.
	const dataSubjects = view && (view.current || !waiver?.current) ? view : (waiver ?? view);
	return [
		slot('dpo', latestOf(sigs, 'dpo')),
		slot('security', latestOf(sigs, 'security')),
		slot('data_subjects', dataSubjects),
		...settings.extraOpinions.map((e) =>
			slot(`extra:${e.key}`, latestOf(sigs, 'extra', e.key), e.required, e.label)
		)
	];
}
