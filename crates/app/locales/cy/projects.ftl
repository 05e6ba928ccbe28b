## Prosiectau her
projects-title = Prosiectau her
projects-staff-intro = Pob prosiect yn y garfan, gyda'i statws a'i weithgarwch diwethaf. Caiff prosiectau sydd wedi bod yn dawel ers tair wythnos eu nodi, er mwyn i chi weld pwy allai fod yn sownd.
projects-none = Nid oes prosiectau wedi'u dechrau eto.
projects-count = { $count ->
    [zero] Dim prosiectau
    [one] { $count } prosiect
    [two] { $count } brosiect
    [few] { $count } phrosiect
    [many] { $count } phrosiect
   *[other] { $count } prosiect
}
projects-tools = Offer a ddefnyddiwyd
projects-cycles = Cylchoedd a gofnodwyd
projects-last-activity = Gweithgarwch diwethaf
projects-stuck = Yn dawel ers tair wythnos
project-new-title = Dechrau prosiect her
project-edit-title = Golygu'r prosiect
project-title-hint = Enw byr ar y broblem, fel “Aros am rannau”.
project-aim-heading = Y nod
project-aim-hint = Nod mesuradwy: beth fyddwch chi'n ei fesur, ble mae ar hyn o bryd, ble rydych chi am iddo fod ac erbyn pryd.
project-aim-sentence = { $measure }: o { $baseline } i { $target } { $unit } erbyn { $by }.
project-measures-heading = Mesurau
project-tools-heading = Offer
project-tools-intro = Defnyddiwch offeryn o'r pecyn cymorth ar y broblem hon. Caiff y fersiynau blaenorol eu cadw bob tro y byddwch yn cadw.
project-approve = Cymeradwyo fel astudiaeth achos gyhoeddus
project-approved = wedi'i gymeradwyo ar gyfer yr arddangosfa
project-awaiting-approval = yn aros i hwylusydd ei gymeradwyo
done-approved = Mae'r prosiect wedi'i gymeradwyo fel astudiaeth achos gyhoeddus.
done-reading = Mae'r darlleniad wedi'i ychwanegu.
field-problem = Y broblem
field-problem-hint = Beth sy'n mynd o'i le, ble, pa mor aml, a faint mae'n ei gostio i'r cwmni.
field-business-function = Y swyddogaeth fusnes y mae'n effeithio arni
field-aim-measure = Mesur
field-aim-unit = Uned
field-aim-baseline = Llinell sylfaen
field-aim-target = Targed
field-aim-by = Erbyn pryd
field-outcome-measures = Mesurau canlyniad
field-process-measures = Mesurau proses
field-balancing-measures = Mesurau cydbwyso
field-balancing-hint = Beth allai waethygu oherwydd y newid, er mwyn i chi gadw llygad arno.
field-owners = Pwy sy'n gyfrifol
field-status = Statws
field-visibility = Pwy all ei weld
field-visibility-hint = Preifat: eich sefydliad a hwyluswyr y garfan. Set: eich set dysgu gweithredol. Carfan, rhaglen: pawb sydd ynddynt. Cyhoeddus: astudiaeth achos i'w harddangos, ar ôl i hwylusydd ei chymeradwyo.

projectstatus-defining = Yn diffinio
projectstatus-testing = Yn profi
projectstatus-implementing = Yn gweithredu
projectstatus-sustaining = Yn cynnal
projectstatus-closed = Wedi cau

visibility-private = Preifat
visibility-set = Fy set dysgu gweithredol
visibility-cohort = Fy ngharfan
visibility-programme = Y rhaglen gyfan
visibility-public = Cyhoeddus

## Cylchoedd profi a dysgu
cycles-heading = Cylchoedd profi a dysgu
cycles-none = Dim cylchoedd eto. Mae cylch yn profi un newid ar raddfa fach: cynlluniwch, gwnewch, astudiwch beth ddigwyddodd, yna penderfynwch.
cycle-new-title = Cofnodi prawf ar newid
cycle-title = Cylch { $number }
cycle-plan = Cynllunio
cycle-do = Gwneud
cycle-study = Astudio
cycle-act = Gweithredu
cycle-open = yn dal i redeg
cycle-undecided = Heb benderfynu eto
cycle-next-hint = Ni chafodd y newid hwn ei fabwysiadu fel yr oedd.
cycle-next = Dechrau'r cylch nesaf ar sail y newid hwn
field-change-idea = Y newid y byddwch yn ei brofi
field-prediction = Eich rhagfynegiad: beth fydd yn digwydd
field-prediction-hint = Byddwch yn benodol, gyda rhif os gallwch: byddwch yn cymharu'r canlyniad â hyn.
field-plan-who = Pwy
field-plan-what = Beth fydd yn cael ei wneud
field-plan-when = Pryd
field-plan-where = Ble
field-happened = Beth ddigwyddodd
field-study = Y canlyniadau o'u cymharu â'r rhagfynegiad
field-study-hint = Cymharwch yr hyn a ddigwyddodd â'r hyn roeddech chi wedi'i ragfynegi. Beth a ddysgoch chi?
field-decision = Penderfyniad
cycledecision-adopt = Mabwysiadu
cycledecision-adapt = Addasu
cycledecision-abandon = Rhoi'r gorau iddo
error-study-before-decision = Ysgrifennwch beth a ddysgoch chi cyn penderfynu.

