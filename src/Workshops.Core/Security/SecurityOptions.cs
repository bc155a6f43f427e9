using System.ComponentModel.DataAnnotations;

namespace Workshops.Core.Security;

public sealed class SecurityOptions : IValidatableObject
{
    public const string Section = "Security";

    /// <summary>Admins and organisers must sign in with a second factor; those without one are led through setting it up.</summary>
    public bool RequireTwoFactorForStaff { get; set; }

    /// <summary>A session ends after this many days without a visit.</summary>
    [Range(1, 365, ErrorMessage = "Security:SessionSlidingDays must be between 1 and 365.")]
    public int SessionSlidingDays { get; set; } = 14;

    /// <summary>A session ends this many days after its password sign-in, however often it is used.</summary>
    [Range(1, 365, ErrorMessage = "Security:SessionAbsoluteDays must be between 1 and 365.")]
    public int SessionAbsoluteDays { get; set; } = 30;

    /// <summary>Days the security log keeps an event.</summary>
    [Range(1, 3650, ErrorMessage = "Security:LogRetentionDays must be between 1 and 3650.")]
    public int LogRetentionDays { get; set; } = 365;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SessionAbsoluteDays < SessionSlidingDays)
            yield return new ValidationResult($"Security:SessionAbsoluteDays ({SessionAbsoluteDays}) must be at least Security:SessionSlidingDays ({SessionSlidingDays}).");
    }
}
