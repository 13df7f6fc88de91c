## Two-factor sign-in: setting it up, signing in with a code, administration.

two-factor-title = Two-factor sign-in
two-factor-back-to-account = Back to My account
two-factor-intro = With two-factor sign-in you sign in with your password and a code from an app on your phone. Someone who knows your password still cannot get into your account.
two-factor-required-notice = The administrator asks you to switch on two-factor sign-in. Do this first, then you can continue.
two-factor-is-off = Two-factor sign-in is off.
two-factor-is-on = Two-factor sign-in is on.
two-factor-on-since = Since { $date }.
two-factor-start = Set up two-factor sign-in
two-factor-switched-on = Two-factor sign-in is now on.
two-factor-switched-off = Two-factor sign-in is now off.
two-factor-throttled = Too many wrong codes. Try again in a quarter of an hour.

two-factor-setup-title = Set up
two-factor-setup-step-app = Install an app for sign-in codes on your phone, for example your organisation's authenticator app.
two-factor-setup-step-scan = Scan the QR code below with that app, or type in the key.
two-factor-setup-step-code = Enter the six-digit code the app shows.
two-factor-qr-caption = QR code to add Verband to your app. Cannot scan? Use the details below.
two-factor-manual = Details to type in yourself:
two-factor-secret = Key
two-factor-issuer = Service
two-factor-account = Account
two-factor-kind = Kind
two-factor-kind-value = Time-based, 6 digits, every 30 seconds
two-factor-code = Code from your app
two-factor-code-hint = Six digits, for example 123456.
two-factor-confirm = Switch on
two-factor-restart = Start again with a new key

two-factor-recovery-title = Recovery codes
two-factor-recovery-left = You have { $count } unused recovery codes left.
two-factor-recovery-new = Make new recovery codes
two-factor-recovery-once = Keep these recovery codes in a safe place. You see them only once. Each code works once, for when you do not have your phone at hand.
two-factor-recovery-use = When signing in, enter a recovery code instead of the code from your app. Making new recovery codes makes the old ones invalid.
two-factor-recovery-saved = I have saved the codes

two-factor-off-title = Switch off
two-factor-off-intro = Enter your password to switch two-factor sign-in off. Your recovery codes then lapse.
two-factor-off-submit = Switch two-factor sign-in off

two-factor-login-title = Enter your code
two-factor-login-intro = Your password is right. Now enter the code from your app, or one of your recovery codes.
two-factor-login-code = Code
two-factor-login-code-hint = Six digits from your app, or a recovery code such as abcde-fghij.
two-factor-login-submit = Sign in
two-factor-login-wrong = This code is not right, or was already used. Wait for the next code in your app.
two-factor-login-expired = Your sign-in attempt has expired. Please sign in again.
two-factor-login-again = Sign in again

two-factor-admin-title = Manage two-factor sign-in
two-factor-admin-requirement = Make it required
two-factor-admin-who = Who must use two-factor sign-in?
two-factor-requirement-none = Nobody is required; everyone may switch it on
two-factor-requirement-coordinators = Coordinators and administrators
two-factor-requirement-everyone = Everyone
two-factor-admin-accounts = Accounts with two-factor sign-in
two-factor-admin-reset-intro = Has someone lost their phone and used up their recovery codes? Reset their two-factor sign-in here. They then sign in with their password alone, or set it up again when it is required.
two-factor-admin-none = Nobody has switched on two-factor sign-in yet.
two-factor-admin-since = On since
two-factor-admin-reset = Reset
two-factor-admin-reset-done = The two-factor sign-in has been reset.

error-two-factor-code-wrong = This code is not right. Check the time on your phone and enter the newest code.
error-two-factor-code-format = Enter the six digits from your app.
error-two-factor-password-wrong = This password is not right.
