## Y gwiriad iechyd arloesi cyhoeddus
health-title = Gwiriad iechyd arloesi
health-lead = Wyth cwestiwn byr am eich busnes a'r hyn sy'n mynd yn y ffordd o ddydd i ddydd. Ar y diwedd: sut mae eich busnes yn arloesi heddiw, dau neu dri offeryn i roi cynnig arnyn nhw ddydd Llun, beth gyflawnodd cwmnïau tebyg, a charfanau y gallech ymuno â nhw.
health-promise-time = Mae'n cymryd tua phum munud, ar ffôn neu ar gyfrifiadur.
health-promise-private = Does dim angen cyfrif arnoch, a dydyn ni ddim yn cadw dim sy'n dangos pwy ydych chi oni bai eich bod yn gofyn i ni gysylltu.
health-promise-result = Mae eich canlyniad yn aros yn ei gyfeiriad preifat ei hun am 30 diwrnod, er mwyn i chi ddod yn ôl ato neu ei argraffu.
health-start = Dechrau'r gwiriad
health-other-language = Take the check in English
health-throttled = Mae gormod o wiriadau wedi'u dechrau o'r fan hon yn yr ychydig funudau diwethaf. Rhowch gynnig arall arni ymhen chwarter awr.
health-question-title = Cwestiwn { $number } o { $total }: gwiriad iechyd arloesi
health-progress = Cwestiwn { $number } o { $total }
health-next = Nesaf
health-back = Yn ôl
health-see-result = Gweld fy nghanlyniad
health-q-new-goods-yes = Ydw
health-q-new-goods-no = Nac ydw
health-q-new-process-yes = Ydw
health-q-new-process-no = Nac ydw
health-q-under-way-yes = Oes
health-q-under-way-no = Nac oes
health-q-spending-yes = Ydw
health-q-spending-no = Nac ydw
health-error-answer = Dewiswch ateb er mwyn mynd ymlaen.
health-q-sector = Beth yw prif waith eich busnes?
health-q-sector-hint = Dewiswch yr agosaf. Dyma restr safonol y DU o ddiwydiannau.
health-q-band = Faint o bobl sy'n gweithio yn y busnes?
health-q-band-hint = Cyfrwch bawb ar y gyflogres, yn llawn amser neu'n rhan amser, gan gynnwys chi eich hun.
health-q-area = Ble mae'r busnes?
health-q-area-hint = Ardal y cyngor lle mae eich prif safle.
health-q-new-goods = Yn y tair blynedd diwethaf, a ydych chi wedi cyflwyno cynnyrch neu wasanaeth newydd, neu un sydd wedi'i wella'n fawr?
health-q-new-goods-hint = Er enghraifft: caffi a ddechreuodd werthu ei fara ei hun, neu garej a ychwanegodd wasanaeth i geir trydan.
health-q-new-process = Yn y tair blynedd diwethaf, a ydych chi wedi newid sut mae'r gwaith yn cael ei wneud, mewn ffordd a wnaeth wahaniaeth go iawn?
health-q-new-process-hint = Er enghraifft: archebu ar-lein yn lle galwadau ffôn, system stoc newydd, neu gynllun gwahanol i'r gweithdy.
health-q-under-way = A oes newid o'r fath ar y gweill nawr, neu un y rhoesoch gynnig arno a rhoi'r gorau iddo?
health-q-under-way-hint = Er enghraifft: profi cyflenwr newydd, neu feddalwedd newydd y gwnaethoch roi'r gorau i'w defnyddio.
health-q-spending = Yn y tair blynedd diwethaf, a ydych chi wedi gwario arian neu amser ar hyfforddiant, cyngor, offer neu feddalwedd er mwyn gwneud pethau'n wahanol?
health-q-spending-hint = Er enghraifft: cwrs i'r staff, ymweliad gan ymgynghorydd, neu beiriant sy'n arbed cam.
health-q-pains = Beth sy'n mynd yn y ffordd y rhan fwyaf o ddyddiau?
health-q-pains-hint = Ticiwch gymaint ag y mynnwch, neu ddim un.
health-pain-waiting = Amser yn cael ei golli yn aros, neu'n chwilio am bethau
health-pain-rework = Camgymeriadau, a gwaith sy'n cael ei wneud ddwywaith
health-pain-paperwork = Gwaith papur a ffurflenni
health-pain-stock = Gormod o stoc, neu bethau'n cael eu taflu
health-pain-energy = Biliau ynni
health-pain-handoffs = Gwaith yn cael ei basio rhwng pobl ac yn mynd yn sownd
health-result-title = Eich gwiriad iechyd arloesi
health-status-heading = Sut mae eich busnes yn arloesi heddiw
health-status-active = Yn weithgar o ran arloesi
health-status-active-detail = Rydych chi wedi cyflwyno rhywbeth newydd neu newid sut rydych chi'n gweithio yn y tair blynedd diwethaf, neu mae newid ar y gweill. Gall rhaglen eich helpu i wneud mwy, a chyfrif beth mae'n ei arbed.
health-status-broader = Yn paratoi i arloesi
health-status-broader-detail = Rydych chi wedi buddsoddi mewn hyfforddiant, cyngor neu offer, ond heb newid cynnyrch na sut mae'r gwaith yn cael ei wneud eto. Mae'r offer isod yn troi'r buddsoddiad hwnnw'n newid cyntaf.
health-status-not-yet = Heb ddechrau arloesi eto
health-status-not-yet-detail = Fel tua 7 o bob 10 cwmni bach yng Nghymru, dydych chi ddim wedi newid cynnyrch na'r ffordd rydych chi'n gweithio yn y tair blynedd diwethaf. Dyna'r lle i ddechrau: newid bach i un broblem go iawn, wedi'i brofi a'i fesur.
health-tools-heading = Offer i roi cynnig arnyn nhw
health-monday = Beth fyddech chi'n ei wneud ddydd Llun:
health-tool-guide = Sut i ddefnyddio'r offeryn: { $tool }
health-monday-value-stream-map = Dilynwch un archeb o'r dechrau i'r diwedd a nodwch, ar gyfer pob cam, faint o amser mae'r gwaith yn ei gymryd a faint mae'n aros.
health-monday-process-map = Lluniwch gamau un dasg bob dydd ar ddalen o bapur gyda'r bobl sy'n ei gwneud, a rhowch gylch o amgylch y man lle mae'n aros.
health-monday-eight-wastes = Cerddwch o amgylch y busnes am ugain munud gyda'r rhestr o'r wyth gwastraff a nodwch un enghraifft o bob un a welwch chi.
health-monday-five-whys = Cymerwch y camgymeriad diwethaf a gostiodd i chi, a gofynnwch "pam?" bum gwaith gyda'r person agosaf ato.
health-monday-fishbone = Ysgrifennwch y broblem wrth ben diagram asgwrn pysgodyn a gofynnwch i'r tîm am achosion o dan chwe phennawd, cyn dewis un i'w wirio.
health-monday-pdsa = Dewiswch un newid bach, rhagwelwch beth fydd yn digwydd, rhowch gynnig arno am wythnos a mesurwch cyn ac ar ôl.
health-monday-sipoc = Rhestrwch ar un dudalen pwy sy'n cyflenwi un broses, beth sy'n mynd i mewn, y camau, beth sy'n dod allan, a phwy sy'n ei dderbyn.
health-monday-waste-hierarchy = Rhestrwch beth rydych chi'n ei daflu neu'n talu i'w redeg bob wythnos, a gofynnwch am bob un a ellid ei osgoi yn gyntaf.
health-monday-model-for-improvement = Ysgrifennwch mewn tair brawddeg beth rydych chi eisiau ei wella, sut y byddwch chi'n gwybod, ac un newid i'w brofi.
health-similar-heading = Beth gyflawnodd cwmnïau tebyg
health-similar-group = cwmnïau { $band } ym maes { $sector }
health-similar-shown = Arbedodd { $group } yn ein rhaglenni ganolrif o { $median } yn eu blwyddyn gyntaf (arbedion a ddilyswyd, { $firms } cwmni).
health-similar-withheld = Mae gan lai na { $min } ymhlith { $group } arbedion a ddilyswyd yn ein rhaglenni hyd yma ({ $firms }), felly dydyn ni ddim yn dangos eu ffigurau: gellid adnabod cwmni wedyn.
health-similar-none = Atebwch y cwestiynau am eich sector a'ch maint er mwyn cymharu â chwmnïau tebyg.
health-cohorts-heading = Carfanau y gallech ymuno â nhw
health-cohorts-none = Does dim lle mewn carfan ar hyn o bryd. Gadewch eich manylion isod a byddwn yn rhoi gwybod i chi pan fydd un yn agor.
health-places-left = { $count ->
    [zero] dim lle ar ôl
    [one] 1 lle ar ôl
    [two] 2 le ar ôl
    [few] { $count } lle ar ôl
    [many] { $count } lle ar ôl
   *[other] { $count } lle ar ôl
}
health-kept-until = Bydd y canlyniad hwn yn aros yn y cyfeiriad hwn tan { $date }. Cadwch y ddolen, neu argraffwch y dudalen.
health-interest-heading = Clywed rhagor
health-interest-lead = Gadewch eich manylion a bydd rheolwr rhaglen yn cysylltu â chi. Dim ond at hynny y byddwn yn eu defnyddio.
health-interest-cohort = Carfan sydd o ddiddordeb i chi
health-interest-any = Unrhyw un, neu ddim yn siŵr eto
health-leave-empty = Gadewch hwn yn wag
health-consent = Rwy'n cytuno y caiff tîm y rhaglen gadw'r manylion hyn a chysylltu â mi am y rhaglen. Gallaf ofyn iddyn nhw eu dileu unrhyw bryd.
health-error-consent = Ticiwch y blwch i gytuno, er mwyn i ni gael cadw eich manylion a chysylltu â chi.
health-interest-send = Anfon
field-your-name = Eich enw
field-phone = Ffôn (dewisol)
field-organisation-name = Eich busnes
email-lead-subject = Mae cwmni'n awyddus i glywed rhagor
email-lead-body = Gwnaeth { $organisation } y gwiriad iechyd arloesi a hoffai glywed rhagor. Eu manylion a'u hatebion: { $link }

