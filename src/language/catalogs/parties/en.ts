/** /parties: who is involved, by role (commands/parties.ts). */
export const en = {
  "parties.title": "Who is involved: {story}",
  "parties.role.signatory": "Signatories",
  "parties.role.belligerent": "Parties to the conflict",
  "parties.role.mediator": "Mediators",
  "parties.role.guarantor": "Guarantors",
  "parties.role.monitor": "Monitors",
  "parties.role.host": "Hosts of talks",
  "parties.role.other": "Others",
  "parties.people": "People",
  "parties.parties": "Parties",
  "parties.none": "None in the data yet.",
} as const;
