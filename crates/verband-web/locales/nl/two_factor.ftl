## Tweestapsverificatie: instellen, inloggen met een code, beheer.

two-factor-title = Tweestapsverificatie
two-factor-back-to-account = Terug naar Mijn account
two-factor-intro = Met tweestapsverificatie log je in met je wachtwoord én een code uit een app op je telefoon. Wie je wachtwoord kent, kan dan nog niet bij je account.
two-factor-required-notice = De beheerder vraagt dat je tweestapsverificatie aanzet. Dat moet eerst, daarna kun je verder.
two-factor-is-off = Tweestapsverificatie staat uit.
two-factor-is-on = Tweestapsverificatie staat aan.
two-factor-on-since = Sinds { $date }.
two-factor-start = Tweestapsverificatie instellen
two-factor-switched-on = Tweestapsverificatie staat nu aan.
two-factor-switched-off = Tweestapsverificatie staat nu uit.
two-factor-throttled = Te veel verkeerde codes. Probeer het over een kwartier opnieuw.

two-factor-setup-title = Instellen
two-factor-setup-step-app = Installeer een app voor inlogcodes op je telefoon, bijvoorbeeld de authenticator-app van je organisatie.
two-factor-setup-step-scan = Scan de QR-code hieronder met die app, of typ de sleutel over.
two-factor-setup-step-code = Vul de code van zes cijfers in die de app toont.
two-factor-qr-caption = QR-code om Verband toe te voegen aan je app. Kun je niet scannen? Gebruik dan de gegevens hieronder.
two-factor-manual = Gegevens om zelf in te typen:
two-factor-secret = Sleutel
two-factor-issuer = Dienst
two-factor-account = Account
two-factor-kind = Soort
two-factor-kind-value = Op tijd gebaseerd, 6 cijfers, elke 30 seconden
two-factor-code = Code uit je app
two-factor-code-hint = Zes cijfers, bijvoorbeeld 123456.
two-factor-confirm = Aanzetten
two-factor-restart = Opnieuw beginnen met een nieuwe sleutel

two-factor-recovery-title = Herstelcodes
two-factor-recovery-left = Je hebt nog { $count } ongebruikte herstelcodes.
two-factor-recovery-new = Nieuwe herstelcodes maken
two-factor-recovery-once = Bewaar deze herstelcodes op een veilige plek. Je ziet ze maar één keer. Elke code werkt één keer, als je je telefoon niet bij de hand hebt.
two-factor-recovery-use = Vul bij het inloggen een herstelcode in op de plaats van de code uit je app. Nieuwe herstelcodes maken maakt de oude ongeldig.
two-factor-recovery-saved = Ik heb de codes bewaard

two-factor-off-title = Uitzetten
two-factor-off-intro = Vul je wachtwoord in om tweestapsverificatie uit te zetten. Je herstelcodes vervallen dan.
two-factor-off-submit = Tweestapsverificatie uitzetten

two-factor-login-title = Code invullen
two-factor-login-intro = Je wachtwoord klopt. Vul nu de code uit je app in, of een van je herstelcodes.
two-factor-login-code = Code
two-factor-login-code-hint = Zes cijfers uit je app, of een herstelcode zoals abcde-fghij.
two-factor-login-submit = Inloggen
two-factor-login-wrong = Deze code klopt niet, of is al gebruikt. Wacht op de volgende code in je app.
two-factor-login-expired = Je inlogpoging is verlopen. Log opnieuw in.
two-factor-login-again = Opnieuw inloggen

two-factor-admin-title = Tweestapsverificatie beheren
two-factor-admin-requirement = Verplicht stellen
two-factor-admin-who = Wie moet tweestapsverificatie gebruiken?
two-factor-requirement-none = Niemand verplicht; iedereen mag het zelf aanzetten
two-factor-requirement-coordinators = Coördinatoren en beheerders
two-factor-requirement-everyone = Iedereen
two-factor-admin-accounts = Accounts met tweestapsverificatie
two-factor-admin-reset-intro = Is iemand de telefoon kwijt en zijn de herstelcodes op? Zet dan hier de tweestapsverificatie van die persoon terug. Die persoon logt daarna in met alleen het wachtwoord, of stelt het opnieuw in als het verplicht is.
two-factor-admin-none = Nog niemand heeft tweestapsverificatie aangezet.
two-factor-admin-since = Aan sinds
two-factor-admin-reset = Terugzetten
two-factor-admin-reset-done = De tweestapsverificatie is teruggezet.

error-two-factor-code-wrong = Deze code klopt niet. Controleer de tijd op je telefoon en vul de nieuwste code in.
error-two-factor-code-format = Vul de zes cijfers uit je app in.
error-two-factor-password-wrong = Dit wachtwoord klopt niet.