## Darpar gyfranogwyr a'r twndis
leads-title = Darpar gyfranogwyr: { $name }
leads-unassigned-title = Darpar gyfranogwyr yn aros am raglen
leads-unassigned-lead = Cwmnïau a ofynnodd am glywed mwy ar ôl y gwiriad iechyd heb ddewis carfan, y rhai sydd wedi aros hiraf yn gyntaf. Rhowch bob un i'r rhaglen a ddylai gysylltu ag ef; dywedir wrth ei rheolwyr. Mae pob gweinyddwr yn gweld y rhestr hon, a phob rheolwr rhaglen sy'n derbyn cwmnïau.
leads-unassigned-none = Mae gan bob darpar gyfranogwr raglen.
leads-assign-programme = Rhaglen
leads-assign = Rhoi i'r rhaglen hon
leads-heading = Darpar gyfranogwyr
leads-none = Nid oes cwmni wedi gadael ei fanylion ar ôl y gwiriad iechyd eto.
leads-count = { $count ->
    [zero] Dim darpar gyfranogwyr
    [one] 1 darpar gyfranogwr
    [two] 2 ddarpar gyfranogwr
    [few] { $count } darpar gyfranogwr
    [many] { $count } darpar gyfranogwr
   *[other] { $count } darpar gyfranogwr
}
lead-title = Darpar gyfranogwr: { $name }
lead-status = Statws
lead-when = Pryd
lead-notes = Nodiadau
lead-follow-up = Dilyn i fyny
lead-status-new = Newydd
lead-status-contacted = Wedi cysylltu
lead-status-invited = Wedi'i wahodd
lead-status-enrolled = Wedi cofrestru
lead-status-completed = Wedi cwblhau'r garfan
lead-status-closed = Wedi cau
lead-invite-heading = Gwahodd i garfan
lead-invite-hint = Mae'r busnes yn ymuno â'r rhaglen gydag atebion ei wiriad iechyd yn gofnod mynediad, ac mae'r person yn cael gwahoddiad yn ei iaith ei hun.
lead-invite = Gwahodd
funnel-title = Twndis ymgysylltu: { $name }
funnel-heading = Y twndis
funnel-filter = Hidlo
funnel-any = Unrhyw un
funnel-from = O
funnel-to = Hyd at
funnel-source = Ffynhonnell
funnel-apply = Dangos
funnel-step = Cam
funnel-count = Cwmnïau
funnel-share = O'r cam blaenorol
funnel-started = Gwiriadau iechyd a ddechreuwyd
funnel-completed = Wedi'u cwblhau
funnel-interest = Wedi gofyn am glywed rhagor
funnel-invited = Wedi'u gwahodd
funnel-enrolled = Wedi cofrestru
funnel-finished = Wedi cwblhau carfan
funnel-sustained = Wedi para (arolwg dilynol)
funnel-reach-heading = Cwmnïau nad oeddent yn weithgar o ran arloesi
funnel-reach-lead = O'r cwmnïau y dywedodd eu gwiriad nad oeddent yn weithgar o ran arloesi, faint aeth ymlaen, a pha mor bell.
funnel-area-heading = Cyrhaeddiad fesul ardal
funnel-source-heading = Fesul ffynhonnell
funnel-source-direct = Yn uniongyrchol
funnel-none = Dim gwiriadau iechyd yn y detholiad hwn.
home-check-lead = Ydy eich busnes yn arloesi? Wyth cwestiwn, pum munud, dim cyfrif: cewch wybod, a chael dau neu dri offeryn i roi cynnig arnyn nhw'r wythnos nesaf.
home-check-start = Gwneud y gwiriad iechyd arloesi
health-recheck = Gwahoddwch fi i wneud y gwiriad eto ymhen 6 a 12 mis, er mwyn i mi weld beth sydd wedi newid.
health-recheck-hint = Os ydych chi'n cytuno, caiff eich atebion bryd hynny (byth eich enw na'ch manylion) eu cyfrif hefyd, gydag atebion cwmnïau eraill, i gymharu cwmnïau sy'n ymuno â rhaglen â'r rhai nad ydynt yn ymuno. Gallwch anwybyddu'r gwahoddiadau; rydyn ni'n peidio â gofyn ar ôl 12 mis.
email-recheck-subject = Gwnewch y gwiriad iechyd arloesi eto
email-recheck-body = { $months } mis yn ôl gwnaeth { $organisation } y gwiriad iechyd arloesi. Gwnewch ef eto, mewn pum munud, i weld sut mae'r busnes yn arloesi nawr: { $link }
lead-checks = Y gwiriadau y mae'r cwmni hwn wedi'u gwneud
lead-check-row = { $date }: { $status }
funnel-smes = Busnesau bach a chanolig yn yr ardal
funnel-per-thousand = Gwiriadau fesul 1,000 o fusnesau
funnel-smes-source = Nifer y busnesau bach a chanolig: { $source }
funnel-smes-none = Nid yw nifer y busnesau bach a chanolig ym mhob ardal wedi'i nodi eto; gall gweinyddwr ei nodi o ffynhonnell swyddogol.
smes-title = Busnesau bach a chanolig ym mhob ardal
smes-lead = Faint o gwmnïau bach a chanolig sydd ym mhob prif ardal, o ffynhonnell swyddogol megis dadansoddiad StatsCymru o faint busnesau. Mae'r twndis yn darllen cyrhaeddiad pob rhaglen yn erbyn y rhain. Mae cadw yn disodli pob ffigur.
field-smes-source = Ffynhonnell
field-smes-source-hint = O ble mae'r ffigurau'n dod ac ar gyfer pa flwyddyn, e.e. "StatsCymru, Dadansoddiad o faint busnesau, 2025".
field-smes-counts = Ffigurau
field-smes-counts-hint = Un ardal ar bob llinell: ei henw neu ei chod, coma, a nifer y busnesau bach a chanolig, e.e. "Gwynedd, 9120".
smes-error-lines = Nid yw'r llinellau hyn yn ardal ac yn nifer o fusnesau (neu maen nhw'n enwi ardal ddwywaith): { $lines }.
leads-waiting-since = Cyrhaeddodd ar { $date }: yn aros ers { $days ->
    [zero] heddiw
    [two] { $days } ddiwrnod
   *[other] { $days } diwrnod
}
lead-contact = Person cyswllt
lead-phone = Ffôn
leads-waiting-link = { $count ->
    [zero] Nid oes yr un darpar gyfranogwr yn aros am raglen
    [one] Mae un darpar gyfranogwr yn aros am raglen
    [two] Mae dau ddarpar gyfranogwr yn aros am raglen
   *[other] Mae { $count } darpar gyfranogwr yn aros am raglen
}
lead-status-follows = Ar ôl y gwahoddiad, mae'r statws yn dilyn yr unigolyn: wedi cofrestru pan fydd yn mewngofnodi am y tro cyntaf, wedi cwblhau pan ddaw ei garfan i ben. Dewiswch statws arall dim ond er mwyn ei roi o'r neilltu.
lead-status-chosen = Statws a ddewiswyd gan y tîm
health-thanks-title = Diolch: mae eich manylion gennym
health-thanks-lead = Diolch. Mae eich manylion gyda thîm y rhaglen; nid oes angen unrhyw beth arall gennych chi heddiw.
health-thanks-next = Beth sy'n digwydd nesaf
health-thanks-read = Bydd rheolwr rhaglen yn darllen eich manylion, fel arfer o fewn pum diwrnod gwaith, ac yn dod o hyd i'r rhaglen a'r garfan agosaf atoch chi.
health-thanks-read-cohort = Bydd y tîm sy'n rhedeg { $cohort } yn darllen eich manylion, fel arfer o fewn pum diwrnod gwaith.
health-thanks-contact = Byddan nhw'n cysylltu â chi drwy e-bost, { $language ->
        [cy] yn Gymraeg
       *[other] yn Saesneg
    }, i drafod eich busnes ac a yw'r garfan yn addas iddo.
