/**
 * Measures suggested by the risk catalogue. One object per measure, shared by every risk it
 * treats, so an action plan that tracks a measure by key sees a single wording.
 */
import type { Measure, MeasureKind } from './types';

function m(key: string, kind: MeasureKind, fr: string, en: string): Measure {
	return { key, kind, title: { fr, en } };
}

export const MEASURES = {
	// Legal and contractual
	art28Contract: m(
		'art28_contract',
		'legal',
		'Contrat de sous-traitance relu par le DPO au regard de l’article 28 du RGPD',
		'Processor contract reviewed by the DPO against GDPR article 28'
	),
	lawfulBasis: m(
		'lawful_basis_documented',
		'legal',
		'Base légale et exception de l’article 9 écrites pour chaque finalité',
		'Lawful basis and article 9 exception written down for each purpose'
	),
	noResale: m(
		'no_resale_clause',
		'legal',
		'Clause interdisant toute cession ou réutilisation des données, même agrégées',
		'Clause forbidding any sale or reuse of the data, even aggregated'
	),
	transferClauses: m(
		'transfer_clauses',
		'legal',
		'Clauses encadrant tout transfert hors UE et toute réquisition d’une autorité étrangère',
		'Clauses governing any transfer outside the EU and any foreign authority request'
	),
	hdsHost: m(
		'hds_certified_host',
		'legal',
		'Hébergeur certifié HDS exigé, certificat et périmètre vérifiés (CSP L.1111-8)',
		'Certified health-data host (HDS) required, certificate and scope checked (CSP L.1111-8)'
	),
	euOwnedHost: m(
		'eu_owned_host',
		'legal',
		'Hébergement chez un prestataire relevant du seul droit européen',
		'Hosting with a provider subject to EU law only'
	),
	reversibility: m(
		'reversibility_clause',
		'legal',
		'Clause de réversibilité : restitution complète dans un format ouvert et documenté',
		'Reversibility clause: full data return in an open, documented format'
	),
	priceCap: m(
		'price_revision_cap',
		'legal',
		'Plafonnement contractuel des révisions de prix',
		'Contractual cap on price revisions'
	),
	statisticsDeliverables: m(
		'statistics_deliverables',
		'legal',
		'Statistiques d’activité promises inscrites au contrat comme livrables datés',
		'Promised activity statistics written into the contract as dated deliverables'
	),
	auditRights: m(
		'audit_rights',
		'legal',
		'Droit d’audit du prestataire prévu au contrat et exercé',
		'Right to audit the vendor written into the contract and used'
	),
	// Organisational
	informationCampaign: m(
		'information_campaign',
		'organisational',
		'Campagne d’information : affiches, dépliants avec coupon d’opposition, SMS, site internet',
		'Information campaign: posters, leaflets with an objection slip, text messages, website'
	),
	objectionRecorded: m(
		'objection_recorded',
		'organisational',
		'Oppositions recueillies et tracées dans le dossier patient informatisé',
		'Objections collected and recorded in the hospital information system'
	),
	fieldReview: m(
		'field_by_field_review',
		'organisational',
		'Revue par le DPO de chaque champ transmis au prestataire',
		'DPO review of every field sent to the vendor'
	),
	restrictedHistory: m(
		'restricted_history_scope',
		'organisational',
		'Historique limité à une spécialité, aux patients suivis, sans motif de consultation',
		'History limited to one specialty and to followed patients, without consultation reasons'
	),
	sensitiveMotifsOffline: m(
		'sensitive_motifs_offline',
		'organisational',
		'Motifs sensibles (IVG, cancérologie, protection de l’enfance, psychiatrie) gérés par le secrétariat',
		'Sensitive reasons (abortion, oncology, child protection, psychiatry) handled by the secretaries'
	),
	ownAccountForMinors: m(
		'own_account_for_minors',
		'organisational',
		'Mineurs et patients concernés invités à utiliser un compte et un numéro personnels',
		'Minors and patients concerned invited to use their own account and phone number'
	),
	phoneChannelKept: m(
		'phone_channel_kept',
		'organisational',
		'Prise de rendez-vous par téléphone et au guichet maintenue',
		'Booking by phone and at the desk kept'
	),
	secretaryTriage: m(
		'secretary_triage',
		'organisational',
		'Premières consultations complexes orientées par le secrétariat',
		'Complex first consultations triaged by the secretaries'
	),
	prerequisiteCheck: m(
		'prerequisite_check',
		'organisational',
		'Pièces requises (courrier, compte rendu) vérifiées avant confirmation du rendez-vous',
		'Required documents (referral letter, report) checked before the booking is confirmed'
	),
	identityVigilance: m(
		'identity_vigilance_procedure',
		'organisational',
		'Procédure d’identitovigilance : rapprochement contrôlé avec l’IPP, traitement des doublons',
		'Identity-vigilance procedure: checked matching with the patient id, duplicate handling'
	),
	accessReview: m(
		'access_rights_review',
		'organisational',
		'Habilitations par service, revues au moins une fois par an',
		'Access rights per service, reviewed at least once a year'
	),
	staffAwareness: m(
		'staff_awareness',
		'organisational',
		'Sensibilisation du personnel au secret professionnel, au hameçonnage et aux sanctions',
		'Staff awareness of professional secrecy, phishing and sanctions'
	),
	breachProcedure: m(
		'breach_procedure',
		'organisational',
		'Procédure de violation : notification à la CNIL sous 72 h et à l’ARS',
		'Breach procedure: notification to the CNIL within 72 h and to the regional health agency'
	),
	projectGovernance: m(
		'project_governance',
		'organisational',
		'DPO et RSSI associés dès le lancement, pilotage du projet par l’établissement',
		'DPO and security officer involved from the start, project led by the hospital'
	),
	exitPlan: m(
		'exit_plan',
		'organisational',
		'Plan de sortie testé : export des agendas et bascule vers un autre outil',
		'Tested exit plan: agenda export and switch to another tool'
	),
	// Technical
	keysOutsideHost: m(
		'encryption_keys_outside_host',
		'technical',
		'Chiffrement au repos, clés conservées dans l’UE hors de l’hébergeur',
		'Encryption at rest, keys kept in the EU outside the host'
	),
	endToEndDocuments: m(
		'end_to_end_documents',
		'technical',
		'Chiffrement de bout en bout des documents partagés',
		'End-to-end encryption of shared documents'
	),
	strongAuthentication: m(
		'strong_authentication',
		'technical',
		'Authentification forte des professionnels (carte CPS ou double facteur)',
		'Strong authentication of professionals (health professional card or two factors)'
	),
	passwordsAndSessions: m(
		'passwords_and_sessions',
		'technical',
		'Mots de passe d’au moins 12 caractères variés, verrouillage après 30 minutes d’inactivité',
		'Passwords of at least 12 mixed characters, lock after 30 minutes idle'
	),
	accessLogging: m(
		'access_logging',
		'technical',
		'Journalisation des accès conservée 6 mois et contrôlée par sondage',
		'Access logs kept 6 months and checked by sampling'
	),
	anomalyAlerts: m(
		'anomaly_alerts',
		'technical',
		'Alertes sur les consultations massives ou inhabituelles de dossiers',
		'Alerts on mass or unusual record look-ups'
	),
	backups: m(
		'offsite_backups',
		'technical',
		'Sauvegardes hebdomadaires, mensuelles gardées 12 mois hors site, restauration testée',
		'Weekly backups, monthly ones kept 12 months off site, restore tested'
	),
	patching: m(
		'patching_antivirus',
		'technical',
		'Correctifs de sécurité et antivirus tenus à jour',
		'Security patches and antivirus kept up to date'
	),
	hisReference: m(
		'his_agenda_reference',
		'technical',
		'Interface avec le SIH : l’agenda hospitalier reste la référence, écarts signalés',
		'Interface with the hospital system: its agenda stays the reference, gaps flagged'
	),
	smsOnly: m(
		'sms_only_reminders',
		'technical',
		'Rappels par SMS uniquement, aucun courriel en clair',
		'Reminders by text message only, no plain e-mail'
	),
	neutralWording: m(
		'neutral_reminder_wording',
		'technical',
		'Rappels au libellé neutre : date, heure et site, sans service ni praticien',
		'Neutrally worded reminders: date, time and site, no department or practitioner'
	),
	channelChoice: m(
		'reminder_channel_choice',
		'technical',
		'Le patient choisit le canal de rappel ou refuse les rappels',
		'The patient picks the reminder channel or declines reminders'
	)
} as const satisfies Record<string, Measure>;
