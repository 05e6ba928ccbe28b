## Enwau byr y misoedd, ar gyfer echelinau siartiau.
month-short-1 = Ion
month-short-2 = Chwef
month-short-3 = Maw
month-short-4 = Ebr
month-short-5 = Mai
month-short-6 = Meh
month-short-7 = Gorff
month-short-8 = Awst
month-short-9 = Medi
month-short-10 = Hyd
month-short-11 = Tach
month-short-12 = Rhag

## Siartiau
impact-chart-desc = Arbedion a ddilyswyd wedi'u hadio fis wrth fis, o'u cymharu â chost y rhaglen, sef { $cost }.
impact-axis-pounds = Punnoedd (£)
impact-key-cost = Y gost: { $cost }
run-chart-key-change = Newid a brofwyd (rhif y cylch)

## Cywiro darlleniadau
reading-action-corrected = Cywirwyd
reading-action-removed = Tynnwyd
reading-edit-title = Cywiro darlleniad: { $project }
reading-edit = Cywiro
reading-save = Cadw'r cywiriad
reading-remove = Tynnu'r darlleniad hwn
reading-remove-hint = Mae tynnu darlleniad yn ei dynnu oddi ar y siart rhediad. Cedwir yr hyn a ddywedai yn hanes darlleniadau'r prosiect.
reading-history = Gwerthoedd cynharach darlleniadau
reading-history-none = Nid oes darlleniad wedi'i gywiro na'i dynnu.
reading-history-by = { $action } gan { $name } ar { $date }
done-reading-corrected = Mae'r darlleniad wedi'i gywiro. Cedwir ei werth cynharach yn yr hanes o dan y tabl.
done-reading-removed = Mae'r darlleniad wedi'i dynnu. Cedwir yr hyn a ddywedai yn yr hanes o dan y tabl.
readings-actions = Gweithredoedd
cycle-tested-on = Y diwrnod y dechreuodd y newid (dewisol)
cycle-tested-on-hint = Caiff ei nodi ar y siart rhediad, er mwyn i bawb weld a symudodd y darlleniadau ar ôl y newid.

## Cylchoedd
cycle-page-title = Cylch { $number }: { $project }
cycle-edit-page-title = Golygu cylch { $number }: { $project }
cycle-edit = Golygu'r cylch hwn
done-cycle = Mae'r cylch wedi'i gadw.
cycle-tested-on-read = Dechreuodd y newid

## Lluniadau'r map ffrwd werth a'r diagram asgwrn pysgodyn
vsm-map-caption = Y map: blwch pob cam, yr aros cyn y cam, ac ysgol yr amser arwain (aros uwchben, gwaith oddi tano).
vsm-wait-before = Aros { $time }
vsm-pt = Amser prosesu
vsm-lt = Amser arwain
vsm-ca = Cyflawn a chywir
vsm-ladder-wait = Aros
vsm-ladder-work = Gweithio
vsm-total-wait = Cyfanswm yr amser aros
fishbone-caption = Yr effaith wrth y pen, gyda'r achosion a ganfuwyd ar bob asgwrn.
fishbone-effect = Effaith
fishbone-no-causes = Dim achosion eto

## Rhesi mewn offer
tool-row-add = Ychwanegu rhes
tool-row-remove = Tynnu rhes

## Yr iaith y mae carfan yn gweithio ynddi
cohort-language = Yr iaith y mae'r garfan yn gweithio ynddi
deliverylanguage-both = Cymraeg a Saesneg
deliverylanguage-cy = Cymraeg
deliverylanguage-en = Saesneg

## Hafanau
home-step-finish-cycle = gorffen cylch { $number }: beth ddigwyddodd, a beth rydych chi'n ei benderfynu
home-step-first-reading = cofnodi darlleniad cyntaf o'ch mesur
home-cohorts-glance = Y carfanau ar yr olwg gyntaf
cohort-heading = Carfan
cohort-stage = Ble mae hi arni
cohort-stage-starting = Yn dechrau ar { $date }
cohort-stage-running = Yn rhedeg nawr
cohort-stage-finished = Daeth i ben ar { $date }
vsm-minutes = { $count ->
        [two] { $count } funud
       *[other] { $count } munud
    }
home-cohort-finished = Daeth y garfan i ben ar { $date }. Bydd arolygon dilynol yn holi beth sydd wedi para.
home-cohort-news = Yn newydd yn eich carfan
home-active-on = gwaith diwethaf ar { $date }

## Ciw'r hawliadau
claims-by-cohort = Hawliadau fesul carfan
claims-all-cohorts = Pob carfan

