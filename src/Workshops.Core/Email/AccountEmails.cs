using Workshops.Core.Localization;

namespace Workshops.Core.Email;

public sealed record ConfirmAccountEmail(string DisplayName, string Link) : IEmailModel
{
    public string Template => "ConfirmAccount";
    public string Subject => Tr.T("Confirm your email address");
}

public sealed record ResetPasswordEmail(string DisplayName, string Link) : IEmailModel
{
    public string Template => "ResetPassword";
    public string Subject => Tr.T("Reset your password");
}

/// <summary>Sent instead of a confirmation when someone signs up with an address that has an account: the form tells the stranger nothing.</summary>
public sealed record AccountExistsEmail(string DisplayName, string SignInLink, string ResetLink) : IEmailModel
{
    public string Template => "AccountExists";
    public string Subject => Tr.T("You already have an account");
}

/// <summary>Sent to the new address when someone changes theirs; the change happens when the link is opened.</summary>
public sealed record ConfirmEmailChangeEmail(string DisplayName, string NewEmail, string Link) : IEmailModel
{
    public string Template => "ConfirmEmailChange";
    public string Subject => Tr.T("Confirm your new email address");
}

/// <summary>Sent to the old address once the change is done, so a hijacked account does not change hands in silence.</summary>
public sealed record EmailChangedEmail(string DisplayName, string NewEmail) : IEmailModel
{
    public string Template => "EmailChanged";
    public string Subject => Tr.T("Your email address was changed");
}

/// <summary>The person's copy of their data is ready; the link leads to their account page, where they sign in to download it.</summary>
public sealed record DataExportReadyEmail(string DisplayName, string Link, string ExpiresOn) : IEmailModel
{
    public string Template => "DataExportReady";
    public string Subject => Tr.T("Your data is ready to download");
}

/// <summary>Sent to someone who cannot sign in and asks to delete their account: the link asks them once more.</summary>
public sealed record DeleteAccountEmail(string DisplayName, string Link) : IEmailModel
{
    public string Template => "DeleteAccount";
    public string Subject => Tr.T("Delete your account");
}
