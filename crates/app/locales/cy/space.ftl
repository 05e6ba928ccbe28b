## Gofod y garfan
space-title = { $cohort }: gofod y garfan
space-intro = Beth mae'ch carfan yn ei roi ar brawf, a'r hyn a ddysgodd. Dim ond cyfranogwyr a staff y garfan sy'n gweld y gofod hwn.
space-former-member = Cyn-gyfranogwr
space-shared-tool = { $tool }, fersiwn { $version }
space-shared-cycle = Cylch { $number }: { $change } – { $decision }
space-shared-reading = Y darlleniad diweddaraf: { $value } { $unit } ar { $date }
space-error-too-long = Ysgrifennwch 5,000 nod ar y mwyaf.
space-shared-gone = Nid yw'r hyn a rannwyd wedi'i gofnodi mwyach.
space-item-title = Rhannwyd gan { $author } ar { $when }
space-kind-post = Neges
space-kind-tool = Offeryn a rannwyd
space-kind-cycle = Cylch a rannwyd
space-kind-reading = Darlleniad a rannwyd
space-kind-reflection = Myfyrdod
space-kind-comment = Sylw
space-requests-heading = Gofynnwyd am eich adborth
space-request-from = Gofynnodd { $person } am eich adborth ar “{ $what }”
space-post-heading = Rhannu â'ch carfan
space-post-hint = Mae Markdown yn gweithio: **trwm**, rhestrau a dolenni. Ysgrifennwch @ ac enw rhywun i sôn amdano.
space-post = Postio
space-share-hint = I rannu offeryn, cylch neu ddarlleniad, agorwch eich prosiect a dewiswch “Rhannu â'm carfan”.
space-stream-heading = Beth rannodd y garfan
space-filter = Hidlo
space-filter-any = Unrhyw un
space-filter-anyone = Unrhyw berson
space-filter-clear = Dangos popeth
space-none = Does dim wedi'i rannu eto. Byddwch y cyntaf: gofynnwch gwestiwn, neu rannwch offeryn o'ch prosiect.
space-none-filtered = Does dim a rannwyd yn cyfateb i'r hidlyddion hyn.
space-older = Eitemau hŷn
space-new-items = { $count ->
    [zero] Dim eitemau newydd
    [one] { $count } eitem newydd – ei dangos
    [two] { $count } eitem newydd – eu dangos
    [few] { $count } eitem newydd – eu dangos
    [many] { $count } eitem newydd – eu dangos
   *[other] { $count } eitem newydd – eu dangos
}
space-back = Yn ôl at yr eitem
space-edit-title = Golygu'r hyn a ysgrifennoch
space-edit-hint = Caiff y testun blaenorol ei gadw yn hanes yr eitem.
space-save = Cadw'r newidiadau
space-edited = golygwyd
space-removed = Cafodd yr eitem hon ei dileu.
space-comments-count = { $count ->
    [zero] Dim sylwadau
    [one] { $count } sylw
    [two] { $count } sylw
    [few] { $count } sylw
    [many] { $count } sylw
   *[other] { $count } sylw
}
space-feedback-count = { $count ->
    [zero] Dim adborth
    [one] { $count } darn o adborth
    [two] { $count } ddarn o adborth
    [few] { $count } darn o adborth
    [many] { $count } darn o adborth
   *[other] { $count } darn o adborth
}
space-edit = Golygu
space-delete = Dileu
space-restore = Adfer
space-comments-heading = Sylwadau
space-comments-none = Dim sylwadau eto.
space-comment = Ychwanegu'r sylw
space-history-heading = Fersiynau cynharach
space-history-entry = Cyn i { $person } ei olygu ar { $when }:
share-heading = Rhannu â'm carfan
share-note = Nodyn i'ch carfan (dewisol)
share-tool = Rhannu'r offeryn hwn
share-cycle = Rhannu'r cylch hwn
share-reading = Rhannu'r darlleniad diweddaraf
share-with-cohort = Rhannu â'm carfan
lang-cy = Cymraeg
lang-en = English
field-body = Eich neges
field-comment = Eich sylw
field-lang = Iaith
field-project = Prosiect
field-person = Pwy
field-tool = Offeryn
field-kind = Math
field-strong = Beth sy'n gryf
field-question = Cwestiwn
field-suggestion = Awgrym
field-peer = Pwy i'w holi
reaction-useful = Defnyddiol
reaction-tried = Rhoddais i gynnig ar hyn hefyd
feedback-heading = Adborth
feedback-none = Dim adborth eto.
feedback-from = Adborth gan { $person }
feedback-check-yes = ydy
feedback-check-no = ddim eto
feedback-give = Rhoi adborth
feedback-hint = Llenwch un rhan neu fwy. Byddwch yn benodol ac yn garedig: enwch yr hyn sy'n gweithio, gofynnwch yr hyn yr hoffech ei wybod, awgrymwch un peth i roi cynnig arno.
feedback-checklist = Rhestr wirio'r offeryn: ticiwch yr hyn y mae'r gwaith yn ei wneud yn dda
feedback-send = Anfon yr adborth
feedback-error-empty = Ysgrifennwch o leiaf un o'r rhain: beth sy'n gryf, cwestiwn, neu awgrym.
feedback-ask-heading = Gofyn am adborth
feedback-ask-who = Gofyn i'r bobl hyn
feedback-ask-set = Pawb yn fy set dysgu gweithredol
feedback-ask = Gofyn am adborth
feedback-ask-answered = wedi rhoi adborth
feedback-ask-waiting = gofynnwyd, dim ateb eto
feedback-ask-error-none = Dewiswch o leiaf un person i'w holi.
notices-title = Eich hysbysiadau
notices-heading = Hysbysiadau
notices-none = Dim byd newydd.
notices-new = newydd
notices-mark-read = Nodi bod y cyfan wedi'i ddarllen
notice-mention = Soniodd { $person } amdanoch
notice-comment = Gwnaeth { $person } sylw ar yr hyn a rannoch
notice-feedback = Rhoddodd { $person } adborth i chi
notice-feedback-request = Gofynnodd { $person } am eich adborth
notice-claim-verified = Dilysodd { $person } arbediad a hawlioch chi
notice-claim-queried = Gofynnodd { $person } gwestiwn am arbediad a hawlioch chi: atebwch ef ar yr hawliad
notice-claim-answered = Atebodd { $person } eich cwestiwn am arbediad a hawliwyd
notice-claim-returned = Anfonodd { $person } arbediad a hawlioch chi yn ôl, gyda rheswm: newidiwch ef a'i hawlio eto
notice-claim-rejected = Gwrthododd { $person } arbediad a hawlioch chi, gyda rheswm
notice-project-approved = Cymeradwyodd { $person } eich prosiect ar gyfer arddangosfa'r cyhoedd
checkin-done = Wedi'i wneud
checkin-partly = Yn rhannol
checkin-not-yet = Ddim eto
done-posted = Wedi'i phostio i'ch carfan.
done-commented = Ychwanegwyd y sylw.
done-edited = Cadwyd y newidiadau; mae'r testun blaenorol wedi'i gadw.
done-deleted = Wedi'i ddileu. Gall hwylusydd ei adfer.
done-restored = Wedi'i adfer.
done-feedback = Anfonwyd yr adborth. Diolch.
done-asked = Anfonwyd eich cais am adborth.
done-shared = Wedi'i rannu â'ch carfan.
done-read = Nodwyd bod pob hysbysiad wedi'i ddarllen.
done-committed = Cofnodwyd yr ymrwymiad.
done-checked-in = Cofnodwyd eich diweddariad.
done-reflected = Ychwanegwyd at eich dyddlyfr dysgu.
share-what = Beth i'w rannu
share-option-cycle = Cylch { $number }: { $change }
space-enter = Gofod y garfan: rhannu a dysgu gyda'ch gilydd
rhythm-heading = Eich ymrwymiadau
checkin-heading = Rhowch wybod sut aeth yr hyn yr ymrwymoch iddo
checkin-legend = Dywedoch: “{ $commitment }”. Sut aeth hi?
checkin-note = Yr hyn a ddysgais (dewisol)
checkin-save = Cadw'r diweddariad
checkin-done-heading = Eisoes wedi rhoi gwybod
checkin-error-status = Dewiswch sut aeth hi: wedi'i wneud, yn rhannol neu ddim eto.
commitment-heading = Cyn y sesiwn nesaf byddaf yn rhoi cynnig ar…
field-commitment = Fy ymrwymiad
commitment-hint = Un peth y byddwch yn rhoi cynnig arno yn eich cwmni cyn y sesiwn nesaf.
commitment-save = Cofnodi'r ymrwymiad
commitment-later = Gallwch gofnodi ymrwymiadau unwaith y bydd y sesiwn wedi dechrau.
commitment-error-future = Nid yw'r sesiwn hon wedi dechrau eto: cofnodwch ymrwymiadau ynddi neu ar ei hôl.
log-title = Fy nyddlyfr dysgu
log-intro = Myfyrdodau i chi yn unig: beth roesoch gynnig arno, beth ddigwyddodd, beth ddysgoch. Rhannwch un â'ch carfan pan fynnwch.
log-no-cohort = Bydd eich dyddlyfr dysgu'n agor pan fyddwch yn ymuno â charfan.
field-reflection = Myfyrdod
field-cohort = Carfan
log-hint = Mae Markdown yn gweithio. Does neb arall yn gweld hyn oni bai eich bod yn ei rannu.
log-add = Ychwanegu at fy nyddlyfr
log-entries = Fy myfyrdodau
log-none = Dim myfyrdodau eto.
log-shared = wedi'i rannu â'm carfan
log-private = preifat
log-see-shared = Ei weld yng ngofod y garfan
log-share = Rhannu â'm carfan
log-error-cohort = Dewiswch un o'ch carfanau.
home-feedback-asked = { $count ->
    [zero] Does neb wedi gofyn am eich adborth
    [one] Gofynnodd { $count } person am eich adborth
    [two] Gofynnodd { $count } berson am eich adborth
    [few] Gofynnodd { $count } pherson am eich adborth
    [many] Gofynnodd { $count } pherson am eich adborth
   *[other] Gofynnodd { $count } person am eich adborth
}
home-notices-unread = { $count ->
    [zero] Dim hysbysiadau newydd
    [one] { $count } hysbysiad newydd
    [two] { $count } hysbysiad newydd
    [few] { $count } hysbysiad newydd
    [many] { $count } hysbysiad newydd
   *[other] { $count } hysbysiad newydd
}
files-heading = Lluniau a dogfennau
files-none = Dim lluniau na dogfennau eto.
field-file = Llun neu PDF (dewisol)
file-hint = Llun o'r llawr gwaith, neu PDF o fap proses: JPEG, PNG, WebP neu PDF, hyd at 10 MB. Caiff lleoliad lluniau a manylion cudd eraill eu tynnu wrth eu cadw.
file-upload = Ychwanegu'r ffeil
file-photo-alt = Llun: { $name }
file-error-too-large = Mae'r ffeil yn fwy na 10 MB. Dewiswch un lai, neu dynnwch y llun ar faint llai.
file-error-type = Nid yw'r ffeil hon yn llun JPEG, PNG na WebP, nac yn PDF, beth bynnag mae ei henw'n ei ddweud. Dewiswch un o'r rheini.
file-error-unreadable = Nid oedd modd darllen y llun hwn; efallai ei fod wedi'i ddifrodi. Ceisiwch ei gadw eto.
file-error-too-many-pixels = Mae gan y llun hwn fwy na 40 megapicsel. Cadwch ef ar faint llai, fel 4,000 × 3,000 picsel, a'i ychwanegu eto.
file-error-none = Dewiswch ffeil i'w hychwanegu.
done-attached = Ychwanegwyd y ffeil.
search-title = Chwilio
search-title-for = Chwilio: { $query }
search-label = Chwilio'r hyn a rannodd eich carfanau a'r prosiectau y gallwch eu gweld
search-hint = Geiriau Cymraeg neu Saesneg; rhaid i bob gair gyfateb. Mae geiriau Cymraeg yn cael eu canfod ym mhob ffurf dreigledig (bara, fara, mara).
search-button = Chwilio
search-results = { $count ->
    [zero] Dim canlyniadau
    [one] { $count } canlyniad
    [two] { $count } ganlyniad
    [few] { $count } chanlyniad
    [many] { $count } chanlyniad
   *[other] { $count } canlyniad
}
search-none = Does dim yn cyfateb. Rhowch gynnig ar lai o eiriau, neu ar ddechrau gair.
search-post-title = { $author }, { $when }
search-cycle = Cylch { $number }
search-tool = Offeryn: { $tool }
search-benefit = Llinell fudd
search-project = prosiect { $organisation }
nav-search = Chwilio
email-notices-subject = { $count ->
    [zero] Ymarfer: dim hysbysiadau newydd
    [one] Ymarfer: { $count } hysbysiad newydd gan eich carfan
    [two] Ymarfer: { $count } hysbysiad newydd gan eich carfan
    [few] Ymarfer: { $count } hysbysiad newydd gan eich carfan
    [many] Ymarfer: { $count } hysbysiad newydd gan eich carfan
   *[other] Ymarfer: { $count } hysbysiad newydd gan eich carfan
}
email-notices-intro = Dyma beth sy'n newydd i chi yng ngofod eich carfan:
email-notices-settings = Dewiswch pa mor aml y daw'r negeseuon hyn, ar eich proffil:
email-notices-unsubscribe = I atal y negeseuon hyn gydag un clic:
job-notices = Hysbysiadau drwy e-bost, ar unwaith
job-daily-digest = Crynodeb dyddiol o hysbysiadau
job-weekly-digest = Crynodeb wythnosol o hysbysiadau
job-followups = Arolygon dilynol a gwahoddiadau i ailwirio
notify-immediate = Ar unwaith, un neges bob tro
notify-daily = Crynodeb dyddiol
notify-weekly = Crynodeb wythnosol, bob dydd Llun
notify-off = Byth: byddaf yn edrych yn Ymarfer
notices-email-heading = E-bost am eich hysbysiadau
notices-email-legend = Pan fydd rhywun yn sôn amdanoch, yn gwneud sylw ar yr hyn a rannoch, yn rhoi adborth i chi neu'n gofyn am eich adborth chi, anfonwch e-bost ataf:
notices-email-save = Cadw'r dewis
done-notify = Mae eich dewis o negeseuon wedi'i gadw.
unsubscribe-title = Atal negeseuon am hysbysiadau
unsubscribe-intro = Pwyswch y botwm i atal negeseuon e-bost am eich hysbysiadau. Byddwch yn dal i'w gweld yn Ymarfer, a gallwch droi'r negeseuon ymlaen eto o'ch proffil.
unsubscribe-button = Atal y negeseuon hyn
unsubscribe-done = Wedi'i wneud: dim rhagor o negeseuon am hysbysiadau. Gallwch eu troi ymlaen eto o'ch proffil.
unsubscribe-unknown = Nid yw'r ddolen hon yn ddilys mwyach. Mewngofnodwch a dewiswch eich negeseuon ar eich proffil.
showcase-title = { $programme }: yr arddangosfa
showcase-intro = Prosiectau y dewisodd y cwmnïau eu rhannu â phawb, wedi'u cymeradwyo gan eu hwyluswyr. Dewch o hyd i gwmni tebyg i'ch un chi a ddatrysodd broblem debyg i'ch un chi: y newid a wnaeth, a faint a arbedodd hynny.
showcase-sector = Sector
field-band = Maint
field-waste = Gwastraff a ganfuwyd
showcase-count = { $count ->
    [zero] Dim prosiectau
    [one] { $count } prosiect
    [two] { $count } brosiect
    [few] { $count } phrosiect
    [many] { $count } phrosiect
   *[other] { $count } prosiect
}
showcase-none = Does dim prosiect a rannwyd yn cyfateb i'r hidlyddion hyn eto.
showcase-changed = Beth a newidiwyd
showcase-saved = Arbedion y flwyddyn gyntaf a ddilyswyd
showcase-saved-none = Dim wedi'u dilysu eto
showcase-tools = Offer a ddefnyddiwyd
showcase-wastes = Mathau o wastraff a ganfuwyd
showcase-case-study = Astudiaeth achos: { $title }
showcase-more = Rhagor o brosiectau
showcase-link = Yr arddangosfa: newidiadau cwmnïau a'u harbedion
engagement-title = { $cohort }: cyfranogiad yn y gofod
engagement-link = Cyfranogiad: pwy sy'n cymryd rhan, pwy sydd wedi tawelu
engagement-quiet-heading = Wedi tawelu
engagement-quiet-intro = Dim gan y cyfranogwyr hyn yn y gofod ers pythefnos neu fwy. Gallai galwad ffôn neu air yn y sesiwn nesaf helpu.
engagement-quiet-none = Mae pawb wedi cymryd rhan yn ystod y pythefnos diwethaf.
engagement-weeks-heading = Bob wythnos
engagement-members = { $count ->
    [zero] Aelodau gweithgar bob wythnos, o { $count } cyfranogwr.
    [one] Aelodau gweithgar bob wythnos, o { $count } cyfranogwr.
    [two] Aelodau gweithgar bob wythnos, o { $count } gyfranogwr.
    [few] Aelodau gweithgar bob wythnos, o { $count } chyfranogwr.
    [many] Aelodau gweithgar bob wythnos, o { $count } chyfranogwr.
   *[other] Aelodau gweithgar bob wythnos, o { $count } cyfranogwr.
}
engagement-week = Wythnos
engagement-week-of = Wythnos { $date }
engagement-active = Aelodau gweithgar
engagement-shared = Eitemau a rannwyd
engagement-feedback = Adborth a roddwyd
engagement-commitments = Ymrwymiadau a wnaed
engagement-kept = Ymrwymiadau a gadwyd (o'r diweddariadau)
engagement-reactions = Ymatebion a roddwyd
engagement-checked = Diweddariadau ar ymrwymiadau heb eu cwblhau eto
engagement-people-heading = Pwy sy'n rhoi a phwy sy'n derbyn
engagement-people-intro = Yr adborth a roddodd ac a dderbyniodd pob cyfranogwr, fel nad oes neb yn cael ei adael allan.
engagement-comments = Sylwadau
engagement-given = Adborth a roddwyd
engagement-received = Adborth a dderbyniwyd
engagement-last = Yn weithgar ddiwethaf
engagement-never = Ddim eto
engagement-quiet = wedi tawelu
followups-begun-after = Prosiectau a ddechreuwyd ar ôl i'r rhaglen ddod i ben
followups-begun-after-value = { $projects } (gan { $firms ->
        [two] { $firms } gwmni
        [few] { $firms } chwmni
        [many] { $firms } chwmni
       *[other] { $firms } cwmni
    }), wedi'u cyfrif fel arloesi parhaus
followup-begun-hint = { $count ->
    [zero] Nid yw eich cwmni wedi dechrau prosiect yn Ymarfer ers i'r rhaglen ddod i ben. Ychwanegwch unrhyw rai eraill yma.
    [one] Mae eich cwmni wedi dechrau { $count } prosiect yn Ymarfer ers i'r rhaglen ddod i ben; mae wedi'i gyfrif yn barod. Ychwanegwch unrhyw rai eraill yma.
    [two] Mae eich cwmni wedi dechrau { $count } brosiect yn Ymarfer ers i'r rhaglen ddod i ben; maen nhw wedi'u cyfrif yn barod. Ychwanegwch unrhyw rai eraill yma.
    [few] Mae eich cwmni wedi dechrau { $count } phrosiect yn Ymarfer ers i'r rhaglen ddod i ben; maen nhw wedi'u cyfrif yn barod. Ychwanegwch unrhyw rai eraill yma.
    [many] Mae eich cwmni wedi dechrau { $count } phrosiect yn Ymarfer ers i'r rhaglen ddod i ben; maen nhw wedi'u cyfrif yn barod. Ychwanegwch unrhyw rai eraill yma.
   *[other] Mae eich cwmni wedi dechrau { $count } prosiect yn Ymarfer ers i'r rhaglen ddod i ben; maen nhw wedi'u cyfrif yn barod. Ychwanegwch unrhyw rai eraill yma.
}
alumni-title = { $programme }: gofod y cyn-aelodau
alumni-intro = I bawb y mae eu carfan wedi gorffen, o bob carfan yn y rhaglen: daliwch ati i ofyn, i rannu ac i helpu eich gilydd. Mae eich prosiectau'n aros yn eiddo i chi, a gallwch ddechrau rhai newydd gyda'r pecyn cymorth pryd bynnag y mynnwch.
alumni-post-heading = Gofyn neu rannu â chyn-aelodau'r rhaglen
alumni-none = Does dim yma eto. Gofynnwch y cwestiwn cyntaf: efallai fod rhywun o garfan arall wedi'i ddatrys.
alumni-link = Gofod y cyn-aelodau: help ar draws carfanau'r rhaglen
operations-programmes-title = Rhaglenni a'u timau
operations-programmes-none = Dim rhaglenni eto.
operations-programme-counts = { $cohorts ->
        [two] { $cohorts } garfan
        [few] { $cohorts } charfan
        [many] { $cohorts } charfan
       *[other] { $cohorts } carfan
    }, { $participants ->
        [two] { $participants } gyfranogwr
        [few] { $participants } chyfranogwr
        [many] { $participants } chyfranogwr
       *[other] { $participants } cyfranogwr
    } yn cymryd rhan
operations-team-none = Dim tîm eto.
operations-role = Rôl
operations-where = Ble
operations-whole-programme = Y rhaglen gyfan
operations-jobs-title = Tasgau wedi'u hamserlennu
operations-jobs-intro = Beth mae'r gweinyddion yn ei wneud ar eu pennau eu hunain: negeseuon am hysbysiadau, crynodebau ac arolygon dilynol. Mae pob rhediad yn digwydd unwaith, pa weinydd bynnag sy'n ei wneud.
operations-jobs-latest = Rhediad diweddaraf pob un
operations-jobs-runs = Rhediadau diweddar
operations-job = Tasg
operations-jobs-slot = Ar gyfer
operations-jobs-finished = Wedi gorffen
operations-jobs-outcome = Canlyniad
operations-jobs-never = Heb redeg eto.
operations-jobs-running = Yn rhedeg, neu wedi stopio cyn gorffen
operations-link-programmes = Rhaglenni a'u timau
operations-link-jobs = Tasgau wedi'u hamserlennu

## Sessions and their rhythm, in the audit trail and notices
notice-session-changed = Newidiodd { $person } amser neu leoliad un o sesiynau eich carfan
audit-session-scheduled = Sesiwn wedi'i threfnu
audit-session-changed = Sesiwn wedi'i newid
audit-attendance-recorded = Cofrestr sesiwn wedi'i chymryd
audit-commitment-made = Ymrwymiad wedi'i wneud mewn sesiwn
audit-commitment-checked-in = Diweddariad ar ymrwymiad
audit-reflection-added = Myfyrdod wedi'i ychwanegu at ddyddlyfr dysgu
audit-reflection-shared = Myfyrdod wedi'i rannu â charfan
audit-calendar-link-made = Dolen galendr gyfrinachol wedi'i gwneud (unrhyw un gynt wedi'i hatal)
audit-calendar-link-revoked = Dolen galendr gyfrinachol wedi'i hatal
field-file-description = Beth mae'r llun yn ei ddangos (dewisol)
file-description-hint = Brawddeg i bobl sy'n methu â'i weld, fel “Ein map proses ar wal y gweithdy, gyda'r tri chyfnod aros wedi'u marcio mewn coch”.
search-pages = Tudalennau o ganlyniadau
