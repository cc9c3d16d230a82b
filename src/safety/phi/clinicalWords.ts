/**
 * Capitalised words in clinical text that are not people although name lists hold them: eponyms of diseases,
 * signs, scores and devices, the heads that follow an eponym, and the organisational words of hospital names.
 */

/** Eponyms whose bearer is a condition, sign, score or device in clinical text ("Parkinson's", "Apgar"). */
export const EPONYMS = new Set(
  `parkinson hodgkin graves down apgar crohn alzheimer cushing addison wilson hashimoto bell guillain barré barre
  huntington raynaud tourette asperger kaposi marfan paget whipple barrett meniere ménière sjögren sjogren wernicke
  korsakoff epley glasgow kussmaul cheyne stokes korotkoff trendelenburg babinski romberg murphy mcburney rovsing
  kernig brudzinski homan homans lachman phalen tinel allen wells gleason breslow ranson child pugh mallampati
  epworth bishop norton waterlow braden barthel folstein rinne weber snellen ishihara heimlich valsalva foley hickman
  guedel yankauer ryle sengstaken swan ganz fogarty doppler holter gram ziehl neelsen coombs mantoux schilling pap
  papanicolaou fallot eisenmenger kawasaki reiter behçet behcet still sheehan conn bowen burkitt ewing wilms hirschprung
  hirschsprung duchenne becker friedreich charcot tay sachs gaucher niemann pick fabry pompe hurler turner klinefelter
  edwards patau angelman prader willi rett noonan williams digeorge alport goodpasture wegener churg strauss henoch
  schönlein schonlein takayasu buerger kawasaki peyronie dupuytren osgood schlatter perthes legg calvé scheuermann
  colles smith barton bennett galeazzi monteggia jones pott salter harris weil lyme chagas hansen bornholm dukes
  ludwig vincent bartholin skene cowper fallopian eustachian broca wernicke purkinje langerhans kupffer schwann
  kaplan meier bayes fisher pearson student spearman mann whitney kruskal wallis wilcoxon cox hb hartmann roux
  billroth nissen whipple heller ivor lewis nuss ravitch chopart lisfranc syme gritti stokes cheyne korsakoff
  lewy pick creutzfeldt jakob guillain miller fisher eaton lambert myasthenia tensilon levine waddell finkelstein
  thomas trendelenburg ortolani barlow moro apley mcmurray thompson simmonds`.split(/\s+/),
);

/** Words that follow an eponym: "Graves' disease", "Apgar score", "Bell's palsy". */
export const EPONYM_HEADS = new Set(
  `disease diseases syndrome syndromes lymphoma palsy score scores sign signs test tests scale criteria classification
  procedure manoeuvre maneuver reflex ulcer fracture fractures tumour tumor phenomenon triad law node nodes cyst
  operation repair incision position index equation formula catheter tube stain block murmur nodule rule rules method
  technique sarcoma encephalopathy thyroiditis chorea contracture diverticulum dementia hernia angina oesophagus
  esophagus disorder anomaly deformity respiration breathing shunt bag needle forceps line lines loop pouch sequence
  curve plot correlation coefficient cell cells gland glands duct ducts canal tract area fibres fibers bodies body
  staging stage grade type varix ligament space triangle point`.split(/\s+/),
);

/** Capitalised words that end or break a name: roles, organisations, letter parts, section headings. */
export const NOT_NAME_WORDS = new Set(
  `hospital hospitals clinic clinics centre center medical health healthcare practice surgery pharmacy ward unit
  department dept team service services university college school institute trust board authority foundation council
  ministry government clinic hospice home nursing care aged village lodge house centre
  dear yours regards sincerely faithfully thanks thank re subject date patient patients name address phone tel email
  dob diagnosis diagnoses history plan medications medication meds allergies allergy assessment impression examination
  presenting complaint social family past background summary discharge admission referral follow review reviewed
  nurse doctor consultant registrar resident intern practitioner physician surgeon specialist manager officer
  clinician educator coordinator navigator technician assistant aide lead director administrator secretary
  receptionist management case liaison psychiatry cardiology dermatology neurology oncology paediatrics pediatrics
  radiology orthopaedics orthopedics gynaecology obstetrics urology nephrology gastroenterology respiratory
  haematology hematology endocrinology rheumatology geriatrics ophthalmology physiotherapy anaesthetics
  anesthesiology outpatients inpatients admissions triage theatre theatres maternity midwifery
  pharmacist midwife physiotherapist therapist dietitian dietician worker matron charge senior junior staff emergency
  general royal saint st mount mt north south east west central northern southern eastern western upper lower
  medicare medicaid nhs hse bupa daman aetna cigna medibank nib anthem kaiser
  street road avenue lane drive court crescent place boulevard way close terrace parade highway
  mr mrs ms miss mx dr prof professor sir dame rev fr father sister sr nurse master mister madam mdm sheikh sheikha
  the a an and or of in on at to for with from by as is was he she they his her their this that these those it
  no yes not none nil nad nkda bp hr rr spo2 gcs temp bd tds qid prn od nocte mane stat po iv im sc sl pr
  ed icu ccu hdu ae opd gp ot pt slt ent obs gyn ob icd inr egfr hba1c ecg ekg ct mri cxr fbc ues lfts crp esr
  english arabic chinese mandarin cantonese hindi urdu tagalog filipino malay tamil punjabi bengali spanish
  french portuguese korean japanese vietnamese thai indonesian maori samoan tongan fijian irish scottish welsh
  australian american canadian british indian pakistani nigerian ghanaian kenyan emirati saudi qatari omani
  kuwaiti bahraini singaporean muslim christian hindu buddhist sikh jewish catholic protestant orthodox
  covid sars mrsa vre hiv aids tb uti copd chf ckd aki dvt pe mi cva tia afib af htn dm t2dm t1dm
  thanks please kind best warm warmest cheers respectfully cordially
  attn attention cc bcc enc encl ps rheumatologist cardiologist neurologist oncologist geriatrician paediatrician
  pediatrician psychiatrist surgeon physician dermatologist radiologist urologist nephrologist endocrinologist
  haematologist gastroenterologist obstetrician gynaecologist anaesthetist pharmacist hx dx tx rx sx px fx
  pgy cath sputum nadir whānau whanau`.split(/\s+/),
);

/** Months and weekdays: names in some cultures ("May", "June"), so allowed after a title but never by lexicon alone. */
export const CALENDAR_WORDS = new Set(
  `monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
  september october november december jan feb mar apr jun jul aug sep sept oct nov dec`.split(/\s+/),
);
