# Ffurflenni i gyllidwyr: ffurflen chwarterol pob dangosydd gyda'r cwmnïau y
# tu ôl iddo, gwerth y cymorth yn erbyn terfyn cymorth ariannol lleiaf, a'r
# hysbysiad cymhorthdal.

indicator-set-ukspf = Cronfa Ffyniant Gyffredin y DU
indicator-set-eu = Dangosyddion cyffredin yr UE

evidence-rule-supported = Wedi cymryd rhan yn y chwarter: yn bresennol mewn sesiwn, neu wedi cofrestru mewn carfan oedd yn rhedeg ynddo
evidence-rule-supported-hours-min = Wedi cymryd rhan yn y chwarter, gyda digon o oriau o gymorth o'r cofrestrau a hyd y sesiynau
evidence-rule-new-process-adopted = Cylch profi a dysgu a benderfynodd “mabwysiadu” yn y chwarter
evidence-rule-new-to-firm-product = Wedi dweud yn y chwarter fod ganddo nwydd neu wasanaeth newydd neu well, ar ôl dweud na wrth ymuno
evidence-rule-manual = Nid yw yng nghofnodion Ymarfer: cyfrifir o dystiolaeth y gronfa ei hun

subsidy-level-clear = O fewn y terfyn
subsidy-level-near = Yn agosáu at y terfyn
subsidy-level-over = Dros y terfyn

audit-indicator-sets-changed = Setiau dangosyddion wedi newid
audit-indicator-added = Dangosydd wedi'i ychwanegu

error-indicator-code = Rhowch god o 2 i 20 o lythrennau, digidau, cysylltnodau neu danlinellau.
error-indicator-names = Rhowch enw'r dangosydd yn Saesneg ac yn Gymraeg.
error-indicator-hours = Rhowch yr oriau o gymorth y mae'r dangosydd hwn yn gofyn amdanynt, o 1 i 10,000.
error-indicator-rule = Dewiswch sut mae'r dangosydd yn cael ei gyfrif.
error-indicator-code-shipped = Mae'r cod hwnnw'n un o'r dangosyddion sy'n dod gydag Ymarfer. Dewiswch un arall.

returns-col-period = Chwarter
returns-col-code = Cod
returns-col-indicator = Dangosydd
returns-col-count = Cwmnïau a gyfrifwyd
returns-col-firm = Cwmni
returns-col-firms = Y cwmnïau y tu ôl i'r cyfrif
returns-col-companies-house = Rhif Tŷ'r Cwmnïau
returns-col-hours = Oriau o gymorth yn y chwarter
returns-col-value = Gwerth y cymorth (£)
returns-col-level = Yn erbyn y terfyn
returns-col-evidence = Sut mae'n cael ei gyfrif
returns-col-notice = Hysbysiad
returns-value-of-support = Gwerth y cymorth
returns-sheet-indicators = Dangosyddion
returns-sheet-firms = Cwmnïau a gyfrifwyd
returns-sheet-support = Gwerth y cymorth

