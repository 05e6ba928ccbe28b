# Dolen cyfranogwr: ei hafan, y cam nesaf ar ôl pob cadw, a'r cyfrif yn y llywio.
nav-notices-unread = { $count ->
    [zero] hysbysiad heb ei ddarllen
    [one] hysbysiad heb ei ddarllen
    [two] hysbysiad heb eu darllen
    [few] hysbysiad heb eu darllen
    [many] hysbysiad heb eu darllen
   *[other] hysbysiad heb eu darllen
}
home-next-step = Y cam nesaf:
home-tools-applied = Offer a ddefnyddiwyd:
home-tools-none = dim eto
home-tool-suggested = Yr offeryn i roi cynnig arno nesaf:
home-claims-heading = Eich hawliadau:
home-claim-rework = Ei newid a'i hawlio eto
home-commitments-heading = Eich ymrwymiadau i roi gwybod amdanyn nhw
home-commitment-made = a wnaed yn y sesiwn { $session }
home-commitment-due = rhowch wybod yn y sesiwn { $session }, { $date }
home-commitment-unscheduled = rhowch wybod yn y sesiwn nesaf, unwaith y caiff ei threfnu
home-feedback-heading = Adborth y gofynnwyd i chi amdano
home-feedback-item = Gofynnodd { $name } am eich adborth: { $what }
project-tool-applied = wedi'i ddefnyddio
next-steps-heading = Beth nesaf
next-tool = Defnyddio'r offeryn nesaf: { $tool }
next-cycle-from-tool = Dechrau cylch profi a dysgu ar sail yr hyn a ddangosodd hwn
next-back-to-project = Yn ôl i'r prosiect
next-share-tool = Rhannu'r offeryn hwn â'ch carfan
next-reading = Cofnodi darlleniad o'ch mesur
next-share-cycle = Rhannu'r cylch hwn â'ch carfan
next-cycle = Cynllunio'r cylch profi a dysgu nesaf
next-benefit = Cofnodi'r hyn a arbedodd y newid
next-share-reading = Rhannu'r darlleniad hwn â'ch carfan
next-follow-claim = Dilyn eich hawliadau ar eich hafan
next-another-benefit = Ychwanegu llinell fudd arall
commitment-on-home = Mae eich hafan yn rhestru pob ymrwymiad, gyda'r sesiwn i roi gwybod ynddi, nes i chi wneud hynny.
commitment-home-link = Mynd i'ch hafan
