# Effaith ychwanegol net: y gosodiadau ychwanegedd, cwestiwn yr apwyntiad
# dilynol, a gros wrth ymyl net ar y dangosfwrdd ac yn yr adroddiadau.

error-percent-invalid = Rhowch ganran o 0 i 100 gyda dau le degol ar y mwyaf, fel 12.5.
error-additionality-range = Ni all y gwerth isel fod yn fwy na'r gwerth, ac ni all y gwerth uchel fod yn llai.
audit-additionality-changed = Gosodiadau ychwanegedd wedi newid

counterfactual-not-at-all = Ddim o gwbl
counterfactual-later = Byddem, ond yn hwyrach
counterfactual-smaller = Byddem, ond ar raddfa lai
counterfactual-the-same = Byddem, yn union yr un fath

followup-counterfactual = Fyddech chi wedi gwneud y newid hwn heb y rhaglen? ({ $project })
followup-counterfactual-hint = Ar gyfer pob prosiect: mae hyn yn dweud wrth y cyllidwr faint o'r arbediad a ddigwyddodd oherwydd y rhaglen. Gadewch yn wag os nad ydych yn siŵr.

net-heading = Effaith ychwanegol gros a net
net-caption = Arbedion wedi'u dilysu cyn ac ar ôl pwysau marw, dadleoli, gollyngiad ac amnewid
net-gross = Gros
net-net = Net
net-first-year = Gwerth y flwyddyn gyntaf
net-year2 = Blwyddyn 2
net-year3 = Blwyddyn 3
net-roi = Elw ar fuddsoddiad
net-roi-range = Elw net ar fuddsoddiad, ystod
net-roi-range-value = { $low } i { $high }
net-value-range = Gwerth net y flwyddyn gyntaf, ystod
net-value-range-value = { $low } i { $high }
net-range-low = Net, pen isaf yr ystod
net-range-high = Net, pen uchaf yr ystod
net-assumptions = Rhagdybiaethau a'u ffynonellau
net-assumption = Rhagdybiaeth
net-value = Gwerth
net-value-pct = Gwerth (%)
net-low-pct = Isel (%)
net-high-pct = Uchel (%)
net-range = Ystod
net-source = Ffynhonnell
net-no-source = Dim ffynhonnell wedi'i rhoi
net-deadweight = Pwysau marw
net-displacement = Dadleoli
net-leakage = Gollyngiad
net-substitution = Amnewid
net-persistence-year2 = Yn dal i gyfrif ym mlwyddyn 2
net-persistence-year3 = Yn dal i gyfrif ym mlwyddyn 3
net-firm-deadweight-projects = Prosiectau â phwysau marw'r cwmni ei hun
net-method-note = Net = pob llinell wedi'i dilysu × (1 − pwysau marw) × (1 − dadleoli) × (1 − gollyngiad) × (1 − amnewid), wedi'i thalgrynnu i'r geiniog fesul llinell, yna wedi'u hadio (canllawiau ychwanegedd Llyfr Gwyrdd Trysorlys EF). Pwysau marw prosiect yw ateb ei gwmni mewn apwyntiad dilynol lle rhoddwyd un (ddim o gwbl 0%, yn hwyrach 50%, yn llai 50%, yr un fath 100%), fel arall pwysau marw'r rhaglen.
net-firm-deadweight = { $count ->
    [zero] Nid oes prosiect yn defnyddio ateb ei gwmni ei hun ar gyfer pwysau marw.
    [one] Mae { $count } prosiect yn defnyddio ateb ei gwmni ei hun ar gyfer pwysau marw.
    [two] Mae { $count } brosiect yn defnyddio ateb eu cwmni eu hunain ar gyfer pwysau marw.
    [few] Mae { $count } phrosiect yn defnyddio ateb eu cwmni eu hunain ar gyfer pwysau marw.
    [many] Mae { $count } phrosiect yn defnyddio ateb eu cwmni eu hunain ar gyfer pwysau marw.
   *[other] Mae { $count } prosiect yn defnyddio ateb eu cwmni eu hunain ar gyfer pwysau marw.
}
net-forecast-accuracy = Cywirdeb rhagamcanion
net-forecast-accuracy-value = { $accuracy }: mae llinellau wedi'u dilysu a ddechreuodd fel rhagamcanion yn werth { $verified } o'i gymharu â'r { $forecast } a ragamcanwyd gyntaf ({ $lines } llinell).
net-forecast-lines = Llinellau
net-forecast-verified = Gwerth y flwyddyn gyntaf wedi'i ddilysu
net-forecast-original = Gwerth y flwyddyn gyntaf a ragamcanwyd gyntaf
net-all = Y cyfan
net-change-settings = Newid y gosodiadau ychwanegedd

additionality-title = Gosodiadau ychwanegedd
additionality-page-title = Gosodiadau ychwanegedd: { $name }
additionality-intro = Mae'r gosodiadau hyn yn mynd ag arbedion wedi'u dilysu'r rhaglen o effaith gros i effaith ychwanegol net. Rhowch bob un fel canran gyda hyd at ddau le degol, a dywedwch o ble daw'r ffigur.
additionality-range-hint = Rhowch werth isel a gwerth uchel lle mae gennych rai: bydd y dangosfwrdd wedyn yn dangos ystod y ffigurau net.
additionality-deadweight-hint = Cyfran yr arbedion a fyddai wedi digwydd beth bynnag, heb y rhaglen. Mae ateb cwmni ei hun mewn apwyntiad dilynol yn cymryd ei le ar gyfer prosiect y cwmni hwnnw.
additionality-displacement-hint = Cyfran yr arbedion sy'n cael eu cymryd oddi wrth gwmnïau eraill yn yr ardal.
additionality-leakage-hint = Cyfran y budd sy'n mynd i bobl neu leoedd y tu allan i'r ardal y mae'r rhaglen yn ei gwasanaethu.
additionality-substitution-hint = Y gyfran lle mae cwmni'n cyfnewid un gweithgaredd am un tebyg er mwyn cymryd rhan.
additionality-value = Gwerth (%)
additionality-low = Isel (%)
additionality-high = Uchel (%)
additionality-percent-hint = Canran o 0 i 100, fel 12.5.
additionality-source = Ffynhonnell
additionality-source-hint = Er enghraifft: Achos busnes y rhaglen, 2025.
additionality-persistence = Parhad
additionality-persistence-hint = Cyfran gwerth net y flwyddyn gyntaf pob llinell sy'n dal i gyfrif yn yr ail a'r drydedd flwyddyn.
additionality-back = Yn ôl i'r dangosfwrdd effaith

