namespace Workshops.Core.Domain.Common;

/// <summary>A rule of the domain was broken; handlers turn it into a message for the user.</summary>
public sealed class DomainException(string message, string? field = null) : Exception(message)
{
    public string? Field { get; } = field;
}
