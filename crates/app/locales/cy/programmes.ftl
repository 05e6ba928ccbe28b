## Llywio a geiriau cyffredin
nav-programmes = Rhaglenni
nav-organisations = Sefydliadau
save = Cadw
choose = Dewiswch…
yes = Ydy
no = Nac ydy
back-to-cohort = Yn ôl i'r garfan

## Negeseuon ar ôl gweithred
done-saved = Mae eich newidiadau wedi'u cadw.
done-team-added = Mae'r person wedi'i ychwanegu at y tîm. Os nad oedd ganddo gyfrif eisoes, mae gwahoddiad ar ei ffordd.
done-invited = Wedi'i wneud. Os nad oedd gan y person gyfrif eisoes, mae gwahoddiad ar ei ffordd ato yn ei iaith ei hun.
done-withdrawn = Mae'r person wedi'i dynnu'n ôl o'r garfan. Caiff ei hanes ei gadw.
done-readmitted = Mae'r person wedi'i aildderbyn i'r garfan.
done-imported = Mae'r bobl yn eich ffeil wedi'u mewnforio.
done-attendance = Mae'r gofrestr wedi'i chadw.

## Rhaglenni
programmes-title = Rhaglenni
programmes-none = Nid ydych yn rhan o unrhyw raglen eto.
programme-new-title = Dechrau rhaglen
programme-edit-title = Golygu'r rhaglen
programme-funded-by = Wedi'i hariannu gan { $funder }
programme-section-names = Am y rhaglen
programme-section-cost = Cost a phrisio
programme-breakdown-hint = Gallwch rannu'r cyfanswm yn rhannau. Ni chaiff y rhannau adio i fwy na'r cyfanswm.
programme-dates = Dyddiadau
cohorts-heading = Carfanau
cohorts-none = Nid oes carfanau eto.
team-heading = Tîm y rhaglen
team-add-heading = Ychwanegu rhywun at y tîm
team-add-button = Ychwanegu at y tîm

## Meysydd rhaglenni a charfanau
field-name-en = Enw yn Saesneg
field-name-cy = Enw yn Gymraeg
field-slug = Enw byr ar gyfer cyfeiriadau gwe
field-slug-hint = Llythrennau bach, rhifau a chysylltnodau, fel ceic-cymru-2026. Gadewch y maes yn wag i greu un o'r enw Saesneg.
field-description-en = Disgrifiad yn Saesneg
field-description-cy = Disgrifiad yn Gymraeg
field-funder = Cyllidwr, yn Saesneg
field-funder-cy = Cyllidwr, yn Gymraeg
programme-funder = Cyllidwr
field-starts-on = Dyddiad dechrau
field-ends-on = Dyddiad gorffen
field-cost = Cyfanswm y gost mewn punnoedd
field-pounds-hint = Mewn punnoedd, fel 49000 neu 49,000.00.
field-cost-delivery = Staff cyflawni
field-cost-venues = Lleoliadau
field-cost-materials = Deunyddiau
field-cost-in-kind = Cyfraniadau mewn nwyddau
field-hourly-rate = Cyfradd ddiofyn fesul awr, gan gynnwys costau cyflogi, mewn punnoedd
field-hourly-rate-hint = Fe'i defnyddir i brisio oriau a arbedwyd pan nad yw'r arbediad na'r cwmni yn rhoi ei gyfradd ei hun.
field-capture-factor = Ffactor dal ar gyfer amser a arbedwyd
field-capture-factor-hint = Y gyfran o'r oriau a arbedwyd sy'n cyfrif fel gwerth, o 0.01 i 1. Defnyddiwch 1 i gyfrif pob awr.
field-capacity = Lleoedd
field-delivery-mode = Sut mae'r garfan yn cyfarfod
field-region = Rhanbarth
field-cost-share = Cyfran y garfan hon o gost y rhaglen
field-cost-share-hint = Gadewch y maes yn wag i rannu'n gyfartal yr hyn o'r gost y mae cyfrannau sefydlog y carfanau eraill yn ei adael. Unwaith y bydd gan y garfan arbedion wedi'u dilysu, bydd ei chyfran yn sefydlog, fel na all carfanau eraill byth newid ei ffigurau.
cohort-error-no-cost-left = Mae cyfrannau sefydlog y carfanau eraill yn cymryd holl gost y rhaglen, felly ni fyddai cyfran gyfartal yn ddim. Rhowch gyfran o'r gost i'r garfan hon, neu gostyngwch gyfran carfan arall yn gyntaf.
cohort-shares-differ = Mae cyfrannau'r carfanau yn dod i { $shares }, ond mae'r rhaglen yn costio { $cost }. Mae elw pob carfan ar ei buddsoddiad yn cael ei gyfrifo ar ei chyfran ei hun.
field-role = Rôl
field-organisation = Sefydliad
field-organisation-none = Dim sefydliad
field-title = Teitl
field-session-kind = Math o sesiwn
field-starts-at = Yn dechrau
field-ends-at = Yn gorffen
field-uk-time-hint = Yn ôl amser y DU.
field-location = Lleoliad
field-online-url = Dolen ar-lein
field-agenda = Agenda
field-resources = Adnoddau
field-markdown-hint = Gallwch ddefnyddio Markdown: **trwm**, rhestrau gyda -, a dolenni.
field-companies-house = Rhif Tŷ'r Cwmnïau
field-companies-house-hint = Dewisol. Wyth nod, fel 01234567 neu SC123456.
field-sector = Sector (adran SIC 2007)
field-employee-band = Maint
field-area = Prif ardal
field-org-hourly-rate = Cyfradd fesul awr, gan gynnwys costau cyflogi, mewn punnoedd
field-org-hourly-rate-hint = Dewisol. Cyflogau ynghyd â chostau cyflogi ychwanegol am awr nodweddiadol o amser staff yn y cwmni hwn.
field-asked-on = Dyddiad holi