## Mesurau dros amser
readings-heading = Mesurau dros amser
readings-none = Dim darlleniadau eto. Ychwanegwch y cyntaf i ddechrau'r siart rhediad.
readings-table = Darlleniadau
reading-add = Ychwanegu darlleniad
field-taken-on = Dyddiad
field-value = Gwerth
field-note = Nodyn
run-chart-title = Siart rhediad: { $measure }
run-chart-desc = { $count ->
    [zero] Dim darlleniadau.
    [one] { $count } darlleniad, gyda'r canolrif yn { $median }.
    [two] { $count } ddarlleniad, gyda'r canolrif yn { $median }.
    [few] { $count } darlleniad, gyda'r canolrif yn { $median }.
    [many] { $count } darlleniad, gyda'r canolrif yn { $median }.
   *[other] { $count } darlleniad, gyda'r canolrif yn { $median }.
} Mae'r un ffigurau yn y tabl isod.
run-chart-key-readings = Darlleniadau
run-chart-key-median = Canolrif
run-chart-key-target = Targed
runchart-key-shift = Symudiad
runchart-key-trend = Tuedd
runchart-key-astronomical = Pwynt eithriadol
runchart-heading = Beth mae'r siart yn ei ddangos
runchart-too-few = Dim digon o ddarlleniadau i farnu eto: mae angen o leiaf { $need } darlleniad ar reolau'r siart rhediad, a dim ond { $count } sydd yma hyd yn hyn.
runchart-no-signal = Dim arwydd eto: mae'r darlleniadau'n amrywio fel o'r blaen.
runchart-shift-above = Mae { $count } darlleniad yn olynol uwchben y canolrif o { $date } ymlaen: dyma symudiad.
runchart-shift-below = Mae { $count } darlleniad yn olynol o dan y canolrif o { $date } ymlaen: dyma symudiad.
runchart-trend-up = Cododd { $count } darlleniad yn olynol, bob un yn uwch na'r un cynt, o { $date } ymlaen: dyma duedd.
runchart-trend-down = Gostyngodd { $count } darlleniad yn olynol, bob un yn is na'r un cynt, o { $date } ymlaen: dyma duedd.
runchart-few-runs = Mae'r darlleniadau'n croesi'r canolrif yn rhy anaml: { $runs ->
        [two] { $runs } rediad
       *[other] { $runs } rhediad
    } ymhlith { $useful } darlleniad nad ydynt ar y canolrif, tra byddai siawns yn rhoi o leiaf { $lower }. Nid ar hap yn unig y maen nhw'n amrywio.
runchart-many-runs = Mae'r darlleniadau'n croesi'r canolrif yn rhy aml: { $runs } rhediad ymhlith { $useful } darlleniad nad ydynt ar y canolrif, tra byddai siawns yn rhoi { $upper } ar y mwyaf. Mae rhywbeth yn newid bob yn ail, fel dwy ffordd o weithio neu ddwy ffynhonnell ddata.
runchart-astronomical = Mae'r darlleniad ar { $date } ymhell o'r lleill i gyd: dyma bwynt eithriadol. Holwch beth ddigwyddodd bryd hynny.
runchart-meaning-better = Mae'r newid wedi gwneud gwahaniaeth.
runchart-meaning-worse = Mae'r darlleniadau wedi gwaethygu ers y newid.
runchart-meaning-moved = Mae'r darlleniadau wedi symud ers y newid; nid yw'r nod yn dweud pa ffordd sy'n well.
runchart-meaning-other = Mae rhywbeth wedi newid yn y broses: holwch beth.
runchart-basis-baseline = Mae'r canolrif wedi'i gyfrifo o'r { $count } darlleniad a gymerwyd cyn y newid cyntaf, ar { $date }.
runchart-basis-all = Mae'r canolrif wedi'i gyfrifo o'r holl ddarlleniadau.

## Llinell amser
timeline-heading = Llinell amser
timeline-none = Nid oes dim wedi'i wneud ar y prosiect hwn eto.
timeline-tool = Cadwyd { $tool } (fersiwn { $version })
timeline-cycle = Cylch { $number }: { $idea }

