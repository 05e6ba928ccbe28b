## Y cynllunydd senarios

scenario-title = Cynllunydd senarios
scenario-link = Cynllunio senario ar gyfer ehangu
scenario-lead = Beth fyddai rhedeg y rhaglen hon ar raddfa arall yn ei gyflawni? Mae'r rhagamcan yn seiliedig ar yr hyn a arbedodd cwmnïau'r rhaglen hon ei hun, fel y'i dilyswyd, ac mae'n dweud pa mor sicr y gall fod.
scenario-assumptions = Rhagdybiaethau
scenario-field-cohorts = Carfanau'r flwyddyn
scenario-field-size = Cwmnïau a recriwtir i bob carfan
scenario-field-cost = Cost pob carfan (£)
scenario-field-cost-hint = Popeth y mae'n ei gostio i redeg carfan, mewn punnoedd.
scenario-field-years = Blynyddoedd
scenario-field-not-innovating = Recriwtiaid nad ydynt eto'n weithgar o ran arloesi (%)
scenario-field-not-innovating-hint = Yng Nghymru, nid yw 72% o fusnesau bach a chanolig yn weithgar o ran arloesi.
scenario-field-dropout = Cwmnïau nad ydynt yn cwblhau (%)
scenario-field-target = Cyfran o fusnesau bach a chanolig anarloesol Cymru i'w cyrraedd (%)
scenario-field-target-hint = Mae gan Gymru { $shown } o fusnesau bach a chanolig anarloesol.
scenario-project = Rhagamcanu
scenario-error-range = Rhowch rif cyfan o { $min } i { $max }.
scenario-projection = Rhagamcan
scenario-reached = Cwmnïau a gyrhaeddir bob blwyddyn
scenario-completing = Cwmnïau sy'n cwblhau bob blwyddyn
scenario-non-innovating = Cwmnïau anarloesol a gyrhaeddir bob blwyddyn
scenario-per-firm = Arbedion y flwyddyn gyntaf fesul cwmni
scenario-savings-year = Arbedion blwyddyn gyntaf cwmnïau blwyddyn
scenario-roi = Elw ar gost blwyddyn
scenario-years-to-target = Amser i gyrraedd y gyfran darged
scenario-years = { $count ->
    [zero] { $count } o flynyddoedd
    [one] { $count } flwyddyn
    [two] { $count } flynedd
    [few] { $count } blynedd
    [many] { $count } blynedd
   *[other] { $count } o flynyddoedd
}
scenario-never = Byth: ni chyrhaeddir unrhyw gwmnïau anarloesol
scenario-target-firms = { $shown } o gwmnïau
scenario-by-year = Fesul blwyddyn, hyd yma
scenario-year = Blwyddyn { $count }
scenario-year-col = Blwyddyn
scenario-reached-col = Cwmnïau a gyrhaeddwyd
scenario-non-innovating-col = Anarloesol
scenario-p10 = Arbedion, isel (10fed canradd)
scenario-median = Arbedion, canol
scenario-p90 = Arbedion, uchel (90fed canradd)
scenario-cost-col = Cost
scenario-how = Sut y cyfrifir hyn
scenario-how-first-year = Caiff cwmnïau pob blwyddyn eu cyfrif am eu blwyddyn gyntaf yn unig; ni ragamcennir arbedion sy'n para'n hirach. Dim ond cwmnïau sy'n cwblhau a gyfrifir fel rhai sy'n arbed.
scenario-how-wales = Busnesau bach a chanolig Cymru yw'r niferoedd fesul ardal a roddwyd gan weinyddwr, neu tua 267,000 pan na roddwyd rhai; cymerir nad yw 72% ohonynt yn weithgar o ran arloesi.
scenario-declined = Mae { $have } o sefydliadau yn cymryd rhan yn y rhaglen hon; mae angen o leiaf { $need } ar ragamcan. Gyda llai, ni all neb ddweud beth mae cwmni'n ei arbed.
scenario-band = Daw'r canol a'r amrediad o ailsamplu'r { $count } o gwmnïau sy'n cymryd rhan yma 10,000 o weithiau ({ $with } ag arbedion wedi'u dilysu; cyfrifir bod y lleill yn arbed dim, pa mor bell bynnag y maent wedi mynd). Mae pob ailsampl yn tynnu { $count } o gwmnïau ar hap, gydag amnewid, ac yn cymryd arbedion blwyddyn gyntaf y cwmni cyfartalog: mewn 8 o bob 10 ailsampl, roedd y cyfartaledd hwnnw, wedi'i luosi â'r { $completing } o gwmnïau sy'n cwblhau bob blwyddyn, rhwng { $low } a { $high }.
scenario-net-band = Yn net o'r hyn a fyddai wedi digwydd beth bynnag (gosodiadau ychwanegedd y rhaglen ar eu gwerthoedd canolog, ac ateb pob cwmni ei hun lle rhoddodd un), mae'r un ailsamplu o bob un o'r { $count } cwmni yn rhoi arbedion net blwyddyn gyntaf blwyddyn o { $median } yn y canol, a rhwng { $low } a { $high } mewn 8 o bob 10 ailsampl: enillion net o { $roi }.
scenario-net-settings = Y gosodiadau ychwanegedd a'u ffynonellau
scenario-actuals-heading = Beth a enillodd pob carfan
scenario-actual-cohort = Carfan
scenario-actual-verified = Arbedion blwyddyn gyntaf wedi'u dilysu
scenario-actual-share = Cyfran o'r gost
scenario-actual-roi = Elw
scenario-actuals-within = Mae elw canol y rhagamcan, { $roi }, o fewn amrediad elw gwirioneddol y carfanau ({ $low } i { $high }).
scenario-actuals-outside = Mae elw canol y rhagamcan, { $roi }, y tu allan i amrediad elw gwirioneddol y carfanau ({ $low } i { $high }): mae'r tybiaethau uchod yn wahanol i'r ffordd y mae'r rhaglen wedi rhedeg, neu mae ei charfanau'n wahanol i'w gilydd yn fwy nag y mae'r ailsamplu'n ei ddangos.
scenario-actuals-none = Nid oes gan unrhyw garfan arbedion wedi'u dilysu a chyfran o'r gost eto, felly nid oes elw gwirioneddol i'w osod wrth ochr y rhagamcan.