## Carfanau
cohort-new-title = Ychwanegu carfan
cohort-edit-title = Golygu'r garfan
cohort-participants = Cyfranogwyr
cohort-people-count = { $count } o gyfranogwyr
cohort-organisations = Sefydliadau
cohort-attendance = Presenoldeb
cohort-cost-share = Cyfran o'r gost
cohort-people-heading = Pobl
cohort-people-none = Nid oes neb wedi cofrestru eto.
cohort-counts-only = { $people ->
    [zero] Nid oes yr un cyfranogwr wedi cofrestru.
    [one] Mae { $people } cyfranogwr wedi cofrestru.
    [two] Mae { $people } gyfranogwr wedi cofrestru.
    [few] Mae { $people } chyfranogwr wedi cofrestru.
    [many] Mae { $people } chyfranogwr wedi cofrestru.
   *[other] Mae { $people } cyfranogwr wedi cofrestru.
} Dim ond aelodau a staff y garfan sy'n gweld yr enwau.
cohort-staff-heading = Hwyluswyr a sylwedyddion
cohort-invite-heading = Gwahodd neu gofrestru rhywun
person-unnamed = (dim enw eto)
person-withdraw = Tynnu'n ôl
person-withdrawn = Wedi tynnu'n ôl
person-readmit = Aildderbyn
export-people = Lawrlwytho rhestr y bobl fel CSV

## Sesiynau
sessions-heading = Sesiynau
sessions-none = Nid oes sesiynau wedi'u trefnu eto.
session-new-title = Trefnu sesiwn
session-edit-title = Golygu'r sesiwn
session-when = Pryd
session-present = Yn bresennol
register-heading = Cofrestr bresenoldeb
register-everyone = Nodi bod pawb yn bresennol
register-hint = Mae'r bobl sydd eisoes wedi'u nodi yn cadw eu marc. Yna newidiwch yr eithriadau: mae tapio unwaith yn cofnodi bod rhywun yn hwyr, wedi ymddiheuro neu'n absennol.
register-unmarked = Heb ei nodi

