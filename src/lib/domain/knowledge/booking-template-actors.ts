import type { Actor, Asset } from '../method/context';
import { translator, type Locale } from './localized';

/**
 * The parties of the booking template. Names are generic on purpose: the product never
 * assumes a vendor, and the host's country is left empty: the user confirms it from the
 * hosting contract and certificate, not from the vendor's brochures.
 */
function parties(locale: Locale) {
	const t = translator(locale);
	return {
		t,
		vendor: t('Éditeur de la solution de prise de rendez-vous', 'Booking solution vendor'),
		host: t('Hébergeur cloud de l’éditeur', 'Vendor’s cloud host'),
		hsm: t('Prestataire HSM (gestion des clés de chiffrement)', 'HSM provider (encryption keys)'),
		toVerify: t(
			'Déclaration de l’éditeur, à vérifier sur pièces (certificat et périmètre).',
			'Vendor statement, to be checked against the certificate and its scope.'
		)
	};
}

export function bookingActors(locale: Locale): Actor[] {
	const { t, vendor, host, hsm, toVerify } = parties(locale);
	return [
		{
			// Demo values, clearly fictitious but complete, so that the demo's patient notice can
			// be generated; a real assessment replaces them (a blank one has none and its notice
			// is refused until they are filled in).
			name: t('CHU Exemple', 'CHU Exemple (example university hospital)'),
			role: 'controller',
			country: 'FR',
			hdsCertified: 'unknown',
			iso27001: 'unknown',
			keysHeldBy: '',
			notes: t(
				'Établissement fictif de démonstration, représenté par sa directrice générale ; 1 place de l’Exemple, 00000 Exempleville.',
				'Fictitious demonstration hospital, represented by its general director; 1 place de l’Exemple, 00000 Exempleville.'
			)
		},
		{
			name: t(
				'Délégué à la protection des données du CHU Exemple',
				'Data protection officer of CHU Exemple'
			),
			role: 'dpo',
			country: 'FR',
			hdsCertified: 'unknown',
			iso27001: 'unknown',
			keysHeldBy: '',
			notes: t(
				'dpo@chu-exemple.fr (adresse fictive de démonstration) ; éventuellement mutualisé au niveau du GHT.',
				'dpo@chu-exemple.fr (fictitious demonstration address); possibly shared across the hospital group.'
			)
		},
		{
			name: vendor,
			role: 'processor',
			country: 'FR',
			hdsCertified: 'unknown',
			iso27001: 'unknown',
			keysHeldBy: hsm,
			notes: t(
				'Sous-traitant pour les rendez-vous de l’hôpital ; responsable de traitement pour les comptes patients.',
				'Processor for the hospital’s appointments; controller for the patient accounts.'
			)
		},
		{
			name: t(
				'Éditeur de la solution (comptes patients)',
				'Booking solution vendor (patient accounts)'
			),
			role: 'separate_controller',
			country: 'FR',
			hdsCertified: 'unknown',
			iso27001: 'unknown',
			keysHeldBy: hsm,
			notes: t(
				'Décide seul de la gestion des comptes patients qu’il héberge (création, compte famille, suppression après 3 ans d’inactivité) : il doit informer lui-même les patients à ce titre.',
				'Decides alone how the patient accounts it hosts are managed (creation, family account, deletion after 3 years of inactivity): it must inform patients itself on that account.'
			)
		},
		{
			name: host,
			role: 'sub_processor',
			country: '',
			hdsCertified: 'yes',
			iso27001: 'yes',
			keysHeldBy: hsm,
			notes: t(
				`Pays d’hébergement et nationalité de la maison mère à confirmer. Données chiffrées au repos. ${toVerify}`,
				`Hosting country and parent company’s nationality to be confirmed. Data encrypted at rest. ${toVerify}`
			)
		},
		{
			name: hsm,
			role: 'sub_processor',
			country: 'FR',
			hdsCertified: 'unknown',
			iso27001: 'unknown',
			keysHeldBy: t(
				'Le prestataire lui-même, hors de l’hébergeur',
				'The provider itself, outside the host'
			),
			notes: toVerify
		},
		{
			name: t('Opérateurs d’envoi SMS et e-mail', 'SMS and e-mail carriers'),
			role: 'sub_processor',
			country: '',
			hdsCertified: 'no',
			iso27001: 'unknown',
			keysHeldBy: '',
			notes: t(
				'Ne sont pas des hébergeurs de données de santé ; les e-mails circulent souvent en clair.',
				'They are not health-data hosts; e-mails often travel unencrypted.'
			)
		}
	];
}

export function bookingAssets(locale: Locale): Asset[] {
	const { t, vendor, host, hsm } = parties(locale);
	return [
		{
			name: t('Plateforme de prise de rendez-vous', 'Booking platform'),
			type: 'service',
			owner: vendor
		},
		{
			name: t('Infrastructure d’hébergement', 'Hosting infrastructure'),
			type: 'service',
			owner: host
		},
		{
			name: t('Module matériel de sécurité (HSM)', 'Hardware security module (HSM)'),
			type: 'hardware',
			owner: hsm
		},
		{
			name: t(
				'Système d’information hospitalier (gestion administrative, agendas)',
				'Hospital information system (admissions, schedules)'
			),
			type: 'software',
			owner: t('Hôpital (DSI)', 'Hospital (IT department)')
		},
		{
			name: t('Interface SIH – plateforme', 'HIS – platform interface'),
			type: 'network',
			owner: t('Hôpital et éditeur', 'Hospital and vendor')
		},
		{
			name: t('Passerelles SMS et e-mail', 'SMS and e-mail gateways'),
			type: 'service',
			owner: t('Opérateurs', 'Carriers')
		},
		{
			name: t('Postes des secrétariats', 'Secretaries’ workstations'),
			type: 'hardware',
			owner: t('Hôpital (DSI)', 'Hospital (IT department)')
		},
		{
			name: t('Secrétaires médicales (AMA)', 'Medical secretaries'),
			type: 'people',
			owner: t('Hôpital', 'Hospital')
		}
	];
}