## Y trywydd archwilio
audit-title = Trywydd archwilio
audit-programme-title = Trywydd archwilio: { $name }
audit-lead = Pob gweithred sensitif, y diweddaraf yn gyntaf: pwy, pryd, beth ac o ble. Ni ellir newid na dileu dim yma.
audit-caption = Gweithredoedd a gofnodwyd
audit-when = Pryd
audit-who = Pwy
audit-action = Gweithred
audit-what = Beth
audit-detail = Manylion
audit-from = O ble
audit-none = Does dim a gofnodwyd yn cyfateb.
audit-download = Lawrlwytho fel CSV
audit-pages = Tudalennau'r trywydd
audit-newer = Mwy diweddar
audit-older = Hŷn
audit-sign-in = Wedi mewngofnodi
audit-sign-in-failed = Mewngofnodi wedi'i wrthod
audit-role-granted = Rôl wedi'i rhoi
audit-line-verified = Arbediad wedi'i ddilysu
audit-line-reopened = Arbediad wedi'i ddychwelyd i'r statws "wedi'i hawlio"
audit-line-queried = Cwestiwn wedi'i ofyn am hawliad
audit-line-answered = Cwestiwn am hawliad wedi'i ateb
audit-live-started = Sesiwn fyw wedi dechrau
audit-live-landed = Gweithgaredd byw wedi'i gau: nodiadau wedi'u hychwanegu at offer y cwmnïau
audit-line-returned = Hawliad wedi'i anfon yn ôl i'w ailweithio
audit-line-rejected = Hawliad wedi'i wrthod
audit-followup-answered = Dilyniant wedi'i ateb gan y cwmni
audit-line-forecast = Arbediad wedi'i ragamcanu
audit-line-claimed = Arbediad wedi'i hawlio
audit-line-changed = Llinell o'r cyfriflyfr wedi'i newid
audit-post-deleted = Neges wedi'i dileu o ofod
audit-post-restored = Neges wedi'i hadfer mewn gofod
audit-organisation-added = Sefydliad wedi'i ychwanegu at raglen
audit-organisation-changed = Manylion sefydliad wedi'u newid
audit-innovation-recorded = Atebion arloesi wedi'u cofnodi
audit-project-approved = Prosiect wedi'i gymeradwyo ar gyfer y cyhoedd
audit-report-downloaded = Adroddiad wedi'i lwytho i lawr
audit-people-exported = Pobl wedi'u hallforio
audit-programme-changed = Rhaglen wedi'i newid
audit-ledger-imported = Cyfriflyfr buddion wedi'i fewnforio
audit-people-imported = Pobl wedi'u mewnforio i garfan
audit-lead-registered = Diddordeb wedi'i gofrestru ar ôl gwiriad iechyd
audit-user-added = Cyfrif wedi'i ychwanegu
audit-rates-changed = Cyfradd neu ffactor cipio'r rhaglen wedi newid
audit-organisation-rate-changed = Cyfradd fesul awr y sefydliad wedi newid
audit-programme-created = Rhaglen wedi'i chreu
audit-cohort-created = Carfan wedi'i chreu
audit-cohort-changed = Carfan wedi'i newid
audit-participant-enrolled = Cyfranogwr wedi'i gofrestru mewn carfan
audit-participant-withdrawn = Cyfranogwr wedi'i dynnu'n ôl o garfan
audit-participant-readmitted = Cyfranogwr wedi'i dderbyn yn ôl i garfan
audit-sets-proposed = Setiau dysgu gweithredol wedi'u cynnig o'r newydd
audit-set-member-moved = Cyfranogwr wedi'i symud rhwng setiau dysgu gweithredol
audit-lead-status-changed = Statws neu nodiadau darpar gyfranogwr wedi newid
audit-lead-invited = Darpar gyfranogwr wedi'i wahodd i garfan
audit-lead-assigned = Darpar gyfranogwr wedi'i roi i raglen
audit-audit-exported = Trywydd archwilio wedi'i allforio

