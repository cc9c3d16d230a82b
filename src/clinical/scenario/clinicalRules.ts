/**
 * Two small curated tables the scenario checker needs beyond the packs, each line with its reference:
 * allergy groups (a stated allergy rules out the group's members) and drug–condition contraindications.
 * Drugs are DrugBank common names or curated class ids (`class:nsaid`); conditions are ICD-10-CM code prefixes.
 */
export interface AllergyGroup {
  /** Words an allergy is written with ("penicillin", "sulfa"). */
  allergy: RegExp;
  members: string[];
  severity: 'ERROR' | 'WARNING';
  message: string;
  reference: string;
}

export const ALLERGY_GROUPS: readonly AllergyGroup[] = [
  {
    allergy: /\b(penicillins?|amoxicillin|co-amoxiclav|augmentin|flucloxacillin|beta[- ]lactams?)\b/i,
    members: ['Amoxicillin', 'Ampicillin', 'Benzylpenicillin', 'Phenoxymethylpenicillin', 'Flucloxacillin', 'Piperacillin', 'Cloxacillin', 'Dicloxacillin', 'Oxacillin', 'Nafcillin', 'Ticarcillin', 'Temocillin', 'Pivmecillinam'],
    severity: 'ERROR',
    message: 'a penicillin is prescribed to a patient with a stated penicillin allergy',
    reference: 'BNF: Penicillins, contra-indications (penicillin hypersensitivity)',
  },
  {
    allergy: /\b(penicillins?|beta[- ]lactams?|cephalosporins?)\b/i,
    members: ['Cephalexin', 'Cefuroxime', 'Ceftriaxone', 'Cefazolin', 'Cefaclor', 'Cefadroxil', 'Cefotaxime', 'Ceftazidime', 'Cefepime', 'Cefixime', 'Cefpodoxime'],
    severity: 'WARNING',
    message: 'a cephalosporin is prescribed despite a beta-lactam allergy (cross-sensitivity; avoid after penicillin anaphylaxis)',
    reference: 'BNF: Cephalosporins, cautions (about 0.5–6.5% of penicillin-sensitive patients are also allergic to cephalosporins)',
  },
  {
    allergy: /\b(sulfa|sulpha|sulfonamides?|sulphonamides?|co-trimoxazole|septrin|bactrim)\b/i,
    members: ['Sulfamethoxazole', 'Sulfasalazine', 'Sulfadiazine'],
    severity: 'ERROR',
    message: 'a sulfonamide is prescribed to a patient with a stated sulfonamide allergy',
    reference: 'BNF: Sulfonamides, contra-indications',
  },
  {
    allergy: /\b(nsaids?|aspirin|ibuprofen|anti-inflammator(y|ies))\b/i,
    members: ['class:nsaid', 'Acetylsalicylic acid'],
    severity: 'ERROR',
    message: 'an NSAID or aspirin is prescribed to a patient with a stated NSAID or aspirin hypersensitivity',
    reference: 'BNF: NSAIDs, contra-indications (history of hypersensitivity to aspirin or any other NSAID)',
  },
  {
    allergy: /\b(opioids?|opiates?|morphine|codeine)\b/i,
    members: ['class:opioid'],
    severity: 'WARNING',
    message: 'an opioid is prescribed despite a stated opioid allergy (check whether it was intolerance or true allergy)',
    reference: 'BNF: Opioids, cautions',
  },
  {
    allergy: /\b(macrolides?|erythromycin|clarithromycin)\b/i,
    members: ['class:macrolide'],
    severity: 'ERROR',
    message: 'a macrolide is prescribed to a patient with a stated macrolide allergy',
    reference: 'BNF: Macrolides, contra-indications',
  },
  {
    allergy: /\b(quinolones?|fluoroquinolones?|ciprofloxacin)\b/i,
    members: ['class:fluoroquinolone'],
    severity: 'ERROR',
    message: 'a quinolone is prescribed to a patient with a stated quinolone allergy',
    reference: 'BNF: Quinolones, contra-indications',
  },
];

export interface ConditionContraindication {
  drugs: string[];
  /** ICD-10-CM code prefixes of the condition. */
  conditions: string[];
  condition: string;
  severity: 'ERROR' | 'WARNING';
  message: string;
  reference: string;
}

