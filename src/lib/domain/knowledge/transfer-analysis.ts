import type { Localized } from './localized';

/**
 * The state of the law on hosting and transfers that a booking DPIA must rest on, as of
 * December 2026. Each statement names its source so that the report can print it next to
 * the transfer assessment and a reader can check it. Kept apart from the risk catalogue:
 * these are facts about the law, not risks to score.
 */
export type LegalStatement = {
	key: string;
	text: Localized;
	source: Localized;
};

export const TRANSFER_LAW: readonly LegalStatement[] = [
	{
		key: 'dpf_adequacy',
		text: {
			fr: 'Les États-Unis bénéficient d’une décision d’adéquation pour les seules entreprises certifiées au cadre de protection des données UE–États-Unis (Data Privacy Framework) : il faut vérifier la certification du destinataire sur la liste officielle.',
			en: 'The United States benefit from an adequacy decision only for companies certified under the EU–US Data Privacy Framework: the recipient’s certification must be checked on the official list.'
		},
		source: {
			fr: 'Décision d’exécution (UE) 2023/1795 de la Commission du 10 juillet 2023',
			en: 'Commission Implementing Decision (EU) 2023/1795 of 10 July 2023'
		}
	},
	{
		key: 'latombe',
		text: {
			fr: 'Le Tribunal de l’Union a rejeté le recours en annulation de cette décision ; un pourvoi est pendant devant la Cour de justice : la décision reste applicable mais peut encore tomber, comme le Safe Harbor (2015) et le Privacy Shield (2020).',
			en: 'The EU General Court dismissed the action for annulment of that decision; an appeal is pending before the Court of Justice: the decision applies but may still fall, as Safe Harbor (2015) and the Privacy Shield (2020) did.'
		},
		source: {
			fr: 'Tribunal de l’UE, 3 sept. 2025, Latombe c/ Commission, T-553/23 ; pourvoi C-703/25 P',
			en: 'EU General Court, 3 Sept. 2025, Latombe v Commission, T-553/23; appeal C-703/25 P'
		}
	},
	{
		key: 'dpf_scope',
		text: {
			fr: 'Les garanties du cadre UE–États-Unis portent sur le renseignement d’origine électromagnétique (FISA 702). Elles ne couvrent pas les demandes des autorités judiciaires ou de police adressées à un fournisseur américain pour des données qu’il détient, où qu’elles soient stockées : cette exposition demeure.',
			en: 'The safeguards of the EU–US framework concern signals intelligence (FISA 702). They do not cover requests from US law-enforcement authorities to a US provider for data it holds wherever they are stored: that exposure remains.'
		},
		source: {
			fr: 'Executive Order 14086 du 7 oct. 2022 ; CLOUD Act (18 U.S.C. § 2713), 2018',
			en: 'Executive Order 14086 of 7 Oct. 2022; CLOUD Act (18 U.S.C. § 2713), 2018'
		}
	},
	{
		key: 'storage_vs_access',
		text: {
			fr: 'Des données stockées dans l’Union par une entité établie dans l’Union ne font pas, à elles seules, l’objet d’un transfert au sens du chapitre V du RGPD. En revanche, tout accès à distance depuis un pays tiers (support, maintenance, administration) est un transfert qui doit être encadré.',
			en: 'Data stored in the Union by an entity established in the Union are not, by that alone, transferred within the meaning of GDPR chapter V. Any remote access from a third country (support, maintenance, administration), however, is a transfer that needs a transfer tool.'
		},
		source: {
			fr: 'CEPD, lignes directrices 05/2021 sur l’articulation entre l’art. 3 et le chapitre V du RGPD',
			en: 'EDPB Guidelines 05/2021 on the interplay between art. 3 and chapter V GDPR'
		}
	},
	{
		key: 'clear_text_use_case',
		text: {
			fr: 'Lorsque le prestataire doit accéder aux données en clair pour rendre le service (afficher un agenda, envoyer un rappel), aucune mesure technique complémentaire n’est efficace : le chiffrement avec des clés détenues hors de l’hébergeur ne réduit alors pas la vraisemblance d’un accès par une autorité étrangère.',
			en: 'When the provider must access the data in clear to deliver the service (show an agenda, send a reminder), no supplementary technical measure is effective: encryption with keys held outside the host does not then lower the likelihood of access by a foreign authority.'
		},
		source: {
			fr: 'CEPD, recommandations 01/2020 (v2.0, 18 juin 2021), cas d’usage 6',
			en: 'EDPB Recommendations 01/2020 (v2.0, 18 June 2021), use case 6'
		}
	},
	{
		key: 'conseil_etat_2021',
		text: {
			fr: 'Saisi en référé contre l’hébergement chez un fournisseur américain des rendez-vous de vaccination, le juge a rejeté la demande en relevant que les données se limitaient à l’identité et au rendez-vous, sans les motifs médicaux, qu’elles étaient supprimées au plus tard trois mois après le rendez-vous, qu’elles étaient hébergées en France et en Allemagne par la filiale européenne certifiée HDS sans transfert prévu au contrat, que l’hébergeur s’était engagé à contester toute demande générale d’accès, et qu’elles étaient chiffrées avec des clés confiées à un tiers de confiance en France : leur protection n’était pas « manifestement insuffisante ». Ce n’est pas une validation générale de l’hébergement de données de santé par une société américaine.',
			en: 'Asked in summary proceedings to stop the hosting of vaccination bookings by a US provider, the court rejected the request, noting that the data were limited to identity and appointment without the medical reasons, were deleted at the latest three months after the appointment, were hosted in France and Germany by the HDS-certified European subsidiary with no transfer provided for in the contract, that the host had undertaken to challenge any general access request, and that they were encrypted with keys entrusted to a trusted third party in France: their protection was not “manifestly insufficient”. It is not a general approval of health-data hosting by a US company.'
		},
		source: {
			fr: 'Conseil d’État, juge des référés, ordonnance du 12 mars 2021, n° 450163',
			en: 'French Conseil d’État, interim relief judge, order of 12 March 2021, no. 450163'
		}
	},
	{
		key: 'hds_2024',
		text: {
			fr: 'Un hébergeur de données de santé doit être certifié HDS. Depuis le référentiel de 2024, les données doivent être hébergées physiquement dans l’Espace économique européen, et l’hébergeur doit indiquer au contrat tout accès à distance depuis un pays tiers avec les risques et les mesures prises, publier la cartographie de ces transferts et dire s’il est exposé à des lois extra-européennes. Les hébergeurs certifiés avant ce référentiel avaient jusqu’au 16 mai 2026 pour s’y conformer.',
			en: 'A host of health data must be HDS-certified. Since the 2024 referential, data must be physically hosted in the European Economic Area, and the host must state in the contract any remote access from a third country with its risks and the measures taken, publish a map of those transfers and say whether it is exposed to non-European laws. Hosts certified before this referential had until 16 May 2026 to comply.'
		},
		source: {
			fr: 'CSP art. L.1111-8 et R.1111-9 ; référentiel HDS approuvé par arrêté du 26 avril 2024 (JO du 16 mai 2024)',
			en: 'French public health code art. L.1111-8 and R.1111-9; HDS referential approved by order of 26 April 2024 (OJ of 16 May 2024)'
		}
	},
	{
		key: 'secnumcloud',
		text: {
			fr: 'La qualification SecNumCloud de l’ANSSI exige notamment que le prestataire ne soit pas soumis à des lois extra-européennes donnant accès aux données : c’est un critère objectif pour exiger, dans un marché public, un hébergement protégé de ces lois.',
			en: 'The ANSSI SecNumCloud qualification requires, among others, that the provider is not subject to non-European laws giving access to the data: it is an objective criterion for requiring, in a public tender, hosting protected from those laws.'
		},
		source: {
			fr: 'ANSSI, référentiel SecNumCloud v3.2 (8 mars 2022), § 19.6',
			en: 'ANSSI, SecNumCloud referential v3.2 (8 March 2022), § 19.6'
		}
	}
];
