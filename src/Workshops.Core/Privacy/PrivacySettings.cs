using Workshops.Core.Domain.Common;
using Workshops.Core.Localization;

namespace Workshops.Core.Privacy;

/// <summary>
/// The site's answers to "who keeps my data, and for how long": the controller named in every privacy notice unless a
/// workshop names its own, and how long each kind of personal data is kept before the daily job erases it. One row,
/// set by admins; the privacy notice at /privacy shows it.
/// </summary>
public sealed class PrivacySettings
{
    public const int SingletonId = 1;
    public const int MaxController = 500;
    public const int MinDays = 1;
    public const int MaxDays = 3650;

    public int Id { get; private set; } = SingletonId;
    /// <summary>Who decides what is done with the data, and how to reach them: a name, an address, an email.</summary>
    public string? Controller { get; private set; }
    /// <summary>Passport nationalities and invitation letters, counted from the workshop's end.</summary>
    public int NationalityDays { get; private set; } = 90;
    /// <summary>Answers to registration questions, counted from the workshop's end.</summary>
    public int AnswersDays { get; private set; } = 365;
    /// <summary>The text of sent emails, which holds private links, counted from sending.</summary>
    public int EmailBodyDays { get; private set; } = 90;
    /// <summary>The security log's entries (addresses of sign-ins and failed ones).</summary>
    public int SecurityLogDays { get; private set; } = 90;
    public DateTimeOffset UpdatedAt { get; private set; }

    private PrivacySettings() { }

    public static PrivacySettings Default(int securityLogDays) => new() { SecurityLogDays = Math.Clamp(securityLogDays, MinDays, MaxDays) };

    public void Change(PrivacySettingsDetails details, DateTimeOffset now)
    {
        details.Validate();
        Controller = string.IsNullOrWhiteSpace(details.Controller) ? null : details.Controller.Trim();
        (NationalityDays, AnswersDays, EmailBodyDays, SecurityLogDays) = (details.NationalityDays, details.AnswersDays, details.EmailBodyDays, details.SecurityLogDays);
        UpdatedAt = now;
    }

    public int DaysFor(PersonalDataKind kind) => kind switch
    {
        PersonalDataKind.Nationalities => NationalityDays,
        PersonalDataKind.Answers => AnswersDays,
        PersonalDataKind.EmailBodies => EmailBodyDays,
        PersonalDataKind.SecurityLog => SecurityLogDays,
        _ => 0,
    };
}

public sealed record PrivacySettingsDetails(string? Controller, int NationalityDays, int AnswersDays, int EmailBodyDays, int SecurityLogDays)
{
    public void Validate()
    {
        if (Controller?.Trim().Length > PrivacySettings.MaxController)
            throw new DomainException(Tr.T("The controller can be at most {0} characters.", PrivacySettings.MaxController), nameof(Controller));
        foreach (var (days, field) in new[] { (NationalityDays, nameof(NationalityDays)), (AnswersDays, nameof(AnswersDays)), (EmailBodyDays, nameof(EmailBodyDays)), (SecurityLogDays, nameof(SecurityLogDays)) })
            if (days is < PrivacySettings.MinDays or > PrivacySettings.MaxDays)
                throw new DomainException(Tr.T("Keep it from {0} to {1:N0} days.", PrivacySettings.MinDays, PrivacySettings.MaxDays), field);
    }
}