health-thanks-contact-phone = Byddan nhw'n cysylltu â chi drwy e-bost neu ar y ffôn, { $language ->
        [cy] yn Gymraeg
       *[other] yn Saesneg
    }, i drafod eich busnes ac a yw'r garfan yn addas iddo.
health-thanks-invite = Os byddwch chi'n ymuno, byddwch chi'n cael gwahoddiad drwy e-bost gyda dolen i sefydlu eich cyfrif, a dyddiadau'r sesiynau.
health-thanks-invite-date = Os byddwch chi'n ymuno, byddwch chi'n cael gwahoddiad drwy e-bost gyda dolen i sefydlu eich cyfrif. Mae'r garfan yn dechrau ar { $date }.
health-thanks-meanwhile = Yn y cyfamser
health-thanks-meanwhile-text = Rhowch gynnig yr wythnos nesaf ar un o'r offer a awgrymodd eich canlyniad: mae pob un yn cymryd llai nag awr, ac mae'n rhoi rhywbeth i chi sôn amdano pan fydd y tîm yn ffonio.
health-thanks-back = Yn ôl at eich canlyniad a'r offer i roi cynnig arnyn nhw
leads-pages = Tudalennau o ddarpar gyfranogwyr
leads-unassigned-pages = Tudalennau o ddarpar gyfranogwyr sy'n aros
leads-unassigned-count = { $count ->
    [zero] Dim darpar gyfranogwyr yn aros
    [one] 1 darpar gyfranogwr yn aros i gyd
    [two] 2 ddarpar gyfranogwr yn aros i gyd
    [few] { $count } darpar gyfranogwr yn aros i gyd
    [many] { $count } darpar gyfranogwr yn aros i gyd
   *[other] { $count } darpar gyfranogwr yn aros i gyd
}
