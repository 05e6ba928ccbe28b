## Cynllun y dudalen
skip-to-content = Neidio i'r prif gynnwys
switch-language = English
nav-label = Prif ddewislen
nav-home = Hafan
nav-profile = Eich proffil
nav-notices = Hysbysiadau
nav-admin-users = Pobl
nav-sign-in = Mewngofnodi
nav-sign-out = Allgofnodi
footer-about = Mae Ymarfer yn helpu cymunedau ymarfer i droi'r hyn y mae cwmnïau bach yn ei ddysgu yn newidiadau sy'n para, yn Gymraeg ac yn Saesneg.
footer-signed-in-as = Wedi mewngofnodi fel { $name }.
form-error-summary = Mae problem
title-refused = Gwall:

## Hafan
home-title = Hafan
home-heading = Dysgu drwy wneud, gyda'n gilydd
home-lead = Mae Ymarfer yn cynnal cymunedau ymarfer rhaglen: mae staff o gwmnïau bach yn defnyddio offer arloesi i fynd i'r afael â phroblem go iawn yn eu busnes eu hunain, yn profi newidiadau, yn dysgu gan ei gilydd ac yn cofnodi'r hyn a arbedwyd ganddynt.
home-how-heading = Sut mae rhaglen yn gweithio
home-how-1 = Ymunwch â charfan gyda staff o gwmnïau bach eraill ledled Cymru.
home-how-2 = Dewiswch broblem go iawn yn un o brosesau eich cwmni eich hun, a defnyddiwch y pecyn cymorth i fynd i'r afael â hi.
home-how-3 = Profwch newid, mesurwch ei effaith, a phenderfynwch a ddylid ei fabwysiadu, ei addasu neu roi'r gorau iddo.
home-how-4 = Cofnodwch faint a arbedodd y newid, er mwyn i'ch cwmni a'ch cyllidwyr weld y gwahaniaeth.
home-welcome-back = Croeso'n ôl, { $name }.

## Meysydd
field-email = Cyfeiriad e-bost
field-password = Cyfrinair
field-name = Enw
field-name-optional = Enw (dewisol)
field-new-password = Cyfrinair newydd
field-confirm-password = Teipiwch y cyfrinair newydd eto
field-current-password = Cyfrinair presennol
table-scrolls = Mae'r tabl hwn yn lletach na'r sgrin: sgroliwch i'r ochr i weld pob colofn.
field-language = Iaith
password-hint = Defnyddiwch o leiaf 10 nod. Mae ychydig o eiriau digyswllt yn gwneud cyfrinair cryf sy'n hawdd ei gofio.
language-en = Saesneg
language-cy = Cymraeg

## Mewngofnodi
sign-in-title = Mewngofnodi
sign-in-password-heading = Mewngofnodi â'ch cyfrinair
sign-in-button = Mewngofnodi
sign-in-forgot = Wedi anghofio eich cyfrinair?
sign-in-link-heading = Neu gael dolen mewngofnodi drwy e-bost
sign-in-link-intro = Byddwn yn anfon dolen atoch drwy e-bost. Gallwch ei defnyddio unwaith i fewngofnodi, o fewn 15 munud.
sign-in-link-request = Anfon dolen mewngofnodi ataf
sign-in-link-sent-title = Edrychwch ar eich e-bost
sign-in-link-sent = Os oes cyfrif yn bodoli ar gyfer { $email }, rydym wedi anfon dolen mewngofnodi i'r cyfeiriad hwnnw. Dim ond unwaith y mae'r ddolen yn gweithio, a hynny o fewn 15 munud.
sign-in-link-title = Mewngofnodi i Ymarfer
sign-in-link-confirm = Pwyswch y botwm i orffen mewngofnodi ar y ddyfais hon.
sign-in-link-button = Parhau i fewngofnodi
link-invalid-title = Nid yw'r ddolen hon yn gweithio mwyach
link-invalid = Mae'r ddolen wedi dod i ben neu wedi'i defnyddio eisoes. Mae dolenni'n gweithio unwaith ac am gyfnod byr yn unig. Gallwch ofyn am un newydd.