## Pecyn cymorth
toolkit-title = Pecyn cymorth
toolkit-intro = Offer i'w defnyddio ar broblem go iawn yn eich cwmni eich hun. Daw pob un gyda chanllawiau cam wrth gam ac enghraifft ymarferol gan gwmni bach yng Nghymru.
tool-when = Pryd i'w ddefnyddio
tool-steps = Cam wrth gam
tool-example = Enghraifft ymarferol
tool-guidance = Darllen y canllawiau
tool-save = Cadw'r fersiwn hon
tool-versions = Fersiynau a gadwyd
tool-version = Fersiwn { $version }
tool-saved-on = Cadwyd { $when }
vsm-heading = Beth mae'r map ffrwd werth yn ei ddangos
vsm-total-lead-time = Cyfanswm yr amser arwain
vsm-total-process-time = Cyfanswm yr amser prosesu
vsm-activity-ratio = Cymhareb gweithgarwch (amser prosesu ÷ amser arwain)
vsm-rolled-pca = %C&A cyfunol (canran gyflawn a chywir)
vsm-largest-waits = Yr amseroedd aros hiraf
wastes-heading = Gwastraff yn nhrefn y gost
wastes-total = Cost amcangyfrifedig yr holl wastraff a welwyd: { $total } y mis.
wastes-per-month = y mis
wastes-sightings = { $count ->
    [zero] heb ei weld
    [one] wedi'i weld unwaith
    [two] wedi'i weld ddwywaith
   *[other] wedi'i weld { $count } gwaith
}
matrix-heading = Effaith ac ymdrech
matrix-desc = Mae pob syniad wedi'i osod yn ôl ei ymdrech (ar draws) a'i effaith (i fyny). Mae enillion cyflym yn cael effaith fawr am ymdrech fach. Mae'r tabl isod yn rhestru'r un syniadau.
matrix-impact = Effaith
matrix-effort = Ymdrech
matrix-idea = Syniad
matrix-quadrant = Ym mha ran o'r grid
matrix-table = Y syniadau
matrix-quick-wins = Enillion cyflym:
fishbone-heading = Achosion fesul categori

## Offer y rhaglen ei hun
programme-tools-title = Offer y rhaglen ei hun
programme-tools-intro = Ychwanegwch eich offeryn eich hun at becyn cymorth y rhaglen hon. Ysgrifennwch ef yn yr un fformat â'r offer sy'n dod gydag Ymarfer (gweler docs/toolkit.md): y ddwy iaith, canllawiau, enghraifft ymarferol a'i feysydd. Caiff ei wirio cyn ei gadw.
programme-tools-definition = Diffiniad yr offeryn (TOML)
programme-tools-hint = Os ychwanegwch offeryn gydag id rydych wedi'i ddefnyddio o'r blaen, caiff fersiwn newydd ohono ei chadw.
programme-tools-add = Gwirio ac ychwanegu'r offeryn
programme-tools-problems = Nid oes modd ychwanegu'r offeryn eto
programme-tools-clash = Mae gan y pecyn cymorth sy'n dod gydag Ymarfer offeryn o'r enw { $id } eisoes. Dewiswch id arall.
programme-tools-toml = Nid yw'r diffiniad yn TOML dilys: { $detail }