export const CONDITION_CONTRAINDICATIONS: readonly ConditionContraindication[] = [
  { drugs: ['class:nsaid'], conditions: ['K25', 'K26', 'K27', 'K28', 'K92.2'], condition: 'peptic ulcer or GI bleeding', severity: 'ERROR', message: 'NSAIDs are contraindicated with active peptic ulceration or GI bleeding', reference: 'BNF: NSAIDs, contra-indications' },
  { drugs: ['class:nsaid'], conditions: ['I50'], condition: 'heart failure', severity: 'WARNING', message: 'NSAIDs worsen heart failure (fluid retention)', reference: 'BNF: NSAIDs, cautions; NICE NG106' },
  { drugs: ['class:nsaid'], conditions: ['N17', 'N18.4', 'N18.5', 'N18.6'], condition: 'acute kidney injury or severe CKD', severity: 'WARNING', message: 'NSAIDs should be avoided in acute kidney injury and severe renal impairment', reference: 'BNF: NSAIDs, renal impairment; NICE NG148' },
  { drugs: ['class:nsaid'], conditions: ['J45'], condition: 'asthma', severity: 'WARNING', message: 'NSAIDs can provoke bronchospasm in asthma (ask about previous NSAID reactions)', reference: 'BNF: NSAIDs, cautions (asthma)' },
  { drugs: ['Propranolol', 'Nadolol', 'Sotalol', 'Timolol', 'Carvedilol', 'Labetalol'], conditions: ['J45'], condition: 'asthma', severity: 'ERROR', message: 'non-selective beta-blockers are contraindicated in asthma', reference: 'BNF: Beta-adrenoceptor blocking drugs, contra-indications (asthma)' },
  { drugs: ['Metformin'], conditions: ['N17', 'N18.5', 'N18.6', 'E87.2'], condition: 'acute kidney injury, eGFR < 30 or lactic acidosis', severity: 'ERROR', message: 'metformin should be withheld in acute kidney injury and severe renal impairment (lactic acidosis risk)', reference: 'BNF: Metformin, renal impairment; MHRA' },
  { drugs: ['class:ace-inhibitor', 'class:arb'], conditions: ['O', 'Z33', 'Z34'], condition: 'pregnancy', severity: 'ERROR', message: 'ACE inhibitors and ARBs are contraindicated in pregnancy', reference: 'BNF: ACE inhibitors, pregnancy; MHRA 2007' },
  { drugs: ['class:ace-inhibitor'], conditions: ['T78.3'], condition: 'angioedema', severity: 'ERROR', message: 'ACE inhibitors are contraindicated after angioedema', reference: 'BNF: ACE inhibitors, contra-indications' },
  { drugs: ['Methotrexate', 'Warfarin', 'Valproic acid', 'Isotretinoin'], conditions: ['O', 'Z33', 'Z34'], condition: 'pregnancy', severity: 'ERROR', message: 'this drug is teratogenic and contraindicated in pregnancy', reference: 'BNF: pregnancy sections; MHRA valproate and isotretinoin pregnancy prevention programmes' },
  { drugs: ['class:statin'], conditions: ['O', 'Z33', 'Z34', 'K72'], condition: 'pregnancy or liver failure', severity: 'ERROR', message: 'statins are contraindicated in pregnancy and active liver disease', reference: 'BNF: Statins, contra-indications' },
  { drugs: ['class:triptan'], conditions: ['I20', 'I21', 'I22', 'I24', 'I25', 'I63', 'G45'], condition: 'ischaemic heart disease or cerebrovascular disease', severity: 'ERROR', message: 'triptans are contraindicated in ischaemic heart disease and after stroke or TIA', reference: 'BNF: 5HT1-receptor agonists, contra-indications' },
  { drugs: ['class:non-dihydropyridine-ccb'], conditions: ['I50'], condition: 'heart failure', severity: 'WARNING', message: 'verapamil and diltiazem are negatively inotropic: avoid in heart failure with reduced ejection fraction', reference: 'BNF: Verapamil, contra-indications; NICE NG106' },
  { drugs: ['class:vitamin-k-antagonist', 'class:doac', 'class:heparin'], conditions: ['K92.2', 'I61', 'I62', 'R58'], condition: 'active bleeding', severity: 'ERROR', message: 'anticoagulants are contraindicated with active bleeding', reference: 'BNF: anticoagulants, contra-indications' },
];