## Cyfrineiriau
reset-title = Ailosod eich cyfrinair
reset-intro = Rhowch gyfeiriad e-bost eich cyfrif a byddwn yn anfon dolen atoch i ddewis cyfrinair newydd.
reset-button = Anfon dolen ailosod ataf
reset-sent-title = Edrychwch ar eich e-bost
reset-sent = Os oes cyfrif yn bodoli ar gyfer { $email }, rydym wedi anfon dolen i'r cyfeiriad hwnnw er mwyn i chi ddewis cyfrinair newydd. Dim ond unwaith y mae'r ddolen yn gweithio, a hynny o fewn awr.
reset-choose-title = Dewiswch gyfrinair newydd
reset-choose-intro = Dewiswch gyfrinair newydd ar gyfer { $email }. Byddwch yn cael eich allgofnodi ar bob dyfais arall.
invitation-title = Derbyn eich gwahoddiad
invitation-intro = Rydych wedi cael gwahoddiad i ymuno ag Ymarfer fel { $email }. Rhowch eich enw a dewiswch gyfrinair i orffen sefydlu eich cyfrif.
setup-title = Sefydlu Ymarfer
setup-intro = Crëwch y cyfrif gweinyddwr cyntaf ar gyfer y safle Ymarfer hwn.
set-password-button = Cadw a mewngofnodi

## Proffil
profile-title = Eich proffil
profile-saved = Mae eich proffil wedi'i gadw.
profile-password-changed = Mae eich cyfrinair wedi'i newid.
profile-session-ended = Rydych wedi allgofnodi o'r sesiwn honno.
profile-details-heading = Eich manylion
profile-email = Eich cyfeiriad e-bost yw { $email }.
profile-save = Cadw eich manylion
profile-password-heading = Newid eich cyfrinair
profile-password-ends = Mae newid eich cyfrinair yn eich allgofnodi ar bob dyfais arall ac yn dirymu pob un o'ch tocynnau API: bydd angen tocynnau newydd ar y rhaglenni sy'n eu defnyddio.
profile-password-button = Newid cyfrinair
profile-sessions-heading = Ble rydych wedi mewngofnodi
profile-sessions-count = { $count ->
    [zero] Nid ydych wedi mewngofnodi ar unrhyw ddyfais.
    [one] Rydych wedi mewngofnodi ar { $count } ddyfais.
    [two] Rydych wedi mewngofnodi ar { $count } ddyfais.
    [few] Rydych wedi mewngofnodi ar { $count } dyfais.
    [many] Rydych wedi mewngofnodi ar { $count } dyfais.
   *[other] Rydych wedi mewngofnodi ar { $count } dyfais.
}
profile-session-device = Dyfais
profile-session-started = Wedi mewngofnodi
profile-session-last-seen = Defnyddiwyd ddiwethaf
profile-session-actions = Gweithredoedd
profile-session-this = y ddyfais hon
profile-session-end = Allgofnodi
profile-session-unknown-device = Dyfais anhysbys
profile-sign-out-everywhere = Allgofnodi ym mhobman

## Gweinyddu
admin-users-title = Pobl
admin-invite-heading = Gwahodd rhywun
admin-invite-language = Iaith y gwahoddiad a'r negeseuon e-bost
admin-invite-button = Anfon gwahoddiad
admin-invited = Mae gwahoddiad wedi'i anfon at { $email }.
admin-users-heading = Pawb sydd â chyfrif
admin-user-count = { $count ->
    [zero] Neb
    [one] { $count } person
    [two] { $count } berson
    [few] { $count } pherson
    [many] { $count } pherson
   *[other] { $count } person
}
admin-users-status = Statws
admin-users-joined = Ychwanegwyd
admin-users-admin = Gweinyddwr
admin-users-active = Gweithredol
admin-users-invited = Wedi cael gwahoddiad

## Rolau
role-programme-manager = Rheolwr rhaglen
role-facilitator = Hwylusydd
role-participant = Cyfranogwr
role-observer = Sylwedydd