## Setiau dysgu gweithredol
set-heading = Set dysgu gweithredol
sets-title = Setiau dysgu gweithredol
sets-intro = Mae setiau o bedwar i saith o gyfranogwyr yn cyfarfod i weithio ar heriau ei gilydd.
sets-propose = Cynnig setiau'n awtomatig
sets-propose-hint = Mae hyn yn disodli'r setiau presennol â rhai newydd sy'n cymysgu sectorau ac yn cydbwyso eu maint.
sets-default-name = Set dysgu { $number }
sets-size = { $count ->
    [zero] Dim aelodau
    [one] { $count } aelod
    [two] { $count } aelod
    [few] { $count } aelod
    [many] { $count } aelod
   *[other] { $count } aelod
}
sets-size-warning = Mae set yn gweithio orau gyda phedwar i saith aelod.
sets-unplaced = Heb fod mewn set
sets-move-heading = Symud pobl rhwng setiau
sets-move = Symud
sets-none = Dim set

## Calendrau
calendar-heading = Dolen calendr
calendar-cohort-intro = Dolen gyfrinachol i sesiynau'r garfan hon, i'w hychwanegu at Outlook, Google Calendar neu Apple Calendar. Gall unrhyw un sydd â'r ddolen weld y sesiynau, felly rhannwch hi'n ofalus.
calendar-person-intro = Dolen gyfrinachol i sesiynau eich holl garfanau, i'w hychwanegu at eich ap calendr. Mae creu dolen newydd yn atal yr hen un rhag gweithio.
calendar-link-made = Dyma eich dolen newydd. Copïwch hi nawr: ni fydd yn cael ei dangos eto.
calendar-link = Dolen calendr
calendar-new-link = Creu dolen calendr newydd
calendar-revoke = Atal fy nolen calendr rhag gweithio
profile-calendar-revoked = Nid yw eich dolen calendr yn gweithio mwyach.

## Mewnforio
import-title = Mewnforio pobl o CSV
import-preview-title = Gwirio cyn mewnforio
import-intro = Lanlwythwch ffeil CSV wedi'i chadw fel UTF-8, un person ar bob rhes, gyda'r colofnau hyn. Ni chaiff dim ei gadw nes i chi wirio'r rhagolwg a chadarnhau.
import-file = Ffeil CSV
import-progress = Cynnydd y lanlwythiad
import-check = Gwirio'r ffeil
import-confirm = Mewnforio pawb
import-send-invitations = Anfon gwahoddiad drwy e-bost at bob person newydd
import-ready = { $count ->
    [zero] Nid oes neb yn barod i'w fewnforio.
    [one] Mae { $count } person yn barod i'w fewnforio.
    [two] Mae { $count } berson yn barod i'w mewnforio.
    [few] Mae { $count } pherson yn barod i'w mewnforio.
    [many] Mae { $count } pherson yn barod i'w mewnforio.
   *[other] Mae { $count } person yn barod i'w mewnforio.
}
import-preview-first = Mae'r { $shown } llinell gyntaf wedi'u rhestru isod; mae pob un wedi'i gwirio a chaiff pob un ei mewnforio.
import-line-heading = Llinell
import-line = Llinell { $line }:
import-problems-heading = Nid oes modd mewnforio'r ffeil
import-nothing-written = Nid oes dim wedi'i gadw. Cywirwch y llinellau hyn a lanlwythwch y ffeil eto.
import-error-unreadable = Nid oedd modd darllen y ffeil fel CSV: { $value }
import-error-columns = Rhaid i'r llinell gyntaf enwi'r colofnau. Ar goll: { $value }.
import-error-empty = Nid oes neb yn y ffeil.
import-error-missing = Nid oes dim wedi'i roi ar gyfer { $column }.
import-error-email = Nid yw'r gwerth “{ $value }” ar gyfer { $column } yn gyfeiriad e-bost.
import-error-duplicate = Mae'r cyfeiriad e-bost hwn eisoes ar linell { $line }.
import-error-too-long = Mae'r gwerth ar gyfer { $column } yn rhy hir.
import-error-language = Rhaid i'r gwerth ar gyfer { $column } fod yn cy (Cymraeg) neu en (Saesneg), nid “{ $value }”.
import-error-company-number = Nid yw'r gwerth “{ $value }” ar gyfer { $column } yn rhif Tŷ'r Cwmnïau dilys.
import-error-sector = Nid yw'r gwerth “{ $value }” ar gyfer { $column } yn adran SIC 2007 (A i U).
import-error-band = Rhaid i'r gwerth ar gyfer { $column } fod yn un o'r canlynol: meicro, bach, canolig neu mawr (neu yn Saesneg: micro, small, medium neu large), nid “{ $value }”.
import-error-area = Nid yw'r gwerth “{ $value }” ar gyfer { $column } yn un o brif ardaloedd Cymru nac yn “Y tu allan i Gymru”.
import-error-money = Nid yw'r gwerth “{ $value }” ar gyfer { $column } yn swm mewn punnoedd.
import-error-rate-too-large = Mae { $column } “{ $value }” yn fwy nag y caiff cyfradd yr awr fod ({ $max }).
import-error-encoding = Nid yw'r gwerth ar gyfer { $column } wedi'i gadw fel UTF-8. Cadwch y ffeil fel “CSV UTF-8” a rhowch gynnig arall arni.
import-error-enrolled = Mae { $email } eisoes wedi cofrestru yn y garfan hon.
import-column-email = y cyfeiriad e-bost
import-column-name = yr enw
import-column-language = yr iaith
import-column-organisation = y sefydliad
import-column-companies-house = rhif Tŷ'r Cwmnïau
import-column-sector = y sector
import-column-employee-band = y maint
import-column-area = yr ardal
import-column-hourly-rate-gbp = y gyfradd fesul awr

