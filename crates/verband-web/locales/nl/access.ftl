# Toegang tot een netwerk, uitnodigingen, de eerste beheerder en het beheer van netwerken.

nav-access = Mensen en toegang
networks-empty-admin = Er is nog geen netwerk. Maak het eerste netwerk aan en nodig de coördinator uit.
flash-withdrawn = Uitnodiging ingetrokken.
flash-removed = Toegang ingetrokken.

access-title = Mensen en toegang
access-intro = Wie kan in dit netwerk werken, met welke rol en namens welke partner. Nodig mensen uit per e-mail; zij kiezen zelf een wachtwoord.
access-invite-title = Mensen uitnodigen
access-invite-emails = E-mailadressen
access-invite-emails-hint = Eén adres per regel. Je kunt ook een lijst uit je mailprogramma plakken.
access-invite-submit = Uitnodiging versturen
access-role = Rol
access-partner = Partner
access-partner-hint = De organisatie die deze mensen vertegenwoordigen. Leeg laten voor de coördinator, regiegroep of adviseurs zonder eigen partner.
access-no-partner = Geen partner
access-invitations-title = Openstaande uitnodigingen
access-invitations-empty = Er staan geen uitnodigingen open.
access-email = E-mailadres
access-status = Stand
access-invitation-sent = Verstuurd op { $date }
access-invitation-not-mailed = Niet gemaild
access-invitation-valid-until = geldig tot { $date }
access-invitation-expired = Verlopen
access-resend = Opnieuw versturen
access-withdraw = Intrekken
access-people-title = Mensen met toegang
access-people-empty = Nog niemand heeft toegang.
access-name = Naam
access-role-and-partner = Rol en partner
access-you = jij
access-change = Wijzigen
access-remove = Toegang intrekken
access-remove-title = Toegang intrekken?
access-remove-text = { $name } kan daarna niet meer in { $network } werken. Wat deze persoon eerder deed, blijft staan. Je kunt later opnieuw uitnodigen.
access-problem-last-coordinator = Een netwerk heeft altijd minstens één coördinator. Maak eerst iemand anders coördinator.
access-problem-invalid = Deze wijziging klopt niet. Kies een rol en een partner uit de lijst.
access-invited-mailed = { $count ->
    [one] 1 uitnodiging is gemaild.
   *[other] { $count } uitnodigingen zijn gemaild.
}
access-invited-already = Deze adressen hebben al toegang:
access-invited-by-hand = Er is geen mailserver ingesteld of het mailen lukte niet. Geef deze persoonlijke links zelf door; ze zijn 14 dagen geldig en worden maar één keer getoond:

invitation-title = Uitnodiging voor { $network }
invitation-intro = Je bent uitgenodigd voor { $network } met de rol { $role }.
invitation-for-partner = Je vertegenwoordigt daar { $partner }.
invitation-accept-as = Je bent ingelogd als { $name }. Neem de uitnodiging aan met dit account.
invitation-accept = Uitnodiging aannemen
invitation-account-exists = Er bestaat al een account met dit e-mailadres. Log in om de uitnodiging aan te nemen.
invitation-login-to-accept = Inloggen en aannemen
invitation-new-account = Kies een gebruikersnaam en wachtwoord. Je account krijgt het e-mailadres { $email }.
invitation-create-account = Account maken en aannemen
invitation-have-account = Heb je al een account? Log dan eerst in.
invitation-invalid-title = Deze link werkt niet
invitation-invalid-text = De link is verlopen, al gebruikt, ingetrokken of niet helemaal overgenomen. Vraag degene die je uitnodigde om een nieuwe uitnodiging.
invitation-to-login = Naar inloggen

account-form-name = Je naam
account-form-username-hint = Kleine letters, cijfers en . _ - @. Hiermee log je in.
account-form-email = E-mailadres
account-form-password-hint = Minstens 12 tekens. Een zin van een paar woorden is sterk en goed te onthouden.
account-form-password-again = Wachtwoord nog een keer

setup-title = Eerste beheerder
setup-intro = Verband heeft nog geen beheerder. Maak hier het account van de beheerder. Dit adres werkt maar één keer.
setup-submit = Beheerder maken

admin-networks-title = Netwerken beheren
admin-networks-new = Netwerk aanmaken
admin-networks-create = Netwerk aanmaken
admin-networks-empty = Er is nog geen netwerk.
admin-networks-welcome = Welkom. Je bent nu beheerder. Maak het eerste netwerk aan en nodig de coördinator uit.
admin-networks-archived = Gearchiveerde netwerken
admin-networks-coordinator = E-mailadres van de coördinator
admin-networks-coordinator-hint = Deze persoon krijgt een uitnodiging om coördinator te worden. Je kunt dit ook later doen.
admin-networks-archive-title = Netwerk archiveren?
admin-networks-archive-text = { $network } verdwijnt voor iedereen behalve de beheerder. Uitnodigingen werken niet meer. Er wordt niets verwijderd: je kunt het netwerk altijd terugzetten.

error-too-many-addresses = Nodig maximaal 200 adressen tegelijk uit.
error-username-taken = Deze gebruikersnaam is al in gebruik. Kies een andere.