## Negeseuon gwirio
error-email-empty = Rhowch eich cyfeiriad e-bost.
error-email-invalid = Rhowch gyfeiriad e-bost yn y fformat cywir, fel enw@enghraifft.cymru.
error-email-taken = Mae gan rywun gyfrif gyda'r cyfeiriad e-bost hwn eisoes.
error-password-empty = Rhowch eich cyfrinair.
error-password-too-short = Rhaid i'r cyfrinair fod yn 10 nod o leiaf.
error-password-too-long = Rhaid i'r cyfrinair fod yn 256 nod neu lai.
error-password-same-as-email = Ni chaiff y cyfrinair fod yr un fath â'ch cyfeiriad e-bost.
error-password-mismatch = Nid yw'r ddau gyfrinair yr un fath. Teipiwch yr un cyfrinair ddwywaith.
error-password-current = Nid yw eich cyfrinair presennol yn gywir.
error-sign-in-failed = Mae'r cyfeiriad e-bost neu'r cyfrinair yn anghywir.
error-throttled = Bu gormod o ymgeisiau i fewngofnodi. Arhoswch 15 munud a rhowch gynnig arall arni, neu gofynnwch am ddolen mewngofnodi.
error-name-empty = Rhowch eich enw.
error-name-too-long = Rhaid i'r enw fod yn 100 nod neu lai.
error-language-invalid = Dewiswch Gymraeg neu Saesneg.
error-money-invalid = Rhowch swm mewn punnoedd, fel 1250 neu 1,250.50.
error-number-too-large = Rhowch { $max } ar y mwyaf.