## Sefydliadau
organisations-title = Sefydliadau
organisations-none = Nid oes sefydliadau wedi'u hychwanegu eto.
organisations-count = { $count ->
    [zero] Dim sefydliadau
    [one] { $count } sefydliad
    [two] { $count } sefydliad
    [few] { $count } sefydliad
    [many] { $count } sefydliad
   *[other] { $count } sefydliad
}
organisation-new-title = Ychwanegu sefydliad
organisation-edit-title = Golygu'r sefydliad
organisation-active-at-entry = Yn weithgar o ran arloesi ar y dechrau
organisation-rate-programme = Cyfradd ddiofyn y rhaglen
innovation-heading = Statws arloesi
innovation-none = Nid yw'r cwestiynau arloesi wedi'u gofyn eto.
innovation-stage = Pryd
innovation-active = Yn weithgar o ran arloesi
innovation-broader = Arloeswr ehangach
innovation-entry-heading = Arloesi yn y tair blynedd diwethaf (ar y dechrau)
innovation-entry-intro = Ticiwch bob un sy'n wir am y sefydliad dros y tair blynedd diwethaf.
innovation-q1 = Cyflwynodd nwydd neu wasanaeth newydd neu sydd wedi'i wella'n sylweddol.
innovation-q2 = Dechreuodd ddefnyddio proses fusnes newydd neu sydd wedi'i gwella'n sylweddol.
innovation-q3 = Roedd ganddo waith arloesi ar y gweill, neu waith arloesi a roddwyd o'r neilltu.
innovation-q4 = Gwariodd ar ymchwil a datblygu, hyfforddiant, gwybodaeth allanol, neu offer neu feddalwedd ar gyfer arloesi.

## Hafan
home-no-cohort = Nid ydych mewn carfan eto. Pan fydd rheolwr rhaglen neu hwylusydd yn eich ychwanegu, bydd eich carfan yn ymddangos yma.
home-next-session = Y sesiwn nesaf
home-no-next-session = Nid oes sesiwn wedi'i threfnu eto.
home-what-next = Beth i'w wneud nesaf
home-what-next-participant = Dewiswch broblem go iawn yn un o brosesau eich cwmni i weithio arni, a dewch â'r hyn rydych chi'n ei wybod amdani i'ch sesiwn nesaf.

