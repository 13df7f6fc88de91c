## My account, password rules and forgotten passwords.

error-password-too-long = A password has at most 256 characters.
error-password-common = This password is too easy to guess: it looks like a common password, a dictionary word or a pattern such as 123456. Choose a longer phrase of a few unrelated words.
error-password-contains-username = Your password must not contain your user name or e-mail address.
error-password-mismatch = The two passwords are not the same.
error-password-wrong = This is not your current password.
error-password-throttled = Too many failed attempts. Wait fifteen minutes and try again.
error-email-taken = This e-mail address already belongs to another account.

password-current = Current password
password-new = New password
password-repeat = Repeat the new password
password-rules-hint = At least 12 characters. A phrase of a few unrelated words is strong and easy to remember. Not your name, user name or a common password.

reset-link-on-login = Forgot your password?
reset-request-title = Forgot your password
reset-request-intro = Enter your account's e-mail address. You will get a mail with a link to choose a new password.
reset-email = E-mail address
reset-request-submit = Send the link
reset-back-to-login = Back to log in
reset-sent-title = Check your mail
reset-sent-text = If this e-mail address belongs to an account, we sent a link to choose a new password. The link works for one hour, once.
reset-sent-hint = No mail? Also look in your junk mail. If nothing arrives, ask the administrator of Verband to set your password again.
reset-link-invalid-title = This link does not work (any more)
reset-link-invalid-text = A link to reset your password works for one hour, once. Ask for a new link.
reset-throttled-title = Please wait
reset-throttled-text = Too many links that do not work. Wait fifteen minutes and try again.
reset-request-again = Ask for a new link
reset-choose-title = Choose a new password
reset-choose-submit = Save password
reset-done-title = Your password has been changed
reset-done-text = Log in with your new password. You have been logged out everywhere you were still logged in.

account-mail-reset-subject = Your password for Verband
account-mail-reset-body = Hello,

    Someone asked for a new password for the Verband account { $username }. Was it you? Then choose a new password through this link:
    { $link }

    The link works for { $minutes } minutes, once. Did you not ask? Then you can ignore this mail: your password stays as it is.

    Kind regards,
    Verband
account-mail-invitation-subject = Invitation to { $network } in Verband
account-mail-invitation-body = Hello,

    { $inviter } invites you to { $network } in Verband, as { $role }.

    Accept the invitation through this personal link (do not forward it):
    { $link }

    The link works for { $days } days, once. Not expecting this invitation? Then you can ignore this mail.

    Kind regards,
    Verband

account-email = E-mail address
account-email-hint = Where the link goes when you forget your password.
account-profile-title = Your details
account-profile-save = Save details
account-profile-saved = Your details have been saved.
account-password-title = Change password
account-password-intro = After the change you are logged out everywhere except here. The same goes when you change your e-mail address.
account-password-save = Change password
account-password-changed = Your password has been changed. You have been logged out everywhere else.
account-sessions-title = Where you are logged in
account-sessions-intro = See a session you do not know? Log out everywhere else and change your password.
account-session-created = Logged in at
account-session-expires = Expires at
account-session-origin = From
account-session-current = this session
account-sessions-end-others = Log out everywhere else
account-sessions-ended = You have been logged out everywhere else.
