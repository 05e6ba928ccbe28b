## Tocynnau mynediad personol

tokens-title = Tocynnau mynediad personol
tokens-back = Yn ôl i'ch proffil
tokens-lead = Mae tocyn yn gadael i raglen arall, fel taenlen, offeryn adrodd neu CRM, ddarllen cofnodion Ymarfer fel chi, drwy'r API. Rhowch ei docyn ei hun i bob rhaglen, heb fwy o fynediad nag sydd ei angen arni.
tokens-password-ends = Mae pob tocyn yn peidio â gweithio pan fyddwch yn newid eich cyfrinair.
tokens-profile-lead = Gadewch i raglen arall ddarllen eich cofnodion drwy'r API, gyda thocyn y gallwch ei ddirymu unrhyw bryd.
tokens-manage = Rheoli tocynnau
tokens-made = Eich tocyn newydd
tokens-made-once = Copïwch ef nawr: dyma'r unig dro y caiff ei ddangos. Dim ond ôl bys ohono a gedwir.
tokens-secret = Tocyn
tokens-new-heading = Gwneud tocyn
tokens-field-name = Enw
tokens-field-name-hint = Beth yw ei ddiben, fel “Adroddiad y cyllidwr yn Power BI”.
tokens-field-access = Mynediad
tokens-access-read = Darllen yn unig
tokens-access-write = Darllen a newid
tokens-field-programme = Rhaglen
tokens-all-programmes = Pob rhaglen y gallaf ei gweld
tokens-programme-gone = Rhaglen nad yw'n bodoli mwyach
tokens-field-days = Yn dod i ben ar ôl
tokens-days = { $count } diwrnod
tokens-create = Gwneud tocyn
tokens-list-heading = Eich tocynnau
tokens-none = Nid oes gennych docynnau.
tokens-created = Gwnaed
tokens-expires = Yn dod i ben
tokens-last-used = Defnyddiwyd ddiwethaf
tokens-never-used = Byth
tokens-state = Cyflwr
tokens-state-live = Gweithredol
tokens-state-revoked = Wedi'i ddirymu
tokens-state-expired = Wedi dod i ben
tokens-revoke = Dirymu
tokens-revoked = Dirymwyd y tocyn. Nid yw'n gweithio mwyach.
tokens-error-name = Rhowch enw i'r tocyn.
tokens-error-name-taken = Mae gennych docyn â'r enw hwn yn barod. Dewiswch enw arall, neu dirymwch hwnnw yn gyntaf.
tokens-error-access = Dewiswch ddarllen yn unig, neu ddarllen a newid.
tokens-error-programme = Dewiswch raglen y gallwch ei gweld, neu bob rhaglen.
tokens-error-days = Dewiswch am faint y mae'r tocyn yn para.
audit-token-created = Gwnaed tocyn API
audit-token-revoked = Dirymwyd tocyn API
audit-password-changed = Cyfrinair wedi'i newid (sesiynau eraill wedi dod i ben, tocynnau API wedi'u dirymu)

## Tudalen ddynol yr API

api-title = API Ymarfer
api-lead = Mae cofnodion Ymarfer hefyd ar gael fel JSON, ar gyfer offer adrodd, taenlenni, systemau CRM a systemau cyllid. Mae'r API yn dangos yn union yr hyn y gallech ei weld yn Ymarfer, a dim mwy.
api-auth-heading = Mewngofnodi
api-auth-body = Mae pob cais yn cario tocyn mynediad personol yn ei bennyn Authorization. Gwnewch un ar eich proffil:
api-example-host = https://ymarfer.example.ac.uk
api-scope-body = Ni all tocyn darllen yn unig newid dim. Mae tocyn a gyfyngwyd i un rhaglen yn ateb “heb ei ganfod” i bob un arall.
api-conventions-heading = Sut mae'r atebion yn gweithio
api-paging = Daw rhestrau fesul tudalen, yn nhrefn id. Rhowch werth “next” un dudalen fel “after” i gael yr un nesaf; mae “limit” yn gosod hyd y dudalen, o 1 i 200.
api-etags = Mae gan bob ateb ETag. Anfonwch ef yn ôl yn If-None-Match ac, os nad oes dim wedi newid, 304 heb gorff yw'r ateb.
api-errors = Mae gan bob gwall yr un ffurf: y statws, id neges sefydlog, a'i destun yn Saesneg ac yn Gymraeg. Caiff maes a wrthodwyd ei enwi gyda'i neges ei hun.
api-rate = Caiff pob tocyn wneud { $count } o geisiadau'r funud. Y tu hwnt i hynny 429 yw'r ateb, gyda Retry-After.
api-document = Y ddogfen OpenAPI 3.1
api-operations-heading = Gweithrediadau
api-method = Dull
api-path = Llwybr
api-what = Beth mae'n ei wneud
api-op-me = I bwy mae'r tocyn, a beth y caiff ei wneud
api-op-list-programmes = Y rhaglenni y gallwch eu gweld
api-op-get-programme = Un rhaglen
api-op-list-cohorts = Carfanau rhaglen
api-op-list-organisations = Y sefydliadau sy'n cymryd rhan mewn rhaglen
api-op-get-organisation = Un sefydliad, gyda'i gofnodion arloesi
api-op-list-projects = Prosiectau carfan
api-op-get-project = Un prosiect, gyda'i offer, ei gylchoedd profi a dysgu a'i ddarlleniadau
api-op-add-reading = Ychwanegu darlleniad o fesur prosiect
api-op-list-benefits = Cyfriflyfr buddion prosiect, pob fersiwn o bob llinell
api-op-add-benefit = Rhagamcanu neu hawlio budd ar gyfriflyfr prosiect
api-op-review-benefit = Dilysu budd a hawliwyd, gofyn cwestiwn i'r hawlydd, ei anfon yn ôl i'w ailweithio, neu ei wrthod
api-op-answer-query = Ateb cwestiwn adolygydd am fudd a hawliwyd: caiff ei hawlio eto, a chaiff yr adolygydd wybod
api-op-add-cycle = Dechrau cylch profi a dysgu ar brosiect
api-op-get-impact = Adroddiad effaith rhaglen
api-op-get-funder-return = Ffurflen rhaglen i'r cyllidwr ar gyfer chwarter: pob dangosydd gyda'r cwmnïau y tu ôl i'w gyfrif, a gwerth cymorth pob cwmni
api-op-list-leads = Cwmnïau a ofynnodd am glywed mwy ar ôl y gwiriad iechyd
api-op-get-lead = Un darpar gyfranogwr, gyda'i wiriadau iechyd
api-op-change-lead = Newid statws darpar gyfranogwr, a'i nodiadau
api-op-list-sessions = Sesiynau carfan, gyda'r gofrestr i'w staff
api-op-record-attendance = Cofnodi cofrestr sesiwn
api-op-change-organisation-rate = Newid cyfradd fesul awr sefydliad, sy'n rhoi gwerth ar ei oriau a hawliwyd ac a ragwelwyd
api-op-add-post = Postio yng ngofod carfan

