using Workshops.Core.Data;

namespace Workshops.Web.Features.Shared;

/// <summary>What a write service answers: the saved thing's id, or the field and message of a refusal.</summary>
public sealed record EditResult(Guid? Id, string? Field = null, string? Error = null, bool Stale = false)
{
    public static EditResult Fail(string? field, string error) => new(null, field, error);

    /// <summary>Someone else saved the same thing since the form was drawn: nothing was saved.</summary>
    public static EditResult Conflict(string what) => new(null, null, Versions.Conflict(what), Stale: true);
}
