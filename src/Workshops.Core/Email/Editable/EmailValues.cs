using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;

namespace Workshops.Core.Email.Editable;

/// <summary>
/// The placeholders of one email, as a record: each public string property is a placeholder, named in snake case
/// (ProposalTitle is {{ proposal_title }}). One record gives the editor its list and examples, the check that
/// refuses a placeholder the email does not have, and the values at send time, so the three cannot drift apart.
/// </summary>
public abstract record EmailValues
{
    private static readonly ConcurrentDictionary<Type, (string Name, PropertyInfo Property)[]> Shapes = new();

    /// <summary>The placeholders and their values; the site's name is added when the email is rendered.</summary>
    public IReadOnlyDictionary<string, string> ToDictionary() =>
        Shape(GetType()).ToDictionary(p => p.Name, p => (string?)p.Property.GetValue(this) ?? "");

    private static (string Name, PropertyInfo Property)[] Shape(Type type) => Shapes.GetOrAdd(type, t =>
        t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType == typeof(string) && p.GetIndexParameters().Length == 0)
            // The base record's placeholders first (the reader's name before the workshop's), each in the order written.
            .OrderBy(p => Depth(p.DeclaringType!)).ThenBy(p => p.MetadataToken)
            .Select(p => (JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name), p))
            .ToArray());

    private static int Depth(Type type) => type.BaseType is { } parent ? 1 + Depth(parent) : 0;
}