## Rhagor o negeseuon gwirio
error-required = Ni all hwn fod yn wag.
error-too-long = Rhaid i hwn fod yn { $max } nod neu lai.
error-date-invalid = Rhowch ddyddiad dilys.
error-datetime-invalid = Rhowch ddyddiad ac amser dilys.
error-end-before-start = Rhaid i'r diwedd ddod ar ôl y dechrau.
error-money-negative = Ni all y swm fod yn llai na sero.
error-breakdown-exceeds-cost = Mae rhannau'r gost yn adio i fwy na'r cyfanswm.
error-rate-zero = Rhaid i'r gyfradd fesul awr fod yn fwy na sero.
error-capture-factor = Rhowch rif o 0.01 i 1, fel 0.8.
error-slug = Defnyddiwch lythrennau bach, rhifau a chysylltnodau unigol, fel carfan-1.
error-slug-taken = Mae'r enw byr hwnnw'n cael ei ddefnyddio eisoes. Dewiswch un arall.
error-choose-one = Dewiswch un o'r opsiynau.
error-whole-number = Rhowch rif cyfan o { $range }.
error-url = Rhowch gyfeiriad gwe sy'n dechrau â https://.
error-company-number = Rhowch rif Tŷ'r Cwmnïau fel 01234567 neu SC123456.
error-organisation-exists = Mae gan y rhaglen hon sefydliad gyda'r enw hwn eisoes.
error-organisation-needed = Dewiswch sefydliad y cyfranogwr, neu ychwanegwch ef yn gyntaf.
error-hours-invalid = Rhowch yr oriau fel rhif â dau le degol ar y mwyaf, fel 1.5.
error-capture-factor-invalid = Rhowch rif o 0 i 1, fel 0.8.
error-quantity-invalid = Rhowch faint nad yw'n negyddol, â thri lle degol ar y mwyaf.
innovation-record = Cofnodi'r atebion eto
organisation-savings = Arbedion y flwyddyn gyntaf ar draws ei brosiectau
organisation-exists = Mae gan y rhaglen hon gofnod o'r sefydliad hwn eisoes, felly dyma fe. Gwiriwch fod ei fanylion yn dal yn gywir.
organisation-edit-named = Golygu { $name }
field-programme = Rhaglen
pager-label = Tudalennau
pager-previous = Tudalen flaenorol
pager-next = Tudalen nesaf
error-cohort-before-programme = Ni all carfan ddechrau cyn i'w rhaglen ddechrau ({ $date }).
error-cohort-after-programme = Ni all carfan orffen ar ôl i'w rhaglen orffen ({ $date }).
cohort-share-change-heading = Gwiriwch y newid i gyfran y garfan hon o'r gost
cohort-share-change = Mae ei chyfran o'r gost yn newid o { $before } i { $after }, felly mae ei helw ar fuddsoddiad o arbedion a ddilyswyd yn newid o { $roi_before } i { $roi_after }. Nid oes dim wedi'i gadw eto.
cohort-share-confirm = Cadw gyda'r gyfran newydd
home-step-tool = defnyddio offeryn cyntaf ar y broblem
home-step-cycle = cynllunio cylch profi a dysgu
home-step-measure = cofnodi darlleniad, neu brofi'r newid nesaf
home-needs-attention = Angen eich sylw
home-claims-waiting = { $count ->
    [zero] Dim arbedion a hawliwyd i'w dilysu
    [one] { $count } arbediad a hawliwyd i'w ddilysu
    [two] { $count } arbediad a hawliwyd i'w dilysu
    [few] { $count } arbediad a hawliwyd i'w dilysu
    [many] { $count } arbediad a hawliwyd i'w dilysu
   *[other] { $count } arbediad a hawliwyd i'w dilysu
}
home-registers = { $count ->
    [zero] Dim cofrestrau i'w cymryd
    [one] { $count } gofrestr i'w chymryd
    [two] { $count } gofrestr i'w cymryd
    [few] { $count } cofrestr i'w cymryd
    [many] { $count } chofrestr i'w cymryd
   *[other] { $count } cofrestr i'w cymryd
}
home-quiet-projects = { $count ->
    [zero] Nid oes yr un prosiect wedi mynd yn dawel
    [one] Mae { $count } prosiect wedi mynd yn dawel
    [two] Mae { $count } brosiect wedi mynd yn dawel
    [few] Mae { $count } phrosiect wedi mynd yn dawel
    [many] Mae { $count } phrosiect wedi mynd yn dawel
   *[other] Mae { $count } prosiect wedi mynd yn dawel
}
