namespace Workshops.Core.Email;

public sealed record ConfirmAccountEmail(string DisplayName, string Link) : IEmailModel
{
    public string Template => "ConfirmAccount";
    public string Subject => "Confirm your email address";
}

public sealed record ResetPasswordEmail(string DisplayName, string Link) : IEmailModel
{
    public string Template => "ResetPassword";
    public string Subject => "Reset your password";
}