## Gwallau'r API

api-error-not-found = Heb ei ganfod, neu nid yw'n rhywbeth y caiff y tocyn hwn ei weld.
api-error-bad-request = Nid oedd modd deall y cais.
api-error-bad-body = Rhaid i'r corff fod yn JSON o'r ffurf a ddisgrifir gan yr API.
api-error-control-characters = Mae nod rheoli (fel U+0000) mewn testun; dim ond tab, dychwelyd cerbyd a llinell newydd a ganiateir, a hynny yn y corff yn unig.
api-error-forbidden = Ni chaiff y tocyn hwn wneud hynny.
api-error-token = Mae angen tocyn mynediad personol dilys: Authorization: Bearer ymf_…
api-error-method = Ni chaniateir y dull hwnnw yma.
api-error-too-large = Mae'r cais yn rhy fawr.
api-error-internal = Aeth rhywbeth o'i le ar ein hochr ni. Ni newidiwyd dim.
api-error-invalid = Gwrthodwyd rhai meysydd; caiff pob un ei enwi.
api-error-limit = Rhaid i'r terfyn fod yn rhif cyfan o 1 i 200.
api-error-cursor = Nid yw'r cyrchwr hwnnw'n un a roddodd yr API hwn.
api-error-rate = Gormod o geisiadau'r funud hon. Rhowch gynnig arall arni cyn hir.
api-error-not-enrolled = Nid yw'r person hwnnw'n cymryd rhan yn y garfan hon.
api-error-twice = Dim ond unwaith y caiff pob person ei farcio.
api-error-review-changed = Mae'r llinell wedi newid ers y fersiwn a anfonwyd: darllenwch hi eto cyn ei hadolygu.
api-error-idempotency-key = Rhaid i'r Idempotency-Key fod rhwng 1 a 255 o nodau ASCII gweladwy.
api-error-idempotency-mismatch = Defnyddiwyd yr Idempotency-Key hwnnw eisoes ar gyfer cais gwahanol. Defnyddiwch allwedd newydd ar gyfer pob newid.
api-error-idempotency-pending = Mae cais gyda'r Idempotency-Key hwnnw'n dal i gael ei brosesu. Rhowch gynnig arall arni cyn hir.

## Y ciw post

job-mail = E-byst yn aros i roi cynnig arall arnynt
mail-queue-title = Ciw post
mail-queue-intro = Caiff pob e-bost ei gadw yma nes ei anfon. Os yw'r gweinydd post yn gwrthod un, rhoddir cynnig arall arno ar ôl 1, 5 a 15 munud, yna bob awr ac yn llai aml, hyd at wyth gwaith. Ni chedwir geiriau e-bost a anfonwyd.
mail-count-waiting = { $count ->
    [zero] Dim e-byst yn aros
    [one] { $count } e-bost yn aros
    [two] { $count } e-bost yn aros
   *[other] { $count } o e-byst yn aros
}
mail-count-sent = { $count ->
    [zero] Dim e-byst wedi'u hanfon yn y diwrnod diwethaf
    [one] { $count } e-bost wedi'i anfon yn y diwrnod diwethaf
   *[other] { $count } o e-byst wedi'u hanfon yn y diwrnod diwethaf
}
mail-count-given-up = { $count ->
    [zero] Dim e-byst wedi'u hildio
    [one] { $count } e-bost wedi'i ildio ar ôl wyth cynnig
   *[other] { $count } o e-byst wedi'u hildio ar ôl wyth cynnig
}
mail-messages = E-byst
mail-none = Dim e-byst yn y diwrnod diwethaf.
mail-to = At
mail-subject = Pwnc
mail-state = Cyflwr
mail-attempts = Cynigion
mail-when = Anfonwyd, neu'r cynnig nesaf
mail-error = Gwall diwethaf
mail-state-sent = Anfonwyd
mail-state-waiting = Yn aros
mail-state-given-up = Wedi'i ildio
jobs-outcome-emails = E-byst wedi'u hanfon: { $sent }; wedi methu: { $failed }
jobs-outcome-mail = Wedi'u hanfon: { $sent }; yn dal i aros: { $waiting }
jobs-outcome-followups = Arolygon dilynol: { $sent }; nodiadau atgoffa: { $reminded }; gwiriadau iechyd i'w gwneud eto: { $rechecks }; darpar gyfranogwyr wedi'u hanghofio: { $forgotten }; wedi methu: { $failed }
jobs-outcome-failed = Wedi methu: { $error }
