namespace Workshops.Core.Privacy;

/// <summary>
/// A column whose name looks personal ("Name", "Address", "CreatedById") but holds no one's personal data: a room's
/// name, a workshop's street address. Says why, so the decision is read where the column is declared.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NotPersonalAttribute(string why) : Attribute
{
    public string Why { get; } = why;
}
