using System.Reflection;
using Microsoft.AspNetCore.Identity;
using Workshops.Core.Localization;

namespace Workshops.Core.Domain.Accounts;

/// <summary>
/// Length is the rule that matters (NIST SP 800-63B): 12 to 128 characters, no composition rules,
/// and refuse passwords that appear on lists of common ones or that merely repeat the account's own name.
/// </summary>
public sealed class CommonPasswordValidator(Microsoft.Extensions.Options.IOptions<SiteOptions> site) : IPasswordValidator<AppUser>
{
    public const int MinLength = 12;
    public const int MaxLength = 128;

    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        var error = Check(password, user.Email, user.DisplayName, site.Value.Name);
        return Task.FromResult(error is null
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = "PasswordWeak", Description = error }));
    }

    public static string? Check(string? password, string? email, string? displayName, string? siteName = null)
    {
        password ??= "";
        if (password.Length < MinLength) return Tr.T("Use at least {0} characters; a few words in a row make a good password.", MinLength);
        if (password.Length > MaxLength) return Tr.T("Use at most {0} characters.", MaxLength);
        var lower = password.ToLowerInvariant();
        if (Common.Value.Contains(lower)) return Tr.T("That password is on lists of common passwords; choose another.");
        if (lower.Distinct().Count() <= 2) return Tr.T("That password repeats one or two characters; choose another.");
        var local = email?.Split('@')[0].ToLowerInvariant();
        if (!string.IsNullOrEmpty(email) && (lower.Contains(email.ToLowerInvariant()) || (local?.Length >= 4 && Squeezed(lower).Contains(Squeezed(local)))))
            return Tr.T("Your password must not contain your email address.");
        if (!string.IsNullOrWhiteSpace(siteName) && Squeezed(lower).Contains(Squeezed(siteName.ToLowerInvariant())))
            return Tr.T("Your password must not contain the site's name.");
        if (!string.IsNullOrWhiteSpace(displayName) && lower == displayName.Replace(" ", "").ToLowerInvariant())
            return Tr.T("Your password must not be your name.");
        return null;
    }

    /// <summary>Letters and digits only, so "Living Atlases" is found in "livingatlases2026" and "ana.lima" in "analima!".</summary>
    private static string Squeezed(string text) => string.Concat(text.Where(char.IsLetterOrDigit));

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Workshops.Core.Domain.Accounts.common-passwords.txt")
            ?? throw new InvalidOperationException("The common password list is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0 && line[0] != '#') set.Add(line);
        return set;
    }
}
