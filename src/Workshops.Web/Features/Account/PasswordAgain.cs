using Microsoft.AspNetCore.Identity;
using Workshops.Core.Domain.Accounts;

namespace Workshops.Web.Features.Account;

/// <summary>
/// Asks for the password again before something a borrowed browser must not do (take a copy of the data, delete the
/// account): checked as at sign-in, lockout included.
/// </summary>
public static class PasswordAgain
{
    /// <summary>Null when the password is right, else what to say.</summary>
    public static async Task<string?> ProblemAsync(SignInManager<AppUser> signIn, AppUser user, string? password)
    {
        if (string.IsNullOrEmpty(password)) return Tr.T("Enter your password.");
        var check = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        // A second factor is for signing in; here the password alone is what is asked again.
        if (check.Succeeded || check.RequiresTwoFactor) return null;
        return check.IsLockedOut ? Tr.T("Too many wrong passwords: try again in a quarter of an hour.") : Tr.T("Your password is wrong.");
    }
}