returns-title = Ffurflen i'r cyllidwr: { $name }
returns-link = Ffurflen i'r cyllidwr
returns-intro = Pob dangosydd y mae'r rhaglen yn adrodd arno yn { $period }, gyda'r cwmnïau y tu ôl i'w gyfrif. Mae cwmni'n cael ei gyfrif unwaith ar gyfer pob dangosydd, pa garfanau bynnag y cymerodd ran ynddynt: yn ôl ei rif Tŷ'r Cwmnïau lle rhoddodd un, neu fel arall yn ôl ei gofnod.
returns-period = Chwarter y flwyddyn ariannol
returns-show = Dangos
returns-download-csv = Lawrlwytho'r ffurflen fel CSV
returns-download-xlsx = Lawrlwytho'r ffurflen fel taenlen (XLSX)
returns-caption = Dangosyddion ar gyfer { $period }
returns-not-computed = Cyfrifir o dystiolaeth y gronfa ei hun
returns-none = Dim
returns-hours-needed = O leiaf { $hours } awr o gymorth.
returns-support-heading = Gwerth y cymorth a'r terfyn cymhorthdal
returns-support-intro = Cyfran pob cwmni o gost y carfanau y cymerodd ran ynddynt (cyfran pob carfan o gost y rhaglen, wedi'i rhannu'n gyfartal rhwng ei chwmnïau), dros y blynyddoedd ariannol { $years }. Mae cymorth ariannol lleiaf wedi'i gyfyngu i { $limit } i bob menter dros y flwyddyn ariannol bresennol a'r ddwy flaenorol; mae cwmni sydd ar 80% o hynny neu fwy yn cael ei nodi.
returns-support-caption = Gwerth y cymorth fesul cwmni, blynyddoedd ariannol { $years }
returns-support-none = Ni chafodd yr un cwmni gymorth yn y blynyddoedd hyn.
returns-warning-near = Mae { $firm } yn agosáu at derfyn cymorth ariannol lleiaf: { $value } o { $limit }.
returns-warning-over = Mae { $firm } dros derfyn cymorth ariannol lleiaf: { $value } o { $limit }.
returns-notice-link = Hysbysiad cymhorthdal ar gyfer { $firm }

subsidy-notice-title = Hysbysiad cymorth ariannol lleiaf: { $firm }
subsidy-notice-statement = Mae { $programme } wedi rhoi cymorth gwerth { $value } i { $firm } fel cymorth ariannol lleiaf o dan Ddeddf Rheoli Cymorthdaliadau 2022.
subsidy-notice-funder = Mae'r rhaglen wedi'i hariannu gan { $funder }.
subsidy-notice-company = Rhif Tŷ'r Cwmnïau: { $number }.
subsidy-notice-window = Dyma werth y cymorth a gafodd y cwmni gan y rhaglen hon yn y blynyddoedd ariannol { $years } (y flwyddyn ariannol bresennol a'r ddwy flaenorol), ar { $day }. Dyma gyfran gyfartal y cwmni o gost pob carfan y cymerodd ran ynddi.
subsidy-notice-caption = Gwerth y cymorth fesul blwyddyn ariannol
subsidy-notice-year = Blwyddyn ariannol
subsidy-notice-total = Cyfanswm
subsidy-notice-limit = Gall menter gael { $limit } o gymorth ariannol lleiaf ar y mwyaf dros y cyfnod hwnnw, o bob ffynhonnell gyda'i gilydd. Cadwch yr hysbysiad hwn: efallai y gofynnir i chi ei ddatgan pan fyddwch yn gwneud cais am gymorth ariannol lleiaf arall.
subsidy-notice-print = Argraffwch y dudalen hon i roi ei hysbysiad i'r cwmni.

indicators-title = Dangosyddion a adroddir: { $name }
indicators-link = Dewis y dangosyddion a adroddir
indicators-sets = Setiau dangosyddion y mae'r rhaglen hon yn adrodd arnynt
indicators-sets-hint = Os na ddewisir yr un, mae'r ffurflen yn dangos pob set.
indicators-added = Dangosyddion eich cronfa eich hun
indicators-none-added = Dim wedi'u hychwanegu eto.
indicators-add = Ychwanegu dangosydd eich cronfa
indicators-add-button = Ychwanegu dangosydd
indicators-code-hint = 2 i 20 o lythrennau, digidau, cysylltnodau neu danlinellau, fel FUND-01.
indicators-choose-rule = Dewiswch sut mae'n cael ei gyfrif
indicators-hours-hint = Dim ond ar gyfer dangosydd a gyfrifir yn ôl oriau o gymorth.
field-code = Cod
field-rule = Sut mae'n cael ei gyfrif
field-definition-en = Diffiniad yn Saesneg (dewisol)
field-definition-cy = Diffiniad yn Gymraeg (dewisol)
