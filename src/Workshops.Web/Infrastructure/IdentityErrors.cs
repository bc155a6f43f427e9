using Microsoft.AspNetCore.Identity;

namespace Workshops.Web.Infrastructure;

/// <summary>
/// Identity's messages in the site's words and in the reader's language. Each keeps Identity's own code, which the
/// pages read to put a message beside its field.
/// </summary>
public sealed class IdentityErrors : IdentityErrorDescriber
{
    public override IdentityError DefaultError() =>
        Say(base.DefaultError(), Tr.T("Something went wrong. Try again in a moment."));

    public override IdentityError ConcurrencyFailure() =>
        Say(base.ConcurrencyFailure(), Tr.T("The account changed meanwhile; try again."));

    public override IdentityError PasswordMismatch() =>
        Say(base.PasswordMismatch(), Tr.T("Your password is wrong."));

    public override IdentityError InvalidToken() =>
        Say(base.InvalidToken(), Tr.T("This link has expired or was already used. Ask for a new one."));

    public override IdentityError RecoveryCodeRedemptionFailed() =>
        Say(base.RecoveryCodeRedemptionFailed(), Tr.T("That recovery code is wrong or was used already."));

    public override IdentityError LoginAlreadyAssociated() =>
        Say(base.LoginAlreadyAssociated(), Tr.T("That sign-in is already linked to another account."));

    // The user name is the email address.
    public override IdentityError InvalidUserName(string? userName) =>
        Say(base.InvalidUserName(userName), string.IsNullOrWhiteSpace(userName)
            ? Tr.T("Enter an email address like name@example.org.")
            : Tr.T("{0} cannot be used to sign in; enter an email address like name@example.org.", userName));

    public override IdentityError InvalidEmail(string? email) =>
        Say(base.InvalidEmail(email), string.IsNullOrWhiteSpace(email)
            ? Tr.T("Enter an email address like name@example.org.")
            : Tr.T("{0} is not an email address; enter one like name@example.org.", email));

    public override IdentityError DuplicateUserName(string userName) =>
        Say(base.DuplicateUserName(userName), Tr.T("An account already uses {0}.", userName));

    public override IdentityError DuplicateEmail(string email) =>
        Say(base.DuplicateEmail(email), Tr.T("An account already uses {0}.", email));

    public override IdentityError InvalidRoleName(string? role) =>
        Say(base.InvalidRoleName(role), Tr.T("“{0}” cannot be the name of a role.", role));

    public override IdentityError DuplicateRoleName(string role) =>
        Say(base.DuplicateRoleName(role), Tr.T("A role called {0} exists already.", role));

    public override IdentityError UserAlreadyHasPassword() =>
        Say(base.UserAlreadyHasPassword(), Tr.T("This account has a password already."));

    public override IdentityError UserLockoutNotEnabled() =>
        Say(base.UserLockoutNotEnabled(), Tr.T("This account cannot be locked."));

    public override IdentityError UserAlreadyInRole(string role) =>
        Say(base.UserAlreadyInRole(role), Tr.T("The account has the role {0} already.", role));

    public override IdentityError UserNotInRole(string role) =>
        Say(base.UserNotInRole(role), Tr.T("The account does not have the role {0}.", role));

    public override IdentityError PasswordTooShort(int length) =>
        Say(base.PasswordTooShort(length), Tr.T("Use at least {0} characters; a few words in a row make a good password.", length));

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Say(base.PasswordRequiresUniqueChars(uniqueChars), Tr.N(uniqueChars, "Use at least {0} different character.", "Use at least {0} different characters."));

    public override IdentityError PasswordRequiresNonAlphanumeric() =>
        Say(base.PasswordRequiresNonAlphanumeric(), Tr.T("Use at least one character that is not a letter or a digit."));

    public override IdentityError PasswordRequiresDigit() =>
        Say(base.PasswordRequiresDigit(), Tr.T("Use at least one digit."));

    public override IdentityError PasswordRequiresLower() =>
        Say(base.PasswordRequiresLower(), Tr.T("Use at least one lowercase letter."));

    public override IdentityError PasswordRequiresUpper() =>
        Say(base.PasswordRequiresUpper(), Tr.T("Use at least one capital letter."));

    /// <summary>Identity's error with its code, in our words.</summary>
    private static IdentityError Say(IdentityError error, string description)
    {
        error.Description = description;
        return error;
    }
}
