# Access to a network, invitations, the first administrator and managing networks.

nav-access = People and access
networks-empty-admin = There is no network yet. Create the first network and invite its coordinator.
flash-withdrawn = Invitation withdrawn.
flash-removed = Access removed.

access-title = People and access
access-intro = Who can work in this network, in which role and for which partner. Invite people by e-mail; they choose their own password.
access-invite-title = Invite people
access-invite-emails = E-mail addresses
access-invite-emails-hint = One address per line. You can also paste a list from your mail program.
access-invite-submit = Send invitation
access-role = Role
access-partner = Partner
access-partner-hint = The organisation these people represent. Leave empty for the coordinator, steering group or advisors without a partner of their own.
access-no-partner = No partner
access-invitations-title = Open invitations
access-invitations-empty = There are no open invitations.
access-email = E-mail address
access-status = Status
access-invitation-sent = Sent on { $date }
access-invitation-not-mailed = Not mailed
access-invitation-valid-until = valid until { $date }
access-invitation-expired = Expired
access-resend = Send again
access-withdraw = Withdraw
access-people-title = People with access
access-people-empty = Nobody has access yet.
access-name = Name
access-role-and-partner = Role and partner
access-you = you
access-change = Change
access-remove = Remove access
access-remove-title = Remove access?
access-remove-text = { $name } will no longer be able to work in { $network }. What this person did stays. You can invite them again later.
access-problem-last-coordinator = A network always has at least one coordinator. Make someone else coordinator first.
access-problem-invalid = This change is not valid. Choose a role and a partner from the list.
access-invited-mailed = { $count ->
    [one] 1 invitation was mailed.
   *[other] { $count } invitations were mailed.
}
access-invited-already = These addresses already have access:
access-invited-by-hand = No mail server is set up, or mailing failed. Pass on these personal links yourself; they are valid for 14 days and are shown only once:

invitation-title = Invitation to { $network }
invitation-intro = You are invited to { $network } with the role { $role }.
invitation-for-partner = You represent { $partner } there.
invitation-accept-as = You are logged in as { $name }. Accept the invitation with this account.
invitation-accept = Accept invitation
invitation-account-exists = An account with this e-mail address exists already. Log in to accept the invitation.
invitation-login-to-accept = Log in and accept
invitation-new-account = Choose a user name and password. Your account gets the e-mail address { $email }.
invitation-create-account = Create account and accept
invitation-have-account = Have an account already? Log in first.
invitation-invalid-title = This link does not work
invitation-invalid-text = The link has expired, was used already, was withdrawn or was not copied completely. Ask the person who invited you for a new invitation.
invitation-to-login = Go to log in

account-form-name = Your name
account-form-username-hint = Lower-case letters, digits and . _ - @. You log in with this.
account-form-email = E-mail address
account-form-password-hint = At least 12 characters. A sentence of a few words is strong and easy to remember.
account-form-password-again = Password again

setup-title = First administrator
setup-intro = Verband has no administrator yet. Create the administrator's account here. This address works only once.
setup-submit = Create administrator

admin-networks-title = Manage networks
admin-networks-new = Create network
admin-networks-create = Create network
admin-networks-empty = There is no network yet.
admin-networks-welcome = Welcome. You are now the administrator. Create the first network and invite its coordinator.
admin-networks-archived = Archived networks
admin-networks-coordinator = Coordinator's e-mail address
admin-networks-coordinator-hint = This person gets an invitation to become coordinator. You can also do this later.
admin-networks-archive-title = Archive network?
admin-networks-archive-text = { $network } disappears for everyone but the administrator. Invitations stop working. Nothing is deleted: you can always restore the network.

error-too-many-addresses = Invite at most 200 addresses at once.
error-username-taken = This user name is taken. Choose another.