## Cyfriflyfr buddion
ledger-heading = Cyfriflyfr buddion
ledger-none = Nid oes arbedion wedi'u cofnodi eto. Ychwanegwch yr hyn y mae'r newid yn ei arbed, hyd yn oed fel rhagamcan.
ledger-first-year = Gwerth y flwyddyn gyntaf
benefit-new-title = Ychwanegu llinell fudd
benefit-edit-title = Newid llinell fudd
benefit-verify = Dilysu
benefit-verified-change = Mae'r llinell hon wedi'i dilysu. Os byddwch yn cadw newid, caiff y fersiwn a ddilyswyd ei chadw, a bydd y llinell yn mynd yn ôl i'r statws “wedi'i hawlio” nes iddi gael ei dilysu eto.
benefit-history = Pob fersiwn o'r llinell hon
benefit-value-heading = Faint, bob tro
benefit-value-hint = Rhowch naill ai swm mewn punnoedd neu'r oriau a arbedwyd, nid y ddau. Caiff oriau eu prisio ar y gyfradd isod; os nad oes un, ar gyfradd y cwmni; fel arall, ar gyfradd y rhaglen.
benefit-environment-heading = Meintiau amgylcheddol, bob tro (dewisol)
done-benefit = Mae'r llinell fudd wedi'i chadw.
done-verified = Mae'r llinell wedi'i dilysu.
field-description = Disgrifiad
field-category = Categori
field-savings-type = Math o arbediad
field-frequency = Pa mor aml
field-benefit-starts-on = Y dyddiad y dechreuwyd defnyddio'r newid
field-benefit-status = Statws
field-amount = Swm mewn punnoedd
field-hours = Oriau
field-line-rate = Cyfradd fesul awr ar gyfer y llinell hon, mewn punnoedd
field-line-rate-hint = Dewisol.
field-energy-kwh = Ynni a arbedwyd (kWh)
field-waste-kg = Gwastraff a osgowyd (kg)
field-waste-level = Lefel ar yr hierarchaeth wastraff
field-fuel-litres = Tanwydd a arbedwyd (litrau)
error-amount-or-hours = Rhowch naill ai swm neu oriau: un o'r ddau yn unig.
ledger-import-unknown-project = Nid oes prosiect “{ $value }” yn y rhaglen hon.
ledger-import-missing = Mae'r golofn { $value } yn wag.
ledger-import-bad-code = Nid yw { $column } “{ $value }” yn un o'r rhain: { $allowed }.
ledger-import-bad-date = Nid yw “{ $value }” yn ddyddiad dilys.
ledger-import-amount-or-hours = Rhowch naill ai amount_gbp neu hours: un o'r ddau yn unig.
ledger-import-bad-amount = Nid yw “{ $value }” yn swm mewn punnoedd.
ledger-import-too-large = Mae “{ $value }” yn fwy nag y caiff llinell ei gofnodi: { $max } ar y mwyaf.
ledger-import-bad-hours = Nid yw “{ $value }” yn nifer o oriau sy'n sero neu'n fwy.
ledger-import-bad-quantity = Nid yw “{ $value }” yn faint sy'n sero neu'n fwy.
ledger-import-repeated = Mae'r llinell hon yn ailadrodd llinell { $value }: un arbediad, wedi'i ysgrifennu ddwywaith.
ledger-import-already = Mewnforiwyd y ffeil hon i { $programme } ar { $when } gan { $who }. Byddai ei mewnforio eto yn cyfrif ei harbedion ddwywaith, felly ni fewnforiwyd dim.
ledger-import-verifier-refused = Ni chaiff y person a enwyd fel dilysydd ddilysu arbedion yn y rhaglen hon, felly ni fewnforiwyd dim.
ledger-import-by-nobody = rhywun ar y llinell orchymyn nad enwodd ddilyswr