## Tudalennau gwall
error-status = Cod gwall: { $code }
error-go-home = Mynd i'r hafan
error-bad-request = Roedd rhywbeth o'i le yn y cais hwnnw
error-bad-request-detail = Nid oedd modd darllen y ffurflen. Ewch yn ôl, gwiriwch yr hyn a roesoch, a rhowch gynnig arall arni.
error-page-link = Nid oedd y ddolen honno i dudalen o'r rhestr yn iawn
error-page-link-detail = Nid oedd y ddolen yn enwi lle yn y rhestr, efallai am iddi gael ei newid neu ei thorri'n fyr. Ewch yn ôl i ddechrau'r rhestr a symud drwy'r tudalennau o'r fan honno.
error-too-many = Gormod o ymdrechion
error-too-many-detail = Bu gormod o ymdrechion o'r fan hon i ddefnyddio codau nad ydynt yn agor dim. Arhoswch 15 munud, yna gwiriwch y cod ar y sgrin a rhowch gynnig arall arni.
error-control-characters = Roedd nodau na ellir eu defnyddio yn y cais hwnnw
error-control-characters-detail = Roedd nod rheoli anweledig (fel nod nwl) yn yr hyn a anfonwyd, ac ni all testun yn Ymarfer ei gynnwys. Ewch yn ôl, tynnwch ef (mae teipio'r testun eto fel arfer yn gwneud hynny) a rhowch gynnig arall arni.
error-sign-in = Mewngofnodwch i barhau
error-sign-in-detail = Mae angen i chi fewngofnodi i weld y dudalen hon.
error-forbidden = Nid oes gennych fynediad i'r dudalen hon
error-forbidden-detail = Nid oes gan eich cyfrif ganiatâd i weld na newid hyn. Os ydych chi'n credu y dylai fod ganddo ganiatâd, gofynnwch i'ch rheolwr rhaglen.
error-not-found = Heb ddod o hyd i'r dudalen
error-not-found-detail = Os gwnaethoch deipio'r cyfeiriad gwe, gwiriwch ei fod yn gywir. Os gwnaethoch ddilyn dolen, efallai ei bod wedi dyddio.
error-method = Nid yw'r weithred honno ar gael yma
error-method-detail = Ni all y dudalen hon wneud yr hyn a ofynnwyd iddi. Ewch yn ôl a rhowch gynnig arall arni.
error-csrf = Mae eich ffurflen wedi dod i ben
error-csrf-detail = Er eich diogelwch, dim ond ar y dudalen y daethant ohoni y mae ffurflenni'n gweithio. Ewch yn ôl, ail-lwythwch y dudalen, ac anfonwch y ffurflen eto.
error-too-large = Roedd hynny'n rhy fawr
error-too-large-detail = Mae'r hyn a anfonwyd gennych yn fwy nag y gall Ymarfer ei dderbyn. Rhowch gynnig ar ffeil lai.
error-internal = Mae'n ddrwg gennym, aeth rhywbeth o'i le
error-internal-detail = Nid chi a achosodd hyn, ac ni chafodd dim o'r hyn a roesoch ei gadw ar ei hanner. Rhowch gynnig arall arni ymhen ychydig funudau.

## Negeseuon e-bost
email-greeting = Annwyl { $name },
email-signature = Ymarfer
email-sign-in-subject = Eich dolen mewngofnodi i Ymarfer
email-sign-in-body =
    Defnyddiwch y ddolen hon i fewngofnodi i Ymarfer. Mae'n gweithio unwaith, o fewn 15 munud:

    { $link }

    Os na wnaethoch ofyn am gael mewngofnodi, gallwch anwybyddu'r neges hon.
email-reset-subject = Ailosod eich cyfrinair Ymarfer
email-reset-body =
    Defnyddiwch y ddolen hon i ddewis cyfrinair newydd ar gyfer Ymarfer. Mae'n gweithio unwaith, o fewn awr:

    { $link }

    Os na wnaethoch ofyn am ailosod eich cyfrinair, gallwch anwybyddu'r neges hon a bydd eich cyfrinair yn aros yr un fath.
email-invitation-cohort-subject = Gwahoddiad i'r garfan { $cohort }
email-invitation-cohort = Mae gennych le yn y garfan { $cohort }.
email-invitation-cohort-starts = Mae gennych le yn y garfan { $cohort }, sy'n dechrau ar { $date }.
email-invitation-subject = Gwahoddiad i Ymarfer
email-invitation-body =
    Rydych wedi cael gwahoddiad i ymuno ag Ymarfer, lle mae cymunedau ymarfer yn helpu cwmnïau bach i arloesi.
    Defnyddiwch y ddolen hon o fewn 7 diwrnod i ddewis cyfrinair a dechrau arni:

    { $link }

## Misoedd
month-1 = Ionawr
month-2 = Chwefror
month-3 = Mawrth
month-4 = Ebrill
month-5 = Mai
month-6 = Mehefin
month-7 = Gorffennaf
month-8 = Awst
month-9 = Medi
month-10 = Hydref
month-11 = Tachwedd
month-12 = Rhagfyr
error-mail-failed = Nid oedd modd anfon yr e-bost
error-mail-failed-detail = Nid oes dim wedi'i gadw. Rhowch gynnig arall arni ymhen ychydig funudau; os yw'n dal i ddigwydd, rhowch wybod i'ch gweinyddwr.
admin-index-title = Gweinyddu
admin-index-intro = Yr hyn rydych chi'n gofalu amdano ar gyfer Ymarfer gyfan.
admin-index-users = Ychwanegu pobl, eu gwahodd, atal neu ddileu cyfrif.
admin-index-leads = Cwmnïau a ofynnodd am ymuno heb ddewis rhaglen: anfonwch bob un at raglen.
admin-index-programmes = Pob rhaglen, a'r bobl sy'n ei rhedeg.
admin-index-jobs = Y tasgau a drefnwyd (nodiadau atgoffa, arolygon dilynol, copïau wrth gefn) a sut aeth pob un y tro diwethaf.
admin-index-mail = E-byst sy'n aros i fynd, a anfonwyd, neu y rhoddwyd y gorau iddynt.
admin-index-audit = Pwy wnaeth beth, a phryd, ar draws pob rhaglen.
admin-index-smes = Faint o gwmnïau bach sydd ym mhob ardal, ar gyfer y cynllunydd senarios.
nav-admin = Gweinyddu
home-administrator = Rydych chi'n gofalu am Ymarfer gyfan yn hytrach nag am garfan:
home-showcase-heading = Beth newidiodd cwmnïau fel eich un chi
home-showcase-lead = Prosiectau y dewisodd cwmnïau eu rhannu: y broblem, yr hyn y rhoddwyd cynnig arno, a'r hyn a arbedwyd.
home-showcase-projects = { $count ->
    [zero] Dim prosiectau
    [one] { $count } prosiect
    [two] { $count } brosiect
    [few] { $count } phrosiect
    [many] { $count } phrosiect
   *[other] { $count } prosiect
}
admin-users-pages = Tudalennau o bobl
error-too-fast = Gofynnwyd am ormod o dudalennau yn rhy gyflym
error-too-fast-detail = Daeth cynifer o geisiadau o'ch rhwydwaith mor gyflym fel ein bod wedi ei arafu, er mwyn cadw'r gwiriad iechyd yn gyflym i bawb. Arhoswch funud, yna ewch yn ôl a pharhau; mae eich atebion wedi'u cadw.
