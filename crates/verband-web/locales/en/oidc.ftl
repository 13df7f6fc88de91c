# Single sign-on with OpenID Connect (the organisation's own account)
sso-or = Or sign in with your own organisation's account:
sso-button = Sign in with your organisation account
sso-refused-title = Signing in with your organisation account did not work
sso-refused-not-configured = Signing in with an organisation account is not set up for this Verband. Log in with your user name and password.
sso-refused-unavailable = Your organisation's sign-in service cannot be reached right now. Try again later, or log in with your user name and password.
sso-refused-provider = Your organisation's sign-in service stopped or did not allow the sign-in. Please try again.
sso-refused-state = This sign-in has expired, was already used or was started in another window. Start again from the log-in page.
sso-refused-token = The answer of the sign-in service could not be checked. Please try again; if it still fails, contact the administrator.
sso-refused-email = Your organisation has not confirmed your e-mail address, so you cannot sign in this way. Ask whoever manages your organisation account to confirm it.
sso-refused-no-account = There is no Verband account for this organisation account yet. Ask your network's coordinator for an invitation and use the link in it.
sso-refused-disabled = This account can no longer sign in. Contact Verband's administrator.
sso-back-to-login = To the log-in page