## Effaith
impact-title = Effaith: { $name }
impact-verified-savings = Arbedion y flwyddyn gyntaf a ddilyswyd
impact-roi = Yr elw ar gost y rhaglen
impact-innovation-active = Cwmnïau sy'n weithgar o ran arloesi, ar y dechrau a nawr
impact-organisations = Sefydliadau sy'n cymryd rhan
impact-net-return = Elw net
impact-payback = Cyfnod ad-dalu
impact-months = { $months ->
    [one] { $months } mis
    [two] { $months } fis
   *[other] { $months } mis
}
impact-co2e = Carbon a arbedwyd yn y flwyddyn gyntaf (wedi'i ddilysu)
impact-co2e-kg = { $kg } kg CO2e
impact-method-note = Mae'r prif ffigurau'n cyfrif arbedion a ddilyswyd yn unig; dangosir arbedion a hawliwyd ac a ragamcanwyd ar wahân. Gwerth y flwyddyn gyntaf: swm pob llinell fesul cyfnod wedi'i luosi â nifer y cyfnodau mewn deuddeg mis, wedi'i dalgrynnu i'r geiniog.
impact-micro-note = Mae microgwmnïau (llai na deg aelod o staff) wedi'u cynnwys, er mai dim ond cwmnïau â deg neu fwy o staff y mae Arolwg Arloesi'r DU yn eu cwmpasu.
impact-by-category = Arbedion a ddilyswyd fesul categori
impact-none-verified = Nid oes arbedion wedi'u dilysu eto.
impact-download-csv = Lawrlwytho fel CSV
impact-download-xlsx = Lawrlwytho fel taenlen (XLSX)
report-programme = Rhaglen
report-cost = Cost
report-verified = Wedi'i ddilysu
report-claimed = Wedi'i hawlio
report-forecast = Rhagamcan
report-roi = Elw ar fuddsoddiad
report-organisations = Sefydliadau
report-participants = Cyfranogwyr
report-projects = Prosiectau
impact-heading = Effaith ac elw

## Gallu ac arolygon dilynol
capability-title = Eich gallu a'ch hyder
capability-intro-pre = Cyn i'r rhaglen ddechrau: pa mor hyderus ydych chi heddiw? Nid oes atebion cywir nac anghywir; y nod yw gweld y newid.
capability-intro-post = Nawr bod y rhaglen wedi dod i ben: pa mor hyderus ydych chi heddiw?
capability-done = Diolch: rydych wedi ateb cyn y rhaglen ac ar ei hôl.
capability-scale = Mae 1 yn golygu nad ydych yn hyderus o gwbl, ac mae 5 yn golygu eich bod yn hyderus iawn.
capability-error = Dewiswch rif o 1 i 5.
capability-heading = Gallu a hyder (pobl a atebodd cyn ac ar ôl)
capability-question = Datganiad
capability-pairs = Pobl
capability-before = Cyn
capability-after = Ar ôl
done-capability = Diolch. Mae eich atebion wedi'u cadw.
followup-title = Sut mae'r newid yn mynd?
followup-intro = { $months ->
    [one] Mae { $months } mis ers i'ch carfan ddod i ben.
    [two] Mae { $months } fis ers i'ch carfan ddod i ben.
   *[other] Mae { $months } mis ers i'ch carfan ddod i ben.
} Mae tri chwestiwn yn helpu'r rhaglen i weld beth sy'n para.
followup-still-in-use = A yw'r newid a wnaethoch yn dal i gael ei ddefnyddio?
followup-new-projects = Sawl prosiect gwella newydd ydych chi wedi'u dechrau ers hynny?
followup-innovation = Dros y tair blynedd diwethaf, a wnaeth eich sefydliad…
followup-send = Anfon fy atebion
followup-thanks-title = Diolch
followup-thanks = Mae eich atebion wedi'u cadw. Maen nhw'n helpu i ddangos i gyllidwyr beth sy'n para ar ôl rhaglen.
followups-heading = Arolygon dilynol
followups-completion = Arolygon dilynol a atebwyd
followups-sustained = Newidiadau sy'n dal i gael eu defnyddio, neu brosiectau newydd a ddechreuwyd
link-invalid-title-detail = Mae'r ddolen wedi dod i ben neu wedi'i defnyddio eisoes.
email-followup-subject = Sut mae eich newid yn mynd?
email-followup-body =
    { $months ->
        [one] Mae { $months } mis ers i'ch carfan Ymarfer ddod i ben.
        [two] Mae { $months } fis ers i'ch carfan Ymarfer ddod i ben.
       *[other] Mae { $months } mis ers i'ch carfan Ymarfer ddod i ben.
    } A fyddech cystal ag ateb tri chwestiwn byr am yr hyn sydd wedi para? Mae'n cymryd dwy funud:

    { $link }
email-followup-reminder-subject = Nodyn atgoffa: sut mae eich newid yn mynd?
email-followup-reminder-body =
    Nodyn atgoffa byr: tri chwestiwn am yr hyn sydd wedi para, { $months ->
        [one] { $months } mis
        [two] { $months } fis
       *[other] { $months } mis
    } ar ôl i'ch carfan ddod i ben. Mae'n cymryd dwy funud:

    { $link }
impact-break-even-heading = Arbedion cronnus o'u cymharu â'r gost
impact-break-even = Roedd yr arbedion a ddilyswyd wedi talu'r gost erbyn { $month }.
impact-break-even-not-yet = Nid yw'r arbedion a ddilyswyd wedi talu'r gost eto.
impact-payback-explained = Y cyfnod ad-dalu ({ $months } mis) yw'r gost wedi'i rhannu ag un mis o'r arbedion blwyddyn gyntaf wedi'u dilysu: faint o amser y maent yn ei gymryd i dalu'r gost unwaith y bydd pob newid ar waith.
impact-chart-to-today = Mae'r siart yn cyfrif pob arbediad wedi'i ddilysu o'r mis y dechreuodd, un rhan o ddeuddeg o'i werth blwyddyn gyntaf bob mis, ac yn stopio heddiw; felly gall y gost gael ei thalu'n hwyrach nag y mae'r cyfnod ad-dalu yn ei awgrymu, tra bo newidiadau'n dal i gael eu gwneud.
impact-cumulative = Arbedion cronnus a ddilyswyd
impact-cumulative-table = Y ffigurau fesul mis
impact-month = Diwedd y mis
impact-pounds-hundreds = (echelin mewn punnoedd)
field-case-study-consent = Mae ein sefydliad yn cytuno i astudiaeth achos un dudalen am y prosiect hwn.
case-study-link = Astudiaeth achos un dudalen
case-study-title = Astudiaeth achos: { $title }
case-study-firm = { $organisation }, { $sector }, { $area }.
case-study-tools = Yr offer a ddefnyddiwyd
case-study-changes = Newidiadau a brofwyd ac a fabwysiadwyd
case-study-results = Canlyniadau
case-study-measure = { $measure }: { $first } ar y dechrau; { $last } yn y darlleniad diweddaraf.
case-study-verified = Arbedion y flwyddyn gyntaf a ddilyswyd: { $amount }.
print = Argraffu neu gadw fel PDF
print-hint = Mae'r dudalen hon wedi'i gosod ar gyfer ei hargraffu: defnyddiwch orchymyn argraffu eich porwr i'w chadw fel PDF.
followup-actuals = Beth oedd yr arbedion hyn a ragamcanwyd mewn gwirionedd?
followup-actuals-hint = Y swm gwirioneddol mewn punnoedd bob tro (bob wythnos, bob mis…), os ydych yn ei wybod. Gadewch y maes yn wag os nad ydych.
project-aim-none = Nid oes nod mesuradwy wedi'i osod eto. Golygwch y prosiect i ychwanegu un.
benefit-verify-changed = Mae'r llinell hon wedi newid ers i chi edrych arni: gwelsoch fersiwn { $seen }, ac mae hi bellach ar fersiwn { $current }. Gwiriwch y fersiwn ddiweddaraf isod cyn ei dilysu.
xlsx-sheet-summary = Crynodeb
xlsx-sheet-ledger = Cyfriflyfr
xlsx-sheet-projects = Prosiectau
xlsx-sheet-organisations = Sefydliadau
xlsx-sheet-capability = Gallu
xlsx-net-return = Elw net (%)
xlsx-payback = Cyfnod ad-dalu (misoedd)
xlsx-co2e = CO2e a arbedwyd yn y flwyddyn gyntaf (kg)
xlsx-verified-category = Gwerth y flwyddyn gyntaf wedi'i ddilysu: { $category }
xlsx-col-project = Prosiect
xlsx-col-organisation = Sefydliad
xlsx-col-line = Llinell
xlsx-col-version = Fersiwn
xlsx-col-description = Disgrifiad
xlsx-col-category = Categori
xlsx-col-savings-type = Math o arbediad
xlsx-col-frequency = Pa mor aml
xlsx-col-starts-on = Ar waith o
xlsx-col-status = Statws
xlsx-col-amount = Swm fesul cyfnod (£)
xlsx-col-hours = Oriau fesul cyfnod
xlsx-col-rate = Cyfradd fesul awr a ddefnyddiwyd (£)
xlsx-col-capture = Ffactor dal
xlsx-col-first-year = Gwerth y flwyddyn gyntaf (£)
xlsx-col-verified-by = Dilyswyd gan
xlsx-col-verified-at = Dilyswyd ar
xlsx-col-cohort = Carfan
xlsx-col-tools = Offer a ddefnyddiwyd
xlsx-col-cycles = Cylchoedd profi a dysgu
xlsx-col-sector = Sector
xlsx-col-employee-band = Maint
xlsx-col-area = Prif ardal
xlsx-col-active-at-entry = Yn weithgar o ran arloesi ar y dechrau
xlsx-col-question = Datganiad
xlsx-col-people = Pobl a atebodd cyn ac ar ôl
xlsx-col-before = Cyn (cymedr)
xlsx-col-after = Ar ôl (cymedr)
verify-title = Dilysu “{ $line }”
verify-how = Sut y'i cyfrifir:
verify-computation-amount = { $amount } y cyfnod × { $periods } ({ $frequency }) = { $value } yn y flwyddyn gyntaf.
verify-computation-hours = { $hours } awr y cyfnod × { $rate } yr awr × ffactor dal { $capture } × { $periods } ({ $frequency }) = { $value } yn y flwyddyn gyntaf.
verify-concerns = Gwerth ail olwg
concern-large-for-size = Mae hyn yn fwy nag y mae cwmni { $band } fel arfer yn ei arbed o un newid mewn blwyddyn ({ $ceiling }). Gwiriwch y dystiolaeth cyn dilysu.
concern-far-above-others = Mae hyn dros { $times } gwaith gwerth llinell nodweddiadol wedi'i dilysu yn y rhaglen ({ $median }).
concern-large-for-size-short = Mawr o ystyried maint y cwmni
concern-far-above-others-short = Ymhell uwchlaw llinellau eraill
verify-evidence = Tystiolaeth y prosiect
verify-no-evidence = Nid yw'r prosiect wedi cofnodi unrhyw ddarlleniadau na chylchoedd profi a dysgu eto.
verify-changes = Newidiadau a brofwyd
verify-readings = Darlleniadau
field-verify-note = Pam rydych chi'n fodlon
field-verify-note-hint = Er enghraifft, beth a welsoch, â phwy y buoch yn siarad, neu pa gofnodion a wiriwyd gennych. Caiff ei gadw gyda'r llinell a'i ddangos lle bynnag y mae'n ymddangos.
benefit-check-verify = Gwirio a dilysu
benefit-verified-by = Wedi'i ddilysu gan { $name } ar { $date }: { $note }
claims-title = Hawliadau i'w dilysu: { $name }
claims-none = Nid oes unrhyw arbedion a hawliwyd yn aros i gael eu dilysu.
claims-intro = Yr hynaf yn gyntaf. Agorwch hawliad i weld sut y'i cyfrifir a thystiolaeth y prosiect, yna dilyswch ef gyda nodyn.
claims-project = Prosiect
claims-count = { $count ->
    [zero] Dim hawliadau yn aros
    [one] { $count } hawliad yn aros
    [two] { $count } hawliad yn aros
    [few] { $count } hawliad yn aros
    [many] { $count } hawliad yn aros
   *[other] { $count } hawliad yn aros
}
claims-link = Hawliadau i'w dilysu
reopen-title = Dychwelyd “{ $line }” i'r statws “wedi'i hawlio”
reopen-intro = Caiff y fersiwn a ddilyswyd ei chadw yn hanes y llinell. Bydd fersiwn newydd yn mynd yn ôl i'r statws “wedi'i hawlio”, gyda'ch rheswm, nes i rywun ei dilysu eto.
field-reopen-reason = Pam mae'n mynd yn ôl i'r statws “wedi'i hawlio”
reopen-button = Dychwelyd i “wedi'i hawlio”
benefit-reopen = Dychwelyd i “wedi'i hawlio”
done-reopened = Mae'r llinell yn ôl yn y statws “wedi'i hawlio”, gyda'ch rheswm. Caiff y fersiwn a ddilyswyd ei chadw yn ei hanes.
review-decision = Eich penderfyniad
review-verify = Dilysu: mae'r arbediad yn cyfrif
review-return = Anfon yn ôl at yr hawlydd i'w ailweithio a'i hawlio eto
review-reject = Gwrthod: caiff y llinell ei chau
review-decision-required = Dewiswch a ydych am ddilysu'r hawliad, gofyn cwestiwn, ei anfon yn ôl neu ei wrthod.
field-review-note = Eich nodyn neu'ch rheswm
field-review-note-hint = I ddilysu: pam rydych chi'n fodlon, er enghraifft beth a welsoch neu pa gofnodion a wiriwyd gennych. I ofyn: eich cwestiwn. I anfon yn ôl neu wrthod: pam, fel bod yr hawlydd yn gwybod beth i'w newid. Caiff ei gadw gyda'r llinell a'i ddangos lle bynnag y mae'n ymddangos.
review-button = Cofnodi'r penderfyniad
claim-review-not-open = Nid yw'r llinell hon yn aros am yr adolygiad hwn: mae wedi'i dilysu, mae cwestiwn wedi'i ofyn amdani, mae wedi'i hanfon yn ôl i'w hailweithio neu mae wedi'i gwrthod. Mae ei hanes isod yn dangos beth ddigwyddodd.
claim-note-too-long = Ysgrifennwch 1,000 o nodau ar y mwyaf.
benefit-rejected-closed = Cafodd y llinell hon ei gwrthod ac mae wedi'i chau. I hawlio'r arbediad eto, ychwanegwch linell newydd.
done-returned = Mae'r hawliad wedi'i anfon yn ôl at yr hawlydd gyda'ch rheswm.
done-rejected = Mae'r hawliad wedi'i wrthod, gyda'ch rheswm.
review-query = Gofyn cwestiwn i'r hawlydd: mae'r hawliad yn aros am ei ateb
done-queried = Mae eich cwestiwn wedi'i anfon at yr hawlydd. Mae'r hawliad yn aros am ei ateb.
done-answered = Mae eich ateb wedi'i anfon. Mae'r hawliad yn ôl yn y ciw i'w adolygu.
evidence-counts = Darlleniadau: { $readings } ({ $unit }) · Ffeiliau: { $files } · Newidiadau a brofwyd: { $tested }
evidence-backed = Gall y dystiolaeth ategu'r hawliad hwn: mae ffeil wedi'i hatodi, neu mae'r darlleniadau'n mesur rhywbeth y mae hawliad o'r math hwn yn cael ei fesur ynddo.
evidence-unjudged = Mae'r darlleniadau mewn “{ $unit }”, uned nad yw Ymarfer yn ei hadnabod: gwiriwch eich hun eu bod yn ategu hawliad am { $category }.
evidence-unmatched = Nid yw'r dystiolaeth yn cyfateb i'r hawliad: mae'r unig ddarlleniadau'n mesur { $kind } (“{ $unit }”), na all ategu hawliad am { $category }, ac nid oes ffeil wedi'i hatodi.
evidence-unmeasured = Nid oes dim wedi'i fesur i ategu'r hawliad hwn: nid oes gan y prosiect ddarlleniadau na ffeil wedi'i hatodi.
evidence-unmatched-short = Nid yw'r dystiolaeth yn cyfateb
evidence-unmeasured-short = Dim wedi'i fesur
evidence-backed-short = Wedi'i ategu
evidence-unjudged-short = Uned heb ei hadnabod
measure-kind-time = amser
measure-kind-money = arian
measure-kind-energy = ynni neu danwydd
measure-kind-mass = pwysau
measure-kind-distance = pellter
measure-kind-count = nifer o bethau
claims-claimant = Hawliwyd gan
claims-claimed-on = Dyddiad hawlio
claims-days-waiting = Diwrnodau'n aros
claims-evidence = Tystiolaeth
claims-queried-heading = Cwestiwn wedi'i ofyn: yn aros am ateb yr hawlydd
claims-queried-intro = Rydych wedi gofyn cwestiwn i'r hawlwyr hyn. Mae pob hawliad yn dychwelyd i'r ciw uchod pan fyddant yn ateb; gallwch barhau i anfon un yn ôl neu ei wrthod.
claims-queried-count = { $count ->
    [zero] Dim hawliadau â chwestiwn arnynt
    [one] Un hawliad â chwestiwn arno
    [two] Dau hawliad â chwestiwn arnynt
    [few] { $count } hawliad â chwestiwn arnynt
    [many] { $count } hawliad â chwestiwn arnynt
   *[other] { $count } hawliad â chwestiwn arnynt
}
claims-question = Cwestiwn
claims-asked-on = Dyddiad gofyn
answer-title = Ateb y cwestiwn am “{ $line }”
answer-intro = Gofynnodd { $name } hyn ar { $date }:
field-answer = Eich ateb
field-answer-hint = Dywedwch yr hyn y gofynnodd yr adolygydd amdano. Os oes angen newid y ffigurau, newidiwch y llinell yn lle hynny: mae hynny'n ei hawlio eto hefyd.
answer-button = Anfon yr ateb
claim-not-queried = Nid oes cwestiwn yn aros am ateb ar y llinell hon. Mae ei hanes yn dangos beth ddigwyddodd.
ledger-answer = Ateb y cwestiwn
ledger-question = Cwestiwn: { $question }
error-date-future = Rhowch ddyddiad sydd wedi mynd heibio: mae darlleniad yn cofnodi rhywbeth a fesurwyd eisoes.
csv-measure = mesur
csv-value = gwerth
csv-description = disgrifiad
csv-programme = Rhaglen
csv-cohort = Carfan
csv-cost-pence = Cost (ceiniogau)
csv-first-year-verified-pence = Gwerth y flwyddyn gyntaf wedi'i ddilysu (ceiniogau)
csv-first-year-claimed-pence = Gwerth y flwyddyn gyntaf wedi'i hawlio (ceiniogau)
csv-first-year-forecast-pence = Gwerth y flwyddyn gyntaf a ragamcanwyd (ceiniogau)
csv-roi-verified = Elw ar fuddsoddiad o'r gwerth wedi'i ddilysu (i 1)
csv-net-return-pct = Elw net (%)
csv-payback-months = Cyfnod ad-dalu (misoedd)
csv-organisations = Sefydliadau sy'n cymryd rhan
csv-participants = Cyfranogwyr
csv-projects = Prosiectau
csv-co2e-kg-first-year = CO2e a arbedwyd yn y flwyddyn gyntaf (kg)
project-sections = Ar y dudalen hon

## A firm named publicly only with its consent
firm-described = { $band ->
    [micro] Microfusnes
    [medium] Cwmni canolig
    [large] Cwmni mawr
   *[small] Cwmni bach
} ({ $sector }) yn ardal { $area }
firm-described-nowhere = { $band ->
    [micro] Microfusnes
    [medium] Cwmni canolig
    [large] Cwmni mawr
   *[small] Cwmni bach
} ({ $sector })

## Gweithredoedd ar brosiectau, yn y trywydd archwilio a'u gwrthod
audit-project-started = Prosiect wedi'i ddechrau
audit-project-changed = Prosiect wedi newid
audit-tool-applied = Offeryn wedi'i gadw ar brosiect
audit-cycle-started = Cylch profi a dysgu wedi'i ddechrau
audit-cycle-changed = Cylch profi a dysgu wedi newid
audit-reading-recorded = Darlleniad wedi'i gofnodi
project-title-taken = Mae gan y cwmni hwn brosiect â'r teitl hwn yn y garfan yn barod. Dewiswch deitl arall, neu agorwch y prosiect hwnnw.
project-approve-not-public = Dim ond prosiect y mae ei bobl wedi'i wneud yn gyhoeddus y gellir ei gymeradwyo ar gyfer y cyhoedd.
cycle-changed-meanwhile = Newidiodd rhywun y cylch hwn tra oeddech chi'n ei olygu. Edrychwch arno eto, yna gwnewch eich newid.
tool-error-version = Mae'r offeryn hwn wedi newid ers agor y ffurflen. Agorwch hi eto a chadw.
audit-reading-corrected = Darlleniad wedi'i gywiro
audit-reading-removed = Darlleniad wedi'i ddileu
audit-programme-tool-added = Offeryn y rhaglen ei hun wedi'i ychwanegu
programme-tools-invalid = Nid oes modd defnyddio diffiniad yr offeryn hwn; cywirwch ef a rhowch gynnig arall arni.
xlsx-col-current = Fersiwn gyfredol
xlsx-sheet-current = Llinellau cyfredol
xlsx-col-verified-first-year = Gwerth y flwyddyn gyntaf wedi'i ddilysu (£)
xlsx-total = Cyfanswm
csv-unit = uned
claims-pages = Tudalennau o hawliadau sy'n aros
claims-queried-pages = Tudalennau o hawliadau â chwestiwn arnynt
