using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Workshops.Core.Privacy;

/// <summary>
/// Reads from the model itself which columns hold personal data: those marked <see cref="PersonalDataAttribute"/>.
/// A column whose name looks personal must be marked one way or the other, so a new one cannot slip past the export
/// and the erasure unnoticed.
/// </summary>
public static partial class PersonalColumns
{
    /// <summary>The properties marked personal, on entity and owned types alike.</summary>
    public static IReadOnlyList<IProperty> Marked(IModel model) =>
        Ours(model).SelectMany(t => t.GetProperties()).Where(IsPersonal).ToList();

    /// <summary>The properties that point at the account that acted (see <see cref="ActedByAttribute"/>).</summary>
    public static IReadOnlyList<IProperty> ActedBy(IModel model) =>
        Ours(model).SelectMany(t => t.GetDeclaredProperties()).Where(p => Has<ActedByAttribute>(p)).ToList();

    public static bool IsPersonal(IProperty property) =>
        Has<PersonalDataAttribute>(property) || IdentityDerived.Contains(property.Name) && property.DeclaringType.ClrType.IsAssignableTo(typeof(IdentityUser));

    public static bool IsDecided(IProperty property) =>
        IsPersonal(property) || Has<ActedByAttribute>(property) || Has<NotPersonalAttribute>(property);

    // Identity marks the address and the user name but not the upper-cased copies it keeps of them for look-ups.
    private static readonly HashSet<string> IdentityDerived = [nameof(IdentityUser.NormalizedEmail), nameof(IdentityUser.NormalizedUserName)];

    private static bool Has<T>(IProperty property) where T : Attribute => property.PropertyInfo?.GetCustomAttribute<T>(inherit: true) is not null;

    /// <summary>Columns named like personal data and marked neither way.</summary>
    public static IReadOnlyList<IProperty> Undecided(IModel model) =>
        Ours(model).SelectMany(t => t.GetDeclaredProperties())
            .Where(p => !p.IsPrimaryKey() && LooksPersonal().IsMatch(p.Name) && !IsDecided(p)).ToList();

    /// <summary>
    /// The model's own types and the account. Identity's claims, logins, roles and tokens belong to the account by a
    /// foreign key and go with it; the Data Protection keys hold no one's data.
    /// </summary>
    private static IEnumerable<IEntityType> Ours(IModel model) =>
        model.GetEntityTypes().Where(t => t.ClrType.Assembly == typeof(PersonalColumns).Assembly);

    [GeneratedRegex("(Name|Email|Phone|Address|Addresses|UserAgent|Institution|Organisation|Nationality|Comment|UserId|ById|^UpdatedBy|ProposerId|ReviewerId|ActorId|^To|Speakers|Chair|Role|Notes|Detail|Error|Reason|Reference|Note)$")]
    private static partial Regex LooksPersonal();
}
