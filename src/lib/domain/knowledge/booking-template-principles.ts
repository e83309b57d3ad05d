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
					'3 mois après la date du rendez-vous, puis suppression de la plateforme',
					'3 months after the appointment date, then deleted from the platform'
				),
				justification: t(
					'Inutile de les garder sur la plateforme une fois la consultation passée : le dossier conserve la trace. Trois mois couvrent les reports et les réclamations ; c’est aussi la durée retenue pour les rendez-vous de vaccination (Conseil d’État, ord. 12 mars 2021, n° 450163).',
					'No need to keep them on the platform once the visit is over: the record keeps the trace. Three months cover rescheduling and complaints; it is also the period kept for vaccination bookings (Conseil d’État, order of 12 March 2021, no. 450163).'
				),
				internalNote: t(
					'Durée proposée par le modèle : le service la confirme avec l’éditeur avant publication de la notice.',
					'Period proposed by the template: the service confirms it with the vendor before the notice is published.'
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
				'Écrivez au délégué à la protection des données ou au service des relations avec les usagers ; votre dossier médical vous est communiqué sous 8 jours (2 mois s’il a plus de 5 ans) ; les données de la plateforme de réservation vous sont aussi remises.',
				'Write to the data protection officer or to the patient relations office; your medical record is sent within 8 days (2 months if it is over 5 years old); the booking platform’s data about you are sent as well.'
			),
			rectification: t(
				'Vous corrigez vos coordonnées dans votre compte ; une erreur d’identité est corrigée par le bureau des admissions dans votre dossier administratif, puis reportée sur la plateforme.',
				'You correct your contact details in your account; an identity error is corrected by the admissions office in your administrative file, then carried over to the platform.'
			),
			erasure: t(
				'Vous pouvez supprimer votre compte vous-même ou le demander ; les informations de votre dossier médical restent conservées pendant la durée fixée par la loi.',
				'You can delete your account yourself or ask for it; the information in your medical record is kept for the period set by law.'
			),
			restriction_objection: t(
				'Votre refus de la transmission de l’historique ou des rappels est noté dans votre dossier administratif et transmis à l’éditeur ; vous pouvez toujours réserver par téléphone.',
				'Your refusal of the history transfer or of reminders is noted in your administrative file and passed to the vendor; you can always book by phone.'
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
					'Maison mère américaine de l’hébergeur (accès à distance du support)',
					'US parent company of the host (remote support access)'
				),
				country: 'US',
				mechanism: 'adequacy',
				supplementaryMeasures: t(
					'Stockage dans l’EEE par la filiale européenne certifiée HDS (référentiel 2024) ; accès du support depuis les États-Unis limités aux incidents, tracés et soumis à l’accord de l’éditeur ; certification de la maison mère au cadre UE–États-Unis vérifiée sur la liste officielle ; clauses contractuelles types en secours si la décision d’adéquation tombe ; engagement de contester toute demande d’accès et d’en informer l’hôpital ; clés de chiffrement hors de l’hébergeur.',
					'Storage in the EEA by the HDS-certified European subsidiary (2024 referential); support access from the US limited to incidents, logged and subject to the vendor’s approval; parent company’s certification under the EU–US framework checked on the official list; standard contractual clauses as a fallback if the adequacy decision falls; commitment to challenge any access request and to inform the hospital; encryption keys outside the host.'
				),
				thirdCountryLaw: t(
					'Le stockage dans l’UE par une entité de l’UE n’est pas un transfert, mais l’accès à distance depuis les États-Unis en est un (CEPD, lignes directrices 05/2021). Il est couvert par la décision d’adéquation (UE) 2023/1795, confirmée par le Tribunal de l’UE le 3 septembre 2025 (T-553/23, pourvoi C-703/25 P pendant). Ce cadre porte sur le renseignement (FISA 702, décret présidentiel 14086) ; il ne couvre pas les injonctions du CLOUD Act (2018) adressées à une société américaine pour des données qu’elle détient où qu’elles soient. La plateforme doit lire les données en clair pour afficher les agendas et envoyer les rappels : aucune mesure technique n’est alors efficace, et la garde des clés hors de l’hébergeur ne réduit pas ce risque (CEPD, recommandations 01/2020, cas d’usage 6).',
					'Storage in the EU by an EU entity is not a transfer, but remote access from the US is one (EDPB Guidelines 05/2021). It is covered by adequacy decision (EU) 2023/1795, upheld by the EU General Court on 3 September 2025 (T-553/23, appeal C-703/25 P pending). That framework concerns intelligence (FISA 702, Executive Order 14086); it does not cover CLOUD Act (2018) orders to a US company for data it holds wherever they are. The platform must read the data in clear to show agendas and send reminders: no technical measure is then effective, and keeping the keys outside the host does not lower that risk (EDPB Recommendations 01/2020, use case 6).'
				),
				conclusion: t(
					'L’outil de transfert est en place pour l’accès du support. L’exposition au CLOUD Act demeure : elle est traitée comme un risque (hébergement et lois extraterritoriales), avec pour mesure de fond un hébergeur non soumis au droit extra-européen (qualification SecNumCloud de l’ANSSI comme critère objectif) au prochain renouvellement du contrat. Le Conseil d’État n’a pas jugé l’inverse : en référé, le 12 mars 2021 (n° 450163), il a seulement estimé la protection non manifestement insuffisante pour des rendez-vous de vaccination sans motif médical, conservés trois mois.',
					'The transfer tool is in place for support access. The CLOUD Act exposure remains: it is treated as a risk (hosting and extraterritorial laws), with as the structural measure a host not subject to non-European law (ANSSI SecNumCloud qualification as an objective criterion) at the next contract renewal. The Conseil d’État did not hold otherwise: in summary proceedings on 12 March 2021 (no. 450163), it only found the protection not manifestly insufficient for vaccination bookings without medical reasons, kept three months.'
				),
				outcome: 'acceptable_with_measures'
			}
		]
	};
}
