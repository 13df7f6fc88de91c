# Single sign-on with OpenID Connect (the organisation's own account)
sso-or = Of log in met het account van je eigen organisatie:
sso-button = Inloggen met je organisatieaccount
sso-refused-title = Inloggen met je organisatieaccount is niet gelukt
sso-refused-not-configured = Inloggen met een organisatieaccount is voor deze Verband niet ingesteld. Log in met je gebruikersnaam en wachtwoord.
sso-refused-unavailable = De inlogdienst van je organisatie is nu niet bereikbaar. Probeer het later opnieuw, of log in met je gebruikersnaam en wachtwoord.
sso-refused-provider = De inlogdienst van je organisatie heeft het inloggen afgebroken of niet toegestaan. Probeer het opnieuw.
sso-refused-state = Deze inlogpoging is verlopen, al gebruikt of in een ander venster begonnen. Begin opnieuw vanaf de inlogpagina.
sso-refused-token = Het antwoord van de inlogdienst kon niet worden gecontroleerd. Probeer het opnieuw; lukt het dan nog niet, neem dan contact op met de beheerder.
sso-refused-email = Je organisatie heeft je e-mailadres niet bevestigd, daarom kun je zo niet inloggen. Vraag de beheerder van je organisatieaccount om het te bevestigen.
sso-refused-no-account = Er is nog geen Verband-account voor dit organisatieaccount. Vraag de coördinator van je netwerk om een uitnodiging, en gebruik de link daarin.
sso-refused-disabled = Dit account kan niet meer inloggen. Neem contact op met de beheerder van Verband.
sso-back-to-login = Naar de inlogpagina
