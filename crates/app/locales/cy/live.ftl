live-title = Byw: { $session }
live-screen-title = Golwg y taflunydd: { $session }
live-join-title = Ymuno â sesiwn fyw
live-join-code = Y cod ar y sgrin
live-join-hint = Chwe llythyren a rhif, er enghraifft ACD 3E4.
live-join-button = Ymuno
live-join-intro = Ymunwch i ysgrifennu eich nodiadau, pleidleisio a dweud pan fyddwch wedi gorffen. Mae ymuno yn eich nodi'n bresennol yn y sesiwn hon.
live-join-unknown = Nid oes sesiwn fyw â'r cod hwnnw. Gwiriwch ef ar y sgrin.
live-join-at = Ymunwch ar eich ffôn: sganiwch y cod, neu ewch i { $url } a theipio
live-start = Dechrau'r sesiwn fyw
live-start-intro = Cynnal y sesiwn hon yn fyw: golwg taflunydd â chod i ymuno, nodiadau wedi'u hysgrifennu ar ffonau, a'r canlyniadau wedi'u hychwanegu at offer pob cwmni.
live-open = Agor y sesiwn fyw
live-screen-link = Golwg y taflunydd a'r rheolyddion
live-phone-link = Golwg y ffôn
live-code-is = cod { $code }
live-ended = Mae'r sesiwn hon wedi dod i ben. Caiff yr hyn a ysgrifennodd yr ystafell ei gadw i'w ddarllen; ni ellir ychwanegu dim mwy.
live-none = Nid oes dim yn rhedeg eto. Bydd yr hwylusydd yn agor y gweithgaredd cyntaf.
live-counts = { $joined } wedi ymuno · { $done } wedi gorffen
live-written = { $count ->
    [zero] Dim nodiadau wedi'u hysgrifennu eto.
    [one] Un nodyn wedi'i ysgrifennu hyd yma, ynghudd nes i'r hwylusydd eu datgelu.
    [two] Dau nodyn wedi'u hysgrifennu hyd yma, ynghudd nes i'r hwylusydd eu datgelu.
    [few] { $count } nodyn wedi'u hysgrifennu hyd yma, ynghudd nes i'r hwylusydd eu datgelu.
    [many] { $count } nodyn wedi'u hysgrifennu hyd yma, ynghudd nes i'r hwylusydd eu datgelu.
   *[other] { $count } nodyn wedi'u hysgrifennu hyd yma, ynghudd nes i'r hwylusydd eu datgelu.
}
live-board = Nodiadau pawb
live-your-notes = Eich nodiadau (mae'r lleill ynghudd nes iddynt gael eu datgelu)
live-stage-ready = Yn aros i ddechrau
live-stage-writing = Ysgrifennu'n dawel
live-stage-revealed = Wedi'u datgelu
live-stage-voting = Pleidleisio
live-stage-closed = Wedi cau
live-advance-writing = Agor i ysgrifennu
live-advance-reveal = Datgelu'r nodiadau
live-advance-vote = Agor y bleidlais
live-advance-close = Cau, ac ychwanegu'r nodiadau at offeryn pob cwmni
live-note-add = Ychwanegu nodyn
live-note-heading = Pennawd
live-note-heading-choose = Dewiswch un
live-note-body = Eich nodyn
live-note-hint = Un syniad ym mhob nodyn, 200 nod ar y mwyaf. Ni fydd neb yn ei weld nes i'r hwylusydd ddatgelu'r nodiadau.
live-vote = Pleidleisio
live-unvote = Tynnu eich pleidlais yn ôl
live-votes-left = { $count ->
    [zero] Nid oes gennych bleidleisiau ar ôl.
    [one] Mae gennych un bleidlais ar ôl.
    [two] Mae gennych ddwy bleidlais ar ôl.
    [few] Mae gennych { $count } pleidlais ar ôl.
    [many] Mae gennych { $count } pleidlais ar ôl.
   *[other] Mae gennych { $count } pleidlais ar ôl.
}
live-votes = { $count ->
    [zero] Dim pleidleisiau
    [one] 1 bleidlais
    [two] 2 bleidlais
    [few] { $count } pleidlais
    [many] { $count } pleidlais
   *[other] { $count } pleidlais
}
live-done = Rydw i wedi gorffen
live-you-done = Rydych wedi dweud eich bod wedi gorffen.
live-timer-ends = Daw'r amser i ben am { $time }
live-timer-minutes = Munudau ar yr amserydd
live-timer-hint = O 1 i 60. Gadewch yn wag i atal yr amserydd.
live-timer-set = Gosod yr amserydd
live-controls = Rhedeg yr ystafell
live-running-order = Trefn y sesiwn
live-order-none = Dim wedi'i gynllunio eto: ychwanegwch weithgaredd isod.
live-plan-heading = Ychwanegu gweithgaredd: taflu syniadau'n dawel ar offeryn
live-plan-tool = Yr offeryn y mae'r ystafell yn ysgrifennu o dan ei benawdau
live-plan-prompt = Beth a ofynnir i'r ystafell
live-plan-votes = Pleidleisiau i bob person
live-plan-add = Ychwanegu at drefn y sesiwn
live-refresh = Adnewyddu
live-qr-alt = Cod QR sy'n agor y sesiwn fyw hon ar ffôn
live-post-intro = Wedi'u hysgrifennu yn y sesiwn fyw, yn ôl pleidleisiau'r ystafell:
live-error-ended = Mae'r sesiwn hon wedi dod i ben, felly ni all ei sesiwn fyw ddechrau na derbyn dim mwy.
live-error-busy = Mae'r sesiwn fyw yn brysur; rhowch gynnig arall arni.
live-error-tool = Dewiswch offeryn â phenawdau i ysgrifennu oddi tanynt, fel yr asgwrn pysgodyn.
live-error-prompt = Ysgrifennwch 300 nod ar y mwyaf.
live-error-votes = Rhowch rif cyfan o 1 i 10.
live-error-not-writing = Mae'r ysgrifennu wedi cau ar gyfer y gweithgaredd hwn.
live-error-heading = Dewiswch un o'r penawdau.
live-error-note-long = Ysgrifennwch 200 nod ar y mwyaf.
live-error-key = Ail-lwythwch y dudalen ac ysgrifennu'r nodyn eto.
live-error-timer = Rhowch nifer cyfan o funudau o 1 i 60.
done-live-no-votes = Rydych wedi defnyddio eich holl bleidleisiau. Tynnwch un yn ôl i bleidleisio dros nodyn arall.
