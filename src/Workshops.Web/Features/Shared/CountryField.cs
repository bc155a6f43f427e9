namespace Workshops.Web.Features.Shared;

/// <summary>A country picker on a form: the field's name and id, what it holds now, and whether a country must be chosen.</summary>
public sealed record CountryField(string Name, string Id, string? Value, bool Required = false, string? DescribedBy = null)
{
    /// <summary>The code the field holds: a code, a name typed elsewhere (the API, an old form), or nothing.</summary>
    public string? Selected => Core.Domain.Common.Countries.Find(Value) ?? (string.IsNullOrWhiteSpace(Value) ? null : Value.Trim());
}
