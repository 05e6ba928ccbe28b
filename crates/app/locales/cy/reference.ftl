## Enwau gwerthoedd wedi'u codio

deliverymode-in-person = Wyneb yn wyneb
deliverymode-online = Ar-lein
deliverymode-blended = Cyfunol

region-cardiff-capital = Prifddinas-Ranbarth Caerdydd
region-swansea-bay = Bae Abertawe
region-mid-wales = Canolbarth Cymru
region-north-wales = Gogledd Cymru
region-outside-wales = Y tu allan i Gymru

sessionkind-workshop = Gweithdy
sessionkind-site-visit = Ymweliad safle
sessionkind-action-learning-set = Set dysgu gweithredol
sessionkind-masterclass = Dosbarth meistr
sessionkind-clinic = Clinig

attendance-present = Yn bresennol
attendance-apologies = Ymddiheuriadau
attendance-absent = Yn absennol

employee-band-micro = Micro (0–9 o staff)
employee-band-small = Bach (10–49 o staff)
employee-band-medium = Canolig (50–249 o staff)
employee-band-large = Mawr (250 o staff neu fwy)

innovation-stage-entry = Ar y dechrau
innovation-stage-end = Ar ddiwedd y garfan
innovation-stage-follow-up-3 = Tri mis wedyn
innovation-stage-follow-up-6 = Chwe mis wedyn
innovation-stage-follow-up-12 = Deuddeg mis wedyn

innovation-function-production = Cynhyrchu nwyddau neu wasanaethau
innovation-function-distribution-and-logistics = Dosbarthu a logisteg
innovation-function-marketing-and-sales = Marchnata a gwerthu
innovation-function-information-and-communication-systems = Systemau gwybodaeth a chyfathrebu
innovation-function-administration-and-management = Gweinyddu a rheoli
innovation-function-product-and-process-development = Datblygu cynhyrchion a phrosesau busnes

innovation-transition-became-active = Wedi dod yn weithgar o ran arloesi
innovation-transition-stayed-active = Wedi aros yn weithgar o ran arloesi
innovation-transition-stayed-inactive = Wedi aros heb fod yn weithgar o ran arloesi
innovation-transition-lapsed = Nid yw'n weithgar o ran arloesi mwyach

impact-category-labour-time = Amser llafur
impact-category-materials = Deunyddiau
impact-category-energy = Ynni
impact-category-waste-disposal = Gwaredu gwastraff
impact-category-consumables = Nwyddau traul
impact-category-transport = Trafnidiaeth
impact-category-avoided-cost = Cost a osgowyd
impact-category-new-revenue = Refeniw newydd
impact-category-other = Arall

impact-savings-type-hard = Caled (i'w weld yn y cyfrifon)
impact-savings-type-soft = Meddal (capasiti wedi'i ryddhau neu gost wedi'i hosgoi)

impact-frequency-one-off = Unwaith
impact-frequency-weekly = Bob wythnos
impact-frequency-monthly = Bob mis
impact-frequency-quarterly = Bob chwarter
impact-frequency-annually = Bob blwyddyn

impact-status-forecast = Rhagamcan
impact-status-claimed = Wedi'i hawlio
impact-status-verified = Wedi'i ddilysu
impact-status-queried = Cwestiwn wedi'i ofyn: yn aros am ateb yr hawlydd
impact-status-returned = Wedi'i anfon yn ôl i'w ailweithio
impact-status-rejected = Wedi'i wrthod

impact-waste-level-prevention = Atal
impact-waste-level-preparing-for-reuse = Paratoi i'w ailddefnyddio
impact-waste-level-recycling = Ailgylchu
impact-waste-level-other-recovery = Adfer arall
impact-waste-level-disposal = Gwaredu

## Llenwi offeryn
tool-error-required = Ni all hwn fod yn wag.
tool-error-number = Rhowch rif, fel 12 neu 12.5.
tool-error-decimals = Defnyddiwch ddau le degol ar y mwyaf.
tool-error-number-too-large = Mae'r rhif hwnnw'n rhy fawr.
tool-error-integer = Rhowch rif cyfan.
tool-error-min = Rhowch { $min } neu fwy.
tool-error-max = Rhowch { $max } neu lai.
tool-error-choice = Dewiswch un o'r opsiynau.
tool-error-rating = Dewiswch sgôr o { $min } i { $max }.
tool-error-too-long = Rhaid i hwn fod yn { $max } nod neu lai.
tool-error-too-many-rows = { $max ->
    [one] Gallwch gael { $max } rhes ar y mwyaf.
    [two] Gallwch gael { $max } res ar y mwyaf.
   *[other] Gallwch gael { $max } rhes ar y mwyaf.
}
tool-error-lead-time-below-process-time = Mae'r amser arwain yn cynnwys yr amser prosesu, felly ni all fod yn llai na { $min }.
tool-quadrant-quick-win = Enillion cyflym
tool-quadrant-major-project = Prosiect mawr
tool-quadrant-fill-in = Mân dasg
tool-quadrant-thankless-task = Tasg ddiddiolch

## Gwirio diffiniad offeryn
toolkit-error-bound = Nid yw isafswm neu uchafswm yn rhif.
toolkit-error-column-kind = Ni all colofn mewn tabl fod o'r math hwn.
toolkit-error-computed-needs = Mae'r cyfrifiad a enwir gan yr offeryn hwn yn gofyn am feysydd nad ydynt yn yr offeryn.
toolkit-error-duplicate = Mae gan ddau faes yr un id.
toolkit-error-empty = Mae testun sy'n ofynnol yn y ddwy iaith yn wag.
toolkit-error-fractional-bound = Mae gan faes rhif cyfan derfyn gyda degolion.
toolkit-error-id-not-file-name = Nid yw id yr offeryn yn cyfateb i enw ei ffeil.
toolkit-error-key-not-allowed = Ni chaniateir y gosodiad hwn ar gyfer y math hwn o faes.
toolkit-error-min-above-max = Mae'r isafswm yn fwy na'r uchafswm.
toolkit-error-missing = Mae gosodiad angenrheidiol ar goll.
toolkit-error-no-columns = Mae angen o leiaf un golofn ar dabl.
toolkit-error-not-identifier = Rhaid i id fod yn llythrennau bach, rhifau a thanlinellau.
toolkit-error-not-slug = Rhaid i id yr offeryn fod yn llythrennau bach, rhifau a chysylltnodau.
toolkit-error-rating-scale = Rhaid i raddfa sgôr redeg o rif cyfan is i rif cyfan uwch.
toolkit-error-too-few-options = Mae angen o leiaf ddau opsiwn ar ddewis.
toolkit-error-unknown-computed = Nid yw'r cyfrifiad y mae'r offeryn yn ei enwi yn bodoli.
toolkit-error-unknown-kind = Nid yw'r math hwn o faes yn bodoli.
toolkit-error-version = Rhaid i'r fersiwn fod yn rhif cyfan o 1 neu fwy.
