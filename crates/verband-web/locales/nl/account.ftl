## Mijn account, wachtwoordregels en wachtwoord vergeten.

error-password-too-long = Een wachtwoord heeft hoogstens 256 tekens.
error-password-common = Dit wachtwoord is te makkelijk te raden: het lijkt op een veelgebruikt wachtwoord, een woord uit het woordenboek of een patroon zoals 123456. Kies een langere zin van een paar losse woorden.
error-password-contains-username = Je wachtwoord mag je gebruikersnaam of e-mailadres niet bevatten.
error-password-mismatch = De twee wachtwoorden zijn niet gelijk.
error-password-wrong = Dit is niet je huidige wachtwoord.
error-password-throttled = Te veel mislukte pogingen. Wacht een kwartier en probeer het dan opnieuw.
error-email-taken = Dit e-mailadres hoort al bij een ander account.

password-current = Huidig wachtwoord
password-new = Nieuw wachtwoord
password-repeat = Herhaal het nieuwe wachtwoord
password-rules-hint = Minstens 12 tekens. Een zin van een paar losse woorden is sterk en goed te onthouden. Niet je naam, gebruikersnaam of een veelgebruikt wachtwoord.

reset-link-on-login = Wachtwoord vergeten?
reset-request-title = Wachtwoord vergeten
reset-request-intro = Vul het e-mailadres van je account in. Je krijgt dan een mail met een link om een nieuw wachtwoord te kiezen.
reset-email = E-mailadres
reset-request-submit = Stuur de link
reset-back-to-login = Terug naar inloggen
reset-sent-title = Kijk in je mail
reset-sent-text = Als dit e-mailadres bij een account hoort, hebben we een link gestuurd om een nieuw wachtwoord te kiezen. De link werkt een uur en één keer.
reset-sent-hint = Geen mail gekregen? Kijk ook bij ongewenste mail. Komt er niets, vraag dan de beheerder van Verband om je wachtwoord opnieuw in te stellen.
reset-link-invalid-title = Deze link werkt niet (meer)
reset-link-invalid-text = Een link om je wachtwoord te herstellen werkt een uur en één keer. Vraag een nieuwe link aan.
reset-throttled-title = Even geduld
reset-throttled-text = Te veel links die niet werken. Wacht een kwartier en probeer het dan opnieuw.
reset-request-again = Vraag een nieuwe link aan
reset-choose-title = Kies een nieuw wachtwoord
reset-choose-submit = Wachtwoord opslaan
reset-done-title = Je wachtwoord is gewijzigd
reset-done-text = Log in met je nieuwe wachtwoord. Je bent overal uitgelogd waar je nog ingelogd was.

account-mail-reset-subject = Je wachtwoord voor Verband
account-mail-reset-body = Hallo,

    Iemand heeft gevraagd om een nieuw wachtwoord voor het Verband-account { $username }. Was jij dat? Kies dan via deze link een nieuw wachtwoord:
    { $link }

    De link werkt { $minutes } minuten en één keer. Heb je niets gevraagd? Dan kun je deze mail negeren: je wachtwoord blijft zoals het is.

    Met vriendelijke groet,
    Verband
account-mail-invitation-subject = Uitnodiging voor { $network } in Verband
account-mail-invitation-body = Hallo,

    { $inviter } nodigt je uit voor { $network } in Verband, als { $role }.

    Neem de uitnodiging aan via deze persoonlijke link (niet doorsturen):
    { $link }

    De link werkt { $days } dagen en één keer. Verwacht je deze uitnodiging niet? Dan kun je deze mail negeren.

    Met vriendelijke groet,
    Verband

account-email = E-mailadres
account-email-hint = Hier komt de link naartoe als je je wachtwoord vergeten bent.
account-profile-title = Je gegevens
account-profile-save = Gegevens opslaan
account-profile-saved = Je gegevens zijn opgeslagen.
account-password-title = Wachtwoord wijzigen
account-password-intro = Na het wijzigen ben je overal uitgelogd, behalve hier. Dat geldt ook als je je e-mailadres wijzigt.
account-password-save = Wachtwoord wijzigen
account-password-changed = Je wachtwoord is gewijzigd. Je bent overal elders uitgelogd.
account-sessions-title = Waar je bent ingelogd
account-sessions-intro = Zie je een sessie die je niet kent? Log overal elders uit en wijzig je wachtwoord.
account-session-created = Ingelogd op
account-session-expires = Verloopt op
account-session-origin = Vanaf
account-session-current = deze sessie
account-sessions-end-others = Overal elders uitloggen
account-sessions-ended = Je bent overal elders uitgelogd.