xlsx-sheet-net = Gros a net
xlsx-col-measure = Mesur

csv-gross-first-year-pence = Gwerth gros y flwyddyn gyntaf, wedi'i ddilysu (ceiniogau)
csv-net-first-year-pence = Gwerth ychwanegol net y flwyddyn gyntaf (ceiniogau)
csv-net-year2-pence = Gwerth net sy'n dal i gyfrif ym mlwyddyn 2 (ceiniogau)
csv-net-year3-pence = Gwerth net sy'n dal i gyfrif ym mlwyddyn 3 (ceiniogau)
csv-net-low-pence = Gwerth net y flwyddyn gyntaf, pen isaf yr ystod (ceiniogau)
csv-net-high-pence = Gwerth net y flwyddyn gyntaf, pen uchaf yr ystod (ceiniogau)
csv-roi-gross = Elw gros ar fuddsoddiad (i 1)
csv-roi-net = Elw net ar fuddsoddiad (i 1)
csv-roi-net-low = Elw net ar fuddsoddiad, pen isaf yr ystod (i 1)
csv-roi-net-high = Elw net ar fuddsoddiad, pen uchaf yr ystod (i 1)
csv-assumption-value = { $setting } (%)
csv-assumption-low = { $setting }, isel (%)
csv-assumption-high = { $setting }, uchel (%)
csv-assumption-source = { $setting }: ffynhonnell
csv-persistence-year2-pct = Cyfran sy'n dal i gyfrif ym mlwyddyn 2 (%)
csv-persistence-year3-pct = Cyfran sy'n dal i gyfrif ym mlwyddyn 3 (%)
csv-persistence-source = Parhad: ffynhonnell
csv-projects-with-firm-deadweight = Prosiectau â phwysau marw'r cwmni ei hun
csv-forecast-lines = Llinellau wedi'u dilysu a ddechreuodd fel rhagamcanion
csv-forecast-lines-verified-pence = Eu gwerth y flwyddyn gyntaf wedi'i ddilysu (ceiniogau)
csv-forecast-lines-forecast-pence = Eu gwerth y flwyddyn gyntaf a ragamcanwyd gyntaf (ceiniogau)
csv-forecast-accuracy-pct = Cywirdeb rhagamcanion (%)
csv-forecast-accuracy-cohort = Cywirdeb rhagamcanion yn { $cohort } (%)
comparison-heading = O'u cymharu â chwmnïau nad ymunodd
comparison-intro = Y newid yng nghyfran y cwmnïau sy'n weithgar o ran arloesi, i gyfranogwyr (o'r dechrau i'r arolwg dilynol 6 neu 12 mis ar ôl i'w carfan orffen) ac i grŵp cymharu: cwmnïau a wnaeth y gwiriad iechyd arloesi, a gytunodd i'w wneud eto, ac nad ymunodd â charfan (o'u gwiriad cyntaf i'r gwiriad a wnaed eto 6 neu 12 mis yn ddiweddarach). Dim ond cwmnïau a roddodd y ddau ateb sy'n cyfrif.
comparison-caption = Cyfran sy'n weithgar o ran arloesi { $months } mis yn ddiweddarach: cyfranogwyr a'r grŵp cymharu
comparison-col-group = Grŵp
comparison-col-firms = Cwmnïau a roddodd y ddau ateb
comparison-col-before = Cyfran cyn
comparison-col-after = Cyfran { $months } mis yn ddiweddarach
comparison-col-change = Newid (pwyntiau canran)
comparison-participants = Cyfranogwyr
comparison-pool = Grŵp cymharu
comparison-did = Gwahaniaeth yn y gwahaniaethau ar ôl { $months } mis: { $points } pwynt canran (newid y cyfranogwyr llai newid y grŵp cymharu).
comparison-withheld = Heb ei ddangos ar ôl { $months } mis: mae angen o leiaf { $min } cwmni a roddodd y ddau ateb ym mhob grŵp, ac mae { $participants } o gyfranogwyr a { $pool } o gwmnïau yn y grŵp cymharu. Mae grwpiau bach yn rhoi ffigurau camarweiniol a gallent ddatgelu pwy yw cwmni.
comparison-limits = Beth y gall hyn ei ddweud a beth na all: dewisodd y cwmnïau ymuno, neu beidio, felly gall y ddau grŵp fod yn wahanol mewn ffyrdd sy'n bwysig (hunanddewis); ateb y cwmni ei hun yw pob ateb (hunanadrodd); mae'r grwpiau'n fach, felly mae ychydig o gwmnïau'n symud y cyfrannau'n fawr; ac ni neilltuwyd y cwmnïau ar hap, felly nid yw'r gwahaniaeth yn profi mai'r rhaglen a'i hachosodd. Mae cyfnod y cyfranogwyr yn rhedeg o'r dechrau i fisoedd ar ôl i'w carfan orffen, yn hwy na chyfnod y grŵp cymharu.
