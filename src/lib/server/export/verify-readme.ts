import { groupFingerprint } from './signing-key';
import type { Manifest } from './bundle-format';

/**
 * VERIFY.md, written into every bundle: French first, then English, whatever the
 * requester's language, since the bundle may travel to a CNIL inspector or an auditor.
 * Plain text rather than messages: it is a document of the bundle, not interface.
 */
export function verifyReadme(m: Omit<Manifest, 'files' | 'auditLog'>): string {
	const fp = groupFingerprint(m.signature.publicKeyFingerprint);
	return `# Vérifier ce paquet de preuves — Verifying this evidence bundle

Analyse ${m.assessmentId}, version ${m.versionNumber}
Empreinte du contenu / content hash (SHA-256) : ${m.contentHash}
Clé de signature / signing key (SHA-256 de la clé publique DER) : ${fp}
Produit le / generated at : ${m.generatedAt} — ${m.generator.name} ${m.generator.version}

## Français

### Contenu
- \`report.pdf\` : le rapport d'analyse d'impact lisible (AIPD complète).
- \`assessment.json\` : l'analyse complète, structurée (schéma \`dpia-workbench/assessment@1\`,
  publié dans \`docs/assessment.schema.json\` du logiciel). \`contentHash\` est le SHA-256 de
  la forme canonique (RFC 8785) de \`content\` : c'est ce que les avis et la décision ont signé.
- \`audit-log.jsonl\` : les entrées du journal d'audit de cette analyse, de la plus ancienne à la
  plus récente, une par ligne, avec leurs empreintes chaînées ; la dernière ligne donne la tête
  de la chaîne complète au moment de l'export.
- \`attachments/\` : les pièces jointes, telles que déposées.
- \`SHA256SUMS\` : les empreintes des fichiers ci-dessus, au format de \`sha256sum\`.
- \`manifest.json\` : chaque fichier avec sa taille et son SHA-256, l'analyse, la version, la date.
- \`manifest.sig\` : la signature Ed25519 de \`manifest.json\` (octets exacts) par la clé de
  l'installation ; \`public-key.pem\` : la clé publique qui la vérifie.
- \`manifest.tsr\` (facultatif) : l'horodatage RFC 3161 de \`manifest.json\` par une autorité
  d'horodatage (\`openssl ts -verify -data manifest.json -in manifest.tsr -CAfile <AC de l'autorité>\`).

### Vérifier avec openssl et sha256sum
1. La signature : \`openssl pkeyutl -verify -pubin -inkey public-key.pem -rawin -in manifest.json -sigfile manifest.sig\`
   doit afficher « Signature Verified Successfully ».
2. La clé : \`openssl pkey -pubin -in public-key.pem -outform DER | sha256sum\` doit donner
   l'empreinte affichée par l'établissement (page « À propos et vérification » du logiciel,
   ou communiquée par le DPO). Sans cette comparaison, un faussaire pourrait signer un paquet
   modifié avec sa propre clé.
3. Les fichiers : \`sha256sum -c SHA256SUMS\` (tous « OK »), puis \`sha256sum SHA256SUMS\` doit
   donner l'empreinte indiquée pour \`SHA256SUMS\` dans \`manifest.json\`. Aucun fichier hors de
   \`manifest.json\`, \`manifest.sig\` et \`public-key.pem\` ne doit être absent du manifeste.

### Vérifier avec le logiciel
\`npm run verify-bundle -- paquet.zip --fingerprint <empreinte>\` vérifie tout ce qui précède,
recalcule l'empreinte du contenu et celle de chaque entrée du journal, contrôle la chaîne là
où les entrées se suivent, et vérifie que chaque signature et la version figée de
\`assessment.json\` sont bien celles dont le journal a inscrit l'empreinte. Le format est décrit dans \`docs/evidence-bundle.md\`.

## English

### Contents
- \`report.pdf\`: the readable DPIA report.
- \`assessment.json\`: the complete assessment, structured (schema \`dpia-workbench/assessment@1\`,
  published as \`docs/assessment.schema.json\` in the software). \`contentHash\` is the SHA-256 of
  the canonical form (RFC 8785) of \`content\`: what the opinions and the decision signed.
- \`audit-log.jsonl\`: this assessment's audit entries, oldest first, one per line, with their
  chained hashes; the last line gives the head of the whole chain at export time.
- \`attachments/\`: the attached files, as uploaded.
- \`SHA256SUMS\`: the hashes of the files above, in \`sha256sum\` format.
- \`manifest.json\`: every file with its size and SHA-256, the assessment, version and date.
- \`manifest.sig\`: the Ed25519 signature of \`manifest.json\` (its exact bytes) by the
  installation's key; \`public-key.pem\`: the public key that checks it.
- \`manifest.tsr\` (optional): the RFC 3161 timestamp of \`manifest.json\` by a time-stamping
  authority (\`openssl ts -verify -data manifest.json -in manifest.tsr -CAfile <the TSA's CA>\`).

### Verify with openssl and sha256sum
1. Signature: \`openssl pkeyutl -verify -pubin -inkey public-key.pem -rawin -in manifest.json -sigfile manifest.sig\`
   must print "Signature Verified Successfully".
2. Key: \`openssl pkey -pubin -in public-key.pem -outform DER | sha256sum\` must match the
   fingerprint the hospital publishes (the software's "About and verification" page, or given
   by the DPO). Without this comparison, a forger could sign an altered bundle with their own key.
3. Files: \`sha256sum -c SHA256SUMS\` (all "OK"), then \`sha256sum SHA256SUMS\` must match the hash
   given for \`SHA256SUMS\` in \`manifest.json\`. No file other than \`manifest.json\`,
   \`manifest.sig\`, \`public-key.pem\` and \`manifest.tsr\` may be missing from the manifest.

### Verify with the software
\`npm run verify-bundle -- bundle.zip --fingerprint <fingerprint>\` checks all of the above,
recomputes the content hash and each audit entry's hash, checks the chain links wherever
entries are consecutive, and checks that each signature and the frozen version in
\`assessment.json\` are those whose hash the audit log recorded. The format is described in \`docs/evidence-bundle.md\`.
`;
}
