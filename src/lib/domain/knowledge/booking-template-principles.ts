import { emptyProcessorContract, type Principles } from '../method/principles';
import { translator, type Locale } from './localized';

/**
 * Principles step of the booking template. The processor checklist is deliberately left
 * all "missing" with no evidence: only the person reading the actual contract may tick it.
 */
export function bookingPrinciples(locale: Locale): Principles {
	const t = translator(locale);
	const field = (name: string, needed: boolean, why: string) => ({ field: name, needed, why });

	return {
		minimisation: [
			field(
				t('IPP', 'IPP (permanent patient id)'),
				true,
				t(
					'Rattache la réservation au bon dossier et limite les doublons.',
					'Links the booking to the right file and limits duplicates.'
				)
			),
			field(
				t('Nom, prénom, date de naissance', 'Last name, first name, birth date'),
				true,
				t('Identification du patient à l’accueil.', 'Identifies the patient at reception.')
			),
			field(
				t('Téléphone mobile', 'Mobile phone'),
				true,
				t(
					'Rappels et contact en cas d’annulation par le service.',
					'Reminders and contact if the service cancels.'
				)
			),
			field(
				t('Adresse e-mail', 'E-mail address'),
				false,
				t(
					'Utile seulement si le patient choisit ce canal ; les e-mails circulent souvent en clair.',
					'Only useful if the patient chooses this channel; e-mails often travel unencrypted.'
				)
			),
			field(
				t('Motif détaillé', 'Detailed reason'),
				false,
				t(
					'À ne demander que si la consultation doit être préparée.',
					'Only ask for it when the visit has to be prepared.'
				)
			),
			field(
				t('Historique de 2 ans de rendez-vous', '2-year appointment history'),
				false,
				t(
					'L’hôpital ne peut pas savoir quels patients reviendront ; l’identité du patient se vérifie à la première réservation.',
					'The hospital cannot know which patients will return; identity can be checked at the first booking.'
				)
			)
		],
		accuracy: t(
			'Le rapprochement avec le SIH se fait par l’IPP et les traits d’identité, selon les règles d’identitovigilance de l’établissement ; les doublons et fusions douteuses sont signalés à la cellule d’identitovigilance. Le patient met à jour ses coordonnées depuis son compte ; le secrétariat corrige à la demande.',
			'Matching with the HIS uses the IPP and identity traits, following the hospital’s identity-vigilance rules; duplicates and doubtful merges are reported to the identity-vigilance unit. Patients update their contact details in their account; secretaries correct them on request.'
		),
		retention: [
			{
				category: t('Dossier médical', 'Medical record'),
				period: t(
					'20 ans après la dernière venue (mineurs : au moins jusqu’à 28 ans ; décès : 10 ans)',
					'20 years after the last visit (minors: at least until age 28; death: 10 years)'
				),
				justification: t(
					'Durées fixées par le code de la santé publique (art. R.1112-7) ; les dates de rendez-vous y figurent déjà.',
					'Periods set by the public health code (art. R.1112-7); appointment dates are already recorded there.'
				)
			},
			{
				category: t('Données de rendez-vous', 'Appointment data'),
				period: t(
					'Le temps nécessaire, à fixer par le service',
					'As long as needed, to be set by the service'
				),
				justification: t(
					'Inutile de les garder sur la plateforme une fois la consultation passée : le dossier conserve la trace.',
					'No need to keep them on the platform once the visit is over: the record keeps the trace.'
				)
			},
			{
				category: t('Comptes patients', 'Patient accounts'),
				period: t('Suppression après 3 ans d’inactivité', 'Deleted after 3 years of inactivity'),
				justification: t(
					'Règle annoncée par l’éditeur, avec e-mail d’avertissement préalable ; à inscrire au contrat.',
					'Rule announced by the vendor, with a prior warning e-mail; to be written into the contract.'
				)
			},
			{
				category: t('Journaux d’accès', 'Access logs'),
				period: t('6 mois', '6 months'),
				justification: t(
					'Durée retenue dans le modèle de registre de la CNIL pour détecter et instruire les accès abusifs.',
					'Period used in the CNIL model record, to detect and investigate improper access.'
				)
			}
		],
		rights: {
			information: t(
				'Affiches et dépliants dans les salles d’attente, page dédiée sur le site, mention lors de la réservation et dans les rappels.',
				'Posters and leaflets in waiting rooms, a dedicated web page, notice at booking time and in reminders.'
			),
			access: t(
				'Demande au DPO ou au service des relations avec les usagers ; dossier médical communiqué sous 8 jours (2 mois au-delà de 5 ans) ; l’éditeur fournit l’extrait des données de la plateforme.',
				'Request to the DPO or patient relations office; medical record sent within 8 days (2 months if over 5 years old); the vendor provides the platform data extract.'
			),
			rectification: t(
				'Le patient corrige ses coordonnées dans son compte ; l’identité est corrigée dans le SIH puis propagée à la plateforme.',
				'Patients fix contact details in their account; identity is corrected in the HIS and then propagated to the platform.'
			),
			erasure: t(
				'Suppression du compte par le patient ou sur demande ; les données du dossier médical restent soumises à leur durée légale.',
				'Account deleted by the patient or on request; medical-record data remain under their legal retention period.'
			),
			restriction_objection: t(
				'Opposition à la reprise d’historique et aux rappels enregistrée dans le SIH et transmise à l’éditeur ; le patient peut toujours réserver par téléphone.',
				'Objection to the history import and to reminders recorded in the HIS and passed to the vendor; patients can always book by phone.'
			),
			portability: t(
				'Non applicable aux traitements fondés sur la mission d’intérêt public ; l’éditeur propose un export des données du compte.',
				'Not applicable to processing based on a public task; the vendor offers an export of account data.'
			)
		},
		processorContract: emptyProcessorContract(),
		transfers: [
			{
				recipient: t(
					'Hébergeur cloud de l’éditeur (groupe américain)',
					'Vendor’s cloud host (US group)'
				),
				country: 'US',
				mechanism: 'none',
				supplementaryMeasures: t(
					'Données hébergées dans l’UE chez un hébergeur certifié HDS ; chiffrement au repos avec des clés détenues par un prestataire HSM français, hors de l’hébergeur ; chiffrement de bout en bout des documents ; engagement contractuel de contester toute demande d’accès et d’en informer l’hôpital.',
					'Data hosted in the EU by an HDS-certified host; encryption at rest with keys held by a French HSM provider, outside the host; end-to-end encryption of documents; contractual commitment to challenge any access request and to inform the hospital.'
				),
				thirdCountryLaw: t(
					'Le CLOUD Act (2018) permet aux autorités américaines d’exiger des données détenues par une société de droit américain, où qu’elles soient stockées. Le Privacy Shield a été invalidé par la CJUE en 2020, après le Safe Harbor en 2015 ; vérifier si le destinataire adhère au cadre UE–États-Unis de 2023. La CNIL a demandé que les données de santé ne soient plus confiées à des sociétés soumises au droit américain.',
					'The CLOUD Act (2018) lets US authorities demand data held by a US company wherever it is stored. The CJEU struck down the Privacy Shield in 2020, after Safe Harbor in 2015; check whether the recipient is certified under the 2023 EU–US framework. The CNIL asked that health data no longer be entrusted to companies subject to US law.'
				),
				conclusion: t(
					'À confirmer : localisation réelle des données, accès à distance par le support du groupe, capacité de l’hébergeur à lire les données sans les clés. Envisager un hébergeur de droit européen.',
					'To be confirmed: actual data location, remote access by the group’s support, whether the host can read data without the keys. Consider an EU-owned host.'
				),
				outcome: 'to_assess'
			}
		]
	};
}
