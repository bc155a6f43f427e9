namespace Workshops.Core.Privacy;

/// <summary>
/// The account that did something to a row (an organiser who admitted, an admin who disabled): it points at a person,
/// so the erasure of that account clears it; it is not data about the row's own subject, so no export lists it.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ActedByAttribute : Attribute;
