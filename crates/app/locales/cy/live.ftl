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
live-kind-brainstorm = Taflu syniadau'n dawel
live-kind-poll-single = Arolwg cyflym: un dewis
live-kind-poll-multiple = Arolwg cyflym: unrhyw nifer o ddewisiadau
live-kind-poll-scale = Arolwg cyflym: graddfa o 1 i 5
live-kind-round = Rownd o'r ystafell
live-kind-placement = Effaith ac ymdrech
live-stage-answering = Ateb
live-stage-shown = Y canlyniadau i'w gweld
live-advance-open = Agor i atebion
live-advance-show = Dangos y canlyniadau
live-advance-post = Cau, a phostio'r canlyniad yng ngofod y garfan
live-answered = { $count ->
    [zero] Does neb wedi ateb eto.
    [one] Mae un person wedi ateb hyd yma.
    [two] Mae dau berson wedi ateb hyd yma.
    [few] Mae { $count } o bobl wedi ateb hyd yma.
    [many] Mae { $count } o bobl wedi ateb hyd yma.
   *[other] Mae { $count } o bobl wedi ateb hyd yma.
}
live-results = Atebion yr ystafell
live-poll-results = Sut atebodd yr ystafell
live-poll-option = Dewis
live-poll-count = Atebion
live-poll-pick-one = Dewiswch un. Gallwch newid eich ateb nes i'r canlyniadau gael eu dangos.
live-poll-pick-any = Dewiswch gymaint ag sy'n berthnasol. Gallwch newid eich ateb nes i'r canlyniadau gael eu dangos.
live-answer-send = Anfon fy ateb
live-answer-change = Newid fy ateb
live-line = Eich llinell
live-line-hint = Un llinell, 200 nod ar y mwyaf. Mae anfon un arall yn cymryd ei lle.
live-place-intro = Gosodwch bob syniad yn ôl y gwahaniaeth y byddai'n ei wneud a'r ymdrech y byddai'n ei chymryd. Gallwch newid lle y gosodoch ef nes i'r canlyniadau gael eu dangos.
live-impact = Effaith
live-effort = Ymdrech
live-high = Uchel
live-low = Isel
live-place = Gosod y syniad hwn
live-placed-count = wedi'i osod yma gan { $count } o { $of }
live-quadrant-quick-win = Enillion cyflym: effaith uchel, ymdrech isel
live-quadrant-major-project = Prosiectau mawr: effaith uchel, ymdrech uchel
live-quadrant-fill-in = Mân dasgau: effaith isel, ymdrech isel
live-quadrant-thankless = Tasgau diddiolch: effaith isel, ymdrech uchel
live-prepare-heading = Ychwanegu gweithgaredd: arolwg cyflym neu rownd o'r ystafell
live-prepare-kind = Pa fath
live-prepare-question = Y cwestiwn, neu'r anogwr ar gyfer y rownd
live-prepare-options = Dewisiadau'r arolwg
live-prepare-options-hint = Un ar bob llinell, o 2 i 10. Nid oes eu hangen ar gyfer graddfa neu rownd o'r ystafell.
live-placement-heading = Ychwanegu gweithgaredd: gosod syniadau sesiwn taflu syniadau yn ôl effaith ac ymdrech
live-placement-source = Y sesiwn taflu syniadau y mae'r ystafell yn gosod ei syniadau
live-error-kind = Dewiswch arolwg neu rownd o'r ystafell.
live-error-question = Ysgrifennwch y cwestiwn y mae'r ystafell yn ei ateb.
live-error-options-count = Rhowch o 2 i 10 dewis, un ar bob llinell.
live-error-option-long = Cadwch bob dewis i 100 nod ar y mwyaf.
live-error-option-repeated = Rhowch bob dewis unwaith.
live-error-source = Dewiswch sesiwn taflu syniadau y mae ei nodiadau wedi'u datgelu.
live-error-pick = Dewiswch un o'r dewisiadau.
done-live-answer-saved = Mae eich ateb wedi'i gadw. Gallwch ei newid nes i'r canlyniadau gael eu dangos.
done-live-place-both = Dewiswch effaith ac ymdrech y syniad, yna ei osod.
live-meeting-link = Ymuno â'r cyfarfod ar-lein
live-templates = Trefnau sesiwn wedi'u cadw
live-template-name = Cadw trefn y sesiwn hon fel
live-template-name-hint = Enw i hwyluswyr y rhaglen ddod o hyd iddi, fel "Gweithdy 3: achosion". Mae cadw eto o dan yr un enw yn cymryd ei lle.
live-template-save = Cadw trefn y sesiwn
live-template-apply-which = Trefn sesiwn wedi'i chadw ar gyfer y rhaglen hon
live-template-apply = Ychwanegu ei gweithgareddau at drefn y sesiwn hon
live-templates-none = Nid oes trefn sesiwn wedi'i chadw ar gyfer y rhaglen hon eto.
live-activities = { $count ->
    [zero] dim gweithgareddau
    [one] un gweithgaredd
    [two] dau weithgaredd
    [few] { $count } gweithgaredd
    [many] { $count } gweithgaredd
   *[other] { $count } gweithgaredd
}
live-error-template-name = Rhowch enw i drefn y sesiwn, 100 nod ar y mwyaf.
live-error-template-empty = Ychwanegwch weithgaredd at drefn y sesiwn cyn ei chadw.
done-live-template-saved = Mae trefn y sesiwn wedi'i chadw ar gyfer y rhaglen hon.