## Data personol
former-participant = Cyn-gyfranogwr
audit-person-erased = Data personol wedi'i ddileu
audit-data-downloaded = Data personol wedi'i lwytho i lawr gan y person
privacy-title = Hysbysiad preifatrwydd
privacy-lead = Beth mae Ymarfer yn ei gadw amdanoch chi, pam, am ba hyd, a beth y gallwch ofyn amdano.
privacy-what-heading = Beth rydyn ni'n ei gadw
privacy-what-account = Eich cyfrif: eich enw, eich cyfeiriad e-bost, eich iaith ac, os ydych chi wedi gosod un, cyfrinair (wedi'i gadw fel stwnsh unffordd yn unig).
privacy-what-work = Eich rhan mewn rhaglen: eich carfanau a'ch rôl, presenoldeb, prosiectau eich cwmni a'r arbedion a gofnodir ganddynt, eich hunanasesiad a'ch atebion i arolygon dilynol.
privacy-what-check = Os gwnaethoch y gwiriad iechyd: eich atebion, heb ddim sy'n dangos pwy ydych chi, oni bai eich bod wedi gofyn am glywed rhagor, pan fyddwn hefyd yn cadw'r manylion a roesoch.
privacy-what-security = Er diogelwch: eich sesiynau mewngofnodi a thrywydd archwilio o weithredoedd sensitif (megis mewngofnodi), gyda'r cyfeiriad rhwydwaith y daethant ohono.
privacy-why-heading = Pam
privacy-why = Er mwyn rhedeg y rhaglen rydych chi'n rhan ohoni, ac adrodd ei chanlyniadau wedi'u dilysu i'w chyllidwyr, sy'n gweld ffigurau, byth eich manylion personol, oni bai bod eich cwmni'n cytuno i astudiaeth achos.
privacy-rights-heading = Eich hawliau
privacy-rights = Gallwch lwytho i lawr bopeth a gedwir amdanoch o'ch proffil unrhyw bryd. Gallwch ofyn i dîm y rhaglen ei gywiro neu ei ddileu: mae dileu yn tynnu eich manylion personol, tra bo canlyniadau eich cwmni'n aros yn y ffigurau fel rhai cyn-gyfranogwr.
privacy-keep-heading = Am ba hyd
privacy-keep = Mae eich cyfrif yn para tra byddwch yn cymryd rhan a thra bo arolygon dilynol yn rhedeg. Caiff manylion a adawyd ar ôl gwiriad iechyd gan gwmnïau na wnaeth gofrestru eu dileu ar ôl blwyddyn.
my-data-heading = Eich data
my-data-lead = Lawrlwythwch bopeth y mae Ymarfer yn ei gadw amdanoch, mewn un ffeil.
my-data-download = Llwytho fy nata i lawr
erase-title = Dileu data person
erase-column = Data personol
erase-link = Dileu
erase-what = Mae hyn yn tynnu eu henw, eu cyfeiriad e-bost, eu cyfrinair, eu sesiynau a'u dolenni, a'r manylion a adawsant ar ôl gwiriad iechyd. Mae prosiectau, arbedion a phob ffigur eu cwmni yn aros, wedi'u priodoli i gyn-gyfranogwr. Ni ellir ei ddadwneud, ac fe'i cofnodir.
erase-confirm = Teipiwch eu cyfeiriad e-bost i gadarnhau
erase-button = Dileu eu data personol
erase-error-confirm = Teipiwch gyfeiriad e-bost y person yn union er mwyn cadarnhau. (Ni allwch ddileu eich cyfrif eich hun yma.)

## Cyfrifon, i weinyddwyr
admin-users-search = Chwilio yn ôl enw neu e-bost
admin-users-search-button = Chwilio
admin-users-suspended = Wedi'i atal
admin-suspend = Atal
admin-reactivate = Ailagor
admin-sign-out = Allgofnodi ym mhobman
done-suspended = Mae'r cyfrif wedi'i atal a'i allgofnodi ym mhobman.
done-reactivated = Gall y cyfrif fewngofnodi eto.
done-signed-out = Mae'r cyfrif wedi'i allgofnodi ym mhobman.
error-suspended = Mae'r cyfrif hwn wedi'i atal. Gofynnwch i weinyddwr Ymarfer ei ailagor.
audit-user-suspended = Cyfrif wedi'i atal
audit-user-reactivated = Cyfrif wedi'i ailagor
audit-user-signed-out = Cyfrif wedi'i allgofnodi ym mhobman
data-readme =
    Eich data o Ymarfer

    Mae'r ffeil hon yn cynnwys popeth sydd gan Ymarfer a roesoch chi i mewn neu a gofnodwyd amdanoch chi, ar y dyddiad y gwnaethoch ei lawrlwytho.

    Mae records.json yn cynnwys, fesul adran: eich cyfrif; eich carfanau a'ch rôl; eich sesiynau mewngofnodi; eich presenoldeb ym mhob sesiwn; eich hunanasesiad gallu; yr hyn a ysgrifennoch mewn gofodau carfan (eitemau, sylwadau, adborth a roesoch, ymrwymiadau a diweddariadau, eich log dysgu, nodiadau o sesiynau byw); arolygon dilynol; y prosiectau a greoch, defnydd o offer, cylchoedd gwella a darlleniadau; pob fersiwn o'r hawliadau arbedion a wnaethoch; fersiynau cynharach o'ch eitemau; adborth a roddodd eraill ar eich eitemau (heb eu henwau); eich ymatebion; eich cofnodion darpar gyfranogwr o'r gwiriad iechyd; a'r trywydd archwilio o'r hyn a wnaethoch a'r hyn a wnaed i'ch cyfrif.

    Mae'r ffolder files/ yn cynnwys y ffeiliau a atodwyd gennych, fel y'u cadwyd.

    Mae dyddiadau ac amseroedd yn UTC. Mae arian mewn ceiniogau.
audit-record-live-session = sesiwn fyw
audit-record-of-project = o brosiect
audit-record-organisation = sefydliad
audit-record-activity = gweithgaredd
audit-record-account = cyfrif
audit-record-project = prosiect
audit-record-reading = darlleniad
audit-record-session = sesiwn
audit-record-cohort = carfan
audit-record-person = person
audit-record-cycle = cylch
audit-record-lead = darpar gyfranogwr
audit-record-tool = offeryn
audit-record-user = defnyddiwr
audit-record-file = ffeil
audit-record-in = yn
audit-code = Cod (yr un fath yn y ddwy iaith)
audit-count = { $count ->
    [zero] dim digwyddiadau
    [one] 1 digwyddiad
    [two] 2 ddigwyddiad
    [few] { $count } digwyddiad
    [many] { $count } digwyddiad
   *[other] { $count } digwyddiad
}
audit-count-more = mwy na { $count } digwyddiad
